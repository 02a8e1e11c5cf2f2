//! The debrief page (F4): my private debrief with the 1–5 aftercare question, who has written
//! (never what) until everyone has, then everyone's side by side, with follow-ups and the offer
//! to put a line in the desire log.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::settle;
use super::shell::{NoticeQuery, Shell};
use crate::services::plans::debriefs::{self, DebriefInput, DebriefsView, FollowUpInput};
use crate::services::plans::plan::{self, PlanView};
use crate::services::sessions::SignedIn;
use crate::services::spaces;
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;
use attune_domain::debrief::{AFTERCARE_QUESTION, AFTERCARE_SCALE, LogKind, QUESTIONS};

/// One question on the form, with my current answer.
pub struct Field {
    key: &'static str,
    question: &'static str,
    hint: &'static str,
    text: String,
}

/// One answer side by side: who, what, and whose words (for the log offer).
pub struct Answer {
    who: String,
    is_me: bool,
    member_id: String,
    text: String,
}

/// One question's answers side by side.
pub struct Revealed {
    key: &'static str,
    /// What a line from this question most likely is, preselected for the log.
    kind: &'static str,
    question: &'static str,
    answers: Vec<Answer>,
}

#[derive(Template)]
#[template(path = "plan_debrief.html")]
struct DebriefPage {
    shell: Shell,
    space_id: String,
    plan: PlanView,
    view: DebriefsView,
    fields: Vec<Field>,
    aftercare_question: &'static str,
    aftercare_scale: &'static str,
    my_aftercare: u8,
    revealed: Vec<Revealed>,
    aftercare_answers: Vec<(String, String)>,
    kinds: Vec<(&'static str, &'static str)>,
    error: Option<FormError>,
}

async fn page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    pid: &str,
    notice: Option<&str>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let space = spaces::view(state, me, id).await?;
    let shell = Shell::new(state, Some(me), "Debrief")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    let plan = plan::view(state, me, id, pid).await?;
    let view = debriefs::view(state, me, id, pid).await?;
    let mine = view.mine.clone().unwrap_or_default();
    let fields = QUESTIONS
        .iter()
        .map(|q| Field {
            key: q.key,
            question: q.question,
            hint: q.hint,
            text: mine.field(q.key).unwrap_or("").to_string(),
        })
        .collect();
    let who = |d: &debriefs::MemberDebrief| {
        if d.is_me {
            "You".to_string()
        } else {
            d.name.clone()
        }
    };
    let revealed = QUESTIONS
        .iter()
        .map(|q| Revealed {
            key: q.key,
            kind: match q.key {
                "exciting" => LogKind::Worked.as_str(),
                "feel_now" => LogKind::Surprised.as_str(),
                _ => LogKind::DidNot.as_str(),
            },
            question: q.question,
            answers: view
                .debriefs
                .iter()
                .map(|d| Answer {
                    who: who(d),
                    is_me: d.is_me,
                    member_id: d.member_id.clone(),
                    text: d.debrief.field(q.key).unwrap_or("").to_string(),
                })
                .collect(),
        })
        .collect();
    let aftercare_answers = view
        .debriefs
        .iter()
        .map(|d| {
            (
                who(d),
                d.debrief
                    .aftercare
                    .map(|a| format!("{a} of 5"))
                    .unwrap_or_else(|| "—".into()),
            )
        })
        .collect();
    render(&DebriefPage {
        shell,
        space_id: id.into(),
        my_aftercare: mine.aftercare.unwrap_or(0),
        plan,
        view,
        fields,
        aftercare_question: AFTERCARE_QUESTION,
        aftercare_scale: AFTERCARE_SCALE,
        revealed,
        aftercare_answers,
        kinds: LogKind::ALL
            .iter()
            .map(|k| (k.as_str(), k.label()))
            .collect(),
        error,
    })
}

/// GET /spaces/{id}/plans/{pid}/debrief
pub async fn show(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, pid)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    page(&state, &me, &id, &pid, q.n.as_deref(), None).await
}

/// The debrief form.
#[derive(Deserialize)]
pub struct DebriefForm {
    csrf: String,
    #[serde(default)]
    exciting: String,
    #[serde(default)]
    doubt: String,
    #[serde(default)]
    refine: String,
    #[serde(default)]
    feel_now: String,
    #[serde(default)]
    aftercare: String,
}

/// POST /spaces/{id}/plans/{pid}/debrief
pub async fn save(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, pid)): Path<(String, String)>,
    PageForm(form): PageForm<DebriefForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let input = DebriefInput {
        exciting: Some(form.exciting),
        doubt: Some(form.doubt),
        refine: Some(form.refine),
        feel_now: Some(form.feel_now),
        // Unreadable numbers become 0, which the rule refuses with a clear message.
        aftercare: (!form.aftercare.is_empty()).then(|| form.aftercare.parse().unwrap_or(0)),
    };
    let result = debriefs::put(&state, &me, &id, &pid, &input).await;
    after(
        &state,
        &me,
        &id,
        &pid,
        result.map(|v| {
            if v.revealed {
                "debrief-revealed"
            } else {
                "debrief-saved"
            }
        }),
    )
    .await
}

async fn after(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    pid: &str,
    result: crate::error::AppResult<&str>,
) -> PageResult<Response> {
    settle(
        result,
        |n| format!("/spaces/{id}/plans/{pid}/debrief?n={n}"),
        |error| page(state, me, id, pid, None, Some(error)),
    )
    .await
}

/// The follow-up form.
#[derive(Deserialize)]
pub struct FollowUpForm {
    csrf: String,
    #[serde(default)]
    text: String,
}

/// POST /spaces/{id}/plans/{pid}/follow-ups
pub async fn follow_up(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, pid)): Path<(String, String)>,
    PageForm(form): PageForm<FollowUpForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = debriefs::follow_up(&state, &me, &id, &pid, &FollowUpInput { text: form.text })
        .await
        .map(|_| "follow-up-added");
    after(&state, &me, &id, &pid, result).await
}
