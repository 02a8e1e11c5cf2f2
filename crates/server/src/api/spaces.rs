//! `/api/v1/spaces…`: create, list, view, my profile, leave.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::services::spaces::{self, SpaceSummary, SpaceView};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// A new space.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSpace {
    /// 1–80 characters; only members see it.
    pub name: String,
    /// My display name in it, 1–40 characters.
    pub display_name: String,
    /// Optional pronouns, up to 30 characters.
    #[serde(default)]
    pub pronouns: Option<String>,
}

/// The created space.
#[derive(Serialize, ToSchema)]
pub struct Created {
    /// The new space's id.
    pub space_id: String,
}

/// Create a space with me as its first member.
#[utoipa::path(post, path = "/spaces", tag = "spaces", security(("bearer" = [])), request_body = NewSpace,
    responses((status = 201, body = Created), (status = 422, body = ErrorBody)))]
pub async fn create_space(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<NewSpace>,
) -> ApiResult<(StatusCode, Json<Created>)> {
    let space_id = spaces::create(
        &state,
        &me,
        &body.name,
        &body.display_name,
        body.pronouns.as_deref(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(Created { space_id })))
}

/// My spaces.
#[derive(Serialize, ToSchema)]
pub struct SpaceList {
    /// In order of joining.
    pub spaces: Vec<SpaceSummary>,
}

/// List my spaces.
#[utoipa::path(get, path = "/spaces", tag = "spaces", security(("bearer" = [])), responses((status = 200, body = SpaceList)))]
pub async fn list_spaces(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
) -> ApiResult<Json<SpaceList>> {
    Ok(Json(SpaceList {
        spaces: spaces::list(&state, &me).await?,
    }))
}

/// One space and its members. Spaces I am not in answer 404, like missing ones.
#[utoipa::path(get, path = "/spaces/{id}", tag = "spaces", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = SpaceView), (status = 404, body = ErrorBody)))]
pub async fn get_space(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<SpaceView>> {
    Ok(Json(spaces::view(&state, &me, &id).await?))
}

/// My display name and pronouns in a space.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MyProfile {
    /// 1–40 characters.
    pub display_name: String,
    /// Up to 30 characters; empty or missing means none.
    #[serde(default)]
    pub pronouns: Option<String>,
}

/// Change my display name and pronouns in a space.
#[utoipa::path(put, path = "/spaces/{id}/me", tag = "spaces", security(("bearer" = [])), request_body = MyProfile,
    params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_me(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MyProfile>,
) -> ApiResult<StatusCode> {
    spaces::update_profile(
        &state,
        &me,
        &id,
        &body.display_name,
        body.pronouns.as_deref(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Leave a space, alone and at once. Nobody is asked; no reason is needed.
#[utoipa::path(post, path = "/spaces/{id}/leave", tag = "spaces", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn leave_space(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    spaces::leave(&state, &me, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
