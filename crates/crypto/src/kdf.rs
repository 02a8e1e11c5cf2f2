//! Password key derivation (Argon2id) and login verifiers.

use std::fmt;

use argon2::{Algorithm, Argon2, Block, Params, Version};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::derive::{hkdf32, sha256};
use crate::error::{CryptoError, Result};
use crate::keys::KeyEncryptionKey;
use crate::pepper::ServerSecret;
use crate::random;
use crate::tokens::ct_eq;

const M_RANGE: std::ops::RangeInclusive<u32> = 8..=1_048_576;
const T_RANGE: std::ops::RangeInclusive<u32> = 1..=10;
const P_RANGE: std::ops::RangeInclusive<u32> = 1..=4;

/// Argon2id cost profile, stored per user as a string and upgradable at login.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfProfile {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Number of passes.
    pub t: u32,
    /// Lanes (parallelism).
    pub p: u32,
}

impl KdfProfile {
    /// The normal profile: 64 MiB, 3 passes, 1 lane.
    pub const DEFAULT: Self = Self {
        m_kib: 65536,
        t: 3,
        p: 1,
    };
    /// For small machines: 19 MiB, 2 passes, 1 lane (OWASP's minimum for Argon2id).
    pub const LOW_MEMORY: Self = Self {
        m_kib: 19456,
        t: 2,
        p: 1,
    };
    /// Fast and weak: for tests only, never for real passwords.
    pub const TEST: Self = Self {
        m_kib: 256,
        t: 1,
        p: 1,
    };

    /// The stored form, e.g. `argon2id;v=19;m=65536;t=3;p=1`.
    #[must_use]
    pub fn encode(&self) -> String {
        format!("argon2id;v=19;m={};t={};p={}", self.m_kib, self.t, self.p)
    }

    /// Parses [`KdfProfile::encode`]'s form, refusing anything else.
    ///
    /// # Errors
    /// [`CryptoError::Malformed`] for a bad shape or out-of-range values
    /// (m 8..=1048576 KiB and at least 8 per lane, t 1..=10, p 1..=4).
    pub fn parse(s: &str) -> Result<Self> {
        let mut it = s.split(';');
        let (Some("argon2id"), Some("v=19"), Some(m), Some(t), Some(p), None) = (
            it.next(),
            it.next(),
            it.next(),
            it.next(),
            it.next(),
            it.next(),
        ) else {
            return Err(CryptoError::Malformed("kdf profile"));
        };
        let profile = Self {
            m_kib: number(m, "m=")?,
            t: number(t, "t=")?,
            p: number(p, "p=")?,
        };
        profile.validate()?;
        Ok(profile)
    }

    /// Checks the values are in the accepted ranges.
    ///
    /// # Errors
    /// [`CryptoError::Malformed`] when out of range.
    pub fn validate(&self) -> Result<()> {
        // SECURITY: bounds stop a tampered profile string from turning logins
        // into a denial of service (huge memory or passes) or into a trivial
        // hash (zero cost).
        if !M_RANGE.contains(&self.m_kib)
            || !T_RANGE.contains(&self.t)
            || !P_RANGE.contains(&self.p)
            || self.m_kib < 8 * self.p
        {
            return Err(CryptoError::Malformed("kdf profile out of range"));
        }
        Ok(())
    }

    fn params(&self) -> Result<Params> {
        self.validate().map_err(|_| CryptoError::Kdf)?;
        Params::new(self.m_kib, self.t, self.p, Some(64)).map_err(|_| CryptoError::Kdf)
    }
}

fn number(field: &str, prefix: &str) -> Result<u32> {
    let digits = field
        .strip_prefix(prefix)
        .filter(|d| !d.is_empty() && d.len() <= 7 && d.bytes().all(|b| b.is_ascii_digit()))
        .ok_or(CryptoError::Malformed("kdf profile"))?;
    digits
        .parse()
        .map_err(|_| CryptoError::Malformed("kdf profile"))
}

/// Reusable Argon2 working memory, so a server's blocking workers do not
/// allocate 64 MiB per login. Grows on demand if a larger profile is used.
pub struct KdfMemory {
    blocks: Vec<Block>,
}

impl KdfMemory {
    /// Working memory sized for `profile`.
    #[must_use]
    pub fn new(profile: KdfProfile) -> Self {
        let mut m = Self { blocks: Vec::new() };
        m.ensure(profile.m_kib as usize);
        m
    }

    /// Number of 1 KiB blocks currently held.
    #[must_use]
    pub fn blocks(&self) -> usize {
        self.blocks.len()
    }

    fn ensure(&mut self, blocks: usize) {
        if self.blocks.len() < blocks {
            self.blocks.resize(blocks, Block::new());
        }
    }

    /// Zeroizes the first `blocks` blocks (the ones the last run used).
    fn wipe(&mut self, blocks: usize) {
        for b in self.blocks.iter_mut().take(blocks) {
            b.zeroize();
        }
    }
}

impl Drop for KdfMemory {
    fn drop(&mut self) {
        self.wipe(self.blocks.len());
    }
}

impl fmt::Debug for KdfMemory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KdfMemory")
            .field("blocks", &self.blocks.len())
            .finish()
    }
}

/// The two values derived from a password. Zeroized on drop; `Debug` is redacted.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct PasswordKeys {
    /// Wraps the UserKey.
    pub kek: KeyEncryptionKey,
    /// Proves the password at login; the database keeps only its digest.
    pub verifier: [u8; 32],
}

impl fmt::Debug for PasswordKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasswordKeys([redacted])")
    }
}

/// One Argon2id run over the password with a 16-byte salt and the pepper as
/// Argon2's secret input; the 64-byte output is split with HKDF-SHA256 into
/// the KEK (info "attune kek v1") and the login verifier ("attune verifier v1").
///
/// # Errors
/// [`CryptoError::Kdf`] if the profile is out of range or Argon2 fails.
pub fn derive_password_keys(
    secret: &ServerSecret,
    password: &[u8],
    salt: &[u8; 16],
    profile: KdfProfile,
    memory: &mut KdfMemory,
) -> Result<PasswordKeys> {
    let params = profile.params()?;
    // SECURITY: the pepper as Argon2's secret means a stolen database without
    // the secret file gives nothing to brute-force offline.
    let argon =
        Argon2::new_with_secret(secret.expose(), Algorithm::Argon2id, Version::V0x13, params)
            .map_err(|_| CryptoError::Kdf)?;
    let count = argon.params().block_count();
    memory.ensure(count);
    let mut out = Zeroizing::new([0u8; 64]);
    let res = argon.hash_password_into_with_memory(
        password,
        salt,
        &mut out[..],
        &mut memory.blocks[..count],
    );
    // SECURITY: the working memory holds password-derived state; wipe it
    // before it is reused or freed.
    memory.wipe(count);
    res.map_err(|_| CryptoError::Kdf)?;
    // SECURITY: the KEK and the verifier come from one Argon2 run but through
    // separate HKDF labels, so the verifier the server checks at login
    // reveals nothing about the KEK.
    let kek = hkdf32(&out[..], None, &[b"attune kek v1"]).into();
    let verifier_key = hkdf32(&out[..], None, &[b"attune verifier v1"]);
    Ok(PasswordKeys {
        kek,
        verifier: *verifier_key.expose(),
    })
}

/// A fresh random 16-byte salt.
///
/// # Panics
/// If the operating system's random generator fails.
#[must_use]
pub fn random_salt() -> [u8; 16] {
    random::array()
}

/// What the database stores to check a login: SHA-256 of the verifier.
#[must_use]
pub fn verifier_digest(verifier: &[u8; 32]) -> [u8; 32] {
    sha256(verifier)
}

/// Whether `verifier` matches `stored_digest`, compared in constant time.
#[must_use]
pub fn verify_verifier(verifier: &[u8; 32], stored_digest: &[u8]) -> bool {
    ct_eq(&verifier_digest(verifier), stored_digest)
}
