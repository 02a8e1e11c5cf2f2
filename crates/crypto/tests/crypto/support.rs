//! Shared fixtures for the tests.

use attune_crypto::{Aad, EnvelopeKind};
use proptest::prelude::*;

/// Owned strings behind an `Aad`, so proptest can generate them.
#[derive(Clone, Debug)]
pub struct AadFields {
    pub kind: EnvelopeKind,
    pub purpose: String,
    pub table: String,
    pub row_id: String,
    pub owner: String,
    pub space: String,
    pub key_version: u32,
}

impl AadFields {
    pub fn aad(&self) -> Aad<'_> {
        Aad {
            kind: self.kind,
            purpose: &self.purpose,
            table: &self.table,
            row_id: &self.row_id,
            owner: &self.owner,
            space: &self.space,
            key_version: self.key_version,
        }
    }

    pub fn sample() -> Self {
        Self {
            kind: EnvelopeKind::Private,
            purpose: "journal".into(),
            table: "entries".into(),
            row_id: "row-1".into(),
            owner: "user-1".into(),
            space: "space-1".into(),
            key_version: 1,
        }
    }
}

pub fn kind() -> impl Strategy<Value = EnvelopeKind> {
    prop_oneof![
        Just(EnvelopeKind::Private),
        Just(EnvelopeKind::Shared),
        Just(EnvelopeKind::ServerEnforced),
    ]
}

pub fn aad_fields() -> impl Strategy<Value = AadFields> {
    (
        kind(),
        "[a-z ]{0,12}",
        "[a-z_]{0,12}",
        "[a-z0-9-]{0,12}",
        "[a-z0-9-]{0,12}",
        "[a-z0-9-]{0,12}",
        any::<u32>(),
    )
        .prop_map(
            |(kind, purpose, table, row_id, owner, space, key_version)| AadFields {
                kind,
                purpose,
                table,
                row_id,
                owner,
                space,
                key_version,
            },
        )
}
