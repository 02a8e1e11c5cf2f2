//! Deciding on a change that waits for everyone (confirm or decline), and "something changed in
//! our life" from the space home.

use axum::extract::{Path, State};
use axum::response::Redirect;
use serde::Deserialize;

use super::error::PageResult;
use crate::services::changes;
use crate::services::review::{self, LifeChangeInput};
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;

/// A decision form: the token and which page to return to.
#[derive(Deserialize)]
pub struct DecisionForm {
    csrf: String,
    #[serde(default)]
    back: String,
}

/// Where to go afterwards: only our own two pages (never a URL from the form).
fn back(id: &str, back: &str, notice: &str) -> Redirect {
    let page = if back == "agreement" {
        "agreement"
    } else {
        "boundaries"
    };
    Redirect::to(&format!("/spaces/{id}/{page}?n={notice}"))
}

/// POST /spaces/{id}/changes/{change_id}/confirm
pub async fn confirm(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, change_id)): Path<(String, String)>,
    PageForm(form): PageForm<DecisionForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    let outcome = changes::confirm(&state, &me, &id, &change_id).await?;
    let n = if outcome.status == "applied" {
        "applied"
    } else {
        "confirmed"
    };
    Ok(back(&id, &form.back, n))
}

/// POST /spaces/{id}/changes/{change_id}/decline
pub async fn decline(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, change_id)): Path<(String, String)>,
    PageForm(form): PageForm<DecisionForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    changes::decline(&state, &me, &id, &change_id).await?;
    Ok(back(&id, &form.back, "declined"))
}

/// The life-change form.
#[derive(Deserialize)]
pub struct LifeForm {
    csrf: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    note: String,
}

/// POST /spaces/{id}/life-change
pub async fn life_changed(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<LifeForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    review::life_changed(
        &state,
        &me,
        &id,
        &LifeChangeInput {
            kind: form.kind,
            note: Some(form.note),
        },
    )
    .await?;
    Ok(Redirect::to(&format!("/spaces/{id}?n=life-change")))
}
