//! The HTML error boundary: a calm page with the message; causes logged, never shown.

use askama::Template;
use axum::http::HeaderValue;
use axum::response::{Html, IntoResponse, Redirect, Response};

use super::shell::{NEUTRAL_TITLE, Shell};
use crate::error::AppError;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    shell: Shell,
    heading: &'static str,
    message: String,
}

/// An [`AppError`] rendered as a page.
pub struct PageError(pub AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let err = self.0;
        err.log();
        if matches!(err, AppError::Unauthorized) {
            return Redirect::to("/login").into_response();
        }
        let heading = match err {
            AppError::NotFound => "Nothing here",
            AppError::TooMany(_) => "Please wait a moment",
            AppError::Internal(_) => "Something went wrong",
            _ => "That didn't work",
        };
        let page = ErrorPage {
            shell: Shell {
                title: NEUTRAL_TITLE.into(),
                signed_in: false,
                csrf: String::new(),
                space: None,
                notice: None,
            },
            heading,
            message: err.to_string(),
        };
        let body = page
            .render()
            .unwrap_or_else(|_| "Something went wrong.".into());
        let mut res = (err.status(), Html(body)).into_response();
        if let AppError::TooMany(secs) = err
            && let Ok(v) = HeaderValue::from_str(&secs.max(1).to_string())
        {
            res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
        }
        res
    }
}

/// Result type of page handlers.
pub type PageResult<T> = Result<T, PageError>;

/// Renders a template, turning a rendering failure into an internal error.
pub fn render(t: &impl Template) -> PageResult<Html<String>> {
    t.render()
        .map(Html)
        .map_err(|e| PageError(AppError::Internal(e.into())))
}

/// The message and field of a validation error, for re-showing a form; other errors pass through.
pub struct FormError {
    /// The field at fault, if known.
    pub field: &'static str,
    /// What to change.
    pub message: String,
}

impl FormError {
    /// Splits an error into a form message (validation, conflicts, bad credentials) or a page error.
    pub fn from_app(e: AppError) -> Result<FormError, PageError> {
        match e {
            AppError::Invalid { field, message } => Ok(FormError { field, message }),
            AppError::BadCredentials => Ok(FormError {
                field: "password",
                message: e.to_string(),
            }),
            AppError::Conflict(message) => Ok(FormError { field: "", message }),
            AppError::Forbidden(message) => Ok(FormError { field: "", message }),
            AppError::TooMany(_) => Ok(FormError {
                field: "",
                message: e.to_string(),
            }),
            other => Err(PageError(other)),
        }
    }
}
