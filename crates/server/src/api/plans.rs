//! `/api/v1/spaces/{id}/plans…`: proposing plans from the open round's matches, confirming,
//! withdrawing, and debriefs sealed until everyone has written theirs (F1–F4).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::{ApiResult, ErrorBody};
use crate::error::AppError;
use crate::services::plans::debriefs::{self, DebriefInput, DebriefsView, FollowUpInput};
use crate::services::plans::input::PlanInput;
use crate::services::plans::plan::{self, ConfirmInput, PlanOptions, PlanSummary, PlanView};
use crate::state::AppState;
use crate::web::auth::ApiUser;
use crate::web::extract::ApiJson;

/// The new plan.
#[derive(Serialize, ToSchema)]
pub struct CreatedPlan {
    /// Its id.
    pub plan_id: String,
}

/// Propose a plan. Activities come only from the open round's matches, with their roles. Refused
/// with 422 if anything can't be planned right now (a reason that reveals no private answer),
/// is above a "go slower" ceiling, jumps further than one intensity level without asking for a
/// bigger step, or holds something new less than 24 hours ahead; 409 while paused. Nobody has
/// confirmed it yet, not even the proposer.
#[utoipa::path(post, path = "/spaces/{id}/plans", tag = "plans", security(("bearer" = [])),
    request_body = PlanInput, params(("id" = String, Path, description = "Space id")),
    responses((status = 201, body = CreatedPlan), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_plan(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PlanInput>,
) -> ApiResult<(StatusCode, Json<CreatedPlan>)> {
    let plan_id = plan::propose(&state, &me, &id, &body).await?;
    Ok((StatusCode::CREATED, Json(CreatedPlan { plan_id })))
}

/// Every plan of this space, newest first.
#[utoipa::path(get, path = "/spaces/{id}/plans", tag = "plans", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = [PlanSummary]), (status = 404, body = ErrorBody)))]
pub async fn list_plans(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<PlanSummary>>> {
    Ok(Json(plan::list(&state, &me, &id).await?))
}

/// What can be planned now: matched activities nobody has a limit on, with the gradual
/// progression, "go slower" and reflection notes, and each member's aftercare wishes.
#[utoipa::path(get, path = "/spaces/{id}/plans/options", tag = "plans", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = PlanOptions), (status = 404, body = ErrorBody)))]
pub async fn plan_options(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<PlanOptions>> {
    Ok(Json(plan::options(&state, &me, &id).await?))
}

/// One plan: activities and roles, the safeword and pause signal, the checklist, aftercare, and
/// who has confirmed.
#[utoipa::path(get, path = "/spaces/{id}/plans/{pid}", tag = "plans", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("pid" = String, Path, description = "Plan id")),
    responses((status = 200, body = PlanView), (status = 404, body = ErrorBody)))]
pub async fn get_plan(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, pid)): Path<(String, String)>,
) -> ApiResult<Json<PlanView>> {
    Ok(Json(plan::view(&state, &me, &id, &pid).await?))
}

/// Confirm a plan. The body is optional; for a plan that asks for a bigger step, send
/// `{"bigger_step": true}` to agree to that too. 409 when paused, withdrawn, changed or past.
#[utoipa::path(post, path = "/spaces/{id}/plans/{pid}/confirm", tag = "plans", security(("bearer" = [])),
    request_body(content = Option<ConfirmInput>, description = "Optional"),
    params(("id" = String, Path, description = "Space id"), ("pid" = String, Path, description = "Plan id")),
    responses((status = 200, body = PlanView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn confirm_plan(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, pid)): Path<(String, String)>,
    body: Bytes,
) -> ApiResult<Json<PlanView>> {
    let input: ConfirmInput = if body.iter().all(u8::is_ascii_whitespace) {
        ConfirmInput::default()
    } else {
        serde_json::from_slice(&body).map_err(|e| {
            AppError::BadRequest(format!("The request body has the wrong shape: {e}"))
        })?
    };
    Ok(Json(plan::confirm(&state, &me, &id, &pid, &input).await?))
}

/// Withdraw a plan: any member, alone, at once, before or during, no reason asked. Never refused
/// for a member of the space.
#[utoipa::path(post, path = "/spaces/{id}/plans/{pid}/withdraw", tag = "plans", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("pid" = String, Path, description = "Plan id")),
    responses((status = 200, body = PlanView), (status = 404, body = ErrorBody)))]
pub async fn withdraw_plan(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, pid)): Path<(String, String)>,
) -> ApiResult<Json<PlanView>> {
    Ok(Json(plan::withdraw(&state, &me, &id, &pid).await?))
}

/// Write (or rewrite) my debrief. Open once the plan's time has come after everyone confirmed;
/// sealed until everyone has written theirs, then shown side by side and fixed (409 after).
#[utoipa::path(put, path = "/spaces/{id}/plans/{pid}/debrief", tag = "plans", security(("bearer" = [])),
    request_body = DebriefInput,
    params(("id" = String, Path, description = "Space id"), ("pid" = String, Path, description = "Plan id")),
    responses((status = 200, body = DebriefsView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_debrief(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, pid)): Path<(String, String)>,
    ApiJson(body): ApiJson<DebriefInput>,
) -> ApiResult<Json<DebriefsView>> {
    Ok(Json(debriefs::put(&state, &me, &id, &pid, &body).await?))
}

/// A plan's debriefs: who has written (never what) until everyone has; then side by side.
#[utoipa::path(get, path = "/spaces/{id}/plans/{pid}/debriefs", tag = "plans", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id"), ("pid" = String, Path, description = "Plan id")),
    responses((status = 200, body = DebriefsView), (status = 404, body = ErrorBody)))]
pub async fn get_debriefs(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, pid)): Path<(String, String)>,
) -> ApiResult<Json<DebriefsView>> {
    Ok(Json(debriefs::view(&state, &me, &id, &pid).await?))
}

/// Add a follow-up once the debriefs are shown side by side.
#[utoipa::path(post, path = "/spaces/{id}/plans/{pid}/follow-ups", tag = "plans", security(("bearer" = [])),
    request_body = FollowUpInput,
    params(("id" = String, Path, description = "Space id"), ("pid" = String, Path, description = "Plan id")),
    responses((status = 200, body = DebriefsView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_follow_up(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path((id, pid)): Path<(String, String)>,
    ApiJson(body): ApiJson<FollowUpInput>,
) -> ApiResult<Json<DebriefsView>> {
    Ok(Json(
        debriefs::follow_up(&state, &me, &id, &pid, &body).await?,
    ))
}
