//! The JSON error boundary: one shape for every API error; causes logged, never sent.

use axum::Json;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::AppError;

/// `{"error": {...}}`
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: ErrorDetail,
}

/// One error.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// A stable machine-readable code (`invalid`, `not_found`, `unauthorized`, …).
    pub code: String,
    /// A plain sentence for people.
    pub message: String,
    /// The field at fault, for validation errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// An [`AppError`] rendered as JSON.
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let err = self.0;
        err.log();
        let body = ErrorBody {
            error: ErrorDetail {
                code: err.code().into(),
                message: err.to_string(),
                field: err.field().map(str::to_string),
            },
        };
        let mut res = (err.status(), Json(body)).into_response();
        if let AppError::TooMany(secs) = err
            && let Ok(v) = HeaderValue::from_str(&secs.max(1).to_string())
        {
            res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
        }
        res
    }
}

/// Result type of API handlers.
pub type ApiResult<T> = Result<T, ApiError>;
