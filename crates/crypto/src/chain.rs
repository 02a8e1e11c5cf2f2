//! Hash chains, for tamper-evident logs.

use sha2::{Digest, Sha256};

/// SHA-256 over `prev` followed by each part prefixed with its length
/// (big-endian u64), so different splits of the same bytes never collide.
#[must_use]
pub fn chain_hash(prev: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(prev);
    for p in parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p);
    }
    h.finalize().into()
}
