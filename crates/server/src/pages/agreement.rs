//! Agreement pages: the agreement in force with any change waiting for everyone, proposing a
//! change (with a starting prompt per section), its history with differences, its review date.

use askama::Template;
use attune_domain::boundaries::review::format_date;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::boundaries::{OneQuery, ReviewForm};
use super::error::{FormError, PageResult, render};
use super::form::again;
use super::shell::{NoticeQuery, Shell};
use crate::api::boundaries::Range;
use crate::error::AppError;
use crate::services::agreement::{self, AgreementInput, AgreementView};
use crate::services::history::AGREEMENT;
use crate::services::review;
use crate::services::sessions::SignedIn;
use crate::services::spaces;
use crate::services::versions::{self, HistoryView};
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;

#[derive(Template)]
#[template(path = "agreement.html")]
struct ShowPage {
    shell: Shell,
    space_id: String,
    view: AgreementView,
    error: Option<FormError>,
    today: String,
}

impl ShowPage {
    fn any_aftercare(&self) -> bool {
        self.view.aftercare.iter().any(|a| !a.text.is_empty())
    }

    fn date(&self, t: &i64) -> String {
        format_date(*t)
    }
}

/// One section of the edit form.
pub struct SectionField {
    /// Field name.
    pub key: String,
    /// Heading.
    pub title: String,
    /// Starting prompt.
    pub prompt: String,
    /// Current value.
    pub value: String,
    /// Whether it is the one-line safeword.
    pub single_line: bool,
}

#[derive(Template)]
#[template(path = "agreement_edit.html")]
struct EditPage {
    shell: Shell,
    space_id: String,
    intentions: String,
    fields: Vec<SectionField>,
    aftercare_title: String,
    aftercare_prompt: String,
    aftercare: String,
    reason: String,
    has_pending: bool,
    error: Option<FormError>,
}

#[derive(Template)]
#[template(path = "agreement_history.html")]
struct HistoryPage {
    shell: Shell,
    space_id: String,
    intentions: String,
    history: HistoryView,
    history_url: String,
}

impl HistoryPage {
    fn date(&self, t: &i64) -> String {
        format_date(*t)
    }
}

async fn shell(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    title: &str,
    notice: Option<&str>,
) -> PageResult<(Shell, String)> {
    let space = spaces::view(state, me, id).await?;
    let shell = Shell::new(state, Some(me), title)
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    Ok((shell, space.id))
}

async fn show_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    notice: Option<&str>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let view = agreement::show(state, me, id).await?;
    let (shell, space_id) = shell(state, me, id, "Agreement", notice).await?;
    render(&ShowPage {
        shell,
        space_id,
        view,
        error,
        today: format_date(state.clock.now()),
    })
}

/// GET /spaces/{id}/agreement
pub async fn show(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    show_page(&state, &me, &id, q.n.as_deref(), None).await
}

/// The agreement form.
#[derive(Deserialize, Default)]
pub struct AgreementForm {
    csrf: String,
    #[serde(default)]
    code_of_conduct: String,
    #[serde(default)]
    shared_values: String,
    #[serde(default)]
    safeword: String,
    #[serde(default)]
    pause_signal: String,
    #[serde(default)]
    traffic_lights: String,
    #[serde(default)]
    roles_in_sessions: String,
    #[serde(default)]
    after_difficult_session: String,
    #[serde(default)]
    aftercare: String,
    #[serde(default)]
    reason: String,
}

impl AgreementForm {
    fn value(&self, key: &str) -> String {
        match key {
            "code_of_conduct" => &self.code_of_conduct,
            "shared_values" => &self.shared_values,
            "safeword" => &self.safeword,
            "pause_signal" => &self.pause_signal,
            "traffic_lights" => &self.traffic_lights,
            "roles_in_sessions" => &self.roles_in_sessions,
            _ => &self.after_difficult_session,
        }
        .clone()
    }

    fn input(&self) -> AgreementInput {
        let o = |s: &String| Some(s.clone());
        AgreementInput {
            code_of_conduct: o(&self.code_of_conduct),
            shared_values: o(&self.shared_values),
            safeword: o(&self.safeword),
            pause_signal: o(&self.pause_signal),
            traffic_lights: o(&self.traffic_lights),
            roles_in_sessions: o(&self.roles_in_sessions),
            after_difficult_session: o(&self.after_difficult_session),
            aftercare: o(&self.aftercare),
            reason: o(&self.reason),
        }
    }
}

async fn edit_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    form: Option<AgreementForm>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let view = agreement::show(state, me, id).await?;
    let (shell, space_id) = shell(state, me, id, "Change the agreement", None).await?;
    let mine = view
        .aftercare
        .iter()
        .find(|a| a.is_me)
        .map(|a| a.text.clone())
        .unwrap_or_default();
    let fields = view
        .sections
        .iter()
        .map(|s| SectionField {
            key: s.key.clone(),
            title: s.title.clone(),
            prompt: s.prompt.clone(),
            value: form
                .as_ref()
                .map(|f| f.value(&s.key))
                .unwrap_or_else(|| s.text.clone()),
            single_line: s.key == "safeword",
        })
        .collect();
    render(&EditPage {
        shell,
        space_id,
        intentions: view.intentions.clone(),
        fields,
        aftercare_title: view.aftercare_title.clone(),
        aftercare_prompt: view.aftercare_prompt.clone(),
        aftercare: form.as_ref().map(|f| f.aftercare.clone()).unwrap_or(mine),
        reason: form.as_ref().map(|f| f.reason.clone()).unwrap_or_default(),
        has_pending: view.pending.is_some(),
        error,
    })
}

/// GET /spaces/{id}/agreement/edit
pub async fn edit(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
) -> PageResult<Html<String>> {
    edit_page(&state, &me, &id, None, None).await
}

/// POST /spaces/{id}/agreement
pub async fn propose(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<AgreementForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match agreement::propose(&state, &me, &id, &form.input()).await {
        Ok(o) => {
            let n = if o.status == "applied" {
                "applied"
            } else {
                "pending"
            };
            Ok(Redirect::to(&format!("/spaces/{id}/agreement?n={n}")).into_response())
        }
        Err(e) => {
            again(e, |error| {
                edit_page(&state, &me, &id, Some(form), Some(error))
            })
            .await
        }
    }
}

async fn record_id(state: &AppState, me: &SignedIn, id: &str) -> PageResult<String> {
    spaces::membership(state, me, id).await?;
    Ok(state
        .store
        .agreement_record(id)
        .await
        .map_err(AppError::from)?
        .map(|r| r.id)
        .ok_or(AppError::NotFound)?)
}

/// GET /spaces/{id}/agreement/history
pub async fn history(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<OneQuery>,
) -> PageResult<Html<String>> {
    let range = Range {
        from: q.from,
        to: q.to,
    }
    .parse()?;
    let record = record_id(&state, &me, &id).await?;
    let history = versions::history(&state, &me, &id, &record, AGREEMENT, range).await?;
    let (shell, space_id) = shell(&state, &me, &id, "Agreement history", None).await?;
    render(&HistoryPage {
        shell,
        space_id,
        intentions: attune_domain::boundaries::agreement::CURRENT_INTENTIONS.into(),
        history,
        history_url: format!("/spaces/{id}/agreement/history"),
    })
}

/// POST /spaces/{id}/agreement/review
pub async fn review(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<ReviewForm>,
) -> PageResult<Response> {
    me.check_csrf(form.csrf())?;
    let record = record_id(&state, &me, &id).await?;
    match review::set_review(&state, &me, &id, &record, &form.input()).await {
        Ok(()) => Ok(Redirect::to(&format!("/spaces/{id}/agreement?n=saved")).into_response()),
        Err(e) => again(e, |error| show_page(&state, &me, &id, None, Some(error))).await,
    }
}
