//! `/api/v1/spaces/{id}/log…`: the desire log (F5). A debrief line reaches it only with its
//! author's consent.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::IntoParams;

use super::error::{ApiResult, ErrorBody};
use crate::services::plans::log::{self, LogAdded, LogInput, LogView};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// Filter the log.
#[derive(Deserialize, IntoParams)]
pub struct LogFilter {
    /// Only lines about this activity (an item id).
    pub item: Option<String>,
}

/// The shared log, newest first, and the debrief lines waiting for their author's consent.
#[utoipa::path(get, path = "/spaces/{id}/log", tag = "log", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), LogFilter),
    responses((status = 200, body = LogView), (status = 404, body = ErrorBody)))]
pub async fn get_log(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    Query(filter): Query<LogFilter>,
) -> ApiResult<Json<LogView>> {
    Ok(Json(
        log::view(&state, &me, &id, filter.item.as_deref()).await?,
    ))
}

/// Add a line: by hand (shared at once), or word for word from a revealed debrief (shared at once
/// if the words are mine; otherwise waiting for their author's consent).
#[utoipa::path(post, path = "/spaces/{id}/log", tag = "log", security(("bearer" = [])),
    request_body = LogInput, params(("id" = String, Path, description = "Space id")),
    responses((status = 201, body = LogAdded), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_log_entry(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<LogInput>,
) -> ApiResult<(StatusCode, Json<LogAdded>)> {
    Ok((
        StatusCode::CREATED,
        Json(log::add(&state, &me, &id, &body).await?),
    ))
}

/// The author says yes: their words move into the shared log. 404 for anyone else.
#[utoipa::path(post, path = "/spaces/{id}/log/{eid}/consent", tag = "log", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("eid" = String, Path, description = "Line id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn consent_log_entry(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, eid)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    log::consent(&state, &me, &id, &eid).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The author (or whoever suggested it) lets a waiting line go: it is deleted.
#[utoipa::path(post, path = "/spaces/{id}/log/{eid}/decline", tag = "log", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("eid" = String, Path, description = "Line id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn decline_log_entry(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, eid)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    log::decline(&state, &me, &id, &eid).await?;
    Ok(StatusCode::NO_CONTENT)
}
