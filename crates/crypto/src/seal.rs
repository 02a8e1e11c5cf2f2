//! Public-key sealing: giving a 32-byte key to a user who may be offline.

use std::fmt;

use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::{Zeroize, Zeroizing};

use crate::aead::{self, NONCE_LEN, TAG_LEN};
use crate::derive::hkdf32;
use crate::error::{CryptoError, Result};
use crate::keys::{KEY_LEN, Key32};
use crate::random;

/// Format version of sealed keys.
const SEAL_VERSION: u8 = 1;
/// version(1) || ephemeral public(32) || nonce(24) || ciphertext(32) || tag(16).
const SEALED_LEN: usize = 1 + 32 + NONCE_LEN + KEY_LEN + TAG_LEN;
const SEAL_INFO: &[u8] = b"attune seal v1";

/// X25519 key pair of a user. The private half is only ever stored wrapped
/// under the UserKey. `Debug` is redacted; the secret is zeroized on drop.
pub struct UserKeyPair {
    secret: StaticSecret,
    public: PublicKey,
}

impl UserKeyPair {
    /// A fresh key pair.
    ///
    /// # Panics
    /// If the operating system's random generator fails.
    #[must_use]
    pub fn generate() -> Self {
        Self::from_secret(Key32::random())
    }

    /// The public half, safe to store in clear.
    #[must_use]
    pub fn public(&self) -> [u8; 32] {
        self.public.to_bytes()
    }

    /// A copy of the private half, to be wrapped under the UserKey.
    #[must_use]
    pub fn secret_bytes(&self) -> Key32 {
        Key32::from_bytes(self.secret.to_bytes())
    }

    /// Rebuilds the pair from its private half.
    #[must_use]
    pub fn from_secret(k: Key32) -> Self {
        let secret = StaticSecret::from(*k.expose());
        let public = PublicKey::from(&secret);
        Self { secret, public }
    }
}

impl fmt::Debug for UserKeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("UserKeyPair([redacted])")
    }
}

fn seal_key(shared: &[u8; 32], eph_pub: &[u8; 32], recipient_pub: &[u8; 32]) -> Key32 {
    // SECURITY: both public keys go into the derivation so a sealed box is
    // bound to the exact pair of keys it was made for.
    let mut ikm = Zeroizing::new([0u8; 96]);
    ikm[..32].copy_from_slice(shared);
    ikm[32..64].copy_from_slice(eph_pub);
    ikm[64..].copy_from_slice(recipient_pub);
    hkdf32(&ikm[..], None, &[SEAL_INFO])
}

fn seal_ad(ad: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(ad.len() + 32);
    aead::encode_parts(&mut out, &[SEAL_INFO, ad]);
    out
}

/// Anonymously seals a 32-byte key to `recipient_public`: ephemeral X25519,
/// HKDF-SHA256 over (shared secret, ephemeral public, recipient public),
/// XChaCha20-Poly1305 with `ad`.
///
/// Output: version byte || ephemeral public(32) || nonce(24) || ciphertext+tag.
///
/// # Panics
/// If the operating system's random generator fails, or if `recipient_public`
/// is a low-order point (no honest key pair ever has one); use
/// [`try_seal_key_to`] to get an error instead.
#[must_use]
pub fn seal_key_to(recipient_public: &[u8; 32], key: &[u8; KEY_LEN], ad: &[u8]) -> Vec<u8> {
    match try_seal_key_to(recipient_public, key, ad) {
        Ok(sealed) => sealed,
        Err(_) => panic!("refusing to seal to a low-order public key"),
    }
}

/// Like [`seal_key_to`], but refuses a low-order public key with an error.
///
/// # Errors
/// [`CryptoError::Malformed`] if `recipient_public` is a low-order point.
///
/// # Panics
/// If the operating system's random generator fails.
pub fn try_seal_key_to(
    recipient_public: &[u8; 32],
    key: &[u8; KEY_LEN],
    ad: &[u8],
) -> Result<Vec<u8>> {
    let mut eph_bytes = random::array::<32>();
    let eph = StaticSecret::from(eph_bytes);
    eph_bytes.zeroize();
    let eph_pub = PublicKey::from(&eph).to_bytes();
    let shared = eph.diffie_hellman(&PublicKey::from(*recipient_public));
    // SECURITY: a low-order recipient key gives an all-zero shared secret that
    // anyone can compute; refuse rather than seal to it.
    if !shared.was_contributory() {
        return Err(CryptoError::Malformed("recipient public key"));
    }
    let k = seal_key(shared.as_bytes(), &eph_pub, recipient_public);
    let nonce = aead::random_nonce();
    let mut out = Vec::with_capacity(SEALED_LEN);
    out.push(SEAL_VERSION);
    out.extend_from_slice(&eph_pub);
    out.extend_from_slice(&nonce);
    aead::encrypt_into(k.expose(), &nonce, &seal_ad(ad), key, &mut out);
    Ok(out)
}

/// Opens a key sealed with [`seal_key_to`].
///
/// # Errors
/// [`CryptoError::Malformed`] for a wrong length or version,
/// [`CryptoError::Decrypt`] for a wrong recipient, wrong `ad` or tampering.
pub fn open_sealed_key(recipient: &UserKeyPair, sealed: &[u8], ad: &[u8]) -> Result<Key32> {
    if sealed.len() != SEALED_LEN {
        return Err(CryptoError::Malformed("sealed key length"));
    }
    if sealed[0] != SEAL_VERSION {
        return Err(CryptoError::Malformed("sealed key version"));
    }
    let mut eph_pub = [0u8; 32];
    eph_pub.copy_from_slice(&sealed[1..33]);
    let shared = recipient.secret.diffie_hellman(&PublicKey::from(eph_pub));
    if !shared.was_contributory() {
        return Err(CryptoError::Decrypt);
    }
    let k = seal_key(shared.as_bytes(), &eph_pub, &recipient.public());
    let (nonce, ct) = sealed[33..].split_at(NONCE_LEN);
    let plain = aead::decrypt(k.expose(), nonce, &seal_ad(ad), ct)?;
    if plain.len() != KEY_LEN {
        return Err(CryptoError::Malformed("sealed key length"));
    }
    let mut key = Key32::zeroed();
    key.bytes_mut().copy_from_slice(&plain);
    Ok(key)
}
