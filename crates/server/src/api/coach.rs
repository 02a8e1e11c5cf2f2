//! `/api/v1/coach`: gentle wording hints for text meant for a partner.

use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::error::{ApiError, ApiResult, ErrorBody};
use crate::error::AppError;
use crate::web::extract::ApiJson;

/// Text to check.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CoachRequest {
    /// Up to 10,000 characters.
    pub text: String,
}

/// One hint.
#[derive(Serialize, ToSchema)]
pub struct CoachFlag {
    /// `absolute`, `blame`, `pressure`, `mind_reading`, `generalisation` or `dismissive`.
    pub kind: String,
    /// Start, in characters.
    pub start: usize,
    /// End (exclusive), in characters.
    pub end: usize,
    /// Why this may land badly, in one sentence.
    pub explanation: String,
}

/// Hints and a suggested I-statement. The coach never blocks sending.
#[derive(Serialize, ToSchema)]
pub struct CoachResponse {
    /// What was noticed.
    pub flags: Vec<CoachFlag>,
    /// A gentler way to say it, or null.
    pub suggestion: Option<String>,
}

/// Check wording. Works offline and gives the same answer for the same text.
#[utoipa::path(post, path = "/coach", tag = "coach", request_body = CoachRequest,
    responses((status = 200, body = CoachResponse), (status = 422, body = ErrorBody)))]
pub async fn coach(ApiJson(body): ApiJson<CoachRequest>) -> ApiResult<Json<CoachResponse>> {
    if body.text.chars().count() > attune_coach::MAX_TEXT_CHARS {
        return Err(ApiError(AppError::invalid(
            "text",
            format!(
                "The coach reads up to {} characters at a time.",
                attune_coach::MAX_TEXT_CHARS
            ),
        )));
    }
    let advice = attune_coach::check(&body.text);
    Ok(Json(CoachResponse {
        flags: advice
            .flags
            .into_iter()
            .map(|f| CoachFlag {
                kind: serde_json::to_value(f.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                start: f.start,
                end: f.end,
                explanation: f.explanation,
            })
            .collect(),
        suggestion: advice.suggestion,
    }))
}
