//! `/api/v1/spaces/{id}/invites…` and `/api/v1/invites/accept`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::services::invites::{self, InviteView};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// A new invite. The code is shown once; pass it on privately.
#[derive(Serialize, ToSchema)]
pub struct CreatedInvite {
    /// The invite's id (to withdraw it).
    pub id: String,
    /// The one-time code.
    pub code: String,
    /// When it stops working (Unix seconds).
    pub expires_at: i64,
}

/// Create a one-time invite (valid 72 hours).
#[utoipa::path(post, path = "/spaces/{id}/invites", tag = "invites", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 201, body = CreatedInvite), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn create_invite(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<(StatusCode, Json<CreatedInvite>)> {
    let invite = invites::create(&state, &me, &id).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedInvite {
            id: invite.id,
            code: invite.code.display(),
            expires_at: invite.expires_at,
        }),
    ))
}

/// A space's invites.
#[derive(Serialize, ToSchema)]
pub struct InviteList {
    /// Oldest first.
    pub invites: Vec<InviteView>,
}

/// List a space's invites.
#[utoipa::path(get, path = "/spaces/{id}/invites", tag = "invites", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = InviteList), (status = 404, body = ErrorBody)))]
pub async fn list_invites(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<InviteList>> {
    Ok(Json(InviteList {
        invites: invites::list(&state, &me, &id).await?,
    }))
}

/// Withdraw an invite.
#[utoipa::path(delete, path = "/spaces/{id}/invites/{invite_id}", tag = "invites", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("invite_id" = String, Path, description = "Invite id")),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn revoke_invite(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, invite_id)): Path<(String, String)>,
) -> ApiResult<StatusCode> {
    invites::revoke(&state, &me, &id, &invite_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Accepting an invite.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvite {
    /// The code, as shown to the inviter (case, spaces and dashes don't matter).
    pub code: String,
    /// My display name in the space, 1–40 characters.
    pub display_name: String,
}

/// The joined space.
#[derive(Serialize, ToSchema)]
pub struct Joined {
    /// The space's id.
    pub space_id: String,
}

/// Join a space with a one-time invite code.
#[utoipa::path(post, path = "/invites/accept", tag = "invites", security(("bearer" = [])), request_body = AcceptInvite,
    responses((status = 200, body = Joined), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn accept_invite(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    ApiJson(body): ApiJson<AcceptInvite>,
) -> ApiResult<Json<Joined>> {
    let space_id = invites::accept(&state, &me, &body.code, &body.display_name).await?;
    Ok(Json(Joined { space_id }))
}
