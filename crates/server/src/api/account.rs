//! `/api/v1/account…`: deleting the account and personal settings.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::ConfirmPassword;
use super::error::{ApiResult, ErrorBody};
use crate::services::accounts;
use crate::services::prefs::Prefs;
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::cookies;
use crate::web::extract::ApiJson;

/// Delete the account at once: leaves every space and deletes all of the account's data.
#[utoipa::path(delete, path = "/account", tag = "account", security(("bearer" = [])), request_body = ConfirmPassword,
    responses((status = 204), (status = 422, body = ErrorBody)))]
pub async fn delete_account(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<ConfirmPassword>,
) -> ApiResult<Response> {
    accounts::delete_account(&state, &me, &body.password).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(SET_COOKIE, cookies::clear(&state))],
    )
        .into_response())
}

/// Personal settings.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrefsBody {
    /// Neutral page titles in the browser's tab switcher.
    pub discreet: bool,
}

/// Read personal settings.
#[utoipa::path(get, path = "/account/prefs", tag = "account", security(("bearer" = [])), responses((status = 200, body = PrefsBody)))]
pub async fn get_prefs(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
) -> ApiResult<Json<PrefsBody>> {
    let p = accounts::prefs(&state, &me).await?;
    Ok(Json(PrefsBody {
        discreet: p.discreet,
    }))
}

/// Change personal settings.
#[utoipa::path(put, path = "/account/prefs", tag = "account", security(("bearer" = [])), request_body = PrefsBody,
    responses((status = 204), (status = 400, body = ErrorBody)))]
pub async fn put_prefs(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<PrefsBody>,
) -> ApiResult<StatusCode> {
    accounts::set_prefs(
        &state,
        &me,
        &Prefs {
            discreet: body.discreet,
        },
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
