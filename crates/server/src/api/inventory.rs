//! `/api/v1/spaces/{id}/inventory…`: the catalog, my private answers, reveal rounds and matches.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::services::inventory::{
    self, AnswerInput, AnswerView, CatalogItem, CoolingView, CustomInput, RoundView,
};
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

/// The id of a new custom item.
#[derive(Serialize, ToSchema)]
pub struct CreatedItem {
    /// Starts with `custom.`.
    pub item: String,
}

/// Write a custom item. It stays private to me (only I see and answer it) unless I offer it;
/// a private item still matches if another member privately wrote the same wording.
#[utoipa::path(post, path = "/spaces/{id}/inventory/custom", tag = "inventory", security(("bearer" = [])),
    request_body = CustomInput, params(("id" = String, Path, description = "Space id")),
    responses((status = 201, body = CreatedItem), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_custom(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CustomInput>,
) -> ApiResult<(StatusCode, Json<CreatedItem>)> {
    let item = inventory::create_custom(&state, &me, &id, &body).await?;
    Ok((StatusCode::CREATED, Json(CreatedItem { item })))
}

/// Offer my custom item to the space: everyone can then see and answer it. This cannot be
/// taken back.
#[utoipa::path(post, path = "/spaces/{id}/inventory/custom/{item}/offer", tag = "inventory", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("item" = String, Path, description = "Custom item id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn offer_custom(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, item)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    inventory::offer_custom(&state, &me, &id, &item).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Delete my custom item while it is still private, with my answers to it.
#[utoipa::path(delete, path = "/spaces/{id}/inventory/custom/{item}", tag = "inventory", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("item" = String, Path, description = "Custom item id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn delete_custom(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, item)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    inventory::delete_custom(&state, &me, &id, &item).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The cooling period between rounds, and the choices members have made towards a change.
#[utoipa::path(get, path = "/spaces/{id}/inventory/cooling", tag = "inventory", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = CoolingView), (status = 404, body = ErrorBody)))]
pub async fn get_cooling(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<CoolingView>> {
    Ok(Json(inventory::cooling(&state, &me, &id).await?))
}

/// The cooling period I want.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChooseCooling {
    /// 1–90 days.
    pub days: i64,
}

/// State the cooling period I want. It changes only once every member has chosen the same
/// number of days; until then the current one applies.
#[utoipa::path(put, path = "/spaces/{id}/inventory/cooling", tag = "inventory", security(("bearer" = [])),
    request_body = ChooseCooling, params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = CoolingView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_cooling(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ChooseCooling>,
) -> ApiResult<Json<CoolingView>> {
    inventory::choose_cooling(&state, &me, &id, body.days).await?;
    Ok(Json(inventory::cooling(&state, &me, &id).await?))
}
