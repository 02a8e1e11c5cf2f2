//! The pause control on every space page (D2): pause at once, undo within ten seconds, lift.

use axum::extract::{Path, State};
use axum::response::Redirect;

use super::error::PageResult;
use super::form::TokenForm;
use crate::services::pause::{self, Lifted};
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;

/// POST /spaces/{id}/pause
pub async fn pause(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    pause::pause(&state, &me, &id, None).await?;
    Ok(Redirect::to(&format!("/spaces/{id}?n=paused")))
}

/// POST /spaces/{id}/pause/lift: lifts my own pause (an undo in the first ten seconds).
pub async fn lift(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    let notice = match pause::lift(&state, &me, &id).await? {
        Lifted::Undone => "pause-undone",
        Lifted::Lifted | Lifted::NothingOfMine => "pause-lifted",
    };
    Ok(Redirect::to(&format!("/spaces/{id}?n={notice}")))
}
