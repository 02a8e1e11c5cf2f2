//! `/api/v1/spaces/{id}/consent-now`, `/slower`, `/quiet`: tonight's traffic light (D1), the
//! quiet period after a decline (D3) and "go slower" (D4).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::services::consent::{self, ConsentNowView, TonightInput};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// My state for tonight.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutConsentNow {
    /// `green`, `yellow` or `red`.
    pub light: String,
    /// What feels good tonight (optional, up to 300 characters).
    #[serde(default)]
    pub good: Option<String>,
    /// What is off the table tonight (optional, up to 300 characters).
    #[serde(default)]
    pub off: Option<String>,
    /// How many hours it lasts before it is deleted (1–48, default 12).
    #[serde(default)]
    pub hours: Option<i64>,
}

/// Set my traffic light for tonight. It is shown to the space until it expires and is then
/// deleted; no history is kept. Red starts my quiet period (no "ask again").
#[utoipa::path(put, path = "/spaces/{id}/consent-now", tag = "consent", security(("bearer" = [])),
    request_body = PutConsentNow, params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = ConsentNowView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_consent_now(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PutConsentNow>,
) -> ApiResult<Json<ConsentNowView>> {
    let input = TonightInput {
        light: &body.light,
        good: body.good.as_deref(),
        off: body.off.as_deref(),
        hours: body.hours,
    };
    Ok(Json(consent::set(&state, &me, &id, input).await?))
}

/// Clear my state at once.
#[utoipa::path(delete, path = "/spaces/{id}/consent-now", tag = "consent", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete_consent_now(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    consent::clear(&state, &me, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Everyone's current state, "go slower" signals and my quiet period.
#[utoipa::path(get, path = "/spaces/{id}/consent-now", tag = "consent", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = ConsentNowView), (status = 404, body = ErrorBody)))]
pub async fn get_consent_now(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<ConsentNowView>> {
    Ok(Json(consent::view(&state, &me, &id).await?))
}

/// A "go slower" ceiling.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutSlower {
    /// The highest intensity for new plans: 1 (gentle) to 4.
    pub ceiling: i64,
}

/// Go slower: set an intensity ceiling for new plans. It stands until I lift it.
#[utoipa::path(put, path = "/spaces/{id}/slower", tag = "consent", security(("bearer" = [])),
    request_body = PutSlower, params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_slower(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PutSlower>,
) -> ApiResult<StatusCode> {
    consent::go_slower(&state, &me, &id, body.ceiling).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lift my own "go slower".
#[utoipa::path(delete, path = "/spaces/{id}/slower", tag = "consent", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete_slower(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    consent::lift_slower(&state, &me, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// How long my quiet period after a decline lasts.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutQuiet {
    /// 1 to 336 hours (default 24).
    pub hours: i64,
}

/// Choose how long nobody may ask me again after I decline.
#[utoipa::path(put, path = "/spaces/{id}/quiet", tag = "consent", security(("bearer" = [])),
    request_body = PutQuiet, params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_quiet(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PutQuiet>,
) -> ApiResult<StatusCode> {
    consent::set_quiet_hours(&state, &me, &id, body.hours).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// End my own quiet period early.
#[utoipa::path(delete, path = "/spaces/{id}/quiet", tag = "consent", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete_quiet(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    consent::end_quiet(&state, &me, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
