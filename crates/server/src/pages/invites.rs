//! Invite pages: make a one-time code, see and withdraw invites, join with a code.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::{TokenForm, again};
use super::settings::ago;
use super::shell::{NoticeQuery, Shell};
use crate::services::invites::{self, InviteView};
use crate::services::sessions::SignedIn;
use crate::services::spaces;
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;

/// An invite with a readable age.
pub struct InviteLine {
    /// The invite.
    pub view: InviteView,
    /// "2 hours ago".
    pub made: String,
}

#[derive(Template)]
#[template(path = "invite.html")]
struct InvitePage {
    shell: Shell,
    space_id: String,
    invites: Vec<InviteLine>,
    created: Option<Created>,
    error: Option<FormError>,
}

/// A code just made, shown once.
pub struct Created {
    /// The code.
    pub code: String,
    /// A link that carries the code in its fragment (never sent to a server).
    pub link: String,
}

#[derive(Template)]
#[template(path = "join.html")]
struct JoinPage {
    shell: Shell,
    code: String,
    display_name: String,
    error: Option<FormError>,
}

async fn invite_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    notice: Option<&str>,
    created: Option<Created>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let space = spaces::view(state, me, id).await?;
    let shell = Shell::new(state, Some(me), "Invite")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    let now = state.clock.now();
    let invites = invites::list(state, me, id)
        .await?
        .into_iter()
        .rev()
        .map(|view| InviteLine {
            made: ago(view.created_at, now),
            view,
        })
        .collect();
    render(&InvitePage {
        shell,
        space_id: space.id,
        invites,
        created,
        error,
    })
}

/// GET /spaces/{id}/invite
pub async fn show(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    invite_page(&state, &me, &id, q.n.as_deref(), None, None).await
}

/// POST /spaces/{id}/invite: makes a code and shows it once.
pub async fn create(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match invites::create(&state, &me, &id).await {
        Ok(invite) => {
            let code = invite.code.display();
            // SECURITY: the code rides in the URL fragment, which browsers never send to servers,
            // so it cannot end up in access logs or referrers.
            let link = format!("{}/join#code={code}", state.origin);
            Ok(
                invite_page(&state, &me, &id, None, Some(Created { code, link }), None)
                    .await?
                    .into_response(),
            )
        }
        Err(e) => {
            again(e, |error| {
                invite_page(&state, &me, &id, None, None, Some(error))
            })
            .await
        }
    }
}

/// POST /spaces/{id}/invites/{invite_id}/withdraw
pub async fn withdraw(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, invite_id)): Path<(String, String)>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    invites::revoke(&state, &me, &id, &invite_id).await?;
    Ok(Redirect::to(&format!(
        "/spaces/{id}/invite?n=invite-withdrawn"
    )))
}

/// GET /join
pub async fn join_form(
    State(state): State<AppState>,
    PageUser(me): PageUser,
) -> PageResult<Html<String>> {
    let shell = Shell::new(&state, Some(&me), "Join a space").await;
    render(&JoinPage {
        shell,
        code: String::new(),
        display_name: String::new(),
        error: None,
    })
}

/// Join form.
#[derive(Deserialize)]
pub struct JoinForm {
    csrf: String,
    code: String,
    display_name: String,
}

/// POST /join
pub async fn join(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    PageForm(form): PageForm<JoinForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match invites::accept(&state, &me, &form.code, &form.display_name).await {
        Ok(space_id) => Ok(Redirect::to(&format!("/spaces/{space_id}?n=joined")).into_response()),
        Err(e) => {
            let status = e.status();
            let error = FormError::from_app(e)?;
            let shell = Shell::new(&state, Some(&me), "Join a space").await;
            Ok((
                status,
                render(&JoinPage {
                    shell,
                    code: form.code,
                    display_name: form.display_name,
                    error: Some(error),
                })?,
            )
                .into_response())
        }
    }
}
