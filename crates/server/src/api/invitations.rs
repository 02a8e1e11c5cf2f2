//! `/api/v1/spaces/{id}/invitations`: the gentle invitation for closeness (E5). The sender sees
//! "sent", "accepted" or "not tonight", never "seen".

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::error::AppError;
use crate::services::closeness::{self, InvitationsView};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// Whom to invite.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PostInvitation {
    /// A member id; may be left out when there is only one other member.
    #[serde(default)]
    pub to: Option<String>,
}

/// Send a gentle invitation. Refused (409) while the space is paused, while the other person is
/// in a quiet period after a decline, or while my last one to them is unanswered.
#[utoipa::path(post, path = "/spaces/{id}/invitations", tag = "consent", security(("bearer" = [])),
    request_body = PostInvitation, params(("id" = String, Path, description = "Space id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn post_invitation(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PostInvitation>,
) -> ApiResult<StatusCode> {
    closeness::send(&state, &me, &id, body.to.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Invitations to me (open) and from me (sent, accepted or not tonight).
#[utoipa::path(get, path = "/spaces/{id}/invitations", tag = "consent", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = InvitationsView), (status = 404, body = ErrorBody)))]
pub async fn get_invitations(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<InvitationsView>> {
    Ok(Json(closeness::view(&state, &me, &id).await?))
}

/// An answer to an invitation.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutAnswer {
    /// `yes` or `no`. No reason is asked.
    pub answer: String,
}

/// Accept or decline an invitation sent to me. Ignoring it is fine too: it quietly expires.
#[utoipa::path(put, path = "/spaces/{id}/invitations/{invitation_id}", tag = "consent", security(("bearer" = [])),
    request_body = PutAnswer,
    params(("id" = String, Path, description = "Space id"), ("invitation_id" = String, Path, description = "Invitation id")),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn answer_invitation(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, invitation_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<PutAnswer>,
) -> ApiResult<StatusCode> {
    let yes = match body.answer.as_str() {
        "yes" => true,
        "no" => false,
        _ => return Err(AppError::invalid("answer", "Answer yes or no.").into()),
    };
    closeness::answer(&state, &me, &id, &invitation_id, yes).await?;
    Ok(StatusCode::NO_CONTENT)
}
