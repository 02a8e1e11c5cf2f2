//! Internal HKDF-SHA256 and HMAC-SHA256 helpers.

use hkdf::Hkdf;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::keys::Key32;

/// HKDF-SHA256 to a 32-byte key; `info` parts are concatenated.
pub(crate) fn hkdf32(ikm: &[u8], salt: Option<&[u8]>, info: &[&[u8]]) -> Key32 {
    let hk = Hkdf::<Sha256>::new(salt, ikm);
    let mut out = Key32::zeroed();
    hk.expand_multi_info(info, out.bytes_mut())
        .expect("32 bytes is a valid HKDF-SHA256 output length");
    out
}

/// HMAC-SHA256 over the concatenation of `parts`.
pub(crate) fn hmac32(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    let mut mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("HMAC accepts keys of any length");
    for p in parts {
        mac.update(p);
    }
    mac.finalize().into_bytes().into()
}

/// SHA-256 of `data`.
pub(crate) fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    Sha256::digest(data).into()
}
