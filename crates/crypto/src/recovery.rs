//! Recovery codes: the way back to the UserKey when the password is lost.

use std::fmt;

use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::crockford;
use crate::derive::hkdf32;
use crate::error::Result;
use crate::keys::KeyEncryptionKey;
use crate::pepper::ServerSecret;
use crate::random;

const CHARS: usize = 26;
const GROUP: usize = 4;

/// Recovery code: 128 random bits shown once, as 26 Crockford base32
/// characters in dash-separated groups of four (the last group has two).
/// Zeroized on drop; `Debug` is redacted.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct RecoveryCode([u8; 16]);

impl RecoveryCode {
    /// A fresh random code.
    ///
    /// # Panics
    /// If the operating system's random generator fails.
    #[must_use]
    pub fn generate() -> Self {
        let mut c = Self([0u8; 16]);
        random::fill(&mut c.0);
        c
    }

    /// Parses a typed code. Ignores case, spaces and dashes, maps O→0 and
    /// I/L→1, and refuses anything else (wrong length, other characters,
    /// non-zero trailing bits).
    ///
    /// # Errors
    /// [`crate::CryptoError::Malformed`] when refused.
    pub fn parse(s: &str) -> Result<Self> {
        let bytes = crockford::decode::<16>(s, CHARS, "recovery code")?;
        Ok(Self(*bytes))
    }

    /// The code as shown to the user: upper case, grouped, e.g. `7K3Q-…`.
    #[must_use]
    pub fn display(&self) -> String {
        crockford::group(&crockford::encode(&self.0, CHARS), GROUP)
    }

    /// Wrapping key for the UserKey:
    /// HKDF-SHA256(ikm = 16 code bytes, salt = pepper, info = "attune recovery v1").
    ///
    /// SECURITY: 128 random bits need no slow hash; the pepper as salt means
    /// the database alone cannot be used to test codes.
    #[must_use]
    pub fn wrapping_key(&self, secret: &ServerSecret) -> KeyEncryptionKey {
        hkdf32(&self.0, Some(secret.expose()), &[b"attune recovery v1"]).into()
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode([redacted])")
    }
}
