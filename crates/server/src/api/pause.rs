//! `/api/v1/spaces/{id}/pause`: the pause signal (D2). Anyone pauses alone and at once; only the
//! member who paused can lift their pause.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::error::AppError;
use crate::services::pause::{self, PauseView};
use crate::state::AppState;
use crate::web::auth::ApiUser;

/// Pausing needs no reason. A revisit time may be proposed.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PostPause {
    /// When to look at it again (Unix seconds, within 30 days); default a day from now.
    #[serde(default)]
    pub revisit_at: Option<i64>,
}

/// Pause the space for everyone, at once. No reason is asked.
#[utoipa::path(post, path = "/spaces/{id}/pause", tag = "pause", security(("bearer" = [])),
    request_body = PostPause, params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = PauseView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn post_pause(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult<Json<PauseView>> {
    // SECURITY: invariant 1: a pause must never fail on form; an empty body is a plain pause.
    let body: PostPause = if body.iter().all(u8::is_ascii_whitespace) {
        PostPause::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| {
            AppError::BadRequest(format!("The request body has the wrong shape: {e}"))
        })?
    };
    Ok(Json(pause::pause(&state, &me, &id, body.revisit_at).await?))
}

/// Lift my pause (within 10 seconds this is an undo). Someone else's pause can't be lifted: 409.
#[utoipa::path(delete, path = "/spaces/{id}/pause", tag = "pause", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_pause(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    pause::lift(&state, &me, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether the space is paused, by whom, and the proposed revisit time.
#[utoipa::path(get, path = "/spaces/{id}/pause", tag = "pause", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = PauseView), (status = 404, body = ErrorBody)))]
pub async fn get_pause(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<PauseView>> {
    Ok(Json(pause::view(&state, &me, &id).await?))
}
