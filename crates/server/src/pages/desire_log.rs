//! The desire log page (F5): the shared lines with a filter by activity, a line by hand, and the
//! debrief lines waiting for their author's "yes".

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::{TokenForm, again};
use super::shell::Shell;
use crate::services::plans::log::{self, FromDebrief, LogInput, LogView};
use crate::services::sessions::SignedIn;
use crate::services::spaces;
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;
use attune_domain::debrief::LogKind;

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage {
    shell: Shell,
    space_id: String,
    view: LogView,
    filter: String,
    filter_title: String,
    kinds: Vec<(&'static str, &'static str)>,
    error: Option<FormError>,
}

impl LogPage {
    fn kind_label(&self, kind: &str) -> &'static str {
        LogKind::parse(kind).map(|k| k.label()).unwrap_or("")
    }
}

/// The page's query: a notice and an activity filter.
#[derive(Deserialize, Default)]
pub struct LogQuery {
    n: Option<String>,
    item: Option<String>,
}

async fn page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    q: LogQuery,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let space = spaces::view(state, me, id).await?;
    let shell = Shell::new(state, Some(me), "Log")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(q.n.as_deref());
    let filter = q.item.filter(|i| !i.is_empty()).unwrap_or_default();
    let view = log::view(
        state,
        me,
        id,
        (!filter.is_empty()).then_some(filter.as_str()),
    )
    .await?;
    let filter_title = view
        .activities
        .iter()
        .find(|(i, _)| *i == filter)
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    render(&LogPage {
        shell,
        space_id: id.into(),
        view,
        filter,
        filter_title,
        kinds: LogKind::ALL
            .iter()
            .map(|k| (k.as_str(), k.label()))
            .collect(),
        error,
    })
}

/// GET /spaces/{id}/log
pub async fn show(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<LogQuery>,
) -> PageResult<Html<String>> {
    page(&state, &me, &id, q, None).await
}

/// A line by hand, or one taken from a debrief.
#[derive(Deserialize)]
pub struct AddForm {
    csrf: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    item: Option<String>,
    #[serde(default)]
    from_plan: Option<String>,
    #[serde(default)]
    from_member: Option<String>,
    #[serde(default)]
    from_field: Option<String>,
}

/// POST /spaces/{id}/log
pub async fn add(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<AddForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let from_debrief = match (form.from_plan, form.from_member, form.from_field) {
        (Some(plan_id), Some(member_id), Some(field)) => Some(FromDebrief {
            plan_id,
            member_id,
            field,
        }),
        _ => None,
    };
    let input = LogInput {
        kind: form.kind,
        text: if from_debrief.is_some() {
            None
        } else {
            Some(form.text.unwrap_or_default())
        },
        item: form.item.filter(|i| !i.is_empty()),
        from_debrief,
    };
    match log::add(&state, &me, &id, &input).await {
        Ok(added) => {
            let n = if added.shared {
                "log-added"
            } else {
                "log-waiting"
            };
            Ok(Redirect::to(&format!("/spaces/{id}/log?n={n}")).into_response())
        }
        Err(e) => {
            again(e, |error| {
                page(&state, &me, &id, LogQuery::default(), Some(error))
            })
            .await
        }
    }
}

/// POST /spaces/{id}/log/{eid}/consent
pub async fn consent(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, eid)): Path<(String, String)>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    log::consent(&state, &me, &id, &eid).await?;
    Ok(Redirect::to(&format!("/spaces/{id}/log?n=log-shared")).into_response())
}

/// POST /spaces/{id}/log/{eid}/decline
pub async fn decline(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, eid)): Path<(String, String)>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    log::decline(&state, &me, &id, &eid).await?;
    Ok(Redirect::to(&format!("/spaces/{id}/log?n=log-declined")).into_response())
}
