//! `/api/v1/spaces/{id}/boundaries…`: everyone's boundaries, adding, changing and removing mine,
//! a boundary's history and review date.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::error::AppError;
use crate::services::boundaries::{self, BoundariesView, BoundaryInput};
use crate::services::changes::ChangeOutcome;
use crate::services::history::BOUNDARY;
use crate::services::review::{self, ReviewInput};
use crate::services::versions::{self, HistoryView};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// Everyone's boundaries: declared here and from the inventory, plus changes waiting for everyone.
#[utoipa::path(get, path = "/spaces/{id}/boundaries", tag = "boundaries", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = BoundariesView), (status = 404, body = ErrorBody)))]
pub async fn list_boundaries(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<BoundariesView>> {
    Ok(Json(boundaries::list(&state, &me, &id).await?))
}

/// The new boundary.
#[derive(Serialize, ToSchema)]
pub struct CreatedBoundary {
    /// Its id.
    pub boundary_id: String,
}

/// Add a boundary of mine. It narrows what is permitted, so it applies at once.
#[utoipa::path(post, path = "/spaces/{id}/boundaries", tag = "boundaries", security(("bearer" = [])),
    request_body = BoundaryInput, params(("id" = String, Path, description = "Space id")),
    responses((status = 201, body = CreatedBoundary), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_boundary(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<BoundaryInput>,
) -> ApiResult<(StatusCode, Json<CreatedBoundary>)> {
    let boundary_id = boundaries::add(&state, &me, &id, &body).await?;
    Ok((StatusCode::CREATED, Json(CreatedBoundary { boundary_id })))
}

/// Change a boundary of mine. Tightening (soft → hard, adding a condition) applies at once;
/// anything that loosens becomes a pending change every member must confirm.
#[utoipa::path(put, path = "/spaces/{id}/boundaries/{boundary_id}", tag = "boundaries", security(("bearer" = [])),
    request_body = BoundaryInput,
    params(("id" = String, Path, description = "Space id"), ("boundary_id" = String, Path, description = "Boundary id")),
    responses((status = 200, body = ChangeOutcome), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_boundary(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, boundary_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<BoundaryInput>,
) -> ApiResult<Json<ChangeOutcome>> {
    Ok(Json(
        boundaries::change(&state, &me, &id, &boundary_id, &body).await?,
    ))
}

/// Why a boundary should go.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoveBoundary {
    /// Optional: why (up to 500 characters).
    #[serde(default)]
    pub reason: Option<String>,
}

/// Ask to remove a boundary of mine. Removing loosens, so every member must confirm.
#[utoipa::path(post, path = "/spaces/{id}/boundaries/{boundary_id}/remove", tag = "boundaries", security(("bearer" = [])),
    request_body = RemoveBoundary,
    params(("id" = String, Path, description = "Space id"), ("boundary_id" = String, Path, description = "Boundary id")),
    responses((status = 200, body = ChangeOutcome), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn remove_boundary(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, boundary_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<RemoveBoundary>,
) -> ApiResult<Json<ChangeOutcome>> {
    Ok(Json(
        boundaries::remove(&state, &me, &id, &boundary_id, body.reason.as_deref()).await?,
    ))
}

/// Which two versions to compare.
#[derive(Deserialize, Default)]
pub struct Range {
    /// One version number.
    pub from: Option<String>,
    /// The other.
    pub to: Option<String>,
}

impl Range {
    /// Parses the numbers; anything else is a clear 422.
    pub fn parse(&self) -> Result<(Option<i64>, Option<i64>), AppError> {
        let one = |field: &'static str, v: &Option<String>| -> Result<Option<i64>, AppError> {
            match v.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(s) => s
                    .parse::<i64>()
                    .map(Some)
                    .map_err(|_| AppError::invalid(field, "Choose a version by its number.")),
            }
        };
        Ok((one("from", &self.from)?, one("to", &self.to)?))
    }
}

/// A boundary's history: every version, whether the chain checks out, and the differences
/// between two versions (the last two unless `from` and `to` are given).
#[utoipa::path(get, path = "/spaces/{id}/boundaries/{boundary_id}/history", tag = "boundaries", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("boundary_id" = String, Path, description = "Boundary id"),
        ("from" = Option<i64>, Query, description = "A version number"), ("to" = Option<i64>, Query, description = "Another version number")),
    responses((status = 200, body = HistoryView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn boundary_history(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, boundary_id)): Path<(String, String)>,
    Query(range): Query<Range>,
) -> ApiResult<Json<HistoryView>> {
    let range = range.parse()?;
    Ok(Json(
        versions::history(&state, &me, &id, &boundary_id, BOUNDARY, range).await?,
    ))
}

/// Set my boundary's review date, or mark it as looked at again.
#[utoipa::path(put, path = "/spaces/{id}/boundaries/{boundary_id}/review", tag = "boundaries", security(("bearer" = [])),
    request_body = ReviewInput,
    params(("id" = String, Path, description = "Space id"), ("boundary_id" = String, Path, description = "Boundary id")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn review_boundary(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, boundary_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<ReviewInput>,
) -> ApiResult<StatusCode> {
    let m = crate::services::spaces::membership(&state, &me, &id).await?;
    boundaries::boundary_record(&state, &m, &boundary_id).await?;
    review::set_review(&state, &me, &id, &boundary_id, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}
