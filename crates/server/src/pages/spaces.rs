//! Space pages: start one, its overview, members and my profile, leaving.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::{TokenForm, again};
use super::home::HomePage;
use super::shell::{NoticeQuery, Shell};
use crate::services::review::{self, ReviewSummary};
use crate::services::spaces::{self, SpaceView};
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;
use attune_domain::boundaries::review::{LIFE_CHANGES, LifeChange};

#[derive(Template)]
#[template(path = "space.html")]
struct OverviewPage {
    shell: Shell,
    space: SpaceView,
    review: ReviewSummary,
    life_changes: [LifeChange; 5],
}

#[derive(Template)]
#[template(path = "members.html")]
struct MembersPage {
    shell: Shell,
    space: SpaceView,
    my_name: String,
    my_pronouns: String,
    error: Option<FormError>,
}

/// Start-a-space form.
#[derive(Deserialize)]
pub struct CreateForm {
    csrf: String,
    name: String,
    display_name: String,
}

/// POST /spaces
pub async fn create(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<CreateForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match spaces::create(&state, &me, &form.name, &form.display_name, None).await {
        Ok(id) => Ok(Redirect::to(&format!("/spaces/{id}?n=created")).into_response()),
        Err(e) => {
            let status = e.status();
            let error = FormError::from_app(e)?;
            let shell = Shell::new(&state, Some(&me), "Home").await;
            let spaces = spaces::list(&state, &me).await?;
            let page = HomePage {
                shell,
                spaces,
                error: Some(error),
                name: form.name,
                display_name: form.display_name,
            };
            Ok((status, render(&page)?).into_response())
        }
    }
}

/// GET /spaces/{id}
pub async fn overview(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    let space = spaces::view(&state, &me, &id).await?;
    let shell = Shell::new(&state, Some(&me), "Overview")
        .await
        .in_space(&state, &me, &space.id, &space.name)
        .await
        .with_notice(q.n.as_deref());
    let review = review::summary(&state, &me, &id).await?;
    render(&OverviewPage {
        shell,
        space,
        review,
        life_changes: LIFE_CHANGES,
    })
}

async fn members_page(
    state: &AppState,
    me: &crate::services::sessions::SignedIn,
    id: &str,
    notice: Option<&str>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let space = spaces::view(state, me, id).await?;
    let shell = Shell::new(state, Some(me), "Members")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    let mine = space.members.iter().find(|m| m.is_me);
    let my_name = mine.map(|m| m.display_name.clone()).unwrap_or_default();
    let my_pronouns = mine.and_then(|m| m.pronouns.clone()).unwrap_or_default();
    render(&MembersPage {
        shell,
        space,
        my_name,
        my_pronouns,
        error,
    })
}

/// GET /spaces/{id}/members
pub async fn members(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    members_page(&state, &me, &id, q.n.as_deref(), None).await
}

/// My-profile form.
#[derive(Deserialize)]
pub struct ProfileForm {
    csrf: String,
    display_name: String,
    #[serde(default)]
    pronouns: String,
}

/// POST /spaces/{id}/me
pub async fn update_me(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<ProfileForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match spaces::update_profile(&state, &me, &id, &form.display_name, Some(&form.pronouns)).await {
        Ok(()) => Ok(Redirect::to(&format!("/spaces/{id}/members?n=saved")).into_response()),
        Err(e) => again(e, |error| members_page(&state, &me, &id, None, Some(error))).await,
    }
}

/// POST /spaces/{id}/leave: unilateral and immediate.
pub async fn leave(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    spaces::leave(&state, &me, &id).await?;
    Ok(Redirect::to("/?n=left"))
}
