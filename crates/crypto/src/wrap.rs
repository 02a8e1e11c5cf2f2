//! Key wrapping: one 32-byte key encrypted under another.

use zeroize::Zeroizing;

use crate::aead::{self, NONCE_LEN, TAG_LEN};
use crate::error::{CryptoError, Result};
use crate::keys::{KEY_LEN, Key32, SymmetricKey};

/// Format version of wrapped keys.
const WRAP_VERSION: u8 = 1;

/// Length of a wrapped key: version(1) || nonce(24) || ciphertext(32) || tag(16).
pub const WRAPPED_KEY_LEN: usize = 1 + NONCE_LEN + KEY_LEN + TAG_LEN;

/// Domain label mixed into the associated data.
const WRAP_LABEL: &[u8] = b"attune wrap v1";

fn wrap_ad(ad: &[u8]) -> Zeroizing<Vec<u8>> {
    // SECURITY: the label keeps a wrapped key from being accepted as any other
    // kind of ciphertext made under the same key, and the length prefix keeps
    // the caller's `ad` unambiguous.
    let mut out = Zeroizing::new(Vec::with_capacity(WRAP_LABEL.len() + ad.len() + 16));
    aead::encode_parts(&mut out, &[WRAP_LABEL, ad]);
    out
}

/// Wraps `key` under `wrapping` with XChaCha20-Poly1305 and a random nonce.
///
/// Output: version byte || nonce(24) || ciphertext+tag (48), [`WRAPPED_KEY_LEN`] bytes.
/// `ad` is authenticated, not encrypted; `unwrap_key` needs the same `ad`.
///
/// # Panics
/// If the operating system's random generator fails.
#[must_use]
pub fn wrap_key(wrapping: &impl SymmetricKey, key: &[u8; KEY_LEN], ad: &[u8]) -> Vec<u8> {
    let nonce = aead::random_nonce();
    let mut out = Vec::with_capacity(WRAPPED_KEY_LEN);
    out.push(WRAP_VERSION);
    out.extend_from_slice(&nonce);
    aead::encrypt_into(wrapping.key_bytes(), &nonce, &wrap_ad(ad), key, &mut out);
    out
}

/// Unwraps a key made by [`wrap_key`].
///
/// # Errors
/// [`CryptoError::Malformed`] for a wrong length or version,
/// [`CryptoError::Decrypt`] for a wrong key, wrong `ad` or tampering.
pub fn unwrap_key(wrapping: &impl SymmetricKey, wrapped: &[u8], ad: &[u8]) -> Result<Key32> {
    if wrapped.len() != WRAPPED_KEY_LEN {
        return Err(CryptoError::Malformed("wrapped key length"));
    }
    if wrapped[0] != WRAP_VERSION {
        return Err(CryptoError::Malformed("wrapped key version"));
    }
    let (nonce, ct) = wrapped[1..].split_at(NONCE_LEN);
    let plain = aead::decrypt(wrapping.key_bytes(), nonce, &wrap_ad(ad), ct)?;
    let mut key = Key32::zeroed();
    if plain.len() != KEY_LEN {
        return Err(CryptoError::Malformed("wrapped key length"));
    }
    key.bytes_mut().copy_from_slice(&plain);
    Ok(key)
}
