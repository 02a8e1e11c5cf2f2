//! Session tokens, anti-CSRF tokens and constant-time comparison.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::derive::{hmac32, sha256};
use crate::error::{CryptoError, Result};
use crate::keys::SessionKey;
use crate::random;

const ID_LEN: usize = 16;
const KEY_LEN: usize = 32;
const TOKEN_CHARS: usize = 64;

/// Session token: 16-byte id + 32-byte session key, encoded base64url without
/// padding (64 characters). The database stores only [`SessionToken::id_digest`]
/// and the UserKey wrapped under [`SessionToken::key`].
/// Zeroized on drop; `Debug` is redacted.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SessionToken {
    id: [u8; ID_LEN],
    key: [u8; KEY_LEN],
}

impl SessionToken {
    /// A fresh random token.
    ///
    /// # Panics
    /// If the operating system's random generator fails.
    #[must_use]
    pub fn generate() -> Self {
        let mut t = Self {
            id: [0u8; ID_LEN],
            key: [0u8; KEY_LEN],
        };
        random::fill(&mut t.id);
        random::fill(&mut t.key);
        t
    }

    /// Parses the cookie form.
    ///
    /// # Errors
    /// [`CryptoError::Malformed`] for a wrong length or alphabet.
    pub fn parse(s: &str) -> Result<Self> {
        if s.len() != TOKEN_CHARS {
            return Err(CryptoError::Malformed("session token"));
        }
        let mut buf = Zeroizing::new([0u8; ID_LEN + KEY_LEN]);
        let n = URL_SAFE_NO_PAD
            .decode_slice(s.as_bytes(), &mut buf[..])
            .map_err(|_| CryptoError::Malformed("session token"))?;
        if n != ID_LEN + KEY_LEN {
            return Err(CryptoError::Malformed("session token"));
        }
        let mut t = Self {
            id: [0u8; ID_LEN],
            key: [0u8; KEY_LEN],
        };
        t.id.copy_from_slice(&buf[..ID_LEN]);
        t.key.copy_from_slice(&buf[ID_LEN..]);
        Ok(t)
    }

    /// The cookie form: 64 base64url characters.
    #[must_use]
    pub fn encode(&self) -> String {
        let mut buf = Zeroizing::new([0u8; ID_LEN + KEY_LEN]);
        buf[..ID_LEN].copy_from_slice(&self.id);
        buf[ID_LEN..].copy_from_slice(&self.key);
        URL_SAFE_NO_PAD.encode(&buf[..])
    }

    /// What the database stores to find the session: SHA-256 of the id.
    ///
    /// SECURITY: a database leak does not give usable cookies.
    #[must_use]
    pub fn id_digest(&self) -> [u8; 32] {
        sha256(&self.id)
    }

    /// The session key, under which the server keeps the UserKey wrapped.
    #[must_use]
    pub fn key(&self) -> SessionKey {
        SessionKey::from_bytes(self.key)
    }

    /// Per-session anti-CSRF form token: HMAC-SHA256(session key,
    /// "attune csrf v1"), base64url without padding (43 characters).
    #[must_use]
    pub fn csrf_token(&self) -> String {
        URL_SAFE_NO_PAD.encode(hmac32(&self.key, &[b"attune csrf v1"]))
    }

    /// Whether `candidate` is this session's CSRF token (constant time).
    #[must_use]
    pub fn verify_csrf(&self, candidate: &str) -> bool {
        ct_eq(self.csrf_token().as_bytes(), candidate.as_bytes())
    }
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SessionToken([redacted])")
    }
}

/// Constant-time comparison of two byte strings (only the lengths may leak).
#[must_use]
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    // SECURITY: comparing secrets byte by byte with early exit leaks how many
    // leading bytes matched; subtle's comparison does not.
    a.ct_eq(b).into()
}
