//! Reveal rounds (B5–B7): pressing reveal, freezing everyone's ratings when the round opens,
//! the matches as they stand now (lowering at once, raising next round), the honesty guard,
//! and the limits the whole space sees.

use std::collections::BTreeMap;

use attune_domain::inventory::catalog;
use attune_domain::inventory::custom::merge_twins_all;
use attune_domain::inventory::honesty::honesty;
use attune_domain::inventory::item::Role;
use attune_domain::inventory::matching::{Answers, Match, Round, visible_matches};
use attune_domain::inventory::rating::Rating;
use attune_store::StoreError;
use attune_store::rows::RoundRow;
use serde::Serialize;
use utoipa::ToSchema;

use super::custom::{Custom, load_customs, twins_of};
use super::envelope::{Blob, SNAPSHOT, Stored, all_blobs, open_value, seal_value, snake};
use crate::error::{AppError, AppResult};
use crate::services::sessions::SignedIn;
use crate::services::spaces::{Membership, membership};
use crate::state::AppState;

/// The cooling period between rounds when the space has not chosen one (7 days).
pub const DEFAULT_COOLING_SECS: i64 = 7 * 24 * 60 * 60;
/// What the round view says about the limits of matching (B6).
pub const EXPLANATION: &str = "Matching shows only what everyone is at least curious about. \
It can't tell whether someone answered honestly, which is why the counts below are shown: how \
many items each person answered, how many of them were a yes, and how many answers changed \
since the last round.";

fn round_id(space_id: &str, number: i64) -> String {
    // Deterministic, so the previous round's snapshots can be found for the honesty guard.
    format!("{space_id}/{number}")
}

async fn new_round(state: &AppState, space_id: &str, number: i64) -> AppResult<RoundRow> {
    let row = RoundRow {
        id: round_id(space_id, number),
        space_id: space_id.into(),
        number,
        created_at: state.clock.now(),
        opened_at: None,
    };
    match state.store.create_round(&row).await {
        Ok(()) => Ok(row),
        // Someone else started the same round at the same moment: use theirs.
        Err(StoreError::Conflict(_)) => state
            .store
            .latest_round(space_id)
            .await?
            .ok_or(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// How long until `secs` have passed, in plain words.
pub(super) fn in_about(secs: i64) -> String {
    let hours = (secs + 3599) / 3600;
    if hours > 48 {
        format!("{} days", (secs + 86_399) / 86_400)
    } else if hours > 1 {
        format!("{hours} hours")
    } else {
        "an hour".to_string()
    }
}

/// Seconds until a new round may start, if the cooling period has not passed yet.
pub(super) async fn cooling_left(
    state: &AppState,
    space_id: &str,
    latest: &RoundRow,
) -> AppResult<Option<i64>> {
    let Some(opened_at) = latest.opened_at else {
        return Ok(None);
    };
    let cooling = state
        .store
        .round_cooling(space_id)
        .await?
        .unwrap_or(DEFAULT_COOLING_SECS);
    let left = opened_at + cooling - state.clock.now();
    Ok((left > 0).then_some(left))
}

/// The round my "reveal" applies to: the waiting one, or a new one if cooling allows.
async fn current_round(state: &AppState, space_id: &str) -> AppResult<RoundRow> {
    let Some(latest) = state.store.latest_round(space_id).await? else {
        return new_round(state, space_id, 1).await;
    };
    if latest.opened_at.is_none() {
        return Ok(latest);
    }
    if let Some(left) = cooling_left(state, space_id, &latest).await? {
        return Err(AppError::Conflict(format!(
            "A new round can start once the cooling period since the last reveal has passed: in about {}.",
            in_about(left)
        )));
    }
    new_round(state, space_id, latest.number + 1).await
}

/// Presses "reveal" (B5). Returns whether the round is now open.
pub async fn reveal(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<bool> {
    let mut m = membership(state, me, space_id).await?;
    let round = current_round(state, space_id).await?;
    let now = state.clock.now();
    state.store.mark_ready(&round.id, &m.member.id, now).await?;
    let ready = state.store.ready_members(&round.id).await?;
    let members = state.store.members_of_space(space_id).await?;
    if !members.iter().all(|r| ready.contains(&r.id)) {
        return Ok(false);
    }
    let mut current: BTreeMap<String, Blob> = all_blobs(state, &mut m).await?.into_iter().collect();
    let mut snapshots = Vec::new();
    for member in &members {
        let blob = current.remove(&member.id).unwrap_or_default();
        // SECURITY: only ratings are frozen; private notes and conditions never leave the
        // member's own answers envelope.
        let frozen = Blob {
            answers: blob
                .answers
                .into_iter()
                .map(|a| Stored {
                    experience: None,
                    note: None,
                    conditions: None,
                    ..a
                })
                .collect(),
        };
        let sealed = seal_value(state, &mut m, SNAPSHOT, &round.id, &member.id, &frozen).await?;
        snapshots.push((member.id.clone(), sealed));
    }
    state.store.open_round(&round.id, now, &snapshots).await?;
    Ok(true)
}

async fn frozen_of(
    state: &AppState,
    m: &mut Membership,
    round_id: &str,
) -> AppResult<BTreeMap<String, Answers>> {
    let mut out = BTreeMap::new();
    for (member, sealed) in state.store.snapshots_of(round_id).await? {
        let blob: Option<Blob> = open_value(state, m, SNAPSHOT, round_id, &member, &sealed).await?;
        out.insert(member, blob.as_ref().map(Blob::ratings).unwrap_or_default());
    }
    Ok(out)
}

/// The roles of every item matching may meet: the catalog's, every custom item's, and for a
/// group of private twins the roles any of them offers, under the group's id.
fn custom_roles(
    customs: &[Custom],
    twins: &BTreeMap<String, String>,
) -> BTreeMap<String, Vec<Role>> {
    let mut out: BTreeMap<String, Vec<Role>> = BTreeMap::new();
    for c in customs {
        let id = twins.get(&c.id).unwrap_or(&c.id);
        let roles = out.entry(id.clone()).or_default();
        for r in &c.text.roles {
            if !roles.contains(r) {
                roles.push(*r);
            }
        }
    }
    for roles in out.values_mut() {
        roles.sort();
    }
    out
}

/// An open round as it stands now.
pub(super) struct OpenRound {
    pub row: RoundRow,
    pub opened_at: i64,
    pub frozen: BTreeMap<String, Answers>,
    pub matches: Vec<Match>,
}

/// The latest round and, if it is open, its matches now. Also used by the catalog, so matched
/// custom items become visible.
pub(super) async fn latest(
    state: &AppState,
    m: &mut Membership,
    customs: &[Custom],
) -> AppResult<(Option<RoundRow>, Option<OpenRound>)> {
    let space = m.space.id.clone();
    let Some(row) = state.store.latest_round(&space).await? else {
        return Ok((None, None));
    };
    let Some(opened_at) = row.opened_at else {
        return Ok((Some(row), None));
    };
    let frozen = frozen_of(state, m, &row.id).await?;
    let current: BTreeMap<String, Answers> = all_blobs(state, m)
        .await?
        .into_iter()
        .map(|(member, blob)| (member, blob.ratings()))
        .collect();
    let twins = twins_of(customs);
    let roles = custom_roles(customs, &twins);
    let round = Round {
        frozen: merge_twins_all(&frozen, &twins),
    };
    // SECURITY: someone who joined after the round opened was not part of it and never
    // rated anything in it, so they see none of its matches (invariant 4).
    let matches = if frozen.contains_key(&m.member.id) {
        visible_matches(&round, &merge_twins_all(&current, &twins), |id| {
            catalog::find(id)
                .map(|i| i.roles)
                .or_else(|| roles.get(id).map(Vec::as_slice))
        })
    } else {
        Vec::new()
    };
    Ok((
        Some(row.clone()),
        Some(OpenRound {
            row,
            opened_at,
            frozen,
            matches,
        }),
    ))
}

/// One revealed item.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchView {
    /// The item id.
    pub item: String,
    /// `yes` (everyone yes) or `maybe` (everyone at least maybe: worth talking about).
    pub tier: String,
    /// The role each member takes: member id → role.
    pub roles: BTreeMap<String, String>,
}

/// The honesty guard for one other member (B6): counts, never answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct HonestyView {
    /// The member's id.
    pub member_id: String,
    /// How many item-roles they had answered when the round opened.
    pub answered: usize,
    /// The share of yes: `under_half`, `most` or `nearly_all`.
    pub yes_band: String,
    /// How many answers changed since the previous round.
    pub changed_since_last_round: usize,
}

/// The latest round as one member sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundView {
    /// `none`, `waiting` or `open`.
    pub status: String,
    /// When it opened (Unix seconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<i64>,
    /// Member ids who pressed reveal.
    pub ready: Vec<String>,
    /// What everyone is at least curious about; empty until the round is open.
    pub matches: Vec<MatchView>,
    /// The honesty guard for every other member; empty until the round is open.
    pub members: Vec<HonestyView>,
    /// While an open round cools: seconds until a new round may start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_round_in: Option<i64>,
    /// What matching can and cannot tell, in plain words.
    pub explanation: String,
}

/// The latest round: matches with lowering applied at once (B7), and the honesty guard.
pub async fn round(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<RoundView> {
    let mut m = membership(state, me, space_id).await?;
    let mut view = RoundView {
        status: "none".into(),
        opened_at: None,
        ready: Vec::new(),
        matches: Vec::new(),
        members: Vec::new(),
        next_round_in: None,
        explanation: EXPLANATION.into(),
    };
    let customs = load_customs(state, &mut m).await?;
    let (row, open) = latest(state, &mut m, &customs).await?;
    let Some(row) = row else {
        return Ok(view);
    };
    view.ready = state.store.ready_members(&row.id).await?;
    let Some(open) = open else {
        view.status = "waiting".into();
        return Ok(view);
    };
    view.status = "open".into();
    view.opened_at = Some(open.opened_at);
    view.next_round_in = cooling_left(state, space_id, &open.row).await?;
    // SECURITY: only matches leave here; a no, a skip and a non-match look the same (invariant 4).
    view.matches = open
        .matches
        .into_iter()
        .map(|x| MatchView {
            item: x.item,
            tier: snake(&x.tier),
            roles: x
                .roles
                .into_iter()
                .map(|(k, r)| (k, r.as_str().to_string()))
                .collect(),
        })
        .collect();
    if !open.frozen.contains_key(&m.member.id) {
        // Not part of this round: its counts are not theirs to see either.
        return Ok(view);
    }
    let previous = if open.row.number > 1 {
        Some(frozen_of(state, &mut m, &round_id(space_id, open.row.number - 1)).await?)
    } else {
        None
    };
    let empty = Answers::new();
    for member in state.store.members_of_space(space_id).await? {
        if member.id == m.member.id {
            continue;
        }
        let this = open.frozen.get(&member.id).unwrap_or(&empty);
        let prev = previous.as_ref().and_then(|p| p.get(&member.id));
        let h = honesty(this, prev);
        view.members.push(HonestyView {
            member_id: member.id,
            answered: h.answered,
            yes_band: snake(&h.yes_band),
            changed_since_last_round: h.changed_since_last_round,
        });
    }
    Ok(view)
}

/// A hard limit declared by rating an inventory item *limit* (B3). Shown to the whole space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct DeclaredLimit {
    /// The member who declared it.
    pub member_id: String,
    /// The item id.
    pub item: String,
    /// The role the limit was declared for.
    pub role: String,
    /// The activity's title: the catalog's, or the words of the member's own item (declaring a
    /// limit on it shows it to the space, as the form says before saving).
    pub title: String,
}

/// Every limit declared in the space's inventory as the answers stand now, by member then item.
/// Limits are the one rating the whole space sees (they become declared hard limits); nothing
/// else about anyone's answers leaves here.
pub async fn declared_limits(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
) -> AppResult<Vec<DeclaredLimit>> {
    let mut m = membership(state, me, space_id).await?;
    let titles: BTreeMap<String, String> = load_customs(state, &mut m)
        .await?
        .into_iter()
        .map(|c| (c.id, c.text.title))
        .collect();
    let title_of = |item: &str| {
        catalog::find(item)
            .map(|i| i.title.to_string())
            .or_else(|| titles.get(item).cloned())
            .unwrap_or_else(|| "An activity from the inventory".into())
    };
    let mut out = Vec::new();
    for (member_id, blob) in all_blobs(state, &mut m).await? {
        // SECURITY: only the limit ratings leave; notes and conditions stay private.
        out.extend(
            blob.answers
                .into_iter()
                .filter(|a| a.rating == Rating::Limit)
                .map(|a| DeclaredLimit {
                    member_id: member_id.clone(),
                    title: title_of(&a.item),
                    item: a.item,
                    role: a.role.as_str().into(),
                }),
        );
    }
    out.sort_by(|a, b| (&a.member_id, &a.item, &a.role).cmp(&(&b.member_id, &b.item, &b.role)));
    Ok(out)
}
