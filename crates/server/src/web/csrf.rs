//! Cross-site request checks for every state-changing request made with the browser cookie.

use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, ORIGIN};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::state::AppState;

/// Refuses unsafe requests that do not come from our own pages.
///
/// Requests that carry `Authorization: Bearer` are exempt: a cross-site page cannot attach that
/// header without a CORS preflight, which this server never grants. Every other unsafe request
/// must say it is same-origin (Fetch Metadata) and, if it names an origin, name ours. Forms also
/// carry a per-session token, checked in the handlers.
pub async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if req.method().is_safe() {
        return next.run(req).await;
    }
    let headers = req.headers();
    let bearer = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("Bearer "));
    if bearer {
        return next.run(req).await;
    }
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    let origin = headers.get(ORIGIN).and_then(|v| v.to_str().ok());
    // SECURITY: Fetch Metadata first (modern browsers always send it), Origin as a second check.
    let same_site_ok = match site {
        Some(s) => s == "same-origin",
        None => true,
    };
    // With `Referrer-Policy: no-referrer`, browsers send `Origin: null` on same-origin form
    // navigations; that is trusted only together with `Sec-Fetch-Site: same-origin`, which page
    // scripts cannot set. A request with neither header is not from a modern browser: it is let
    // through only when it carries no session cookie, i.e. no ambient authority to borrow.
    let origin_ok = match origin {
        Some(o) => o == &*state.origin || (o == "null" && site == Some("same-origin")),
        None => site.is_some() || super::cookies::read(&state, headers).is_none(),
    };
    if same_site_ok && origin_ok {
        return next.run(req).await;
    }
    let err = AppError::Forbidden(
        "This request came from outside Attune, so it was refused. If you used a bookmark or another site, open Attune directly and try again.".into(),
    );
    if req.uri().path().starts_with("/api/") {
        crate::api::error::ApiError(err).into_response()
    } else {
        crate::pages::error::PageError(err).into_response()
    }
}
