//! The server secret ("pepper") and the keys derived from it.

use std::fmt;

use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::derive::hkdf32;
use crate::error::{CryptoError, Result};
use crate::keys::{EnforcedKey, KEY_LEN, RelationshipKey, SymmetricKey};
use crate::random;

/// Server secret ("pepper"): 32 random bytes kept in a file outside the
/// database. Zeroized on drop; `Debug` is redacted.
///
/// SECURITY: it is mixed into password hashing, recovery and invite keys and
/// blind indexes, so a stolen database alone is not enough to guess passwords
/// or codes offline.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct ServerSecret([u8; KEY_LEN]);

impl ServerSecret {
    /// A fresh random secret.
    ///
    /// # Panics
    /// If the operating system's random generator fails.
    #[must_use]
    pub fn generate() -> Self {
        let mut s = Self([0u8; KEY_LEN]);
        random::fill(&mut s.0);
        s
    }

    /// Loads a secret; it must be exactly 32 bytes.
    ///
    /// # Errors
    /// [`CryptoError::Malformed`] for any other length.
    pub fn from_bytes(b: &[u8]) -> Result<Self> {
        let mut s = Self([0u8; KEY_LEN]);
        if b.len() != KEY_LEN {
            return Err(CryptoError::Malformed("server secret length"));
        }
        s.0.copy_from_slice(b);
        Ok(s)
    }

    /// The raw secret bytes, for saving them to the secret file.
    #[must_use]
    pub fn expose(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// Deterministic keyed hash for looking rows up without storing the value:
    /// HMAC-SHA256 keyed by HKDF(pepper, info "attune blind index v1"),
    /// over `purpose || 0x00 || value`.
    ///
    /// `purpose` must not contain a NUL byte (purposes are code constants).
    #[must_use]
    pub fn blind_index(&self, purpose: &str, value: &[u8]) -> [u8; 32] {
        crate::blind::blind_index(&self.0, purpose, value)
    }

    /// Key for the server-enforced envelope:
    /// HKDF-SHA256(ikm = rk, salt = pepper, info = "attune enforced v1" || purpose).
    ///
    /// SECURITY: needs both the space's RelationshipKey and the pepper, so
    /// neither a member alone nor a database thief alone can open such
    /// envelopes.
    #[must_use]
    pub fn enforced_key(&self, rk: &RelationshipKey, purpose: &str) -> EnforcedKey {
        hkdf32(
            rk.key_bytes(),
            Some(&self.0),
            &[b"attune enforced v1", purpose.as_bytes()],
        )
        .into()
    }
}

impl fmt::Debug for ServerSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ServerSecret([redacted])")
    }
}
