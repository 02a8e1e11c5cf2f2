//! `/api/v1/spaces/{id}/inventory…`: the catalog, my private answers, reveal rounds and matches.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::services::inventory::{self, AnswerInput, AnswerView, CatalogItem, RoundView};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// The built-in catalog.
#[derive(Serialize, ToSchema)]
pub struct Catalog {
    /// Every item, with the roles it can be answered in.
    pub items: Vec<CatalogItem>,
}

/// The catalog of activities (B1, B2).
#[utoipa::path(get, path = "/spaces/{id}/inventory/catalog", tag = "inventory", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = Catalog), (status = 404, body = ErrorBody)))]
pub async fn get_catalog(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<Catalog>> {
    Ok(Json(Catalog {
        items: inventory::catalog_for(&state, &me, &id).await?,
    }))
}

/// Answers to merge into mine.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutAnswers {
    /// At most 1000 entries; a rating of `none` clears an answer.
    pub answers: Vec<AnswerInput>,
}

/// My answers (only ever shown to me).
#[derive(Serialize, ToSchema)]
pub struct MyAnswers {
    /// Sorted by item, then role.
    pub answers: Vec<AnswerView>,
}

/// Change some of my answers. Answers are private and can change at any time; lowering one
/// takes effect in the revealed round at once.
#[utoipa::path(put, path = "/spaces/{id}/inventory/answers", tag = "inventory", security(("bearer" = [])),
    request_body = PutAnswers, params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_answers(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PutAnswers>,
) -> ApiResult<StatusCode> {
    inventory::put_answers(&state, &me, &id, &body.answers).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// My own answers, with my private notes and conditions.
#[utoipa::path(get, path = "/spaces/{id}/inventory/answers", tag = "inventory", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = MyAnswers), (status = 404, body = ErrorBody)))]
pub async fn get_answers(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<MyAnswers>> {
    Ok(Json(MyAnswers {
        answers: inventory::my_answers(&state, &me, &id).await?,
    }))
}

/// Where the round stands after pressing reveal.
#[derive(Serialize, ToSchema)]
pub struct RevealStatus {
    /// `waiting` until every member has pressed reveal, then `open`.
    pub status: String,
}

/// Press "reveal": the round opens once every member has pressed it. A new round can start at
/// most once per cooling period (409 says when).
#[utoipa::path(post, path = "/spaces/{id}/inventory/reveal", tag = "inventory", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = RevealStatus), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn reveal(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<RevealStatus>> {
    let open = inventory::reveal(&state, &me, &id).await?;
    Ok(Json(RevealStatus {
        status: if open { "open" } else { "waiting" }.into(),
    }))
}

/// The latest round: matches (only what everyone is at least curious about) and the honesty
/// guard's counts for the other members.
#[utoipa::path(get, path = "/spaces/{id}/inventory/round", tag = "inventory", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = RoundView), (status = 404, body = ErrorBody)))]
pub async fn get_round(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<RoundView>> {
    Ok(Json(inventory::round(&state, &me, &id).await?))
}
