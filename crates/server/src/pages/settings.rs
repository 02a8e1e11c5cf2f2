//! Settings: discreet mode, password, recovery code, sessions, logout everywhere, delete account.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header::SET_COOKIE;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::account::RecoveryCodePage;
use super::error::{FormError, PageResult, render};
use super::form::{TokenForm, again};
use super::shell::{NoticeQuery, Shell};
use crate::services::accounts;
use crate::services::prefs::Prefs;
use crate::services::sessions::{self, SessionView, SignedIn};
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::cookies;
use crate::web::extract::PageForm;

/// A session row with human times.
pub struct SessionLine {
    /// The session.
    pub view: SessionView,
    /// "3 minutes ago".
    pub last_seen: String,
}

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsPage {
    shell: Shell,
    discreet: bool,
    sessions: Vec<SessionLine>,
    error: Option<FormError>,
}

/// "3 minutes ago" from two Unix times.
pub fn ago(then: i64, now: i64) -> String {
    let d = (now - then).max(0);
    match d {
        0..=59 => "just now".into(),
        60..=3599 => plural(d / 60, "minute"),
        3600..=86_399 => plural(d / 3600, "hour"),
        _ => plural(d / 86_400, "day"),
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit} ago")
    } else {
        format!("{n} {unit}s ago")
    }
}

async fn page(
    state: &AppState,
    me: &SignedIn,
    notice: Option<&str>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let shell = Shell::new(state, Some(me), "Settings")
        .await
        .with_notice(notice);
    let discreet = accounts::prefs(state, me).await?.discreet;
    let now = state.clock.now();
    let sessions = sessions::list(state, me)
        .await?
        .into_iter()
        .map(|view| SessionLine {
            last_seen: ago(view.last_seen_at, now),
            view,
        })
        .collect();
    render(&SettingsPage {
        shell,
        discreet,
        sessions,
        error,
    })
}

/// GET /settings
pub async fn show(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    page(&state, &me, q.n.as_deref(), None).await
}

/// Discreet-mode form.
#[derive(Deserialize)]
pub struct DiscreetForm {
    csrf: String,
    #[serde(default)]
    discreet: Option<String>,
}

/// POST /settings/discreet
pub async fn discreet(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<DiscreetForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    accounts::set_prefs(
        &state,
        &me,
        &Prefs {
            discreet: form.discreet.is_some(),
        },
    )
    .await?;
    Ok(Redirect::to("/settings?n=saved"))
}

/// Password-change form.
#[derive(Deserialize)]
pub struct PasswordForm {
    csrf: String,
    current_password: String,
    new_password: String,
}

/// POST /settings/password
pub async fn password(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<PasswordForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match accounts::change_password(&state, &me, &form.current_password, &form.new_password).await {
        Ok(()) => Ok(Redirect::to("/settings?n=password").into_response()),
        Err(e) => again(e, |error| page(&state, &me, None, Some(error))).await,
    }
}

/// A form with the token and the current password.
#[derive(Deserialize)]
pub struct PasswordConfirmForm {
    csrf: String,
    password: String,
}

/// POST /settings/recovery-code: a new code replaces the old one and is shown once.
pub async fn recovery_code(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<PasswordConfirmForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match accounts::new_recovery_code(&state, &me, &form.password).await {
        Ok(code) => {
            let shell = Shell::new(&state, Some(&me), "Your recovery code").await;
            let page = RecoveryCodePage {
                shell,
                code: code.display(),
                reason: "renewed",
                unconfirmed: false,
            };
            Ok(render(&page)?.into_response())
        }
        Err(e) => {
            let status = e.status();
            let mut error = FormError::from_app(e)?;
            if error.field == "password" {
                error.field = "recovery_password";
            }
            Ok((status, page(&state, &me, None, Some(error)).await?).into_response())
        }
    }
}

/// POST /settings/sessions/{id}/end
pub async fn end_session(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    sessions::end(&state, &me, &id).await?;
    if id == me.handle {
        return Ok((
            [(SET_COOKIE, cookies::clear(&state))],
            Redirect::to("/login?n=logged-out"),
        )
            .into_response());
    }
    Ok(Redirect::to("/settings?n=session-ended").into_response())
}

/// POST /settings/logout-everywhere
pub async fn logout_everywhere(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    sessions::logout_everywhere(&state, &me).await?;
    Ok((
        [(SET_COOKIE, cookies::clear(&state))],
        Redirect::to("/login?n=logged-out"),
    )
        .into_response())
}

/// POST /settings/delete
pub async fn delete_account(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<PasswordConfirmForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match accounts::delete_account(&state, &me, &form.password).await {
        Ok(()) => Ok((
            [(SET_COOKIE, cookies::clear(&state))],
            Redirect::to("/login?n=deleted"),
        )
            .into_response()),
        Err(e) => {
            let status = e.status();
            let mut error = FormError::from_app(e)?;
            if error.field == "password" {
                error.field = "delete_password";
            }
            Ok((status, page(&state, &me, None, Some(error)).await?).into_response())
        }
    }
}
