//! The "Tonight" page: my traffic light (D1), the quiet period after a decline (D3), "go slower"
//! (D4) and gentle invitations (E5). Every action is a plain form; red and clear are one tap.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::{TokenForm, settle};
use super::shell::{NoticeQuery, Shell, in_words};
use crate::error::AppResult;
use crate::services::closeness::{self, InvitationsView};
use crate::services::consent::{self, ConsentNowView, TonightInput, TonightView};
use crate::services::sessions::SignedIn;
use crate::services::spaces;
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;

#[derive(Template)]
#[template(path = "tonight.html")]
struct TonightPage {
    shell: Shell,
    space_id: String,
    view: ConsentNowView,
    mine: Option<TonightView>,
    others: Vec<(TonightView, String)>,
    invitations: InvitationsView,
    quiet_left: String,
    typed: Typed,
    error: Option<FormError>,
}

/// What was put into the "tonight" form, shown again when it is refused so nothing is lost.
#[derive(Default)]
struct Typed {
    light: String,
    good: String,
    off: String,
}

async fn page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    notice: Option<&str>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    page_typed(state, me, id, notice, error, Typed::default()).await
}

async fn page_typed(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    notice: Option<&str>,
    error: Option<FormError>,
    typed: Typed,
) -> PageResult<Html<String>> {
    let space = spaces::view(state, me, id).await?;
    let shell = Shell::new(state, Some(me), "Tonight")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    let view = consent::view(state, me, id).await?;
    let now = state.clock.now();
    let mine = view.states.iter().find(|s| s.is_me).cloned();
    let others = view
        .states
        .iter()
        .filter(|s| !s.is_me)
        .map(|s| (s.clone(), in_words(s.expires_at - now)))
        .collect();
    let quiet_left = view
        .my_quiet_until
        .map(|u| in_words(u - now))
        .unwrap_or_default();
    let invitations = closeness::view(state, me, id).await?;
    render(&TonightPage {
        shell,
        space_id: space.id,
        view,
        mine,
        others,
        invitations,
        quiet_left,
        typed,
        error,
    })
}

/// Shows the page again with the error, or redirects with a notice.
async fn after(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    result: AppResult<()>,
    notice: &str,
) -> PageResult<Response> {
    settle(
        result,
        |_| format!("/spaces/{id}/tonight?n={notice}"),
        |error| page(state, me, id, None, Some(error)),
    )
    .await
}

/// GET /spaces/{id}/tonight
pub async fn show(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    page(&state, &me, &id, q.n.as_deref(), None).await
}

/// The "tonight" form.
#[derive(Deserialize)]
pub struct TonightForm {
    csrf: String,
    #[serde(default)]
    light: String,
    #[serde(default)]
    good: String,
    #[serde(default)]
    off: String,
    #[serde(default)]
    hours: Option<String>,
}

fn hours_of(v: Option<&str>) -> Option<i64> {
    // An unreadable number becomes 0, which the rule refuses with a clear message.
    v.filter(|h| !h.is_empty()).map(|h| h.parse().unwrap_or(0))
}

/// POST /spaces/{id}/tonight
pub async fn set(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TonightForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let input = TonightInput {
        light: &form.light,
        good: Some(&form.good),
        off: Some(&form.off),
        hours: hours_of(form.hours.as_deref()),
    };
    let result = consent::set(&state, &me, &id, input).await.map(|_| ());
    let typed = Typed {
        light: form.light,
        good: form.good,
        off: form.off,
    };
    settle(
        result,
        |_| format!("/spaces/{id}/tonight?n=tonight-saved"),
        |error| page_typed(&state, &me, &id, None, Some(error), typed),
    )
    .await
}

/// POST /spaces/{id}/tonight/red: one tap, nothing else asked.
pub async fn red(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let input = TonightInput {
        light: "red",
        good: None,
        off: None,
        hours: None,
    };
    let result = consent::set(&state, &me, &id, input).await.map(|_| ());
    after(&state, &me, &id, result, "tonight-saved").await
}

/// POST /spaces/{id}/tonight/clear: one tap.
pub async fn clear(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = consent::clear(&state, &me, &id).await;
    after(&state, &me, &id, result, "tonight-cleared").await
}

/// A number picked in a form.
#[derive(Deserialize)]
pub struct LevelForm {
    csrf: String,
    #[serde(default)]
    value: String,
}

/// POST /spaces/{id}/slower
pub async fn slower(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<LevelForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let level = form.value.parse().unwrap_or(0);
    let result = consent::go_slower(&state, &me, &id, level).await;
    after(&state, &me, &id, result, "saved").await
}

/// POST /spaces/{id}/slower/lift
pub async fn lift_slower(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = consent::lift_slower(&state, &me, &id).await;
    after(&state, &me, &id, result, "saved").await
}

/// POST /spaces/{id}/quiet
pub async fn quiet(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<LevelForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let hours = form.value.parse().unwrap_or(0);
    let result = consent::set_quiet_hours(&state, &me, &id, hours).await;
    after(&state, &me, &id, result, "saved").await
}

/// POST /spaces/{id}/quiet/end
pub async fn end_quiet(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = consent::end_quiet(&state, &me, &id).await;
    after(&state, &me, &id, result, "saved").await
}

/// Whom to invite.
#[derive(Deserialize)]
pub struct InviteForm {
    csrf: String,
    #[serde(default)]
    to: Option<String>,
}

/// POST /spaces/{id}/invitations
pub async fn invite(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<InviteForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = closeness::send(&state, &me, &id, form.to.as_deref()).await;
    after(&state, &me, &id, result, "invited").await
}

/// POST /spaces/{id}/invitations/{invitation_id}/yes
pub async fn accept(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, invitation)): Path<(String, String)>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = closeness::answer(&state, &me, &id, &invitation, true).await;
    after(&state, &me, &id, result, "answered").await
}

/// POST /spaces/{id}/invitations/{invitation_id}/no: one tap, no reason.
pub async fn decline(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, invitation)): Path<(String, String)>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let result = closeness::answer(&state, &me, &id, &invitation, false).await;
    after(&state, &me, &id, result, "answered").await
}
