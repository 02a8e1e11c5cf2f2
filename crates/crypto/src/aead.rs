//! Internal XChaCha20-Poly1305 helpers shared by wrapping, sealing and envelopes.

use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use crate::error::{CryptoError, Result};
use crate::random;

/// Nonce length of XChaCha20-Poly1305.
pub(crate) const NONCE_LEN: usize = 24;
/// Tag length of Poly1305.
pub(crate) const TAG_LEN: usize = 16;

fn cipher(key: &[u8; 32]) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(key.into())
}

/// A fresh random nonce.
///
/// SECURITY: XChaCha's 192-bit nonce makes random nonces safe: collisions are
/// negligible even for billions of messages under one key.
pub(crate) fn random_nonce() -> [u8; NONCE_LEN] {
    random::array()
}

/// Encrypts and appends ciphertext+tag to `out`.
pub(crate) fn encrypt_into(
    key: &[u8; 32],
    nonce: &[u8; NONCE_LEN],
    ad: &[u8],
    plaintext: &[u8],
    out: &mut Vec<u8>,
) {
    let ct = cipher(key)
        .encrypt(
            &XNonce::from(*nonce),
            Payload {
                msg: plaintext,
                aad: ad,
            },
        )
        .expect("XChaCha20-Poly1305 only fails for inputs of hundreds of GiB");
    out.extend_from_slice(&ct);
}

/// Decrypts ciphertext+tag; any failure is [`CryptoError::Decrypt`].
pub(crate) fn decrypt(
    key: &[u8; 32],
    nonce: &[u8],
    ad: &[u8],
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>> {
    let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| CryptoError::Decrypt)?;
    cipher(key)
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: ciphertext,
                aad: ad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::Decrypt)
}

/// Unambiguous encoding of a list of byte strings: each is prefixed with its
/// length as a big-endian u64.
pub(crate) fn encode_parts(out: &mut Vec<u8>, parts: &[&[u8]]) {
    for p in parts {
        out.extend_from_slice(&(p.len() as u64).to_be_bytes());
        out.extend_from_slice(p);
    }
}
