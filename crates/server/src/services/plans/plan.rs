//! Proposing, confirming, withdrawing and viewing plans (F1–F3, invariants 1–3).

use std::collections::BTreeMap;

use attune_domain::plan::{
    CHECKLIST, PlanStatus, can_confirm, can_debrief, reflection_respected, step_too_big,
};
use attune_store::rows::{PlanConfirmationRow, PlanRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::CANT_BE_PLANNED;
use super::body::{PlanBody, StoredActivity, open_body, seal_body};
use super::context::{Context, History, PlanState, history};
use super::input::PlanInput;
use crate::error::{AppError, AppResult};
use crate::services::agreement;
use crate::services::consent::{is_quiet, start_quiet};
use crate::services::people::People;
use crate::services::sessions::SignedIn;
use crate::services::spaces::{Membership, membership};
use crate::state::AppState;

const PAUSED: &str =
    "The space is paused. Plans are suspended until the pause is lifted, and nothing new starts.";

/// A member's role in an activity.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoleView {
    /// The member's id.
    pub member_id: String,
    /// Their name.
    pub name: String,
    /// `doing`, `receiving`, `either`, `leading` or `following`.
    pub role: String,
}

/// One planned activity.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ActivityView {
    /// The item id.
    pub item: String,
    /// Its title.
    pub title: String,
    /// 1 gentle … 4 intense.
    pub intensity: u8,
    /// Who takes which role.
    pub roles: Vec<RoleView>,
}

/// One member's aftercare plan.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AftercarePlanView {
    /// The member's id.
    pub member_id: String,
    /// Their name.
    pub name: String,
    /// Whether it is me.
    pub is_me: bool,
    /// What they'd like afterwards ("" if not written).
    pub text: String,
}

/// One point of the safety checklist on a plan.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ChecklistView {
    /// The point's key.
    pub key: String,
    /// Its heading.
    pub title: String,
    /// What to talk through.
    pub prompt: String,
    /// The library page that helps, e.g. `/learn/first-aid`.
    pub learn: String,
    /// Whether it was talked through.
    pub done: bool,
    /// What was agreed ("" if nothing written).
    pub note: String,
}

/// Who has confirmed (an explicit action each; nothing confirms by waiting).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConfirmationView {
    /// The member's name.
    pub name: String,
    /// Whether it is me.
    pub is_me: bool,
    /// Whether they have confirmed.
    pub confirmed: bool,
}

/// A plan as a member sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanView {
    /// The plan's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// `proposed`, `confirmed`, `paused`, `withdrawn`, `no_longer_possible`, `lapsed`,
    /// `debrief` or `done`.
    pub status: String,
    /// The planned time (Unix seconds).
    pub at: i64,
    /// The time in the proposer's words.
    pub when: String,
    /// When it was proposed (Unix seconds).
    pub proposed_at: i64,
    /// Who proposed it.
    pub proposed_by: String,
    /// The plan's intensity ceiling.
    pub ceiling: u8,
    /// Whether it asks everyone to agree to a bigger step than gradual progression suggests.
    pub bigger_step: bool,
    /// The activities with their roles.
    pub activities: Vec<ActivityView>,
    /// How any of you can stop and step out.
    pub exit_strategy: String,
    /// Aftercare per member.
    pub aftercare: Vec<AftercarePlanView>,
    /// The safety checklist.
    pub checklist: Vec<ChecklistView>,
    /// The safeword from the agreement ("" if none yet).
    pub safeword: String,
    /// The pause signal from the agreement ("" if none yet).
    pub pause_signal: String,
    /// Who has confirmed.
    pub confirmations: Vec<ConfirmationView>,
    /// Whether I have confirmed.
    pub i_confirmed: bool,
    /// Whether I can confirm now.
    pub can_confirm: bool,
    /// Whether I can withdraw (always, unless it is already withdrawn or over).
    pub can_withdraw: bool,
    /// Whether debriefs are open.
    pub can_debrief: bool,
}

/// A plan in the list.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanSummary {
    /// The plan's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its status (see [`PlanView`]).
    pub status: String,
    /// The planned time (Unix seconds).
    pub at: i64,
}

/// A matched activity the plan form offers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Plannable {
    /// The item id.
    pub item: String,
    /// Its title.
    pub title: String,
    /// 1 gentle … 4 intense.
    pub intensity: u8,
    /// Who takes which role.
    pub roles: Vec<RoleView>,
    /// Never part of a plan that took place: needs a day between proposing and doing.
    pub is_new: bool,
    /// Above what gradual progression suggests as the next step.
    pub bigger_step: bool,
    /// Above the "go slower" ceiling.
    pub above_slower: bool,
}

/// What can be planned now, for the plan form.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanOptions {
    /// Matched activities that can be planned (limits never appear).
    pub activities: Vec<Plannable>,
    /// The highest intensity completed with good debriefs (0 if none).
    pub highest_completed: u8,
    /// The "go slower" ceiling, if one is set.
    pub slower: Option<u8>,
    /// Whether the space is paused.
    pub paused: bool,
    /// Members: `(member id, name)`, me first.
    pub members: Vec<RoleView>,
    /// Each member's aftercare wishes from the agreement, as a starting point.
    pub aftercare: Vec<AftercarePlanView>,
}

/// My confirmation.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmInput {
    /// For a plan that asks for a bigger step: that I agree to the bigger step too.
    #[serde(default)]
    pub bigger_step: bool,
}

fn roles_view(people: &People, roles: &BTreeMap<String, String>) -> Vec<RoleView> {
    roles
        .iter()
        .map(|(id, role)| RoleView {
            member_id: id.clone(),
            name: if people.is_me(id) {
                "You".into()
            } else {
                people.name(id)
            },
            role: role.clone(),
        })
        .collect()
}

/// What can be planned now: the open round's matches that nobody has a limit on.
pub async fn options(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<PlanOptions> {
    let mut m = membership(state, me, space_id).await?;
    let ctx = Context::load(state, me, &m).await?;
    let plans = ctx.plans(state, &mut m).await?;
    let hist = history(state, &mut m, &plans).await?;
    let people = People::of(state, &mut m).await?;
    let mut activities = Vec::new();
    for (item, roles) in &ctx.matches {
        // SECURITY: a limit makes an item disappear from the form, like a non-match (invariant 4).
        if !ctx.plannable(item, roles) {
            continue;
        }
        let Some(info) = ctx.items.get(item) else {
            continue;
        };
        activities.push(Plannable {
            item: item.clone(),
            title: info.title.clone(),
            intensity: info.intensity,
            roles: roles_view(&people, roles),
            is_new: !hist.done.contains(item),
            bigger_step: step_too_big(info.intensity, hist.highest_good),
            above_slower: ctx.slower.is_some_and(|c| info.intensity > c),
        });
    }
    activities.sort_by(|a, b| (a.intensity, &a.title).cmp(&(b.intensity, &b.title)));
    let mut members: Vec<RoleView> = people
        .members
        .iter()
        .map(|(id, name)| RoleView {
            member_id: id.clone(),
            name: name.clone(),
            role: String::new(),
        })
        .collect();
    members.sort_by_key(|r| !people.is_me(&r.member_id));
    let agreement = agreement::show(state, me, space_id).await?;
    let mut aftercare: Vec<AftercarePlanView> = agreement
        .aftercare
        .into_iter()
        .map(|a| AftercarePlanView {
            is_me: a.is_me,
            member_id: a.member_id,
            name: a.display_name,
            text: a.text,
        })
        .collect();
    aftercare.sort_by_key(|a| !a.is_me);
    Ok(PlanOptions {
        activities,
        highest_completed: hist.highest_good,
        slower: ctx.slower,
        paused: ctx.paused,
        members,
        aftercare,
    })
}

fn refuse_step(hist: &History, level: u8) -> AppError {
    let next = hist.highest_good + 1;
    AppError::invalid(
        "activities",
        if hist.highest_good == 0 {
            format!(
                "One step at a time: start with something at intensity {next} and see how it goes. If you all want this bigger step now, propose it as a bigger step; each of you then agrees to that separately."
            )
        } else {
            format!(
                "One step at a time: the most intense you've completed with good debriefs is level {}, and this goes to level {level}. Try level {next} first, or propose it as a bigger step; each of you then agrees to that separately.",
                hist.highest_good
            )
        },
    )
}

/// Proposes a plan (F1). Refused (422) if anything is not a current match with its roles, or is
/// someone's declared limit (one message for both), is above a "go slower" ceiling or the plan's
/// own ceiling, jumps further than gradual progression allows without asking for a bigger step,
/// or holds something new sooner than the reflection interval allows. Refused (409) while the
/// space is paused or someone is in a quiet period after a decline. Nobody is counted as
/// confirming, not even the proposer.
pub async fn propose(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    input: &PlanInput,
) -> AppResult<String> {
    let mut m = membership(state, me, space_id).await?;
    let ctx = Context::load(state, me, &m).await?;
    let checked = input.check(ctx.now, &ctx.members)?;
    if ctx.paused {
        return Err(AppError::Conflict(PAUSED.into()));
    }
    for member in ctx.members.iter().filter(|id| **id != m.member.id) {
        // SECURITY: D3: after someone declines, nothing in the app asks them again until their
        // quiet period ends.
        if is_quiet(state, space_id, member).await? {
            return Err(AppError::Conflict(
                "Someone asked for some quiet after saying no. New plans can wait until it ends."
                    .into(),
            ));
        }
    }
    let mut activities = Vec::new();
    for (item, roles) in &checked.items {
        let matched = ctx.matches.get(item);
        let roles = roles
            .clone()
            .or_else(|| matched.cloned())
            .unwrap_or_default();
        // SECURITY: invariant 3 and 4: a limit, a lowered answer and a never-matched item all get
        // the same words, so the refusal reveals nobody's private answer or whose limit it is.
        let info = ctx.items.get(item);
        let (true, Some(info)) = (ctx.plannable(item, &roles), info) else {
            return Err(AppError::invalid("activities", CANT_BE_PLANNED));
        };
        activities.push(StoredActivity {
            item: item.clone(),
            title: info.title.clone(),
            intensity: info.intensity,
            roles,
        });
    }
    let top = activities.iter().map(|a| a.intensity).max().unwrap_or(1);
    if let Some(c) = ctx.slower
        && (top > c || checked.ceiling > c)
    {
        return Err(AppError::invalid(
            "ceiling",
            format!(
                "Someone asked to go slower: for now, plans stay at intensity {c} or below, until they lift it."
            ),
        ));
    }
    if top > checked.ceiling {
        return Err(AppError::invalid(
            "ceiling",
            "An activity is above this plan's intensity ceiling. Raise the ceiling or leave it out.",
        ));
    }
    let plans = ctx.plans(state, &mut m).await?;
    let hist = history(state, &mut m, &plans).await?;
    if step_too_big(top, hist.highest_good) && !input.bigger_step {
        return Err(refuse_step(&hist, top));
    }
    let any_new = activities.iter().any(|a| !hist.done.contains(&a.item));
    if !reflection_respected(ctx.now, checked.at, any_new) {
        return Err(AppError::invalid(
            "at",
            "This plan holds something you haven't done together before. Give it at least a day between proposing and doing: choose a time 24 hours or more from now.",
        ));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let body = PlanBody {
        title: checked.title,
        members: ctx.members.iter().cloned().collect(),
        activities,
        exit_strategy: checked.exit_strategy,
        aftercare: checked.aftercare,
        checklist: checked.checklist,
        when: checked.when,
    };
    let sealed = seal_body(state, &mut m, &id, &body).await?;
    state
        .store
        .create_plan(&PlanRow {
            id: id.clone(),
            space_id: space_id.into(),
            proposed_by: Some(m.member.id.clone()),
            proposed_at: ctx.now,
            at: checked.at,
            ceiling: i64::from(checked.ceiling),
            bigger_step: i64::from(step_too_big(top, hist.highest_good)),
            sealed,
            withdrawn_at: None,
            debriefs_revealed_at: None,
        })
        .await?;
    Ok(id)
}

/// Loads one plan of the space with its status; 404 if missing, foreign, or unreadable to me.
pub async fn load(
    state: &AppState,
    m: &mut Membership,
    ctx: &Context,
    plan_id: &str,
) -> AppResult<PlanState> {
    if plan_id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let row = state
        .store
        .plan(&m.space.id, plan_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let body = open_body(state, m, &row).await?.ok_or(AppError::NotFound)?;
    let confirmations = state.store.plan_confirmations(&row.id).await?;
    let status = ctx.status_of(&row, &body, &confirmations);
    Ok(PlanState {
        row,
        body,
        confirmations,
        status,
    })
}

async fn view_of(
    state: &AppState,
    me: &SignedIn,
    m: &mut Membership,
    p: PlanState,
) -> AppResult<PlanView> {
    let people = People::of(state, m).await?;
    let agreement = agreement::show(state, me, &m.space.id).await?;
    let section = |key: &str| {
        agreement
            .sections
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.text.clone())
            .unwrap_or_default()
    };
    let confirmed = |id: &str| p.confirmations.iter().any(|c| c.member_id == id);
    let i_confirmed = confirmed(&m.member.id);
    let mut aftercare: Vec<AftercarePlanView> = p
        .body
        .members
        .iter()
        .map(|id| AftercarePlanView {
            member_id: id.clone(),
            name: people.name(id),
            is_me: people.is_me(id),
            text: p.body.aftercare.get(id).cloned().unwrap_or_default(),
        })
        .collect();
    aftercare.sort_by_key(|a| !a.is_me);
    let checklist = CHECKLIST
        .iter()
        .map(|pt| {
            let entry = p.body.checklist.get(pt.key).cloned().unwrap_or_default();
            ChecklistView {
                key: pt.key.into(),
                title: pt.title.into(),
                prompt: pt.prompt.into(),
                learn: format!("/learn/{}", pt.learn),
                done: entry.done,
                note: entry.note.unwrap_or_default(),
            }
        })
        .collect();
    let mut confirmations: Vec<ConfirmationView> = p
        .body
        .members
        .iter()
        .map(|id| ConfirmationView {
            name: people.name(id),
            is_me: people.is_me(id),
            confirmed: confirmed(id),
        })
        .collect();
    confirmations.sort_by_key(|c| !c.is_me);
    Ok(PlanView {
        id: p.row.id.clone(),
        title: p.body.title.clone(),
        status: p.status.as_str().into(),
        at: p.row.at,
        when: p.body.when.clone(),
        proposed_at: p.row.proposed_at,
        proposed_by: p
            .row
            .proposed_by
            .as_deref()
            .map(|id| people.name(id))
            .unwrap_or_else(|| "A former member".into()),
        ceiling: u8::try_from(p.row.ceiling).unwrap_or(1),
        bigger_step: p.row.bigger_step == 1,
        activities: p
            .body
            .activities
            .iter()
            .map(|a| ActivityView {
                item: a.item.clone(),
                title: a.title.clone(),
                intensity: a.intensity,
                roles: roles_view(&people, &a.roles),
            })
            .collect(),
        exit_strategy: p.body.exit_strategy.clone(),
        aftercare,
        checklist,
        safeword: section("safeword"),
        pause_signal: section("pause_signal"),
        confirmations,
        i_confirmed,
        can_confirm: can_confirm(p.status) && !i_confirmed,
        can_withdraw: !matches!(
            p.status,
            PlanStatus::Withdrawn | PlanStatus::Done | PlanStatus::Lapsed
        ),
        can_debrief: can_debrief(p.status),
    })
}

/// One plan as I see it.
pub async fn view(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    plan_id: &str,
) -> AppResult<PlanView> {
    let mut m = membership(state, me, space_id).await?;
    let ctx = Context::load(state, me, &m).await?;
    let p = load(state, &mut m, &ctx, plan_id).await?;
    view_of(state, me, &mut m, p).await
}

/// Every plan of the space, newest first.
pub async fn list(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<Vec<PlanSummary>> {
    let mut m = membership(state, me, space_id).await?;
    let ctx = Context::load(state, me, &m).await?;
    Ok(ctx
        .plans(state, &mut m)
        .await?
        .into_iter()
        .map(|p| PlanSummary {
            id: p.row.id,
            title: p.body.title,
            status: p.status.as_str().into(),
            at: p.row.at,
        })
        .collect())
}

/// Confirms a plan (F3, invariant 2): an explicit action by one member. It only counts while the
/// plan is proposed: not paused, withdrawn, changed or past its time. A plan asking for a bigger
/// step counts my confirmation only if I agree to the bigger step too.
pub async fn confirm(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    plan_id: &str,
    input: &ConfirmInput,
) -> AppResult<PlanView> {
    let mut m = membership(state, me, space_id).await?;
    let ctx = Context::load(state, me, &m).await?;
    let p = load(state, &mut m, &ctx, plan_id).await?;
    let mine = p.confirmations.iter().find(|c| c.member_id == m.member.id);
    let already = mine.is_some_and(|c| p.row.bigger_step == 0 || c.bigger_step == 1);
    if !(can_confirm(p.status) || (p.status == PlanStatus::Confirmed && already)) {
        return Err(AppError::Conflict(
            match p.status {
                PlanStatus::Paused => PAUSED,
                PlanStatus::Withdrawn => "This plan was withdrawn. It can't be confirmed.",
                PlanStatus::NoLongerPossible => CANT_BE_PLANNED,
                _ => "This plan's time has passed, so it can't be confirmed now.",
            }
            .into(),
        ));
    }
    if p.row.bigger_step == 1 && !input.bigger_step {
        return Err(AppError::invalid(
            "bigger_step",
            "This plan is a bigger step than one level at a time. Confirm only if you agree to that bigger step too.",
        ));
    }
    let written = state
        .store
        .confirm_plan(&PlanConfirmationRow {
            plan_id: p.row.id.clone(),
            member_id: m.member.id.clone(),
            confirmed_at: ctx.now,
            bigger_step: i64::from(input.bigger_step && p.row.bigger_step == 1),
        })
        .await?;
    if !written {
        return Err(AppError::Conflict(
            "This plan was withdrawn. It can't be confirmed.".into(),
        ));
    }
    let p = load(state, &mut m, &ctx, plan_id).await?;
    view_of(state, me, &mut m, p).await
}

/// Withdraws a plan (invariant 1): any member, alone, at once, before or during, without a
/// reason. It never fails for a member of the space, and starts my quiet period (D3).
pub async fn withdraw(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    plan_id: &str,
) -> AppResult<PlanView> {
    let mut m = membership(state, me, space_id).await?;
    if plan_id.len() > 64 {
        return Err(AppError::NotFound);
    }
    // SECURITY: the withdrawal is written before anything else is loaded or checked, so no other
    // rule or failure can delay it.
    if !state
        .store
        .withdraw_plan(space_id, plan_id, state.clock.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    start_quiet(state, space_id, &m.member.id).await?;
    let ctx = Context::load(state, me, &m).await?;
    let p = load(state, &mut m, &ctx, plan_id).await?;
    view_of(state, me, &mut m, p).await
}
