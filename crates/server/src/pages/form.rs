//! What every form handler shares: the form that carries only its token, and showing the page
//! again with a message when the person can fix what went wrong.

use std::future::Future;

use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult};
use crate::error::{AppError, AppResult};

/// A form with nothing but its CSRF token (buttons such as "Leave", "Offer", "Reveal").
#[derive(Deserialize)]
pub struct TokenForm {
    /// The form token.
    pub csrf: String,
}

/// Shows the page again with `e`'s message next to the form, under the error's status, so
/// nothing typed is lost. Errors a person can't fix from the form (not found, internal) become
/// the error page instead.
pub async fn again<Fut>(e: AppError, page: impl FnOnce(FormError) -> Fut) -> PageResult<Response>
where
    Fut: Future<Output = PageResult<Html<String>>>,
{
    let status = e.status();
    let error = FormError::from_app(e)?;
    Ok((status, page(error).await?).into_response())
}

/// After a form's action: on success, go to the page `next` names (a redirect, so reloading
/// doesn't post twice); otherwise show the page again with the message, as [`again`] does.
pub async fn settle<T, Fut>(
    result: AppResult<T>,
    next: impl FnOnce(T) -> String,
    page: impl FnOnce(FormError) -> Fut,
) -> PageResult<Response>
where
    Fut: Future<Output = PageResult<Html<String>>>,
{
    match result {
        Ok(v) => Ok(Redirect::to(&next(v)).into_response()),
        Err(e) => again(e, page).await,
    }
}
