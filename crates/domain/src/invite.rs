//! When an invite to a space may be used: once, within 72 hours.

use crate::{DomainError, UnixTime};

/// How long an invite stays valid, in seconds (72 hours).
pub const INVITE_LIFETIME_SECS: i64 = 72 * 60 * 60;

/// Checks an invite created to expire at `expires_at`, used at `used_at` if ever.
pub fn check_usable(
    expires_at: UnixTime,
    used_at: Option<UnixTime>,
    now: UnixTime,
) -> Result<(), DomainError> {
    if used_at.is_some() {
        return Err(DomainError::invalid(
            "code",
            "This invite has already been used. Ask for a new one.",
        ));
    }
    if now >= expires_at {
        return Err(DomainError::invalid(
            "code",
            "This invite has expired. Invites last 72 hours; ask for a new one.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expired_or_used_invite_is_refused_with_a_clear_message() {
        assert!(check_usable(100, None, 99).is_ok());
        assert!(
            check_usable(100, None, 100)
                .unwrap_err()
                .to_string()
                .contains("expired")
        );
        assert!(
            check_usable(100, Some(50), 60)
                .unwrap_err()
                .to_string()
                .contains("already been used")
        );
    }
}
