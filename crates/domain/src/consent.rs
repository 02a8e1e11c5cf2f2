//! Consent now and the pause signal (D1–D4, E5): traffic lights, how long things last, the
//! quiet period after a decline, and "go slower" ceilings. No clock: callers pass `now`.

use crate::DomainError;
use crate::text::{Lines, clean};

/// How long a "tonight" state lasts when its owner does not choose (D1).
pub const DEFAULT_TONIGHT_HOURS: i64 = 12;
/// The longest a "tonight" state may last.
pub const MAX_TONIGHT_HOURS: i64 = 48;
/// The longest "what feels good" / "off the table" text, in characters.
pub const MAX_TONIGHT_CHARS: usize = 300;
/// How long an accidental pause can be undone with one tap (D2).
pub const PAUSE_UNDO_SECS: i64 = 10;
/// The revisit time proposed when the pauser does not choose one (D2).
pub const DEFAULT_REVISIT_SECS: i64 = 24 * 60 * 60;
/// The furthest a revisit time may be proposed.
pub const MAX_REVISIT_SECS: i64 = 30 * 24 * 60 * 60;
/// The quiet period after a decline when the decliner has not chosen one (D3).
pub const DEFAULT_QUIET_HOURS: i64 = 24;
/// The longest quiet period a member may choose (D3): two weeks.
pub const MAX_QUIET_HOURS: i64 = 14 * 24;
/// How long an unanswered invitation for closeness stays open before it quietly goes (E5).
pub const INVITATION_LIFETIME_SECS: i64 = 12 * 60 * 60;

/// A traffic light for tonight (D1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// Open to closeness tonight.
    Green,
    /// Maybe; go gently and check in.
    Yellow,
    /// Not tonight.
    Red,
}

impl Light {
    /// Parses `green`, `yellow` or `red`.
    pub fn parse(s: &str) -> Result<Light, DomainError> {
        match s {
            "green" => Ok(Light::Green),
            "yellow" => Ok(Light::Yellow),
            "red" => Ok(Light::Red),
            _ => Err(DomainError::invalid(
                "light",
                "Choose green, yellow or red.",
            )),
        }
    }

    /// The wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Light::Green => "green",
            Light::Yellow => "yellow",
            Light::Red => "red",
        }
    }

    /// A red light starts the owner's quiet period (D3).
    pub fn is_decline(self) -> bool {
        self == Light::Red
    }
}

/// Checks the optional "tonight" texts: empty becomes `None`.
pub fn tonight_text(
    field: &'static str,
    label: &str,
    input: Option<&str>,
) -> Result<Option<String>, DomainError> {
    let Some(input) = input else { return Ok(None) };
    let text = clean(field, label, input, 0, MAX_TONIGHT_CHARS, Lines::Multi)?;
    Ok((!text.is_empty()).then_some(text))
}

/// When a "tonight" state set at `now` expires: after `hours` (default 12, 1 to 48).
pub fn tonight_expiry(now: i64, hours: Option<i64>) -> Result<i64, DomainError> {
    let hours = hours.unwrap_or(DEFAULT_TONIGHT_HOURS);
    if !(1..=MAX_TONIGHT_HOURS).contains(&hours) {
        return Err(DomainError::invalid(
            "hours",
            format!("Choose between 1 and {MAX_TONIGHT_HOURS} hours."),
        ));
    }
    Ok(now + hours * 3600)
}

/// The revisit time of a pause: the one proposed (after `now`, within 30 days) or a day from now.
pub fn revisit_at(now: i64, proposed: Option<i64>) -> Result<i64, DomainError> {
    match proposed {
        None => Ok(now + DEFAULT_REVISIT_SECS),
        Some(t) if t > now && t <= now + MAX_REVISIT_SECS => Ok(t),
        Some(_) => Err(DomainError::invalid(
            "revisit_at",
            "Choose a revisit time in the future, at most 30 days away.",
        )),
    }
}

/// A member's chosen quiet period in hours (1 to 336), as seconds.
pub fn quiet_secs(hours: i64) -> Result<i64, DomainError> {
    if !(1..=MAX_QUIET_HOURS).contains(&hours) {
        return Err(DomainError::invalid(
            "quiet_hours",
            format!("Choose between 1 and {MAX_QUIET_HOURS} hours."),
        ));
    }
    Ok(hours * 3600)
}

/// An intensity ceiling set by "go slower" (D4): 1 gentle … 4 intense, as in the catalog.
pub fn ceiling(level: i64) -> Result<u8, DomainError> {
    match u8::try_from(level) {
        Ok(l @ 1..=4) => Ok(l),
        _ => Err(DomainError::invalid(
            "ceiling",
            "Choose a level from 1 (gentle) to 4.",
        )),
    }
}

/// The space's ceiling for new plans: the lowest any member has set, if any (D4).
pub fn space_ceiling(ceilings: impl IntoIterator<Item = u8>) -> Option<u8> {
    ceilings.into_iter().min()
}

/// Whether the pause set at `paused_at` can still be undone at `now` (D2).
pub fn can_undo(paused_at: i64, now: i64) -> bool {
    now >= paused_at && now - paused_at <= PAUSE_UNDO_SECS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tonight_lasts_twelve_hours_unless_chosen() {
        assert_eq!(tonight_expiry(100, None).unwrap(), 100 + 12 * 3600);
        assert_eq!(tonight_expiry(100, Some(2)).unwrap(), 100 + 2 * 3600);
        assert!(tonight_expiry(100, Some(0)).is_err());
        assert!(tonight_expiry(100, Some(49)).is_err());
    }

    #[test]
    fn a_revisit_time_must_be_ahead_and_within_a_month() {
        assert_eq!(revisit_at(10, None).unwrap(), 10 + DEFAULT_REVISIT_SECS);
        assert!(revisit_at(10, Some(10)).is_err());
        assert!(revisit_at(10, Some(10 + MAX_REVISIT_SECS + 1)).is_err());
        assert_eq!(revisit_at(10, Some(11)).unwrap(), 11);
    }

    #[test]
    fn the_lowest_ceiling_wins() {
        assert_eq!(space_ceiling([3, 1, 4]), Some(1));
        assert_eq!(space_ceiling([]), None);
        assert!(ceiling(0).is_err() && ceiling(5).is_err());
    }

    #[test]
    fn undo_lasts_ten_seconds() {
        assert!(can_undo(100, 110));
        assert!(!can_undo(100, 111));
    }
}
