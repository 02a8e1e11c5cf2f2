//! Safety, about this server, the neutral page, and quick exit.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderValue;
use axum::http::header::SET_COOKIE;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::error::{PageResult, render};
use super::shell::Shell;
use crate::services::sessions;
use crate::state::AppState;
use crate::web::auth::MaybeUser;

#[derive(Template)]
#[template(path = "safety.html")]
struct SafetyPage {
    shell: Shell,
}

#[derive(Template)]
#[template(path = "about.html")]
struct AboutPage {
    shell: Shell,
    operator_name: Option<String>,
    operator_contact: Option<String>,
}

#[derive(Template)]
#[template(path = "away.html")]
struct AwayPage;

/// GET /safety
pub async fn safety(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
) -> PageResult<Html<String>> {
    render(&SafetyPage {
        shell: Shell::new(&state, me.as_ref(), "Safety").await,
    })
}

/// GET /about
pub async fn about(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
) -> PageResult<Html<String>> {
    render(&AboutPage {
        shell: Shell::new(&state, me.as_ref(), "About this server").await,
        operator_name: state.config.operator_name.clone(),
        operator_contact: state.config.operator_contact.clone(),
    })
}

/// GET /away: a plain page with nothing of the app on it.
pub async fn away() -> PageResult<Html<String>> {
    render(&AwayPage)
}

/// POST /quick-exit: ends the session (if any), tells the browser to forget this site's data,
/// and sends it to the neutral page. It needs no form token: ending your own session is always
/// allowed, and it must work even from a stale page.
pub async fn quick_exit(State(state): State<AppState>, MaybeUser(me): MaybeUser) -> Response {
    if let Some(me) = me
        && let Err(e) = sessions::logout(&state, &me).await
    {
        e.log();
    }
    let mut res = (
        [(SET_COOKIE, crate::web::cookies::clear(&state))],
        Redirect::to("/away"),
    )
        .into_response();
    // SECURITY: Clear-Site-Data drops cookies, storage and cached pages of this origin.
    res.headers_mut().insert(
        "clear-site-data",
        HeaderValue::from_static("\"cache\", \"cookies\", \"storage\""),
    );
    res
}
