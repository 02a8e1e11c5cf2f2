//! Debriefs (F4, invariant 5): each member writes privately after the plan; the answers sit in
//! server-enforced envelopes, sealed until every member has submitted, then shown side by side.
//! Follow-ups can be written from the revealed debriefs.

use std::collections::BTreeSet;

use attune_domain::debrief::{
    MAX_DEBRIEF_CHARS, MAX_FOLLOW_UP_CHARS, aftercare_scale, debriefs_visible_to,
    everyone_debriefed,
};
use attune_domain::plan::can_debrief;
use attune_domain::text::{Lines, clean};
use attune_store::rows::{DebriefRow, FollowUpRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::context::Context;
use super::plan::load;
use crate::error::{AppError, AppResult};
use crate::services::enforced::{open_enforced, seal_enforced};
use crate::services::keys::Place;
use crate::services::people::People;
use crate::services::sessions::SignedIn;
use crate::services::spaces::{Membership, membership};
use crate::state::AppState;

const PURPOSE: &str = "plan-debriefs";
const TABLE: &str = "plan_debriefs";
const FOLLOW_PURPOSE: &str = "plan-follow-up";
const FOLLOW_TABLE: &str = "plan_follow_ups";

/// One member's debrief. Every field may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Debrief {
    /// What felt exciting or good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exciting: Option<String>,
    /// What caused doubt or discomfort.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doubt: Option<String>,
    /// What to change or refine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refine: Option<String>,
    /// How I feel now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feel_now: Option<String>,
    /// Was the aftercare enough (1 not at all … 5 fully).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aftercare: Option<u8>,
}

impl Debrief {
    /// The text of one written answer by its key.
    pub fn field(&self, key: &str) -> Option<&str> {
        match key {
            "exciting" => self.exciting.as_deref(),
            "doubt" => self.doubt.as_deref(),
            "refine" => self.refine.as_deref(),
            "feel_now" => self.feel_now.as_deref(),
            _ => None,
        }
    }
}

/// A debrief as sent: texts up to 2000 characters, aftercare 1–5; all optional.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DebriefInput {
    /// Free text.
    #[serde(default)]
    pub exciting: Option<String>,
    /// Free text.
    #[serde(default)]
    pub doubt: Option<String>,
    /// Free text.
    #[serde(default)]
    pub refine: Option<String>,
    /// Free text.
    #[serde(default)]
    pub feel_now: Option<String>,
    /// 1–5.
    #[serde(default)]
    pub aftercare: Option<i64>,
}

fn text(field: &'static str, label: &str, v: Option<&str>) -> AppResult<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    let t = clean(field, label, v, 0, MAX_DEBRIEF_CHARS, Lines::Multi)?;
    Ok((!t.is_empty()).then_some(t))
}

impl DebriefInput {
    /// Checks every field.
    pub fn check(&self) -> AppResult<Debrief> {
        Ok(Debrief {
            exciting: text("exciting", "What felt exciting", self.exciting.as_deref())?,
            doubt: text("doubt", "What caused doubt", self.doubt.as_deref())?,
            refine: text("refine", "What to refine", self.refine.as_deref())?,
            feel_now: text("feel_now", "How you feel now", self.feel_now.as_deref())?,
            aftercare: self.aftercare.map(aftercare_scale).transpose()?,
        })
    }
}

/// Who has written their debrief (never what).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DebriefSubmission {
    /// The member's name.
    pub name: String,
    /// Whether it is me.
    pub is_me: bool,
    /// Whether they have written it.
    pub submitted: bool,
}

/// One member's revealed debrief.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MemberDebrief {
    /// The member's id (for suggesting a line for the desire log).
    pub member_id: String,
    /// Their name.
    pub name: String,
    /// Whether it is me.
    pub is_me: bool,
    /// Their answers.
    pub debrief: Debrief,
}

/// A follow-up written from the debriefs.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FollowUpView {
    /// Its id.
    pub id: String,
    /// Who wrote it.
    pub by: String,
    /// When (Unix seconds).
    pub created_at: i64,
    /// What to follow up.
    pub text: String,
}

/// A plan's debriefs as one member sees them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DebriefsView {
    /// The plan's id.
    pub plan_id: String,
    /// Whether debriefs can be written now.
    pub open: bool,
    /// Whether everyone's debriefs are shown side by side.
    pub revealed: bool,
    /// Who has written theirs.
    pub members: Vec<DebriefSubmission>,
    /// My own debrief, if written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mine: Option<Debrief>,
    /// Everyone's, side by side; empty until revealed.
    pub debriefs: Vec<MemberDebrief>,
    /// Follow-ups written from them.
    pub follow_ups: Vec<FollowUpView>,
}

fn place<'a>(plan: &'a str, owner: &'a str) -> Place<'a> {
    Place {
        purpose: PURPOSE,
        table: TABLE,
        row: plan,
        owner,
    }
}

// SECURITY: a server-enforced envelope: other members' requests could open it, so the rule in
// `debriefs_visible_to` is what keeps it hidden until everyone has written (invariant 5).
async fn seal_debrief(
    state: &AppState,
    m: &mut Membership,
    plan: &str,
    d: &Debrief,
) -> AppResult<Vec<u8>> {
    let owner = m.member.id.clone();
    seal_enforced(state, m, &place(plan, &owner), d).await
}

async fn open_debrief(
    state: &AppState,
    m: &mut Membership,
    row: &DebriefRow,
) -> AppResult<Option<Debrief>> {
    open_enforced(state, m, &place(&row.plan_id, &row.member_id), &row.sealed).await
}

/// The revealed debriefs of a plan (empty while sealed): `(member id, debrief)`.
pub async fn revealed_debriefs(
    state: &AppState,
    m: &mut Membership,
    plan_id: &str,
) -> AppResult<Vec<(String, Debrief)>> {
    let Some(plan) = state.store.plan(&m.space.id, plan_id).await? else {
        return Ok(Vec::new());
    };
    // SECURITY: invariant 5: nothing is opened for anyone else before the reveal.
    if plan.debriefs_revealed_at.is_none() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for row in state.store.plan_debriefs(plan_id).await? {
        if let Some(d) = open_debrief(state, m, &row).await? {
            out.push((row.member_id.clone(), d));
        }
    }
    Ok(out)
}

/// Everyone's aftercare answers of a revealed plan, for gradual progression.
pub async fn aftercare_answers(
    state: &AppState,
    m: &mut Membership,
    plan_id: &str,
) -> AppResult<Vec<Option<u8>>> {
    Ok(revealed_debriefs(state, m, plan_id)
        .await?
        .into_iter()
        .map(|(_, d)| d.aftercare)
        .collect())
}

async fn debriefs_view(
    state: &AppState,
    m: &mut Membership,
    ctx: &Context,
    plan_id: &str,
) -> AppResult<DebriefsView> {
    let p = load(state, m, ctx, plan_id).await?;
    let people = People::of(state, m).await?;
    let rows = state.store.plan_debriefs(plan_id).await?;
    let submitted: BTreeSet<String> = rows.iter().map(|r| r.member_id.clone()).collect();
    let revealed = p.row.debriefs_revealed_at.is_some();
    // SECURITY: invariant 5: only the envelopes the sealing rule allows are opened at all. Once
    // revealed, every stored debrief is shown (the members then are the ones who wrote).
    let visible: BTreeSet<&str> = if revealed {
        submitted.iter().map(String::as_str).collect()
    } else {
        debriefs_visible_to(&m.member.id, &ctx.members, &submitted)
    };
    let mut mine = None;
    let mut debriefs = Vec::new();
    for row in rows
        .iter()
        .filter(|r| visible.contains(r.member_id.as_str()))
    {
        let Some(d) = open_debrief(state, m, row).await? else {
            continue;
        };
        if row.member_id == m.member.id {
            mine = Some(d.clone());
        }
        if revealed {
            debriefs.push(MemberDebrief {
                member_id: row.member_id.clone(),
                name: people.name(&row.member_id),
                is_me: people.is_me(&row.member_id),
                debrief: d,
            });
        }
    }
    debriefs.sort_by_key(|d| !d.is_me);
    let members = people
        .members
        .iter()
        .map(|(id, name)| DebriefSubmission {
            name: name.clone(),
            is_me: people.is_me(id),
            submitted: submitted.contains(id),
        })
        .collect();
    let mut follow_ups = Vec::new();
    for row in state.store.follow_ups_of(plan_id).await? {
        let plain = m
            .keys
            .open(
                state.store.as_ref(),
                FOLLOW_PURPOSE,
                FOLLOW_TABLE,
                &row.id,
                "",
                &row.sealed,
            )
            .await;
        let Ok(plain) = plain else { continue };
        follow_ups.push(FollowUpView {
            id: row.id.clone(),
            by: row
                .member_id
                .as_deref()
                .map(|id| people.name(id))
                .unwrap_or_else(|| "A former member".into()),
            created_at: row.created_at,
            text: String::from_utf8_lossy(&plain).into_owned(),
        });
    }
    Ok(DebriefsView {
        plan_id: plan_id.into(),
        open: can_debrief(p.status),
        revealed,
        members,
        mine,
        debriefs,
        follow_ups,
    })
}

/// A plan's debriefs as I see them.
pub async fn view(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    plan_id: &str,
) -> AppResult<DebriefsView> {
    let mut m = membership(state, me, space_id).await?;
    let ctx = Context::load(state, me, &m).await?;
    debriefs_view(state, &mut m, &ctx, plan_id).await
}

/// Writes (or rewrites) my debrief. Only once the plan's time has come after everyone confirmed;
/// editable until everyone has written theirs, which reveals them all at once.
pub async fn put(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    plan_id: &str,
    input: &DebriefInput,
) -> AppResult<DebriefsView> {
    let mut m = membership(state, me, space_id).await?;
    let debrief = input.check()?;
    let ctx = Context::load(state, me, &m).await?;
    let p = load(state, &mut m, &ctx, plan_id).await?;
    if p.row.debriefs_revealed_at.is_some() {
        return Err(AppError::Conflict(
            "Everyone's debriefs are already shown side by side, so they can't change now. A follow-up can add to them.".into(),
        ));
    }
    if !can_debrief(p.status) {
        return Err(AppError::Conflict(
            "Debriefs open once the plan's time has come, after everyone confirmed it.".into(),
        ));
    }
    let sealed = seal_debrief(state, &mut m, plan_id, &debrief).await?;
    let written = state
        .store
        .put_plan_debrief(&DebriefRow {
            plan_id: plan_id.into(),
            member_id: m.member.id.clone(),
            sealed,
            submitted_at: ctx.now,
            updated_at: ctx.now,
        })
        .await?;
    if !written {
        return Err(AppError::Conflict(
            "Everyone's debriefs are already shown side by side, so they can't change now.".into(),
        ));
    }
    let submitted: BTreeSet<String> = state
        .store
        .plan_debriefs(plan_id)
        .await?
        .into_iter()
        .map(|r| r.member_id)
        .collect();
    if everyone_debriefed(&ctx.members, &submitted) {
        state
            .store
            .reveal_plan_debriefs_if_complete(plan_id, ctx.now)
            .await?;
    }
    debriefs_view(state, &mut m, &ctx, plan_id).await
}

/// A follow-up to write.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpInput {
    /// What to follow up (1–500 characters).
    pub text: String,
}

/// Adds a follow-up once the debriefs are shown side by side.
pub async fn follow_up(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    plan_id: &str,
    input: &FollowUpInput,
) -> AppResult<DebriefsView> {
    let mut m = membership(state, me, space_id).await?;
    let text = clean(
        "text",
        "The follow-up",
        &input.text,
        1,
        MAX_FOLLOW_UP_CHARS,
        Lines::Multi,
    )?;
    let ctx = Context::load(state, me, &m).await?;
    let p = load(state, &mut m, &ctx, plan_id).await?;
    if p.row.debriefs_revealed_at.is_none() {
        return Err(AppError::Conflict(
            "Follow-ups can be added once everyone's debriefs are shown side by side.".into(),
        ));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    let place = Place {
        purpose: FOLLOW_PURPOSE,
        table: FOLLOW_TABLE,
        row: &id,
        owner: "",
    };
    let sealed = m.keys.seal_with(&rk, version, place, text.as_bytes());
    state
        .store
        .add_follow_up(&FollowUpRow {
            id,
            plan_id: plan_id.into(),
            space_id: space_id.into(),
            member_id: Some(m.member.id.clone()),
            created_at: ctx.now,
            sealed,
        })
        .await?;
    debriefs_view(state, &mut m, &ctx, plan_id).await
}
