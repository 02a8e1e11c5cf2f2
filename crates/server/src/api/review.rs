//! `/api/v1/spaces/{id}/review…`: what is due to be looked at again, and "something changed in
//! our life".

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::error::{ApiResult, ErrorBody};
use crate::services::review::{self, LifeChangeInput, ReviewSummary};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// What is due to be looked at again, and the latest life change.
#[utoipa::path(get, path = "/spaces/{id}/review", tag = "review", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = ReviewSummary), (status = 404, body = ErrorBody)))]
pub async fn get_review(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<ReviewSummary>> {
    Ok(Json(review::summary(&state, &me, &id).await?))
}

/// "Something changed in our life": marks every boundary and the agreement for review.
#[utoipa::path(post, path = "/spaces/{id}/review/life-change", tag = "review", security(("bearer" = [])),
    request_body = LifeChangeInput, params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn life_changed(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<LifeChangeInput>,
) -> ApiResult<StatusCode> {
    review::life_changed(&state, &me, &id, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}
