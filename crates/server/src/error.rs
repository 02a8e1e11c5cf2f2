//! The server's one error type. Which error to use where:
//! - input a person can fix → `Invalid` (field + message) or `BadRequest`;
//! - not signed in → `Unauthorized`; anything not yours or not there → `NotFound` (same answer);
//! - a rule stops the action → `Conflict`; too many tries → `TooMany`;
//! - anything else → `Internal`: logged with its cause, never shown.
//!
//! JSON and HTML responses are rendered from it in `api::error` and `pages::error`.

use attune_domain::DomainError;

/// What went wrong, in a form both boundaries can render.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// A field failed validation.
    #[error("{message}")]
    Invalid {
        /// The field's name.
        field: &'static str,
        /// A sentence saying what to change.
        message: String,
    },
    /// The request itself was malformed.
    #[error("{0}")]
    BadRequest(String),
    /// Not signed in, or the session ended.
    #[error("Please sign in.")]
    Unauthorized,
    /// Wrong username or password (one message for both).
    #[error("That username and password don't match an account.")]
    BadCredentials,
    /// The request was refused by a cross-site check.
    #[error("{0}")]
    Forbidden(String),
    /// Missing, or belonging to someone else: the same answer either way.
    #[error("Nothing was found here.")]
    NotFound,
    /// A rule stops the action.
    #[error("{0}")]
    Conflict(String),
    /// Too many attempts; try again after this many seconds.
    #[error("Too many attempts. Please wait {0} seconds and try again.")]
    TooMany(u64),
    /// The body was larger than allowed.
    #[error("That was more than this form can take.")]
    TooLarge,
    /// Anything unexpected. The cause is logged, never sent.
    #[error("Something went wrong on our side. Nothing you did caused it; please try again.")]
    Internal(#[source] anyhow::Error),
}

impl AppError {
    /// HTTP status for this error.
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode as S;
        match self {
            AppError::Invalid { .. } => S::UNPROCESSABLE_ENTITY,
            AppError::BadRequest(_) => S::BAD_REQUEST,
            AppError::Unauthorized | AppError::BadCredentials => S::UNAUTHORIZED,
            AppError::Forbidden(_) => S::FORBIDDEN,
            AppError::NotFound => S::NOT_FOUND,
            AppError::Conflict(_) => S::CONFLICT,
            AppError::TooMany(_) => S::TOO_MANY_REQUESTS,
            AppError::TooLarge => S::PAYLOAD_TOO_LARGE,
            AppError::Internal(_) => S::INTERNAL_SERVER_ERROR,
        }
    }

    /// A stable machine-readable code for the JSON error shape.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid { .. } => "invalid",
            AppError::BadRequest(_) => "bad_request",
            AppError::Unauthorized => "unauthorized",
            AppError::BadCredentials => "bad_credentials",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::TooMany(_) => "too_many_requests",
            AppError::TooLarge => "too_large",
            AppError::Internal(_) => "internal",
        }
    }

    /// The field this error is about, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            AppError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Builds an `Invalid` error.
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field,
            message: message.into(),
        }
    }

    /// Logs internal causes; the response never carries them.
    pub fn log(&self) {
        if let AppError::Internal(cause) = self {
            tracing::error!(error = format!("{cause:#}"), "internal error");
        }
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Invalid(f) => AppError::Invalid {
                field: f.field,
                message: f.message,
            },
        }
    }
}

impl From<attune_store::StoreError> for AppError {
    fn from(e: attune_store::StoreError) -> Self {
        match e {
            attune_store::StoreError::NotFound => AppError::NotFound,
            other => AppError::Internal(anyhow::Error::new(other)),
        }
    }
}

impl From<attune_crypto::CryptoError> for AppError {
    fn from(e: attune_crypto::CryptoError) -> Self {
        AppError::Internal(anyhow::Error::new(e))
    }
}

/// Result type of services and handlers.
pub type AppResult<T> = Result<T, AppError>;
