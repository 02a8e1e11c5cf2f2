//! Revisiting (C5): review dates on every boundary and on the agreement, and "something changed
//! in our life", which marks everything for review at once.

use serde::{Deserialize, Serialize};

use crate::text::{Lines, clean};
use crate::{DomainError, UnixTime};

/// Seconds in a day.
pub const DAY: i64 = 24 * 60 * 60;
/// The furthest ahead a review date may be set (about five years).
pub const MAX_REVIEW_DAYS_AHEAD: i64 = 5 * 366;
/// The longest note with a life change, in characters.
pub const MAX_LIFE_NOTE_CHARS: usize = 300;

/// What changed in our life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LifeChange {
    /// A new baby.
    NewBaby,
    /// Illness or injury.
    Illness,
    /// Stress, from work or anything else.
    Stress,
    /// Moving home.
    Move,
    /// Something else.
    Other,
}

/// Every kind, in the order offered.
pub const LIFE_CHANGES: [LifeChange; 5] = [
    LifeChange::NewBaby,
    LifeChange::Illness,
    LifeChange::Stress,
    LifeChange::Move,
    LifeChange::Other,
];

impl LifeChange {
    /// Parses the field value.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        LIFE_CHANGES
            .into_iter()
            .find(|k| k.key() == input.trim())
            .ok_or_else(|| {
                DomainError::invalid("kind", "Choose what changed (or \"something else\").")
            })
    }

    /// The field value.
    pub fn key(self) -> &'static str {
        match self {
            LifeChange::NewBaby => "new_baby",
            LifeChange::Illness => "illness",
            LifeChange::Stress => "stress",
            LifeChange::Move => "move",
            LifeChange::Other => "other",
        }
    }

    /// How it is shown.
    pub fn label(self) -> &'static str {
        match self {
            LifeChange::NewBaby => "A new baby",
            LifeChange::Illness => "Illness or injury",
            LifeChange::Stress => "A stressful time",
            LifeChange::Move => "A move",
            LifeChange::Other => "Something else",
        }
    }
}

/// Checks the optional note with a life change.
pub fn life_note(input: &str) -> Result<Option<String>, DomainError> {
    let note = clean(
        "note",
        "The note",
        input,
        0,
        MAX_LIFE_NOTE_CHARS,
        Lines::Multi,
    )?;
    Ok((!note.is_empty()).then_some(note))
}

/// Whether something is due for review at `now`: its review date has come, or a life change was
/// marked after it was last looked at.
pub fn is_due(
    review_at: Option<UnixTime>,
    reviewed_at: UnixTime,
    life_change_at: Option<UnixTime>,
    now: UnixTime,
) -> bool {
    review_at.is_some_and(|r| r <= now) || life_change_at.is_some_and(|l| l > reviewed_at)
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// Formats a time as its date, `YYYY-MM-DD` (UTC).
pub fn format_date(t: UnixTime) -> String {
    let (y, m, d) = civil_from_days(t.div_euclid(DAY));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses a review date `YYYY-MM-DD` into the start of that day (UTC). It must be today or later
/// and at most about five years ahead.
pub fn parse_review_date(input: &str, now: UnixTime) -> Result<UnixTime, DomainError> {
    let bad = || {
        DomainError::invalid(
            "review_on",
            "Give the review date as a date, like 2030-01-31.",
        )
    };
    let parts: Vec<&str> = input.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let (y, m, d): (i64, i64, i64) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    let days = days_from_civil(y, m, d);
    if civil_from_days(days) != (y, m, d) {
        return Err(bad());
    }
    let today = now.div_euclid(DAY);
    if days < today {
        return Err(DomainError::invalid(
            "review_on",
            "Choose a review date from today onwards.",
        ));
    }
    if days > today + MAX_REVIEW_DAYS_AHEAD {
        return Err(DomainError::invalid(
            "review_on",
            "Choose a review date within the next five years.",
        ));
    }
    Ok(days * DAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_767_225_600; // 2026-01-01

    #[test]
    fn dates_round_trip_and_impossible_dates_are_refused() {
        assert_eq!(format_date(NOW), "2026-01-01");
        let t = parse_review_date("2028-02-29", NOW).unwrap();
        assert_eq!(format_date(t), "2028-02-29");
        assert!(parse_review_date("2027-02-29", NOW).is_err());
        assert!(parse_review_date("2026-13-01", NOW).is_err());
        assert!(parse_review_date("tomorrow", NOW).is_err());
        assert!(parse_review_date("2025-12-31", NOW).is_err());
        assert!(parse_review_date("2040-01-01", NOW).is_err());
        assert_eq!(parse_review_date("2026-01-01", NOW).unwrap(), NOW);
    }

    #[test]
    fn a_life_change_makes_everything_looked_at_before_it_due() {
        assert!(is_due(None, 100, Some(200), 300));
        assert!(!is_due(None, 250, Some(200), 300));
        assert!(is_due(Some(300), 250, None, 300));
        assert!(!is_due(Some(301), 250, None, 300));
    }
}
