//! `/api/v1/spaces/{id}/checkins…`: the check-in forum (E1–E2). Answers are sealed until every
//! member has submitted or the round has closed.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::services::checkins::{self, AnswersInput, CadenceView, CheckinRoundView};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// The round open now: who has submitted (not what), my answers, and everyone's once revealed.
#[utoipa::path(get, path = "/spaces/{id}/checkins/current", tag = "checkins", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = CheckinRoundView), (status = 404, body = ErrorBody)))]
pub async fn get_current_checkin(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<CheckinRoundView>> {
    Ok(Json(checkins::current(&state, &me, &id).await?))
}

/// Write (or rewrite) my answers to the current round. Editable until the reveal (409 after).
#[utoipa::path(put, path = "/spaces/{id}/checkins/current/answers", tag = "checkins", security(("bearer" = [])),
    request_body = AnswersInput, params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = CheckinRoundView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_checkin_answers(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AnswersInput>,
) -> ApiResult<Json<CheckinRoundView>> {
    Ok(Json(checkins::put_answers(&state, &me, &id, &body).await?))
}

/// One round of this space.
#[utoipa::path(get, path = "/spaces/{id}/checkins/{round_id}", tag = "checkins", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("round_id" = String, Path, description = "Round id")),
    responses((status = 200, body = CheckinRoundView), (status = 404, body = ErrorBody)))]
pub async fn get_checkin_round(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, round_id)): Path<(String, String)>,
) -> ApiResult<Json<CheckinRoundView>> {
    Ok(Json(checkins::round(&state, &me, &id, &round_id).await?))
}

/// The cadence and the choices towards changing it.
#[utoipa::path(get, path = "/spaces/{id}/checkins/cadence", tag = "checkins", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = CadenceView), (status = 404, body = ErrorBody)))]
pub async fn get_checkin_cadence(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<CadenceView>> {
    Ok(Json(checkins::cadence(&state, &me, &id).await?))
}

/// My choice of cadence.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutCadence {
    /// `weekly`, `fortnightly` or `monthly`.
    pub cadence: String,
}

/// Choose a cadence. It changes only once every member has chosen the same one.
#[utoipa::path(put, path = "/spaces/{id}/checkins/cadence", tag = "checkins", security(("bearer" = [])),
    request_body = PutCadence, params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = CadenceView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_checkin_cadence(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PutCadence>,
) -> ApiResult<Json<CadenceView>> {
    Ok(Json(
        checkins::choose_cadence(&state, &me, &id, &body.cadence).await?,
    ))
}
