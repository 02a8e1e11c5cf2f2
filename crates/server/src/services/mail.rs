//! Sending one neutral reminder e-mail over SMTP (lettre). Only ever called when an operator
//! configured `smtp_url` and a member turned reminders on.

use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::reminders::{MAIL_BODY, MAIL_SUBJECT};
use crate::error::{AppError, AppResult};

/// Sends the reminder text to `to`.
pub async fn send(smtp_url: &str, from: Option<&str>, to: &str) -> AppResult<()> {
    let from = from.unwrap_or("reminders@localhost");
    let message = Message::builder()
        .from(
            from.parse()
                .map_err(|e: lettre::address::AddressError| AppError::Internal(e.into()))?,
        )
        .to(to
            .parse()
            .map_err(|e: lettre::address::AddressError| AppError::Internal(e.into()))?)
        .subject(MAIL_SUBJECT)
        .header(ContentType::TEXT_PLAIN)
        .body(MAIL_BODY.to_string())
        .map_err(|e| AppError::Internal(e.into()))?;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
        .map_err(|e| AppError::Internal(e.into()))?
        .build();
    // SECURITY: nothing about the message or its recipient is logged.
    transport
        .send(message)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("smtp: {e}")))?;
    Ok(())
}
