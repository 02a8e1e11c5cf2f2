//! Who is asking: extractors for the API (bearer or cookie) and for pages (cookie, else log in).

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use crate::api::error::ApiError;
use crate::error::AppError;
use crate::pages::error::PageError;
use crate::services::sessions::{SignedIn, authenticate};
use crate::state::AppState;

/// The header cookie-authenticated API calls carry their CSRF token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

fn bearer(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string())
}

/// A signed-in API caller.
pub struct ApiUser(pub SignedIn);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let (token, via_cookie) = match bearer(parts) {
            Some(t) => (t, false),
            None => (
                super::cookies::read(state, &parts.headers)
                    .ok_or(ApiError(AppError::Unauthorized))?,
                true,
            ),
        };
        let me = authenticate(state, &token, via_cookie)
            .await
            .map_err(ApiError)?;
        if via_cookie && !parts.method.is_safe() {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            me.check_csrf(sent).map_err(ApiError)?;
        }
        Ok(ApiUser(me))
    }
}

/// A signed-in person on an HTML page. Anyone else is sent to the login page.
pub struct PageUser(pub SignedIn);

/// Why a page needs a login, as a response.
pub enum PageAuthRejection {
    /// Not signed in: go to the login page.
    Login,
    /// Something else failed.
    Error(PageError),
}

impl IntoResponse for PageAuthRejection {
    fn into_response(self) -> Response {
        match self {
            PageAuthRejection::Login => Redirect::to("/login").into_response(),
            PageAuthRejection::Error(e) => e.into_response(),
        }
    }
}

impl FromRequestParts<AppState> for PageUser {
    type Rejection = PageAuthRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = super::cookies::read(state, &parts.headers).ok_or(PageAuthRejection::Login)?;
        match authenticate(state, &token, true).await {
            Ok(me) => Ok(PageUser(me)),
            Err(AppError::Unauthorized) => Err(PageAuthRejection::Login),
            Err(e) => Err(PageAuthRejection::Error(PageError(e))),
        }
    }
}

/// A page visitor who may or may not be signed in.
pub struct MaybeUser(pub Option<SignedIn>);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(token) = super::cookies::read(state, &parts.headers) else {
            return Ok(MaybeUser(None));
        };
        match authenticate(state, &token, true).await {
            Ok(me) => Ok(MaybeUser(Some(me))),
            Err(AppError::Unauthorized) => Ok(MaybeUser(None)),
            Err(e) => Err(PageError(e)),
        }
    }
}
