//! Body extractors that turn every malformed body into a clear 4xx instead of axum's defaults.

use std::net::{IpAddr, SocketAddr};

use axum::extract::rejection::{FormRejection, JsonRejection};
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::api::error::ApiError;
use crate::error::AppError;
use crate::pages::error::PageError;

/// The largest request body accepted anywhere, in bytes.
pub const BODY_LIMIT: usize = 64 * 1024;

fn json_error(rej: JsonRejection) -> AppError {
    match rej.status() {
        StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => AppError::BadRequest(
            "Send the body as JSON with Content-Type: application/json.".into(),
        ),
        _ => match rej {
            JsonRejection::JsonDataError(e) => AppError::BadRequest(format!(
                "The request body has the wrong shape: {}",
                std::error::Error::source(&e)
                    .map(|s| s.to_string())
                    .unwrap_or_else(|| e.body_text())
            )),
            JsonRejection::JsonSyntaxError(_) => {
                AppError::BadRequest("The request body is not valid JSON.".into())
            }
            other => AppError::BadRequest(other.body_text()),
        },
    }
}

/// A JSON body for the API. Unknown fields are refused by the request types themselves.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let axum::Json(value) = axum::Json::<serde_json::Value>::from_request(req, state)
            .await
            .map_err(|rej| ApiError(json_error(rej)))?;
        // Every request body is an object; serde would otherwise accept an array for a struct.
        if !value.is_object() {
            return Err(ApiError(AppError::BadRequest(
                "The request body has the wrong shape: it must be a JSON object.".into(),
            )));
        }
        serde_json::from_value(value).map(ApiJson).map_err(|e| {
            ApiError(AppError::BadRequest(format!(
                "The request body has the wrong shape: {e}"
            )))
        })
    }
}

/// A URL-encoded form body for HTML pages.
pub struct PageForm<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for PageForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        axum::Form::<T>::from_request(req, state)
            .await
            .map(|axum::Form(v)| PageForm(v))
            .map_err(|rej: FormRejection| {
                PageError(match rej.status() {
                    StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
                    _ => AppError::BadRequest(
                        "The form arrived incomplete. Please go back and try again.".into(),
                    ),
                })
            })
    }
}

/// The client's address, for per-address limits. Never logged.
pub struct ClientIp(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(IpAddr::from([0, 0, 0, 0]));
        Ok(ClientIp(ip))
    }
}

/// The User-Agent, turned into a coarse device label at once.
pub struct Device(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Device {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let ua = parts
            .headers
            .get(axum::http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok());
        Ok(Device(crate::services::device::label(ua)))
    }
}
