//! Pending changes (C3, invariant 2): loosening a boundary or changing the agreement waits until
//! every member has confirmed. Any member can decline; the proposer can withdraw. Nothing applies
//! by silence or by time: the only path to "applied" is the last member pressing confirm.

use std::collections::BTreeMap;

use attune_domain::boundaries::agreement::{AFTERCARE_TITLE, Agreement, SECTIONS};
use attune_domain::boundaries::boundary::{Boundary, CONDITION_KINDS, Firmness};
use attune_domain::boundaries::confirm::{Outcome, outcome};
use attune_store::StoreError;
use attune_store::rows::{ChangeRow, RecordRow, VersionRow};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::history::{self, AGREEMENT, ChangeBody, FieldDiff, VersionBody};
use super::sessions::SignedIn;
use super::spaces::{self, Membership, membership};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// What happened to a change someone asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ChangeOutcome {
    /// `applied` (in force now) or `pending` (waiting for everyone).
    pub status: String,
    /// The pending change's id, when it waits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_id: Option<String>,
}

impl ChangeOutcome {
    /// In force now.
    pub fn applied() -> Self {
        ChangeOutcome {
            status: "applied".into(),
            change_id: None,
        }
    }
    fn pending(id: &str) -> Self {
        ChangeOutcome {
            status: "pending".into(),
            change_id: Some(id.into()),
        }
    }
}

/// Display names of a space's current members; anyone else is "a former member".
pub struct Names {
    names: BTreeMap<String, String>,
    /// The requesting member.
    pub me: String,
    /// Current member ids, in joining order.
    pub members: Vec<String>,
}

impl Names {
    /// The name to show for a member id.
    pub fn of(&self, id: &str) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| "A former member".into())
    }

    /// Whether `id` is a current member.
    pub fn is_member(&self, id: &str) -> bool {
        self.names.contains_key(id)
    }
}

/// Current members' names in a space.
pub async fn names(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<Names> {
    let view = spaces::view(state, me, space_id).await?;
    Ok(Names {
        me: view.me.clone(),
        members: view.members.iter().map(|m| m.member_id.clone()).collect(),
        names: view
            .members
            .into_iter()
            .map(|m| (m.member_id, m.display_name))
            .collect(),
    })
}

/// A boundary as (heading, text) fields, for showing differences.
pub fn boundary_fields(b: Option<&Boundary>) -> Vec<(String, String)> {
    let Some(b) = b else {
        return vec![("Boundary".into(), "(removed)".into())];
    };
    let mut out = vec![
        (
            "Kind".into(),
            match b.firmness {
                Firmness::Hard => "Hard limit",
                Firmness::Soft => "Soft limit",
            }
            .into(),
        ),
        ("About".into(), b.about.clone()),
    ];
    for k in CONDITION_KINDS {
        if let Some(t) = b.conditions.get(k) {
            out.push((k.label().into(), t.into()));
        }
    }
    out
}

/// The agreement as (heading, text) fields, for showing differences.
pub fn agreement_fields(a: Option<&Agreement>, names: &Names) -> Vec<(String, String)> {
    let Some(a) = a else {
        return Vec::new();
    };
    let mut out: Vec<(String, String)> = SECTIONS
        .iter()
        .filter_map(|s| {
            a.sections
                .get(s)
                .map(|t| (s.title().to_string(), t.clone()))
        })
        .collect();
    for (member, text) in &a.aftercare {
        out.push((
            format!("{AFTERCARE_TITLE}: {}", names.of(member)),
            text.clone(),
        ));
    }
    out
}

/// Renders stored content of either kind as fields.
pub fn fields_of(kind: &str, content: &Value, names: &Names) -> Vec<(String, String)> {
    if kind == AGREEMENT {
        agreement_fields(serde_json::from_value(content.clone()).ok().as_ref(), names)
    } else {
        boundary_fields(serde_json::from_value(content.clone()).ok().as_ref())
    }
}

/// Proposes a change that needs everyone. It is stored with the proposer's confirmation, and
/// applies at once only if the proposer is the only member of the space.
pub async fn propose(
    state: &AppState,
    m: &mut Membership,
    record: &RecordRow,
    base: Option<&VersionRow>,
    body: &ChangeBody,
) -> AppResult<ChangeOutcome> {
    let id = uuid::Uuid::new_v4().to_string();
    let proposer = m.member.id.clone();
    let sealed = history::seal_change(state, m, &id, &proposer, body).await?;
    let row = ChangeRow {
        id: id.clone(),
        space_id: m.space.id.clone(),
        record_id: record.id.clone(),
        base_number: base.map_or(0, |v| v.number),
        proposed_by: proposer,
        created_at: state.clock.now(),
        sealed,
        state: "pending".into(),
        closed_by: None,
        closed_at: None,
    };
    match state.store.create_change(&row).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            return Err(AppError::Conflict(
                "A change to this is already waiting for everyone. Confirm or decline that one \
                 first (or withdraw it, if it is yours)."
                    .into(),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    if settle(state, m, &row).await? {
        Ok(ChangeOutcome::applied())
    } else {
        Ok(ChangeOutcome::pending(&id))
    }
}

/// Applies a pending change if every current member has confirmed it; `true` if it applied.
async fn settle(state: &AppState, m: &mut Membership, change: &ChangeRow) -> AppResult<bool> {
    let members: Vec<String> = state
        .store
        .members_of_space(&change.space_id)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    // Kept in the members' order, so the record reads the same whoever confirmed first.
    let confirmed: Vec<String> = {
        let ids = state.store.confirmations(&change.id).await?;
        members
            .iter()
            .filter(|m| ids.contains(m))
            .cloned()
            .collect()
    };
    // SECURITY: the domain rule has no clock: only confirmations from every current member apply it.
    if outcome(&members, &confirmed) != Outcome::Applies {
        return Ok(false);
    }
    let record = state
        .store
        .record(&change.space_id, &change.record_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let versions = state.store.versions_of(&record.id).await?;
    let head = versions.last();
    if head.map_or(0, |h| h.number) != change.base_number {
        state
            .store
            .close_change(&change.id, "withdrawn", None, state.clock.now())
            .await?;
        return Err(AppError::Conflict(
            "This changed in the meantime, so the proposal was withdrawn. Please propose it again."
                .into(),
        ));
    }
    let body = history::open_change(state, m, &change.id, &change.proposed_by, &change.sealed)
        .await?
        .ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!(
                "pending change sealed under a key this member lacks"
            ))
        })?;
    let version = history::next_version(
        state,
        m,
        &record,
        head,
        &change.proposed_by,
        &VersionBody {
            content: body.content,
            reason: body.reason,
            confirmed_by: confirmed,
        },
    )
    .await?;
    match state
        .store
        .apply_change(&change.id, &m.member.id, &version)
        .await
    {
        Ok(applied) => Ok(applied),
        // Another last confirmation applied it first.
        Err(StoreError::Conflict(_)) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

async fn pending_change(state: &AppState, m: &Membership, change_id: &str) -> AppResult<ChangeRow> {
    if change_id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let change = state
        .store
        .change(&m.space.id, change_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if change.state != "pending" {
        return Err(AppError::Conflict(
            "This change is no longer waiting: it was applied, declined or withdrawn.".into(),
        ));
    }
    Ok(change)
}

/// Confirms a pending change. When this is the last confirmation it applies now.
pub async fn confirm(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    change_id: &str,
) -> AppResult<ChangeOutcome> {
    let mut m = membership(state, me, space_id).await?;
    let change = pending_change(state, &m, change_id).await?;
    state
        .store
        .confirm_change(&change.id, &m.member.id, state.clock.now())
        .await?;
    if settle(state, &mut m, &change).await? {
        Ok(ChangeOutcome::applied())
    } else {
        Ok(ChangeOutcome::pending(&change.id))
    }
}

/// Declines a pending change (or, for its proposer, withdraws it). One "no" is enough; it cannot
/// be argued with, and the old version simply stays in force.
pub async fn decline(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    change_id: &str,
) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    let change = pending_change(state, &m, change_id).await?;
    let how = if change.proposed_by == m.member.id {
        "withdrawn"
    } else {
        "declined"
    };
    if !state
        .store
        .close_change(&change.id, how, Some(&m.member.id), state.clock.now())
        .await?
    {
        return Err(AppError::Conflict(
            "This change is no longer waiting: it was applied, declined or withdrawn.".into(),
        ));
    }
    Ok(())
}

/// A change as members see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeView {
    /// Its id.
    pub id: String,
    /// `boundary` or `agreement`.
    pub kind: String,
    /// The boundary or agreement it changes.
    pub record_id: String,
    /// What it changes, in words.
    pub title: String,
    /// Whether it removes a boundary.
    pub removal: bool,
    /// Who asked for it.
    pub proposed_by: String,
    /// Whether I asked for it.
    pub proposed_by_me: bool,
    /// When (Unix seconds).
    pub proposed_at: i64,
    /// Their reason, if given.
    pub reason: Option<String>,
    /// What would change, field by field.
    pub changes: Vec<FieldDiff>,
    /// Who has confirmed so far.
    pub confirmed_by: Vec<String>,
    /// Who still has to decide.
    pub waiting_for: Vec<String>,
    /// Whether I have confirmed.
    pub i_confirmed: bool,
    /// `pending`, `applied`, `declined` or `withdrawn`.
    pub state: String,
    /// Who closed it (declined, withdrew, or confirmed last), if anyone.
    pub closed_by: Option<String>,
}

/// The pending changes of a space as one member sees them (of one kind, or all).
pub async fn pending_views(
    state: &AppState,
    m: &mut Membership,
    names: &Names,
    kind: Option<&str>,
) -> AppResult<Vec<ChangeView>> {
    let mut out = Vec::new();
    for change in state.store.changes_of_space(&m.space.id, true).await? {
        let Some(record) = state.store.record(&m.space.id, &change.record_id).await? else {
            continue;
        };
        if kind.is_some_and(|k| k != record.kind) {
            continue;
        }
        out.push(view(state, m, names, &record, &change).await?);
    }
    Ok(out)
}

async fn view(
    state: &AppState,
    m: &mut Membership,
    names: &Names,
    record: &RecordRow,
    change: &ChangeRow,
) -> AppResult<ChangeView> {
    let body = history::open_change(state, m, &change.id, &change.proposed_by, &change.sealed)
        .await?
        .unwrap_or(ChangeBody {
            content: Value::Null,
            reason: None,
        });
    let versions = state.store.versions_of(&record.id).await?;
    let before = match versions.iter().find(|v| v.number == change.base_number) {
        Some(v) => history::open_version(state, m, record, v)
            .await?
            .map(|b| b.content)
            .unwrap_or(Value::Null),
        None => Value::Null,
    };
    let old_fields = if before.is_null() && record.kind == AGREEMENT {
        Vec::new()
    } else {
        fields_of(&record.kind, &before, names)
    };
    let new_fields = fields_of(&record.kind, &body.content, names);
    let title = if record.kind == AGREEMENT {
        "The space agreement".to_string()
    } else {
        let about = serde_json::from_value::<Boundary>(before.clone())
            .map(|b| b.about)
            .unwrap_or_default();
        let owner = names.of(record.owner_member_id.as_deref().unwrap_or(""));
        format!("{owner}'s boundary: {about}")
    };
    let confirmed = state.store.confirmations(&change.id).await?;
    let waiting_for = names
        .members
        .iter()
        .filter(|id| !confirmed.contains(id))
        .map(|id| names.of(id))
        .collect();
    Ok(ChangeView {
        id: change.id.clone(),
        kind: record.kind.clone(),
        record_id: record.id.clone(),
        title,
        removal: body.content.is_null(),
        proposed_by: names.of(&change.proposed_by),
        proposed_by_me: change.proposed_by == names.me,
        proposed_at: change.created_at,
        reason: body.reason,
        changes: history::diff_fields(&old_fields, &new_fields),
        i_confirmed: confirmed.contains(&names.me),
        confirmed_by: confirmed.iter().map(|id| names.of(id)).collect(),
        waiting_for,
        state: change.state.clone(),
        closed_by: change.closed_by.as_deref().map(|id| names.of(id)),
    })
}
