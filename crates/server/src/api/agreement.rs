//! `/api/v1/spaces/{id}/agreement…`: the space agreement, proposing a change, its history and
//! review date.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;

use super::boundaries::Range;
use super::error::{ApiResult, ErrorBody};
use crate::error::AppError;
use crate::services::agreement::{self, AgreementInput, AgreementView};
use crate::services::changes::ChangeOutcome;
use crate::services::history::AGREEMENT;
use crate::services::review::{self, ReviewInput};
use crate::services::versions::{self, HistoryView};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// The agreement in force, with a starting prompt for each section, any change waiting for
/// everyone, and the fingerprint to compare between screens.
#[utoipa::path(get, path = "/spaces/{id}/agreement", tag = "agreement", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = AgreementView), (status = 404, body = ErrorBody)))]
pub async fn get_agreement(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<AgreementView>> {
    Ok(Json(agreement::show(&state, &me, &id).await?))
}

/// Propose a new version of the agreement (the whole text; my own aftercare only). It applies
/// once every member has confirmed; silence and time never confirm.
#[utoipa::path(put, path = "/spaces/{id}/agreement", tag = "agreement", security(("bearer" = [])),
    request_body = AgreementInput, params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = ChangeOutcome), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn propose_agreement(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AgreementInput>,
) -> ApiResult<Json<ChangeOutcome>> {
    Ok(Json(agreement::propose(&state, &me, &id, &body).await?))
}

async fn record_id(
    state: &AppState,
    me: &crate::services::sessions::SignedIn,
    id: &str,
) -> Result<String, AppError> {
    crate::services::spaces::membership(state, me, id).await?;
    state
        .store
        .agreement_record(id)
        .await?
        .map(|r| r.id)
        .ok_or(AppError::NotFound)
}

/// The agreement's history: every version, whether the chain checks out, and the differences
/// between two versions (the last two unless `from` and `to` are given).
#[utoipa::path(get, path = "/spaces/{id}/agreement/history", tag = "agreement", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"),
        ("from" = Option<i64>, Query, description = "A version number"), ("to" = Option<i64>, Query, description = "Another version number")),
    responses((status = 200, body = HistoryView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn agreement_history(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    Query(range): Query<Range>,
) -> ApiResult<Json<HistoryView>> {
    let range = range.parse()?;
    let record = record_id(&state, &me, &id).await?;
    Ok(Json(
        versions::history(&state, &me, &id, &record, AGREEMENT, range).await?,
    ))
}

/// Set the agreement's review date, or mark it as looked at again.
#[utoipa::path(put, path = "/spaces/{id}/agreement/review", tag = "agreement", security(("bearer" = [])),
    request_body = ReviewInput, params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn review_agreement(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ReviewInput>,
) -> ApiResult<StatusCode> {
    let record = record_id(&state, &me, &id).await?;
    review::set_review(&state, &me, &id, &record, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}
