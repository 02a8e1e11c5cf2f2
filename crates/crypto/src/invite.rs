//! Invite codes: how a partner joins a space.

use std::fmt;

use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::crockford;
use crate::derive::hkdf32;
use crate::error::Result;
use crate::keys::KeyEncryptionKey;
use crate::pepper::ServerSecret;
use crate::random;

const CHARS: usize = 20;
const GROUP: usize = 5;
const BYTES: usize = 13;

/// Invite secret: 100 random bits shown as 20 Crockford base32 characters
/// grouped `XXXXX-XXXXX-XXXXX-XXXXX`; parsed as leniently as recovery codes.
/// Held as 13 bytes whose last 4 bits are zero. Zeroized on drop; `Debug` is
/// redacted.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct InviteCode([u8; BYTES]);

impl InviteCode {
    /// A fresh random code.
    ///
    /// # Panics
    /// If the operating system's random generator fails.
    #[must_use]
    pub fn generate() -> Self {
        let mut c = Self([0u8; BYTES]);
        random::fill(&mut c.0);
        c.0[BYTES - 1] &= 0xF0;
        c
    }

    /// Parses a typed code (case, spaces and dashes ignored; O→0, I/L→1).
    ///
    /// # Errors
    /// [`crate::CryptoError::Malformed`] when refused.
    pub fn parse(s: &str) -> Result<Self> {
        let bytes = crockford::decode::<BYTES>(s, CHARS, "invite code")?;
        Ok(Self(*bytes))
    }

    /// The code as shown: `XXXXX-XXXXX-XXXXX-XXXXX`, upper case.
    #[must_use]
    pub fn display(&self) -> String {
        crockford::group(&crockford::encode(&self.0, CHARS), GROUP)
    }

    /// Lookup handle stored in the database: `blind_index("invite", code bytes)`.
    #[must_use]
    pub fn lookup(&self, secret: &ServerSecret) -> [u8; 32] {
        secret.blind_index("invite", &self.0)
    }

    /// Key under which the inviter wraps the RelationshipKey for the invitee:
    /// HKDF-SHA256(ikm = code bytes, salt = pepper, info = "attune invite v1").
    ///
    /// SECURITY: 100 bits cannot be guessed online, and the pepper keeps a
    /// database thief from testing codes offline.
    #[must_use]
    pub fn wrapping_key(&self, secret: &ServerSecret) -> KeyEncryptionKey {
        hkdf32(&self.0, Some(secret.expose()), &[b"attune invite v1"]).into()
    }
}

impl fmt::Debug for InviteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("InviteCode([redacted])")
    }
}
