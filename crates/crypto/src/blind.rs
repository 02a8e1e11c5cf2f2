//! Blind indexes: deterministic keyed hashes for lookups.

use crate::derive::{hkdf32, hmac32};

/// HMAC-SHA256 keyed by HKDF(pepper, "attune blind index v1") over
/// `purpose || 0x00 || value`.
pub(crate) fn blind_index(pepper: &[u8; 32], purpose: &str, value: &[u8]) -> [u8; 32] {
    debug_assert!(
        !purpose.as_bytes().contains(&0),
        "blind index purpose must not contain NUL"
    );
    // SECURITY: a dedicated derived key keeps the pepper itself out of HMAC,
    // and the purpose prefix keeps indexes of different columns unlinkable.
    let key = hkdf32(pepper, None, &[b"attune blind index v1"]);
    hmac32(key.expose(), &[purpose.as_bytes(), &[0u8], value])
}
