//! Plan pages (F1–F3): the list, a new plan from the open round's matches (a plain form, no
//! JavaScript needed), and one plan with Confirm and Withdraw side by side.

use std::collections::{BTreeMap, BTreeSet};

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::{again, settle};
use super::shell::{NoticeQuery, Shell, in_words};
use crate::error::AppError;
use crate::services::plans::input::{ActivityInput, ChecklistEntry, PlanInput};
use crate::services::plans::plan::{self, ConfirmInput, PlanOptions, PlanSummary, PlanView};
use crate::services::sessions::SignedIn;
use crate::services::spaces;
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;
use attune_domain::plan::CHECKLIST;

/// When the plan is, as offered on the form: `(hours ahead, label)`.
const WHEN_CHOICES: [(i64, &str); 9] = [
    (1, "In about an hour"),
    (3, "In about 3 hours"),
    (6, "In about 6 hours"),
    (25, "In a day or so"),
    (48, "In 2 days"),
    (72, "In 3 days"),
    (120, "In 5 days"),
    (168, "In a week"),
    (336, "In 2 weeks"),
];

/// A status in plain words.
pub fn status_words(status: &str) -> &'static str {
    match status {
        "proposed" => "Waiting for everyone to confirm",
        "confirmed" => "Everyone confirmed",
        "paused" => "Suspended: the space is paused",
        "withdrawn" => "Withdrawn",
        "no_longer_possible" => "Off: something in it can't be planned any more",
        "lapsed" => "Didn't go ahead",
        "debrief" => "Time for debriefs",
        "done" => "Debriefed",
        _ => "",
    }
}

fn when_words(at: i64, now: i64) -> String {
    if at >= now {
        in_words(at - now)
    } else {
        let hours = (now - at + 1800) / 3600;
        if hours < 36 {
            format!("about {hours} hours ago")
        } else {
            format!("about {} days ago", (now - at + 43_200) / 86_400)
        }
    }
}

struct Row {
    plan: PlanSummary,
    status: &'static str,
    when: String,
}

#[derive(Template)]
#[template(path = "plans.html")]
struct PlansPage {
    shell: Shell,
    space_id: String,
    rows: Vec<Row>,
}

/// What was typed, to show again after a refusal.
#[derive(Default)]
struct Draft {
    title: String,
    items: BTreeSet<String>,
    hours: i64,
    when: String,
    ceiling: i64,
    exit_strategy: String,
    aftercare: BTreeMap<String, String>,
    done: BTreeSet<String>,
    notes: BTreeMap<String, String>,
    bigger_step: bool,
}

impl Draft {
    fn picked(&self, item: &str) -> bool {
        self.items.contains(item)
    }
    fn checked(&self, key: &str) -> bool {
        self.done.contains(key)
    }
    fn note(&self, key: &str) -> &str {
        self.notes.get(key).map(String::as_str).unwrap_or("")
    }
    fn aftercare_of(&self, member: &str) -> &str {
        self.aftercare.get(member).map(String::as_str).unwrap_or("")
    }
}

#[derive(Template)]
#[template(path = "plan_new.html")]
struct NewPlanPage {
    shell: Shell,
    space_id: String,
    options: PlanOptions,
    checklist: &'static [attune_domain::plan::ChecklistPoint],
    when_choices: &'static [(i64, &'static str)],
    draft: Draft,
    error: Option<FormError>,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    shell: Shell,
    space_id: String,
    plan: PlanView,
    status: &'static str,
    when: String,
    error: Option<FormError>,
}

async fn shell(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    title: &str,
    notice: Option<&str>,
) -> PageResult<Shell> {
    let space = spaces::view(state, me, id).await?;
    Ok(Shell::new(state, Some(me), title)
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice))
}

/// GET /spaces/{id}/plans
pub async fn list(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    let shell = shell(&state, &me, &id, "Plans", q.n.as_deref()).await?;
    let now = state.clock.now();
    let rows = plan::list(&state, &me, &id)
        .await?
        .into_iter()
        .map(|p| Row {
            status: status_words(&p.status),
            when: when_words(p.at, now),
            plan: p,
        })
        .collect();
    render(&PlansPage {
        shell,
        space_id: id,
        rows,
    })
}

async fn new_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    draft: Draft,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let shell = shell(state, me, id, "New plan", None).await?;
    let options = plan::options(state, me, id).await?;
    let mut draft = draft;
    if draft.aftercare.is_empty() {
        // The agreement's aftercare wishes are the starting point; each can be changed here.
        draft.aftercare = options
            .aftercare
            .iter()
            .map(|a| (a.member_id.clone(), a.text.clone()))
            .collect();
    }
    render(&NewPlanPage {
        shell,
        space_id: id.into(),
        options,
        checklist: &CHECKLIST,
        when_choices: &WHEN_CHOICES,
        draft,
        error,
    })
}

/// GET /spaces/{id}/plans/new
pub async fn new_form(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
) -> PageResult<Html<String>> {
    let draft = Draft {
        hours: 25,
        ceiling: 2,
        ..Draft::default()
    };
    new_page(&state, &me, &id, draft, None).await
}

/// POST /spaces/{id}/plans — the form arrives as pairs, since activities repeat one name.
pub async fn create(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(pairs): PageForm<Vec<(String, String)>>,
) -> PageResult<Response> {
    let mut csrf = String::new();
    let mut d = Draft::default();
    for (k, v) in pairs {
        match k.as_str() {
            "csrf" => csrf = v,
            "title" => d.title = v,
            "item" => {
                d.items.insert(v);
            }
            "hours" => d.hours = v.parse().unwrap_or(0),
            "when" => d.when = v,
            "ceiling" => d.ceiling = v.parse().unwrap_or(0),
            "exit_strategy" => d.exit_strategy = v,
            "bigger_step" => d.bigger_step = true,
            _ => {
                if let Some(m) = k.strip_prefix("aftercare_") {
                    d.aftercare.insert(m.to_string(), v);
                } else if let Some(c) = k.strip_prefix("done_") {
                    d.done.insert(c.to_string());
                } else if let Some(c) = k.strip_prefix("note_") {
                    d.notes.insert(c.to_string(), v);
                }
            }
        }
    }
    me.check_csrf(&csrf)?;
    if !WHEN_CHOICES.iter().any(|(h, _)| *h == d.hours) {
        let error = FormError {
            field: "at",
            message: "Choose when, from the list.".into(),
        };
        return Ok((
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            new_page(&state, &me, &id, d, Some(error)).await?,
        )
            .into_response());
    }
    let mut checklist = BTreeMap::new();
    for p in CHECKLIST {
        let note = d.notes.get(p.key).cloned().unwrap_or_default();
        if d.done.contains(p.key) || !note.is_empty() {
            checklist.insert(
                p.key.to_string(),
                ChecklistEntry {
                    done: d.done.contains(p.key),
                    note: Some(note),
                },
            );
        }
    }
    let input = PlanInput {
        title: d.title.clone(),
        activities: d
            .items
            .iter()
            .map(|i| ActivityInput {
                item: i.clone(),
                roles: None,
            })
            .collect(),
        at: state.clock.now() + d.hours * 3600,
        ceiling: d.ceiling,
        exit_strategy: Some(d.exit_strategy.clone()),
        aftercare: d
            .aftercare
            .iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        checklist,
        when: Some(d.when.clone()),
        bigger_step: d.bigger_step,
    };
    settle(
        plan::propose(&state, &me, &id, &input).await,
        |pid| format!("/spaces/{id}/plans/{pid}?n=plan-proposed"),
        |error| new_page(&state, &me, &id, d, Some(error)),
    )
    .await
}

async fn plan_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    pid: &str,
    notice: Option<&str>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let shell = shell(state, me, id, "Plan", notice).await?;
    let plan = plan::view(state, me, id, pid).await?;
    render(&PlanPage {
        shell,
        space_id: id.into(),
        status: status_words(&plan.status),
        when: when_words(plan.at, state.clock.now()),
        plan,
        error,
    })
}

/// GET /spaces/{id}/plans/{pid}
pub async fn show(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, pid)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    plan_page(&state, &me, &id, &pid, q.n.as_deref(), None).await
}

/// The confirm form.
#[derive(Deserialize)]
pub struct ConfirmForm {
    csrf: String,
    #[serde(default)]
    bigger_step: Option<String>,
}

/// POST /spaces/{id}/plans/{pid}/confirm
pub async fn confirm(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, pid)): Path<(String, String)>,
    PageForm(form): PageForm<ConfirmForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let input = ConfirmInput {
        bigger_step: form.bigger_step.is_some(),
    };
    match plan::confirm(&state, &me, &id, &pid, &input).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/spaces/{id}/plans/{pid}?n=plan-confirmed")).into_response())
        }
        Err(e) => {
            again(e, |error| {
                plan_page(&state, &me, &id, &pid, None, Some(error))
            })
            .await
        }
    }
}

/// The withdraw form: only the form token, never a reason.
#[derive(Deserialize)]
pub struct WithdrawForm {
    csrf: String,
}

/// POST /spaces/{id}/plans/{pid}/withdraw
pub async fn withdraw(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, pid)): Path<(String, String)>,
    PageForm(form): PageForm<WithdrawForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match plan::withdraw(&state, &me, &id, &pid).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/spaces/{id}/plans/{pid}?n=plan-withdrawn")).into_response())
        }
        Err(AppError::NotFound) => Err(AppError::NotFound.into()),
        Err(e) => Err(e.into()),
    }
}
