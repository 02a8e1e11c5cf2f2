//! Sealing and opening the inventory's server-enforced envelopes, and the plaintext inside them.

use attune_domain::inventory::item::Role;
use attune_domain::inventory::matching::Answers;
use attune_domain::inventory::rating::Rating;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::AppResult;
use crate::services::enforced::{open_enforced, seal_enforced};
use crate::services::keys::Place;
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

fn place<'a>(purpose: &'a str, row: &'a str, owner: &'a str) -> Place<'a> {
    Place {
        purpose,
        table: table(purpose),
        row,
        owner,
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
    seal_enforced(state, m, &place(purpose, row, owner), value).await
}

/// Opens an envelope; `None` when this member holds no copy of its key version.
pub(super) async fn open_value<T: DeserializeOwned>(
    state: &AppState,
    m: &mut Membership,
    purpose: &str,
    row: &str,
    owner: &str,
    envelope: &[u8],
) -> AppResult<Option<T>> {
    open_enforced(state, m, &place(purpose, row, owner), envelope).await
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
