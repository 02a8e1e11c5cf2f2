//! Boundaries (C1, C3): each member's hard and soft limits, visible to the whole space. Adding
//! or tightening my own boundary applies at once; loosening or removing it waits for everyone.
//! Limits declared in the inventory are shown alongside, marked as coming from there.

use attune_domain::boundaries::boundary::{Boundary, CONDITION_KINDS, ConditionKind, Firmness};
use attune_domain::boundaries::direction::{Direction, direction};
use attune_domain::boundaries::review::{format_date, is_due};
use attune_store::rows::{RecordRow, VersionRow};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::changes::{self, ChangeOutcome, ChangeView, names};
use super::history::{self, BOUNDARY, ChangeBody, VersionBody};
use super::sessions::SignedIn;
use super::spaces::{Membership, membership};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// What every boundaries page and response says (invariant 6).
pub const CURRENT_INTENTIONS: &str = "Boundaries say what is true for each of you right now. \
Anyone can change their mind at any time, and nothing here is consent to anything.";

/// A boundary as typed into the form or sent to the API.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BoundaryInput {
    /// `hard` (holds always) or `soft` (negotiable, may carry conditions).
    pub firmness: String,
    /// What it is about, 1–200 characters on one line.
    pub about: String,
    /// Soft limits only: how I need to be feeling (up to 300 characters).
    #[serde(default)]
    pub mood: Option<String>,
    /// Soft limits only: what else is going on.
    #[serde(default)]
    pub context: Option<String>,
    /// Soft limits only: where.
    #[serde(default)]
    pub place: Option<String>,
    /// Soft limits only: how fast.
    #[serde(default)]
    pub pacing: Option<String>,
    /// Soft limits only: what I need to feel safe.
    #[serde(default)]
    pub safety: Option<String>,
    /// Optional: why (up to 500 characters), kept in the history.
    #[serde(default)]
    pub reason: Option<String>,
}

impl BoundaryInput {
    /// Checks the input.
    pub fn parse(&self) -> AppResult<(Boundary, Option<String>)> {
        let conds: Vec<(ConditionKind, &str)> = CONDITION_KINDS
            .iter()
            .map(|k| {
                let v = match k {
                    ConditionKind::Mood => &self.mood,
                    ConditionKind::Context => &self.context,
                    ConditionKind::Place => &self.place,
                    ConditionKind::Pacing => &self.pacing,
                    ConditionKind::Safety => &self.safety,
                };
                (*k, v.as_deref().unwrap_or(""))
            })
            .collect();
        let b = Boundary::parse(&self.firmness, &self.about, &conds)?;
        Ok((b, history::parse_reason(self.reason.as_deref())?))
    }
}

/// One condition of a soft limit.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConditionView {
    /// `mood`, `context`, `place`, `pacing` or `safety`.
    pub kind: String,
    /// Its label.
    pub label: String,
    /// The member's words.
    pub text: String,
}

/// A boundary as the space sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct BoundaryView {
    /// Its id.
    pub id: String,
    /// Whose it is (member id).
    pub owner_member_id: String,
    /// Their name (or "A former member").
    pub owner: String,
    /// Whether it is mine.
    pub mine: bool,
    /// `hard` or `soft`; empty if it cannot be read.
    pub firmness: String,
    /// What it is about.
    pub about: String,
    /// Conditions (soft limits).
    pub conditions: Vec<ConditionView>,
    /// The version in force.
    pub version: i64,
    /// When that version was made (Unix seconds).
    pub updated_at: i64,
    /// The review date, `YYYY-MM-DD`, if set.
    pub review_on: Option<String>,
    /// Whether it is due to be looked at again.
    pub due_for_review: bool,
    /// A change waiting for everyone, if any.
    pub pending_change_id: Option<String>,
    /// `false` when it was written before I joined under a key I don't hold.
    pub readable: bool,
}

/// A limit declared by rating an inventory item "limit".
#[derive(Debug, Serialize, ToSchema)]
pub struct InventoryLimitView {
    /// The item id.
    pub item: String,
    /// The activity's title (a custom item's own words).
    pub title: String,
    /// The role the limit is for.
    pub role: String,
}

/// One member's boundaries.
#[derive(Debug, Serialize, ToSchema)]
pub struct MemberBoundaries {
    /// The member's id.
    pub member_id: String,
    /// Their name.
    pub display_name: String,
    /// Whether this is me.
    pub is_me: bool,
    /// Boundaries declared here.
    pub boundaries: Vec<BoundaryView>,
    /// Hard limits from the inventory (always hard; changed in the inventory).
    pub from_inventory: Vec<InventoryLimitView>,
}

/// Everyone's boundaries.
#[derive(Debug, Serialize, ToSchema)]
pub struct BoundariesView {
    /// What boundaries are and are not (invariant 6).
    pub intentions: String,
    /// Each member, in joining order.
    pub members: Vec<MemberBoundaries>,
    /// Boundaries of people who have left, kept in the shared record.
    pub kept: Vec<BoundaryView>,
    /// Changes waiting for everyone.
    pub pending: Vec<ChangeView>,
    /// A short fingerprint of every boundary's history, to compare between screens.
    pub fingerprint: Option<String>,
    /// Whether every history checked out.
    pub history_intact: bool,
}

/// A boundary record of this space, or `NotFound`.
pub async fn boundary_record(state: &AppState, m: &Membership, id: &str) -> AppResult<RecordRow> {
    if id.len() > 64 {
        return Err(AppError::NotFound);
    }
    state
        .store
        .record(&m.space.id, id)
        .await?
        .filter(|r| r.kind == BOUNDARY)
        .ok_or(AppError::NotFound)
}

/// The content of a head version: `Ok(None)` removed, `Err(())` unreadable by me.
async fn head_content(
    state: &AppState,
    m: &mut Membership,
    record: &RecordRow,
    head: Option<&VersionRow>,
) -> AppResult<Result<Option<Boundary>, ()>> {
    let Some(head) = head else {
        return Ok(Ok(None));
    };
    Ok(match history::open_version(state, m, record, head).await? {
        None => Err(()),
        Some(VersionBody {
            content: Value::Null,
            ..
        }) => Ok(None),
        Some(body) => Ok(Some(
            serde_json::from_value(body.content).map_err(|e| AppError::Internal(e.into()))?,
        )),
    })
}

/// Everyone's boundaries in a space, with inventory limits and pending changes.
pub async fn list(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<BoundariesView> {
    let mut m = membership(state, me, space_id).await?;
    let names = names(state, me, space_id).await?;
    let now = state.clock.now();
    let life = state
        .store
        .life_changes(space_id)
        .await?
        .first()
        .map(|l| l.created_at);
    let pending = changes::pending_views(state, &mut m, &names, Some(BOUNDARY)).await?;
    let mut members: Vec<MemberBoundaries> = names
        .members
        .iter()
        .map(|id| MemberBoundaries {
            member_id: id.clone(),
            display_name: names.of(id),
            is_me: *id == names.me,
            boundaries: Vec::new(),
            from_inventory: Vec::new(),
        })
        .collect();
    // My own boundaries first, then everyone else in joining order.
    members.sort_by_key(|mb| !mb.is_me);
    let mut kept = Vec::new();
    let mut heads = Vec::new();
    let mut intact = true;
    for record in state.store.records_of_space(space_id).await? {
        if record.kind != BOUNDARY {
            continue;
        }
        let versions = state.store.versions_of(&record.id).await?;
        match history::verify_chain(&record, &versions) {
            Ok(Some(h)) => heads.push(h),
            Ok(None) => {}
            Err(_) => intact = false,
        }
        let Some(head) = versions.last() else {
            continue;
        };
        let content = head_content(state, &mut m, &record, Some(head)).await?;
        let owner = record.owner_member_id.clone().unwrap_or_default();
        let mut view = BoundaryView {
            id: record.id.clone(),
            owner: names.of(&owner),
            mine: owner == names.me,
            owner_member_id: owner.clone(),
            firmness: String::new(),
            about:
                "Written before you joined; the key it was sealed with was never shared with you."
                    .into(),
            conditions: Vec::new(),
            version: head.number,
            updated_at: head.created_at,
            review_on: record.review_at.map(format_date),
            due_for_review: is_due(record.review_at, record.reviewed_at, life, now),
            pending_change_id: pending
                .iter()
                .find(|c| c.record_id == record.id)
                .map(|c| c.id.clone()),
            readable: content.is_ok(),
        };
        match content {
            Ok(None) => continue,
            Ok(Some(b)) => {
                view.firmness = b.firmness.as_str().into();
                view.about = b.about;
                view.conditions = CONDITION_KINDS
                    .iter()
                    .filter_map(|k| {
                        b.conditions.get(*k).map(|t| ConditionView {
                            kind: k.key().into(),
                            label: k.label().into(),
                            text: t.into(),
                        })
                    })
                    .collect();
            }
            Err(()) => {}
        }
        match members.iter_mut().find(|mb| mb.member_id == owner) {
            Some(mb) => mb.boundaries.push(view),
            None => kept.push(view),
        }
    }
    for limit in super::inventory::declared_limits(state, me, space_id).await? {
        if let Some(mb) = members
            .iter_mut()
            .find(|mb| mb.member_id == limit.member_id)
        {
            mb.from_inventory.push(InventoryLimitView {
                title: limit.title,
                item: limit.item,
                role: limit.role,
            });
        }
    }
    Ok(BoundariesView {
        intentions: CURRENT_INTENTIONS.into(),
        members,
        kept,
        pending,
        fingerprint: (!heads.is_empty()).then(|| history::fingerprint(&heads)),
        history_intact: intact,
    })
}

/// Adds a boundary of mine. Adding narrows what is permitted, so it applies at once.
pub async fn add(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    input: &BoundaryInput,
) -> AppResult<String> {
    let mut m = membership(state, me, space_id).await?;
    let (boundary, reason) = input.parse()?;
    let now = state.clock.now();
    let record = RecordRow {
        id: uuid::Uuid::new_v4().to_string(),
        space_id: space_id.into(),
        kind: BOUNDARY.into(),
        owner_member_id: Some(m.member.id.clone()),
        created_at: now,
        review_at: None,
        reviewed_at: now,
    };
    let author = m.member.id.clone();
    let body = VersionBody {
        content: to_value(&boundary)?,
        reason,
        confirmed_by: Vec::new(),
    };
    let v = history::next_version(state, &mut m, &record, None, &author, &body).await?;
    state.store.append_version(Some(&record), &v).await?;
    Ok(record.id)
}

fn to_value(b: &Boundary) -> AppResult<Value> {
    serde_json::to_value(b).map_err(|e| AppError::Internal(e.into()))
}

async fn my_boundary(
    state: &AppState,
    m: &mut Membership,
    id: &str,
) -> AppResult<(RecordRow, Vec<VersionRow>, Result<Option<Boundary>, ()>)> {
    let record = boundary_record(state, m, id).await?;
    if record.owner_member_id.as_deref() != Some(m.member.id.as_str()) {
        return Err(AppError::Forbidden(
            "Only the person whose boundary this is can change it. You can talk about it, or \
             decline a change to it."
                .into(),
        ));
    }
    let versions = state.store.versions_of(&record.id).await?;
    let current = head_content(state, m, &record, versions.last()).await?;
    Ok((record, versions, current))
}

/// Changes a boundary of mine. A tightening applies at once (and supersedes any change of it
/// that was waiting); anything that loosens waits for every member.
pub async fn change(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    id: &str,
    input: &BoundaryInput,
) -> AppResult<ChangeOutcome> {
    let mut m = membership(state, me, space_id).await?;
    let (boundary, reason) = input.parse()?;
    let (record, versions, current) = my_boundary(state, &mut m, id).await?;
    // An unreadable current version cannot be compared, so the change counts as loosening.
    let dir = match &current {
        Ok(cur) => direction(cur.as_ref(), Some(&boundary)),
        Err(()) => Direction::Loosens,
    };
    let content = to_value(&boundary)?;
    match dir {
        Direction::Unchanged => Err(AppError::Conflict(
            "Nothing changed: this is already how the boundary reads.".into(),
        )),
        Direction::Tightens => {
            let author = m.member.id.clone();
            let body = VersionBody {
                content,
                reason,
                confirmed_by: Vec::new(),
            };
            let v = history::next_version(state, &mut m, &record, versions.last(), &author, &body)
                .await?;
            state.store.append_version(None, &v).await.map_err(stale)?;
            Ok(ChangeOutcome::applied())
        }
        Direction::Loosens => {
            changes::propose(
                state,
                &mut m,
                &record,
                versions.last(),
                &ChangeBody { content, reason },
            )
            .await
        }
    }
}

/// Asks to remove a boundary of mine. Removing loosens, so it waits for every member.
pub async fn remove(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    id: &str,
    reason: Option<&str>,
) -> AppResult<ChangeOutcome> {
    let mut m = membership(state, me, space_id).await?;
    let reason = history::parse_reason(reason)?;
    let (record, versions, current) = my_boundary(state, &mut m, id).await?;
    if matches!(current, Ok(None)) {
        return Err(AppError::Conflict(
            "This boundary was already removed.".into(),
        ));
    }
    changes::propose(
        state,
        &mut m,
        &record,
        versions.last(),
        &ChangeBody {
            content: Value::Null,
            reason,
        },
    )
    .await
}

fn stale(e: attune_store::StoreError) -> AppError {
    match e {
        attune_store::StoreError::Conflict(_) => AppError::Conflict(
            "Someone changed this at the same moment. Please look again and retry.".into(),
        ),
        other => other.into(),
    }
}

/// Whether a boundary's firmness reads as a hard limit (for templates).
pub fn is_hard(firmness: &str) -> bool {
    firmness == Firmness::Hard.as_str()
}
