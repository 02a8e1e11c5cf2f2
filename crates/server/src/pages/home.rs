//! The home page: a welcome for visitors; my spaces and "start a space" for members.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;

use super::error::{FormError, PageResult, render};
use super::shell::{NoticeQuery, Shell};
use crate::services::spaces::{self, SpaceSummary};
use crate::state::AppState;
use crate::web::auth::MaybeUser;

/// The home page.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    /// The frame.
    pub shell: Shell,
    /// My spaces.
    pub spaces: Vec<SpaceSummary>,
    /// A problem with the "start a space" form.
    pub error: Option<FormError>,
    /// What was typed into it.
    pub name: String,
    /// What was typed into it.
    pub display_name: String,
}

/// GET /
pub async fn show(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    let shell = Shell::new(&state, me.as_ref(), "Home")
        .await
        .with_notice(q.n.as_deref());
    let spaces = match &me {
        Some(me) => spaces::list(&state, me).await?,
        None => Vec::new(),
    };
    render(&HomePage {
        shell,
        spaces,
        error: None,
        name: String::new(),
        display_name: String::new(),
    })
}
