//! The check-in forum (E1–E3): the cadence chosen together, rounds with our prompts, and answers
//! sealed in server-enforced envelopes until everyone has submitted or the round has closed.

use std::collections::BTreeSet;

use attune_domain::checkin::{
    Cadence, MAX_ANSWER_CHARS, everyone_submitted, is_revealed, next_window, scale, visible_to,
};
use attune_domain::text::{Lines, clean};
use attune_store::StoreError;
use attune_store::rows::{CheckinAnswerRow, CheckinRoundRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::people::People;
use super::sessions::SignedIn;
use super::spaces::{Membership, membership};
use crate::error::{AppError, AppResult};
use crate::services::enforced::{open_enforced, seal_enforced};
use crate::services::keys::Place;
use crate::state::AppState;

const PURPOSE: &str = "checkin-answers";
const TABLE: &str = "checkin_answers";

/// One member's answers to a check-in. Scales are 1–5; every field may be left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct CheckinAnswers {
    /// How comfortable I have felt (1–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comfort: Option<u8>,
    /// How in step our wishes feel (1–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alignment: Option<u8>,
    /// How it has felt inside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<String>,
    /// What has felt good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub good: Option<String>,
    /// What would shake my trust.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trust: Option<String>,
    /// Which limits I'd like to keep.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<String>,
    /// Whether I felt heard (1–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heard: Option<u8>,
    /// Whether I had a fair say (1–5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fair_say: Option<u8>,
    /// Anything I'd like to bring up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raise: Option<String>,
}

/// Answers as sent: scales as numbers 1–5, texts up to 2000 characters; all optional.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswersInput {
    /// 1–5.
    #[serde(default)]
    pub comfort: Option<i64>,
    /// 1–5.
    #[serde(default)]
    pub alignment: Option<i64>,
    /// Free text.
    #[serde(default)]
    pub impact: Option<String>,
    /// Free text.
    #[serde(default)]
    pub good: Option<String>,
    /// Free text.
    #[serde(default)]
    pub trust: Option<String>,
    /// Free text.
    #[serde(default)]
    pub limits: Option<String>,
    /// 1–5.
    #[serde(default)]
    pub heard: Option<i64>,
    /// 1–5.
    #[serde(default)]
    pub fair_say: Option<i64>,
    /// Free text.
    #[serde(default)]
    pub raise: Option<String>,
}

fn opt_scale(field: &'static str, v: Option<i64>) -> AppResult<Option<u8>> {
    v.map(|v| scale(field, v)).transpose().map_err(Into::into)
}

fn opt_text(field: &'static str, label: &str, v: Option<&str>) -> AppResult<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    let t = clean(field, label, v, 0, MAX_ANSWER_CHARS, Lines::Multi)?;
    Ok((!t.is_empty()).then_some(t))
}

impl AnswersInput {
    /// Checks every field.
    pub fn check(&self) -> AppResult<CheckinAnswers> {
        Ok(CheckinAnswers {
            comfort: opt_scale("comfort", self.comfort)?,
            alignment: opt_scale("alignment", self.alignment)?,
            impact: opt_text("impact", "How it has felt", self.impact.as_deref())?,
            good: opt_text("good", "What has felt good", self.good.as_deref())?,
            trust: opt_text(
                "trust",
                "What would shake your trust",
                self.trust.as_deref(),
            )?,
            limits: opt_text("limits", "Limits to keep", self.limits.as_deref())?,
            heard: opt_scale("heard", self.heard)?,
            fair_say: opt_scale("fair_say", self.fair_say)?,
            raise: opt_text("raise", "Anything to bring up", self.raise.as_deref())?,
        })
    }
}

/// Who has submitted (never what).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Submission {
    /// The member's name.
    pub name: String,
    /// Whether it is me.
    pub is_me: bool,
    /// Whether they have submitted.
    pub submitted: bool,
}

/// One member's revealed answers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MemberAnswers {
    /// The member's name.
    pub name: String,
    /// Whether it is me.
    pub is_me: bool,
    /// Their answers.
    pub answers: CheckinAnswers,
}

/// A check-in round as one member sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckinRoundView {
    /// The round's id.
    pub id: String,
    /// 1, 2, 3 … within the space.
    pub number: i64,
    /// When it opened (Unix seconds).
    pub starts_at: i64,
    /// When it closes and shows whatever was submitted (Unix seconds).
    pub closes_at: i64,
    /// Whether answers are shown side by side.
    pub revealed: bool,
    /// Whether I can still change my answers.
    pub can_edit: bool,
    /// Who has submitted.
    pub members: Vec<Submission>,
    /// My own answers, if I have submitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mine: Option<CheckinAnswers>,
    /// Everyone's answers side by side; empty until revealed.
    pub answers: Vec<MemberAnswers>,
}

/// The cadence and any change being agreed.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CadenceView {
    /// `weekly`, `fortnightly` or `monthly`.
    pub cadence: String,
    /// Whether it is the starting default (nobody has chosen yet).
    pub is_default: bool,
    /// Current choices towards a change: who chose what.
    pub choices: Vec<CadenceChoice>,
}

/// One member's choice towards a cadence change.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CadenceChoice {
    /// The member's name.
    pub name: String,
    /// Whether it is me.
    pub is_me: bool,
    /// The cadence they chose.
    pub cadence: String,
}

fn place<'a>(round: &'a str, owner: &'a str) -> Place<'a> {
    Place {
        purpose: PURPOSE,
        table: TABLE,
        row: round,
        owner,
    }
}

// SECURITY: a server-enforced envelope: other members' requests could open it, so the rule in
// `visible_to` is what keeps it hidden until the reveal (invariant 5).
async fn seal_answers(
    state: &AppState,
    m: &mut Membership,
    round: &str,
    answers: &CheckinAnswers,
) -> AppResult<Vec<u8>> {
    let owner = m.member.id.clone();
    seal_enforced(state, m, &place(round, &owner), answers).await
}

/// Opens answers; `None` when this member holds no copy of the key version used.
async fn open_answers(
    state: &AppState,
    m: &mut Membership,
    row: &CheckinAnswerRow,
) -> AppResult<Option<CheckinAnswers>> {
    open_enforced(state, m, &place(&row.round_id, &row.member_id), &row.sealed).await
}

/// The space's cadence (the default until everyone chose another).
pub async fn cadence_of(state: &AppState, space_id: &str) -> AppResult<(Cadence, bool)> {
    Ok(match state.store.checkin_cadence(space_id).await? {
        Some(c) => (Cadence::parse(&c)?, false),
        None => (Cadence::DEFAULT, true),
    })
}

/// The cadence and the choices towards a change.
pub async fn cadence(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<CadenceView> {
    let mut m = membership(state, me, space_id).await?;
    cadence_view(state, &mut m).await
}

async fn cadence_view(state: &AppState, m: &mut Membership) -> AppResult<CadenceView> {
    let space_id = m.space.id.clone();
    let (current, is_default) = cadence_of(state, &space_id).await?;
    let people = People::of(state, m).await?;
    let choices = state
        .store
        .checkin_cadence_choices(&space_id)
        .await?
        .into_iter()
        .map(|(member, cadence)| CadenceChoice {
            name: people.name(&member),
            is_me: people.is_me(&member),
            cadence,
        })
        .collect();
    Ok(CadenceView {
        cadence: current.as_str().into(),
        is_default,
        choices,
    })
}

/// Chooses a cadence (E1). It changes only once every member has chosen the same one
/// (invariant 2's spirit: a shared rhythm needs everyone). Returns the view afterwards.
pub async fn choose_cadence(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    cadence: &str,
) -> AppResult<CadenceView> {
    let mut m = membership(state, me, space_id).await?;
    let cadence = Cadence::parse(cadence)?;
    state
        .store
        .choose_checkin_cadence(space_id, &m.member.id, cadence.as_str(), state.clock.now())
        .await?;
    state
        .store
        .settle_checkin_cadence(space_id, cadence.as_str())
        .await?;
    cadence_view(state, &mut m).await
}

async fn create_round(
    state: &AppState,
    space_id: &str,
    number: i64,
    previous_close: Option<i64>,
) -> AppResult<CheckinRoundRow> {
    let (cadence, _) = cadence_of(state, space_id).await?;
    let (starts_at, closes_at) = next_window(previous_close, state.clock.now(), cadence);
    let row = CheckinRoundRow {
        id: uuid::Uuid::new_v4().to_string(),
        space_id: space_id.into(),
        number,
        starts_at,
        closes_at,
        revealed_at: None,
    };
    match state.store.create_checkin_round(&row).await {
        Ok(()) => {
            super::reminders::round_opened(state, &row).await?;
            Ok(row)
        }
        // Someone else opened the same round at the same moment: use theirs.
        Err(StoreError::Conflict(_)) => state
            .store
            .latest_checkin_round(space_id)
            .await?
            .ok_or(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// The round that is open now, starting the next one when the last has closed.
pub async fn current_round(state: &AppState, space_id: &str) -> AppResult<CheckinRoundRow> {
    let now = state.clock.now();
    match state.store.latest_checkin_round(space_id).await? {
        None => create_round(state, space_id, 1, None).await,
        Some(r) if now < r.closes_at => Ok(r),
        Some(r) => create_round(state, space_id, r.number + 1, Some(r.closes_at)).await,
    }
}

async fn round_view(
    state: &AppState,
    m: &mut Membership,
    round: &CheckinRoundRow,
) -> AppResult<CheckinRoundView> {
    let now = state.clock.now();
    let people = People::of(state, m).await?;
    let rows = state.store.checkin_answers_of(&round.id).await?;
    let submitted: BTreeSet<String> = rows.iter().map(|r| r.member_id.clone()).collect();
    let revealed = is_revealed(round.revealed_at, round.closes_at, now);
    // SECURITY: invariant 5: only the envelopes the sealing rule allows are opened at all.
    let visible = visible_to(&m.member.id, &submitted, revealed);
    let mut mine = None;
    let mut answers = Vec::new();
    for row in rows
        .iter()
        .filter(|r| visible.contains(r.member_id.as_str()))
    {
        let Some(a) = open_answers(state, m, row).await? else {
            continue;
        };
        if row.member_id == m.member.id {
            mine = Some(a.clone());
        }
        if revealed {
            answers.push(MemberAnswers {
                name: people.name(&row.member_id),
                is_me: people.is_me(&row.member_id),
                answers: a,
            });
        }
    }
    // Me first, then the others in order of joining.
    answers.sort_by_key(|a| !a.is_me);
    let members = people
        .members
        .iter()
        .map(|(id, name)| Submission {
            name: name.clone(),
            is_me: people.is_me(id),
            submitted: submitted.contains(id),
        })
        .collect();
    Ok(CheckinRoundView {
        id: round.id.clone(),
        number: round.number,
        starts_at: round.starts_at,
        closes_at: round.closes_at,
        revealed,
        can_edit: !revealed,
        members,
        mine,
        answers,
    })
}

/// The current round as I see it.
pub async fn current(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
) -> AppResult<CheckinRoundView> {
    let mut m = membership(state, me, space_id).await?;
    let round = current_round(state, space_id).await?;
    round_view(state, &mut m, &round).await
}

/// One round of the space as I see it.
pub async fn round(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    round_id: &str,
) -> AppResult<CheckinRoundView> {
    let mut m = membership(state, me, space_id).await?;
    if round_id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let round = state
        .store
        .checkin_round(space_id, round_id)
        .await?
        .ok_or(AppError::NotFound)?;
    round_view(state, &mut m, &round).await
}

/// Writes my answers to the current round (editable until the reveal). The round reveals at
/// once when I am the last to submit.
pub async fn put_answers(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    input: &AnswersInput,
) -> AppResult<CheckinRoundView> {
    let mut m = membership(state, me, space_id).await?;
    let answers = input.check()?;
    let round = current_round(state, space_id).await?;
    let sealed = seal_answers(state, &mut m, &round.id, &answers).await?;
    let now = state.clock.now();
    let written = state
        .store
        .put_checkin_answer(
            &CheckinAnswerRow {
                round_id: round.id.clone(),
                member_id: m.member.id.clone(),
                sealed,
                submitted_at: now,
                updated_at: now,
            },
            now,
        )
        .await?;
    if !written {
        return Err(AppError::Conflict(
            "This check-in has been shown to everyone, so answers can't change now. The next one will open when this one closes.".into(),
        ));
    }
    let members: BTreeSet<String> = state
        .store
        .members_of_space(space_id)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect();
    let submitted: BTreeSet<String> = state
        .store
        .checkin_answers_of(&round.id)
        .await?
        .into_iter()
        .map(|r| r.member_id)
        .collect();
    if everyone_submitted(&members, &submitted) {
        state
            .store
            .reveal_checkin_round_if_complete(&round.id, now)
            .await?;
    }
    let round = state
        .store
        .checkin_round(space_id, &round.id)
        .await?
        .ok_or(AppError::NotFound)?;
    round_view(state, &mut m, &round).await
}

/// One revealed round's scales, per member, for the trend charts (E4).
#[derive(Debug, Clone)]
pub struct TrendPoint {
    /// The round number.
    pub number: i64,
    /// When it closed or was revealed.
    pub at: i64,
    /// `(member id, answers)` of everyone whose answers I can open.
    pub values: Vec<(String, CheckinAnswers)>,
}

/// Everything the trend charts need.
pub struct Trends {
    /// Members in order of joining: `(member id, name)`.
    pub members: Vec<(String, String)>,
    /// Revealed rounds, oldest first.
    pub points: Vec<TrendPoint>,
}

/// The revealed rounds of a space, for the trend charts. Sealed rounds never appear.
pub async fn trends(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<Trends> {
    let mut m = membership(state, me, space_id).await?;
    let people = People::of(state, &mut m).await?;
    let now = state.clock.now();
    let mut points = Vec::new();
    for round in state.store.checkin_rounds_of(space_id).await? {
        if !is_revealed(round.revealed_at, round.closes_at, now) {
            continue;
        }
        let mut values = Vec::new();
        for row in state.store.checkin_answers_of(&round.id).await? {
            if let Some(a) = open_answers(state, &mut m, &row).await? {
                values.push((row.member_id.clone(), a));
            }
        }
        if !values.is_empty() {
            points.push(TrendPoint {
                number: round.number,
                at: round.revealed_at.unwrap_or(round.closes_at),
                values,
            });
        }
    }
    Ok(Trends {
        members: people.members,
        points,
    })
}
