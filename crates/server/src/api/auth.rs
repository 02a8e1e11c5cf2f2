//! `/api/v1/auth/…`: sign-up, login, logout, sessions, password change, recovery.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ApiResult, ErrorBody};
use crate::error::AppError;
use crate::services::{accounts, sessions};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::cookies;
use crate::web::extract::{ApiJson, ClientIp, Device};

/// Username and password.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    /// 3–40 letters, digits, `.`, `_`, `-`.
    pub username: String,
    /// 12–128 characters.
    pub password: String,
}

/// A new account.
#[derive(Serialize, ToSchema)]
pub struct SignupResponse {
    /// The account id.
    pub user_id: String,
    /// Shown once: the only way back in if the password is lost.
    pub recovery_code: String,
    /// A session token (also set as the cookie).
    pub token: String,
}

/// A session token.
#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
}

fn with_cookie(
    state: &AppState,
    status: StatusCode,
    token: &str,
    body: impl Serialize,
) -> Response {
    (
        status,
        [(SET_COOKIE, cookies::set(state, token))],
        Json(body),
    )
        .into_response()
}

fn limit(state: &AppState, ip: ClientIp) -> Result<(), ApiError> {
    state
        .ip_limiter
        .check(ip.0)
        .map_err(|s| ApiError(AppError::TooMany(s)))
}

/// Create an account. The recovery code is returned once.
#[utoipa::path(post, path = "/auth/signup", tag = "auth", request_body = Credentials,
    responses((status = 201, body = SignupResponse), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn signup(
    State(state): State<AppState>,
    ip: ClientIp,
    Device(device): Device,
    ApiJson(body): ApiJson<Credentials>,
) -> ApiResult<Response> {
    limit(&state, ip)?;
    let account = accounts::signup(&state, &body.username, &body.password, &device).await?;
    let token = account.token.encode();
    Ok(with_cookie(
        &state,
        StatusCode::CREATED,
        &token,
        SignupResponse {
            user_id: account.user_id,
            recovery_code: account.recovery.display(),
            token: token.clone(),
        },
    ))
}

/// Log in. Unknown usernames and wrong passwords get the same answer.
#[utoipa::path(post, path = "/auth/login", tag = "auth", request_body = Credentials,
    responses((status = 200, body = TokenResponse), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    ip: ClientIp,
    Device(device): Device,
    ApiJson(body): ApiJson<Credentials>,
) -> ApiResult<Response> {
    limit(&state, ip)?;
    let (_, token) = accounts::login(&state, &body.username, &body.password, &device).await?;
    let token = token.encode();
    Ok(with_cookie(
        &state,
        StatusCode::OK,
        &token,
        TokenResponse {
            token: token.clone(),
        },
    ))
}

/// End this session.
#[utoipa::path(post, path = "/auth/logout", tag = "auth", security(("bearer" = [])), responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn logout(State(state): State<AppState>, ApiUser(me): ApiUser) -> ApiResult<Response> {
    sessions::logout(&state, &me).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(SET_COOKIE, cookies::clear(&state))],
    )
        .into_response())
}

/// End every session of this account.
#[utoipa::path(post, path = "/auth/logout-everywhere", tag = "auth", security(("bearer" = [])), responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn logout_everywhere(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
) -> ApiResult<Response> {
    sessions::logout_everywhere(&state, &me).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(SET_COOKIE, cookies::clear(&state))],
    )
        .into_response())
}

/// Active sessions.
#[derive(Serialize, ToSchema)]
pub struct SessionList {
    /// Most recently used first.
    pub sessions: Vec<sessions::SessionView>,
}

/// List this account's sessions.
#[utoipa::path(get, path = "/auth/sessions", tag = "auth", security(("bearer" = [])), responses((status = 200, body = SessionList), (status = 401, body = ErrorBody)))]
pub async fn list_sessions(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
) -> ApiResult<Json<SessionList>> {
    Ok(Json(SessionList {
        sessions: sessions::list(&state, &me).await?,
    }))
}

/// End one session.
#[utoipa::path(delete, path = "/auth/sessions/{id}", tag = "auth", security(("bearer" = [])),
    params(("id" = String, Path, description = "The session's id from the list")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn end_session(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    sessions::end(&state, &me, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Password change.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    /// The password in use now.
    pub current_password: String,
    /// The new password, 12–128 characters.
    pub new_password: String,
}

/// Change the password. Nothing is lost; other sessions end.
#[utoipa::path(post, path = "/auth/password", tag = "auth", security(("bearer" = [])), request_body = PasswordChange,
    responses((status = 204), (status = 422, body = ErrorBody)))]
pub async fn change_password(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<PasswordChange>,
) -> ApiResult<StatusCode> {
    accounts::change_password(&state, &me, &body.current_password, &body.new_password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Recovery with the recovery code.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    /// The account's username.
    pub username: String,
    /// The recovery code shown at sign-up (or the latest one).
    pub recovery_code: String,
    /// The new password.
    pub new_password: String,
}

/// A new session and a new recovery code.
#[derive(Serialize, ToSchema)]
pub struct RecoveryResponse {
    /// A session token (also set as the cookie).
    pub token: String,
    /// The new recovery code; the old one no longer works.
    pub recovery_code: String,
}

/// Set a new password with the recovery code. Issues a new code and ends all other sessions.
#[utoipa::path(post, path = "/auth/recover", tag = "auth", request_body = Recovery,
    responses((status = 200, body = RecoveryResponse), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn recover(
    State(state): State<AppState>,
    ip: ClientIp,
    Device(device): Device,
    ApiJson(body): ApiJson<Recovery>,
) -> ApiResult<Response> {
    limit(&state, ip)?;
    let (token, code) = accounts::recover(
        &state,
        &body.username,
        &body.recovery_code,
        &body.new_password,
        &device,
    )
    .await?;
    let token = token.encode();
    Ok(with_cookie(
        &state,
        StatusCode::OK,
        &token,
        RecoveryResponse {
            token: token.clone(),
            recovery_code: code.display(),
        },
    ))
}

/// A recovery code.
#[derive(Serialize, ToSchema)]
pub struct RecoveryCodeResponse {
    /// Shown once; the previous code stops working.
    pub recovery_code: String,
}

/// The current password, to confirm a sensitive change.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConfirmPassword {
    /// The current password.
    pub password: String,
}

/// Replace the recovery code. Needs the current password.
#[utoipa::path(post, path = "/auth/recovery-code", tag = "auth", security(("bearer" = [])), request_body = ConfirmPassword,
    responses((status = 200, body = RecoveryCodeResponse), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn new_recovery_code(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<ConfirmPassword>,
) -> ApiResult<Json<RecoveryCodeResponse>> {
    let code = accounts::new_recovery_code(&state, &me, &body.password).await?;
    Ok(Json(RecoveryCodeResponse {
        recovery_code: code.display(),
    }))
}
