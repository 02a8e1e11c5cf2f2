//! The crate's single error type.

/// Everything that can go wrong in this crate.
///
/// SECURITY: messages are fixed strings. They never include key material,
/// plaintext or the rejected input, so they are safe to log.
#[derive(Debug, thiserror::Error, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    /// Authentication failed: wrong key, wrong associated data, or tampered bytes.
    #[error("could not decrypt")]
    Decrypt,
    /// Input does not have the expected shape; the string says which input.
    #[error("malformed input: {0}")]
    Malformed(&'static str),
    /// The password key derivation failed (for example, invalid cost parameters).
    #[error("key derivation failed")]
    Kdf,
    /// The operating system's random number generator failed.
    #[error("random number generator failed")]
    Random,
}

/// Result type of this crate.
pub type Result<T> = std::result::Result<T, CryptoError>;
