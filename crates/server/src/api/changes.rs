//! `/api/v1/spaces/{id}/changes/{change_id}/…`: confirming or declining a change that waits for
//! every member.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::error::{ApiResult, ErrorBody};
use crate::services::changes::{self, ChangeOutcome};
use crate::state::AppState;
use crate::web::auth::ApiUser;

/// Confirm a pending change. It applies when the last member confirms; until then the old
/// version stays in force.
#[utoipa::path(post, path = "/spaces/{id}/changes/{change_id}/confirm", tag = "changes", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("change_id" = String, Path, description = "Change id")),
    responses((status = 200, body = ChangeOutcome), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn confirm_change(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, change_id)): Path<(String, String)>,
) -> ApiResult<Json<ChangeOutcome>> {
    Ok(Json(changes::confirm(&state, &me, &id, &change_id).await?))
}

/// Decline a pending change (its proposer withdraws it this way). One "no" ends it; no reason
/// is asked for.
#[utoipa::path(post, path = "/spaces/{id}/changes/{change_id}/decline", tag = "changes", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("change_id" = String, Path, description = "Change id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decline_change(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, change_id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    changes::decline(&state, &me, &id, &change_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
