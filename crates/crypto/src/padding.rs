//! Length hiding: plaintexts are padded to a size bucket before encryption.

use crate::error::{CryptoError, Result};

/// Length of the plaintext length prefix (big-endian u64).
const PREFIX: usize = 8;
const MIN_BUCKET: usize = 64;
const BIG_STEP: usize = 64 * 1024;

/// The padded length for a plaintext of `len` bytes: the smallest power of
/// two from 64 bytes up to 64 KiB that fits the 8-byte prefix and the
/// plaintext, then multiples of 64 KiB.
#[must_use]
pub fn padded_len(len: usize) -> usize {
    let need = len.saturating_add(PREFIX);
    if need <= BIG_STEP {
        need.next_power_of_two().max(MIN_BUCKET)
    } else {
        need.div_ceil(BIG_STEP).saturating_mul(BIG_STEP)
    }
}

/// Length-prefixes `plain` (u64 big-endian) and pads it with zeros to its bucket.
///
/// SECURITY: ciphertext length then shows only the bucket, not the exact
/// length of what a person wrote.
#[must_use]
pub fn pad(plain: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(padded_len(plain.len()));
    pad_into(plain, &mut out);
    out
}

pub(crate) fn pad_into(plain: &[u8], out: &mut Vec<u8>) {
    let total = padded_len(plain.len());
    out.extend_from_slice(&(plain.len() as u64).to_be_bytes());
    out.extend_from_slice(plain);
    out.resize(total, 0);
}

/// Checks a padded buffer and returns where the plaintext lies in it.
pub(crate) fn unpadded_range(padded: &[u8]) -> Result<std::ops::Range<usize>> {
    if padded.len() < PREFIX {
        return Err(CryptoError::Malformed("padding"));
    }
    let mut prefix = [0u8; PREFIX];
    prefix.copy_from_slice(&padded[..PREFIX]);
    let len = usize::try_from(u64::from_be_bytes(prefix))
        .map_err(|_| CryptoError::Malformed("padding"))?;
    let end = len
        .checked_add(PREFIX)
        .filter(|&end| end <= padded.len())
        .ok_or(CryptoError::Malformed("padding"))?;
    if padded_len(len) != padded.len() || padded[end..].iter().any(|&b| b != 0) {
        return Err(CryptoError::Malformed("padding"));
    }
    Ok(PREFIX..end)
}

/// Reverses [`pad`], refusing anything `pad` could not have produced.
///
/// # Errors
/// [`CryptoError::Malformed`] on a bad prefix, wrong bucket or non-zero padding.
pub fn unpad(padded: &[u8]) -> Result<Vec<u8>> {
    let r = unpadded_range(padded)?;
    Ok(padded[r].to_vec())
}
