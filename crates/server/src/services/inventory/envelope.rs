//! Sealing and opening the inventory's server-enforced envelopes, and the plaintext inside them.

use attune_crypto::{Aad, EnvelopeKind, envelope_key_version, open, seal};
use attune_domain::inventory::item::Role;
use attune_domain::inventory::matching::Answers;
use attune_domain::inventory::rating::Rating;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::services::spaces::Membership;
use crate::state::AppState;

/// A member's own answers, with notes and conditions.
pub(super) const ANSWERS: &str = "inventory-answers";
/// A member's ratings frozen when a round opened.
pub(super) const SNAPSHOT: &str = "inventory-snapshot";
/// The text of a custom item.
pub(super) const CUSTOM: &str = "inventory-custom";

fn table(purpose: &str) -> &'static str {
    match purpose {
        ANSWERS => "inventory_answers",
        SNAPSHOT => "inventory_snapshots",
        _ => "inventory_custom_items",
    }
}

/// Have done / have not, kept apart from desire (B3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Experience {
    Done,
    NotYet,
}

/// One stored answer. Note and conditions live only in the member's own answers envelope.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Stored {
    pub item: String,
    pub role: Role,
    pub rating: Rating,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<Experience>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<String>,
}

/// The plaintext of an answers or snapshot envelope.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Blob {
    pub answers: Vec<Stored>,
}

impl Blob {
    /// Just the ratings, as matching needs them.
    pub fn ratings(&self) -> Answers {
        self.answers
            .iter()
            .map(|a| ((a.item.clone(), a.role), a.rating))
            .collect()
    }
}

fn aad<'a>(purpose: &'a str, row: &'a str, owner: &'a str, space: &'a str, v: u32) -> Aad<'a> {
    Aad {
        kind: EnvelopeKind::ServerEnforced,
        purpose,
        table: table(purpose),
        row_id: row,
        owner,
        space,
        key_version: v,
    }
}

/// Seals `value` under the space's current key, bound to its purpose, row and owner.
pub(super) async fn seal_value<T: Serialize>(
    state: &AppState,
    m: &mut Membership,
    purpose: &str,
    row: &str,
    owner: &str,
    value: &T,
) -> AppResult<Vec<u8>> {
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    // SECURITY: server-enforced envelopes need the relationship key and the server secret; the
    // padding in `seal` hides how many answers there are.
    let key = state.secret.enforced_key(&rk, purpose);
    let json = serde_json::to_vec(value).map_err(|e| AppError::Internal(e.into()))?;
    let space = m.space.id.clone();
    Ok(seal(
        &key,
        &aad(purpose, row, owner, &space, version as u32),
        &json,
    ))
}

/// Opens an envelope with the key version named in its header. `None` when this member holds
/// no copy of that key version (it was sealed before they joined and never rewritten): callers
/// then treat it as absent, which can only hide matches, never show one.
pub(super) async fn open_value<T: DeserializeOwned>(
    state: &AppState,
    m: &mut Membership,
    purpose: &str,
    row: &str,
    owner: &str,
    envelope: &[u8],
) -> AppResult<Option<T>> {
    let version = envelope_key_version(envelope)?;
    let rk = match m.keys.get(state.store.as_ref(), i64::from(version)).await {
        Ok(rk) => rk,
        Err(AppError::NotFound) => return Ok(None),
        Err(e) => return Err(e),
    };
    let key = state.secret.enforced_key(&rk, purpose);
    let space = m.space.id.clone();
    let plain = open(&key, &aad(purpose, row, owner, &space, version), envelope)?;
    serde_json::from_slice(&plain)
        .map(Some)
        .map_err(|e| AppError::Internal(e.into()))
}

/// My answers envelope, opened; empty if I have none yet.
pub(super) async fn my_blob(state: &AppState, m: &mut Membership) -> AppResult<Blob> {
    let member = m.member.id.clone();
    match state.store.answers_of(&m.space.id, &member).await? {
        Some(row) => Ok(open_value(state, m, ANSWERS, &member, &member, &row.sealed)
            .await?
            .unwrap_or_default()),
        None => Ok(Blob::default()),
    }
}

/// Every member's current answers, opened: member id → blob.
pub(super) async fn all_blobs(
    state: &AppState,
    m: &mut Membership,
) -> AppResult<Vec<(String, Blob)>> {
    let space = m.space.id.clone();
    let mut out = Vec::new();
    for row in state.store.answers_in_space(&space).await? {
        let blob: Option<Blob> = open_value(
            state,
            m,
            ANSWERS,
            &row.member_id,
            &row.member_id,
            &row.sealed,
        )
        .await?;
        out.push((row.member_id, blob.unwrap_or_default()));
    }
    Ok(out)
}

/// A serde enum's snake_case name.
pub(super) fn snake<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
