//! `/api/v1/spaces/{id}/calendar`: my private calendar feed address (E6).

use axum::Json;
use axum::extract::{Path, State};

use super::error::{ApiResult, ErrorBody};
use crate::services::calendar::{self, CalendarView};
use crate::state::AppState;
use crate::web::auth::ApiUser;

/// My secret feed address (created on first use). Entries carry only a neutral title and times.
#[utoipa::path(get, path = "/spaces/{id}/calendar", tag = "calendar", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = CalendarView), (status = 404, body = ErrorBody)))]
pub async fn get_calendar(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<CalendarView>> {
    Ok(Json(calendar::mine(&state, &me, &id).await?))
}

/// A new secret address; the old one stops working at once.
#[utoipa::path(post, path = "/spaces/{id}/calendar/rotate", tag = "calendar", security(("bearer" = [])),
    params(("id" = String, Path, description = "Space id")),
    responses((status = 200, body = CalendarView), (status = 404, body = ErrorBody)))]
pub async fn rotate_calendar(
    State(state): State<AppState>,
    ApiUser(me): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<CalendarView>> {
    Ok(Json(calendar::rotate(&state, &me, &id).await?))
}
