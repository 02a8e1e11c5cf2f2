//! Check-in pages (E1–E4, E6): the current round with ground rules, who has submitted, answers
//! side by side once revealed, the cadence, reminders, and the trend charts.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::settle;
use super::shell::{NoticeQuery, Shell, in_words};
use super::trend_chart::{self, Chart, HEIGHT, WIDTH};
use crate::error::AppResult;
use crate::services::calendar::{self, CalendarView};
use crate::services::checkins::{
    self, AnswersInput, CadenceView, CheckinAnswers, CheckinRoundView,
};
use crate::services::reminders;
use crate::services::sessions::SignedIn;
use crate::services::spaces;
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;
use attune_domain::checkin::{Cadence, GROUND_RULES, PROMPTS, PromptKind};

/// One prompt on the form, with my current answer.
pub struct PromptField {
    id: &'static str,
    question: &'static str,
    hint: &'static str,
    is_scale: bool,
    scale: u8,
    text: String,
}

/// One prompt's answers side by side.
pub struct Revealed {
    question: &'static str,
    answers: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "checkins.html")]
struct CheckinsPage {
    shell: Shell,
    space_id: String,
    round: CheckinRoundView,
    closes: String,
    fields: Vec<PromptField>,
    revealed: Vec<Revealed>,
    rules: &'static [&'static str],
    cadence: CadenceView,
    cadences: Vec<(&'static str, &'static str)>,
    calendar: CalendarView,
    email: String,
    email_available: bool,
    error: Option<FormError>,
}

#[derive(Template)]
#[template(path = "trends.html")]
struct TrendsPage {
    shell: Shell,
    space_id: String,
    charts: Vec<Chart>,
    width: i64,
    height: i64,
}

fn value_of(a: &CheckinAnswers, id: &str) -> (u8, String) {
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    match id {
        "comfort" => (a.comfort.unwrap_or(0), String::new()),
        "alignment" => (a.alignment.unwrap_or(0), String::new()),
        "heard" => (a.heard.unwrap_or(0), String::new()),
        "fair_say" => (a.fair_say.unwrap_or(0), String::new()),
        "impact" => (0, text(&a.impact)),
        "good" => (0, text(&a.good)),
        "trust" => (0, text(&a.trust)),
        "limits" => (0, text(&a.limits)),
        "raise" => (0, text(&a.raise)),
        _ => (0, String::new()),
    }
}

fn shown(a: &CheckinAnswers, id: &str, is_scale: bool) -> String {
    let (n, t) = value_of(a, id);
    match (is_scale, n) {
        (true, 0) => "—".into(),
        (true, n) => format!("{n} of 5"),
        (false, _) if t.is_empty() => "—".into(),
        (false, _) => t,
    }
}

async fn page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    notice: Option<&str>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let space = spaces::view(state, me, id).await?;
    let shell = Shell::new(state, Some(me), "Check-ins")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    let round = checkins::current(state, me, id).await?;
    let mine = round.mine.clone().unwrap_or_default();
    let fields = PROMPTS
        .iter()
        .map(|p| {
            let (scale, text) = value_of(&mine, p.id);
            PromptField {
                id: p.id,
                question: p.question,
                hint: p.hint,
                is_scale: p.kind == PromptKind::Scale,
                scale,
                text,
            }
        })
        .collect();
    let revealed = PROMPTS
        .iter()
        .map(|p| Revealed {
            question: p.question,
            answers: round
                .answers
                .iter()
                .map(|m| {
                    let who = if m.is_me {
                        "You".to_string()
                    } else {
                        m.name.clone()
                    };
                    (who, shown(&m.answers, p.id, p.kind == PromptKind::Scale))
                })
                .collect(),
        })
        .collect();
    let closes = in_words(round.closes_at - state.clock.now());
    render(&CheckinsPage {
        shell,
        space_id: space.id,
        closes,
        fields,
        revealed,
        rules: GROUND_RULES,
        cadence: checkins::cadence(state, me, id).await?,
        cadences: Cadence::ALL
            .iter()
            .map(|c| (c.as_str(), c.label()))
            .collect(),
        calendar: calendar::mine(state, me, id).await?,
        email: reminders::my_email(state, me, id)
            .await?
            .unwrap_or_default(),
        email_available: state.config.smtp_url.is_some(),
        round,
        error,
    })
}

async fn after(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    result: AppResult<()>,
    notice: &str,
) -> PageResult<Response> {
    settle(
        result,
        |_| format!("/spaces/{id}/checkins?n={notice}"),
        |error| page(state, me, id, None, Some(error)),
    )
    .await
}

/// GET /spaces/{id}/checkins
pub async fn show(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    page(&state, &me, &id, q.n.as_deref(), None).await
}

/// The answers form: scales come as "1"…"5" or empty, texts as typed.
#[derive(Deserialize)]
pub struct AnswersForm {
    csrf: String,
    #[serde(default)]
    comfort: String,
    #[serde(default)]
    alignment: String,
    #[serde(default)]
    impact: String,
    #[serde(default)]
    good: String,
    #[serde(default)]
    trust: String,
    #[serde(default)]
    limits: String,
    #[serde(default)]
    heard: String,
    #[serde(default)]
    fair_say: String,
    #[serde(default)]
    raise: String,
}

fn num(v: &str) -> Option<i64> {
    // Unreadable numbers become 0, which the rule refuses with a clear message.
    (!v.is_empty()).then(|| v.parse().unwrap_or(0))
}

/// POST /spaces/{id}/checkins/answers
pub async fn answers(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<AnswersForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let input = AnswersInput {
        comfort: num(&form.comfort),
        alignment: num(&form.alignment),
        impact: Some(form.impact),
        good: Some(form.good),
        trust: Some(form.trust),
        limits: Some(form.limits),
        heard: num(&form.heard),
        fair_say: num(&form.fair_say),
        raise: Some(form.raise),
    };
    let (result, notice) = match checkins::put_answers(&state, &me, &id, &input).await {
        Ok(view) if view.revealed => (Ok(()), "checkin-revealed"),
        Ok(_) => (Ok(()), "checkin-saved"),
        Err(e) => (Err(e), ""),
    };
    after(&state, &me, &id, result, notice).await
}

/// One value picked in a form.
#[derive(Deserialize)]
pub struct ValueForm {
    csrf: String,
    #[serde(default)]
    value: String,
}

/// POST /spaces/{id}/checkins/cadence
pub async fn cadence(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<ValueForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = checkins::choose_cadence(&state, &me, &id, &form.value)
        .await
        .map(|_| ());
    after(&state, &me, &id, result, "cadence-chosen").await
}

/// POST /spaces/{id}/calendar/rotate
pub async fn rotate(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<ValueForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = calendar::rotate(&state, &me, &id).await.map(|_| ());
    after(&state, &me, &id, result, "rotated").await
}

/// POST /spaces/{id}/calendar/title
pub async fn title(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<ValueForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = calendar::set_title(&state, &me, &id, &form.value)
        .await
        .map(|_| ());
    after(&state, &me, &id, result, "saved").await
}

/// POST /spaces/{id}/reminders/email (empty turns e-mail reminders off)
pub async fn email(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<ValueForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = reminders::set_email(&state, &me, &id, Some(&form.value)).await;
    after(&state, &me, &id, result, "saved").await
}

/// GET /spaces/{id}/checkins/trends
pub async fn trends(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
) -> PageResult<Html<String>> {
    let space = spaces::view(&state, &me, &id).await?;
    let shell = Shell::new(&state, Some(&me), "Trends")
        .await
        .in_space(&state, &me, &space.id, &space.name)
        .await;
    let t = checkins::trends(&state, &me, &id).await?;
    render(&TrendsPage {
        shell,
        space_id: space.id,
        charts: if t.points.is_empty() {
            Vec::new()
        } else {
            trend_chart::charts(&t)
        },
        width: WIDTH,
        height: HEIGHT,
    })
}

/// GET /calendar/{file}: the private feed (`<secret>.ics`). Unknown secrets get a plain 404.
pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> PageResult<Response> {
    let secret = file.strip_suffix(".ics").unwrap_or("");
    match calendar::feed(&state, secret).await? {
        Some(body) => Ok((
            [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
            body,
        )
            .into_response()),
        None => Ok((StatusCode::NOT_FOUND, "not found").into_response()),
    }
}
