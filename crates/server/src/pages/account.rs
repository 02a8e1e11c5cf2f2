//! Sign-up (with the one-time recovery code), login, logout, lock, and recovery.

use askama::Template;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::TokenForm;
use super::shell::Shell;
use crate::error::AppError;
use crate::services::{accounts, sessions};
use crate::state::AppState;
use crate::web::auth::{MaybeUser, PageUser};
use crate::web::cookies;
use crate::web::extract::{ClientIp, Device, PageForm};

#[derive(Template)]
#[template(path = "signup.html")]
struct SignupPage {
    shell: Shell,
    username: String,
    error: Option<FormError>,
}

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    shell: Shell,
    username: String,
    error: Option<FormError>,
}

#[derive(Template)]
#[template(path = "recover.html")]
struct RecoverPage {
    shell: Shell,
    username: String,
    error: Option<FormError>,
}

/// The page showing a recovery code once.
#[derive(Template)]
#[template(path = "recovery_code.html")]
pub struct RecoveryCodePage {
    /// The frame.
    pub shell: Shell,
    /// The code, grouped.
    pub code: String,
    /// Why it is shown: `signup`, `recovered` or `renewed`.
    pub reason: &'static str,
    /// Shown when the person tried to continue without confirming.
    pub unconfirmed: bool,
}

/// The recovery-code page for a session opened by this very request (sign-up or recovery): the
/// cookie is set with the response, so the page's form token comes from the new token itself.
async fn show_code_for_new_session(
    state: &AppState,
    token: &attune_crypto::SessionToken,
    code: String,
    reason: &'static str,
) -> PageResult<Response> {
    let mut shell = Shell::new(state, None, "Your recovery code").await;
    shell.signed_in = true;
    shell.csrf = token.csrf_token();
    let page = RecoveryCodePage {
        shell,
        code,
        reason,
        unconfirmed: false,
    };
    Ok((
        [(SET_COOKIE, cookies::set(state, &token.encode()))],
        render(&page)?,
    )
        .into_response())
}

/// Sign-up or login form fields.
#[derive(Deserialize)]
pub struct CredentialsForm {
    username: String,
    password: String,
    #[serde(default)]
    password_again: Option<String>,
}

/// GET /signup
pub async fn signup_form(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
) -> PageResult<Response> {
    if me.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let shell = Shell::new(&state, None, "Sign up").await;
    Ok(render(&SignupPage {
        shell,
        username: String::new(),
        error: None,
    })?
    .into_response())
}

/// POST /signup
pub async fn signup(
    State(state): State<AppState>,
    ip: ClientIp,
    Device(device): Device,
    PageForm(form): PageForm<CredentialsForm>,
) -> PageResult<Response> {
    let outcome = match state.ip_limiter.check(ip.0) {
        Err(s) => Err(AppError::TooMany(s)),
        Ok(())
            if form
                .password_again
                .as_deref()
                .is_some_and(|again| again != form.password) =>
        {
            Err(AppError::invalid(
                "password_again",
                "The two passwords are not the same. Please type them again.",
            ))
        }
        Ok(()) => accounts::signup(&state, &form.username, &form.password, &device).await,
    };
    match outcome {
        Ok(account) => Ok(show_code_for_new_session(
            &state,
            &account.token,
            account.recovery.display(),
            "signup",
        )
        .await?),
        Err(e) => {
            let error = FormError::from_app(e)?;
            let shell = Shell::new(&state, None, "Sign up").await;
            let status = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok((
                status,
                render(&SignupPage {
                    shell,
                    username: form.username,
                    error: Some(error),
                })?,
            )
                .into_response())
        }
    }
}

/// "I have saved my code."
#[derive(Deserialize)]
pub struct WelcomeForm {
    csrf: String,
    #[serde(default)]
    saved: Option<String>,
}

/// POST /welcome: continue after seeing the recovery code, only once its keeping is confirmed.
pub async fn welcome(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<WelcomeForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    if form.saved.is_some() {
        return Ok(Redirect::to("/?n=welcome").into_response());
    }
    // The code is never stored, so it cannot be shown again: offer a fresh one instead.
    let code = accounts::recovery_code_after_signup(&state, &me).await?;
    let page = RecoveryCodePage {
        shell: Shell::new(&state, Some(&me), "Your recovery code").await,
        code: code.display(),
        reason: "renewed",
        unconfirmed: true,
    };
    Ok(render(&page)?.into_response())
}

/// GET /login
pub async fn login_form(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    q: axum::extract::Query<super::shell::NoticeQuery>,
) -> PageResult<Response> {
    if me.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let shell = Shell::new(&state, None, "Log in")
        .await
        .with_notice(q.n.as_deref());
    Ok(render(&LoginPage {
        shell,
        username: String::new(),
        error: None,
    })?
    .into_response())
}

/// POST /login
pub async fn login(
    State(state): State<AppState>,
    ip: ClientIp,
    Device(device): Device,
    PageForm(form): PageForm<CredentialsForm>,
) -> PageResult<Response> {
    let outcome = match state.ip_limiter.check(ip.0) {
        Err(s) => Err(AppError::TooMany(s)),
        Ok(()) => accounts::login(&state, &form.username, &form.password, &device).await,
    };
    match outcome {
        Ok((_, token)) => Ok((
            [(SET_COOKIE, cookies::set(&state, &token.encode()))],
            Redirect::to("/"),
        )
            .into_response()),
        Err(e) => {
            let status = e.status();
            let error = FormError::from_app(e)?;
            let shell = Shell::new(&state, None, "Log in").await;
            Ok((
                status,
                render(&LoginPage {
                    shell,
                    username: form.username,
                    error: Some(error),
                })?,
            )
                .into_response())
        }
    }
}

/// POST /logout
pub async fn logout(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    sessions::logout(&state, &me).await?;
    Ok((
        [(SET_COOKIE, cookies::clear(&state))],
        Redirect::to("/login?n=logged-out"),
    )
        .into_response())
}

/// POST /lock: ends this session at once; the password is needed to come back.
pub async fn lock(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    sessions::logout(&state, &me).await?;
    Ok((
        [(SET_COOKIE, cookies::clear(&state))],
        Redirect::to("/login?n=locked"),
    )
        .into_response())
}

/// GET /recover
pub async fn recover_form(State(state): State<AppState>) -> PageResult<Html<String>> {
    let shell = Shell::new(&state, None, "Recover access").await;
    render(&RecoverPage {
        shell,
        username: String::new(),
        error: None,
    })
}

/// Recovery form fields.
#[derive(Deserialize)]
pub struct RecoverForm {
    username: String,
    recovery_code: String,
    new_password: String,
}

/// POST /recover
pub async fn recover(
    State(state): State<AppState>,
    ip: ClientIp,
    Device(device): Device,
    PageForm(form): PageForm<RecoverForm>,
) -> PageResult<Response> {
    let outcome = match state.ip_limiter.check(ip.0) {
        Err(s) => Err(AppError::TooMany(s)),
        Ok(()) => {
            accounts::recover(
                &state,
                &form.username,
                &form.recovery_code,
                &form.new_password,
                &device,
            )
            .await
        }
    };
    match outcome {
        Ok((token, code)) => {
            Ok(show_code_for_new_session(&state, &token, code.display(), "recovered").await?)
        }
        Err(e) => {
            let status = e.status();
            let error = FormError::from_app(e)?;
            let shell = Shell::new(&state, None, "Recover access").await;
            Ok((
                status,
                render(&RecoverPage {
                    shell,
                    username: form.username,
                    error: Some(error),
                })?,
            )
                .into_response())
        }
    }
}
