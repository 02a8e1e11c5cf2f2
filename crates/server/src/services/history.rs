//! Versions of shared records (boundaries and the agreement) as a tamper-evident hash chain
//! (C4, invariant 7): sealing and opening versions and pending changes, the chain links, the
//! short fingerprint members compare, and `attune check`'s verification.

use attune_crypto::chain_hash;
use attune_domain::boundaries::diff::{DiffLine, LineChange, diff_lines};
use attune_domain::text::{Lines, clean};
use attune_store::Store;
use attune_store::rows::{RecordRow, VersionRow};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::keys::Place;
use super::shared;
use super::spaces::Membership;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// `shared_records.kind` of a boundary.
pub const BOUNDARY: &str = "boundary";
/// `shared_records.kind` of the agreement.
pub const AGREEMENT: &str = "agreement";

const VERSION_PURPOSE: &str = "record-version";
const CHANGE_PURPOSE: &str = "pending-change";

/// The plaintext of a version: the content (`null` when a boundary was removed), the optional
/// reason, and who confirmed it (empty for a solo tightening).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VersionBody {
    /// The boundary or agreement as JSON; `null` for a removal.
    pub content: Value,
    /// Why, in the author's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Member ids who confirmed it (for changes that needed everyone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confirmed_by: Vec<String>,
}

/// The plaintext of a pending change: the proposed content and the reason.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChangeBody {
    /// The proposed boundary or agreement; `null` to remove a boundary.
    pub content: Value,
    /// Why, in the proposer's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The longest reason given with a change, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// Checks an optional reason ("why I'm changing this").
pub fn parse_reason(input: Option<&str>) -> AppResult<Option<String>> {
    let text = clean(
        "reason",
        "The reason",
        input.unwrap_or(""),
        0,
        MAX_REASON_CHARS,
        Lines::Multi,
    )?;
    Ok((!text.is_empty()).then_some(text))
}

/// The associated-data row of a version: record and number, so versions cannot be swapped.
fn version_row(record_id: &str, number: i64) -> String {
    format!("{record_id}/{number}")
}

fn owner_of(record: &RecordRow) -> &str {
    record.owner_member_id.as_deref().unwrap_or("")
}

/// The first link of a record's chain binds it to its space, id and kind.
pub fn genesis(record: &RecordRow) -> [u8; 32] {
    chain_hash(
        &[0u8; 32],
        &[
            b"attune record chain v1",
            record.space_id.as_bytes(),
            record.id.as_bytes(),
            record.kind.as_bytes(),
            owner_of(record).as_bytes(),
        ],
    )
}

/// The hash of one version: the previous hash, then its place, author, time and stored bytes.
pub fn version_hash(prev: &[u8; 32], v: &VersionRow) -> [u8; 32] {
    chain_hash(
        prev,
        &[
            v.record_id.as_bytes(),
            &v.number.to_be_bytes(),
            v.author_member_id.as_bytes(),
            &v.created_at.to_be_bytes(),
            &v.sealed,
        ],
    )
}

/// Builds the next version of a record: seals the body and links it to the current head.
pub async fn next_version(
    state: &AppState,
    m: &mut Membership,
    record: &RecordRow,
    head: Option<&VersionRow>,
    author: &str,
    body: &VersionBody,
) -> AppResult<VersionRow> {
    let number = head.map_or(1, |h| h.number + 1);
    let prev: [u8; 32] =
        match head {
            Some(h) => h.hash.as_slice().try_into().map_err(|_| {
                AppError::Internal(anyhow::anyhow!("stored hash has the wrong length"))
            })?,
            None => genesis(record),
        };
    let row = version_row(&record.id, number);
    let place = Place {
        purpose: VERSION_PURPOSE,
        table: "record_versions",
        row: &row,
        owner: owner_of(record),
    };
    let sealed = shared::seal_json(state, m, place, body).await?;
    let mut v = VersionRow {
        record_id: record.id.clone(),
        number,
        author_member_id: author.into(),
        created_at: state.clock.now(),
        sealed,
        prev_hash: prev.to_vec(),
        hash: Vec::new(),
    };
    v.hash = version_hash(&prev, &v).to_vec();
    Ok(v)
}

/// Opens one version; `None` if this member cannot read it (see [`shared::open_json`]).
pub async fn open_version(
    state: &AppState,
    m: &mut Membership,
    record: &RecordRow,
    v: &VersionRow,
) -> AppResult<Option<VersionBody>> {
    let row = version_row(&record.id, v.number);
    let place = Place {
        purpose: VERSION_PURPOSE,
        table: "record_versions",
        row: &row,
        owner: owner_of(record),
    };
    shared::open_json(state, m, place, &v.sealed).await
}

/// Seals a pending change's body.
pub async fn seal_change(
    state: &AppState,
    m: &mut Membership,
    change_id: &str,
    proposer: &str,
    body: &ChangeBody,
) -> AppResult<Vec<u8>> {
    let place = Place {
        purpose: CHANGE_PURPOSE,
        table: "pending_changes",
        row: change_id,
        owner: proposer,
    };
    shared::seal_json(state, m, place, body).await
}

/// Opens a pending change's body; `None` if this member cannot read it.
pub async fn open_change(
    state: &AppState,
    m: &mut Membership,
    change_id: &str,
    proposer: &str,
    envelope: &[u8],
) -> AppResult<Option<ChangeBody>> {
    let place = Place {
        purpose: CHANGE_PURPOSE,
        table: "pending_changes",
        row: change_id,
        owner: proposer,
    };
    shared::open_json(state, m, place, envelope).await
}

/// Where a chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The version at fault.
    pub number: i64,
    /// What is wrong, in plain words.
    pub what: &'static str,
}

/// Verifies a record's versions: numbered 1, 2, 3 … without gaps, each linked to the previous
/// one, each hash matching what is stored. Returns the head hash (`None` for no versions).
pub fn verify_chain(
    record: &RecordRow,
    versions: &[VersionRow],
) -> Result<Option<[u8; 32]>, Broken> {
    let mut prev = genesis(record);
    for (i, v) in versions.iter().enumerate() {
        let expected_number = i as i64 + 1;
        if v.number != expected_number {
            return Err(Broken {
                number: expected_number,
                what: "a version is missing",
            });
        }
        if v.prev_hash != prev {
            return Err(Broken {
                number: v.number,
                what: "it does not link to the version before it",
            });
        }
        let hash = version_hash(&prev, v);
        if v.hash != hash {
            return Err(Broken {
                number: v.number,
                what: "its stored bytes do not match its hash",
            });
        }
        prev = hash;
    }
    Ok((!versions.is_empty()).then_some(prev))
}

/// A short, readable fingerprint of one or more chain heads, for members to compare between
/// their screens: 16 hexadecimal characters in groups of four.
pub fn fingerprint(heads: &[[u8; 32]]) -> String {
    let parts: Vec<&[u8]> = heads.iter().map(|h| h.as_slice()).collect();
    let digest = chain_hash(&[0u8; 32], &parts);
    digest[..8]
        .chunks(2)
        .map(|c| format!("{:02X}{:02X}", c[0], c[1]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The result of checking every chain in the database.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// How many records were checked.
    pub records: usize,
    /// How many versions were checked.
    pub versions: usize,
    /// One line per broken chain, naming it.
    pub broken: Vec<String>,
}

/// Verifies every boundary and agreement chain in the database (`attune check`). Needs no keys:
/// the chain covers the stored ciphertext.
pub async fn check_all(store: &dyn Store) -> AppResult<CheckReport> {
    let mut report = CheckReport::default();
    for record in store.all_records().await? {
        let versions = store.versions_of(&record.id).await?;
        report.records += 1;
        report.versions += versions.len();
        if let Err(b) = verify_chain(&record, &versions) {
            report.broken.push(format!(
                "{} chain {} (space {}): version {}: {}",
                record.kind, record.id, record.space_id, b.number, b.what
            ));
        }
    }
    Ok(report)
}

/// The differences in one field between two versions.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldDiff {
    /// The field's heading.
    pub field: String,
    /// Its lines: `same`, `added` or `removed`.
    pub lines: Vec<DiffLineView>,
}

/// One line of a difference.
#[derive(Debug, Serialize, ToSchema)]
pub struct DiffLineView {
    /// `same`, `added` or `removed`.
    pub change: String,
    /// The line.
    pub text: String,
}

fn line_view(l: DiffLine) -> DiffLineView {
    DiffLineView {
        change: match l.change {
            LineChange::Same => "same",
            LineChange::Added => "added",
            LineChange::Removed => "removed",
        }
        .into(),
        text: l.text,
    }
}

/// Field-by-field differences between two renderings (heading, text); only changed fields.
pub fn diff_fields(old: &[(String, String)], new: &[(String, String)]) -> Vec<FieldDiff> {
    let mut headings: Vec<&String> = old.iter().map(|(h, _)| h).collect();
    for (h, _) in new {
        if !headings.contains(&h) {
            headings.push(h);
        }
    }
    let text_of = |fields: &[(String, String)], h: &str| -> String {
        fields
            .iter()
            .find(|(k, _)| k == h)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    headings
        .into_iter()
        .filter_map(|h| {
            let (a, b) = (text_of(old, h), text_of(new, h));
            (a != b).then(|| FieldDiff {
                field: h.clone(),
                lines: diff_lines(&a, &b).into_iter().map(line_view).collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> RecordRow {
        RecordRow {
            id: "r1".into(),
            space_id: "s1".into(),
            kind: BOUNDARY.into(),
            owner_member_id: Some("m1".into()),
            created_at: 1,
            review_at: None,
            reviewed_at: 1,
        }
    }

    fn chain(n: i64) -> Vec<VersionRow> {
        let r = record();
        let mut prev = genesis(&r);
        (1..=n)
            .map(|i| {
                let mut v = VersionRow {
                    record_id: r.id.clone(),
                    number: i,
                    author_member_id: "m1".into(),
                    created_at: 10 * i,
                    sealed: vec![i as u8; 40],
                    prev_hash: prev.to_vec(),
                    hash: vec![],
                };
                prev = version_hash(&prev, &v);
                v.hash = prev.to_vec();
                v
            })
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies_and_any_tampering_is_caught() {
        let r = record();
        assert!(verify_chain(&r, &chain(3)).unwrap().is_some());
        let mut bytes = chain(3);
        bytes[1].sealed[0] ^= 1;
        assert_eq!(verify_chain(&r, &bytes).unwrap_err().number, 2);
        let mut author = chain(3);
        author[0].author_member_id = "m2".into();
        assert_eq!(verify_chain(&r, &author).unwrap_err().number, 1);
        let mut gap = chain(3);
        gap.remove(1);
        assert_eq!(
            verify_chain(&r, &gap).unwrap_err().what,
            "a version is missing"
        );
        let mut other = record();
        other.id = "r2".into();
        assert!(verify_chain(&other, &chain(1)).is_err());
    }

    #[test]
    fn fingerprints_are_short_and_follow_the_head() {
        let a = fingerprint(&[[1u8; 32]]);
        assert_eq!(a.len(), 19);
        assert_ne!(a, fingerprint(&[[2u8; 32]]));
    }
}
