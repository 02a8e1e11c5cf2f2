//! Integration tests of attune-crypto, one module per concern.

mod codes;
mod envelopes;
mod flows;
mod hashing;
mod kdf;
mod padding;
mod sealing;
mod sessions;
mod support;
mod wrapping;
