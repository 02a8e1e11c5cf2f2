#![doc = include_str!("../README.md")]

// Table of contents: one concern per module.

mod aead; // XChaCha20-Poly1305 helpers (internal)
mod blind; // blind indexes (internal; see ServerSecret::blind_index)
mod chain; // hash chains
mod crockford; // Crockford base32 for typed codes (internal)
mod derive; // HKDF / HMAC / SHA-256 helpers (internal)
mod envelope; // envelopes: seal, open, Aad
mod error; // CryptoError
mod invite; // invite codes
mod kdf; // Argon2id password keys, profiles, verifiers
mod keys; // Key32, role newtypes, SymmetricKey
mod padding; // size-bucket padding
mod pepper; // ServerSecret and keys derived from it
mod random; // OS randomness
mod recovery; // recovery codes
mod seal; // X25519 key pairs and sealing keys to them
mod tokens; // session tokens, CSRF tokens, ct_eq
mod wrap; // key wrapping

pub use chain::chain_hash;
pub use envelope::{Aad, EnvelopeKind, envelope_key_version, open, seal};
pub use error::{CryptoError, Result};
pub use invite::InviteCode;
pub use kdf::{
    KdfMemory, KdfProfile, PasswordKeys, derive_password_keys, random_salt, verifier_digest,
    verify_verifier,
};
pub use keys::{
    EnforcedKey, KEY_LEN, Key32, KeyEncryptionKey, RelationshipKey, SessionKey, SymmetricKey,
    UserKey,
};
pub use padding::{pad, padded_len, unpad};
pub use pepper::ServerSecret;
pub use random::fill_random;
pub use recovery::RecoveryCode;
pub use seal::{UserKeyPair, open_sealed_key, seal_key_to, try_seal_key_to};
pub use tokens::{SessionToken, ct_eq};
pub use wrap::{WRAPPED_KEY_LEN, unwrap_key, wrap_key};
