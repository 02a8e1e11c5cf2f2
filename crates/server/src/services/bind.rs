//! Associated data for every wrapped key and envelope: each names its purpose and place, so a
//! ciphertext moved to another row, user or space no longer opens.

use attune_crypto::{Aad, EnvelopeKind};

/// Builds unambiguous associated data for key wrapping from labelled parts.
pub fn wrap_ad(purpose: &str, parts: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(64);
    for p in std::iter::once(purpose).chain(parts.iter().copied()) {
        out.extend_from_slice(&(p.len() as u32).to_be_bytes());
        out.extend_from_slice(p.as_bytes());
    }
    out
}

/// A private envelope (under the user key) for one row of one table.
pub fn private<'a>(purpose: &'a str, table: &'a str, row_id: &'a str, owner: &'a str) -> Aad<'a> {
    Aad {
        kind: EnvelopeKind::Private,
        purpose,
        table,
        row_id,
        owner,
        space: "",
        key_version: 0,
    }
}

/// A shared envelope (under a relationship key version) for one row of one space.
pub fn shared<'a>(
    purpose: &'a str,
    table: &'a str,
    row_id: &'a str,
    owner: &'a str,
    space: &'a str,
    key_version: u32,
) -> Aad<'a> {
    Aad {
        kind: EnvelopeKind::Shared,
        purpose,
        table,
        row_id,
        owner,
        space,
        key_version,
    }
}
