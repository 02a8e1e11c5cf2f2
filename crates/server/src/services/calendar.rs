//! The private calendar feed (E6): a secret URL per member that a calendar app can subscribe to.
//! Entries carry a neutral title ("Check-in" or the member's own) and times, never content.

use attune_crypto::{Aad, EnvelopeKind, Key32, fill_random, open, seal};
use attune_domain::checkin::is_revealed;
use attune_domain::text::{Lines, clean};
use attune_store::rows::CalendarFeedRow;
use base64::Engine;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::checkins::cadence_of;
use super::keys::{open_private, seal_private};
use super::pause::is_paused;
use super::sessions::SignedIn;
use super::spaces::membership;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The title used when the member has not chosen one.
pub const DEFAULT_TITLE: &str = "Check-in";
/// The longest title.
pub const MAX_TITLE_CHARS: usize = 60;
/// How many upcoming check-ins the feed lists.
pub const UPCOMING: i64 = 3;

const SECRET_PURPOSE: &str = "calendar-secret";
const TITLE_PURPOSE: &str = "calendar-title";
const LOOKUP_PURPOSE: &str = "calendar-feed";
const TABLE: &str = "calendar_feeds";

/// My feed, as I see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CalendarView {
    /// The secret address to subscribe to. Anyone with it sees the times, so keep it private.
    pub url: String,
    /// The title entries carry.
    pub title: String,
}

#[derive(Serialize, Deserialize)]
struct Secret {
    secret: String,
    #[serde(default)]
    title: Option<String>,
}

fn lookup(state: &AppState, secret: &str) -> Vec<u8> {
    state
        .secret
        .blind_index(LOOKUP_PURPOSE, secret.as_bytes())
        .to_vec()
}

fn title_key(state: &AppState, secret: &str) -> Key32 {
    // SECURITY: the title opens only with the secret from the URL plus the server secret; the
    // database holds neither the URL's secret nor the title in the clear.
    Key32::from_bytes(state.secret.blind_index(TITLE_PURPOSE, secret.as_bytes()))
}

fn title_aad(member: &str) -> Aad<'_> {
    Aad {
        kind: EnvelopeKind::Private,
        purpose: TITLE_PURPOSE,
        table: TABLE,
        row_id: member,
        owner: member,
        space: "",
        key_version: 0,
    }
}

fn new_secret() -> AppResult<String> {
    let mut bytes = [0u8; 32];
    fill_random(&mut bytes)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

fn url_of(state: &AppState, secret: &str) -> String {
    format!("{}/calendar/{secret}.ics", state.origin)
}

async fn write_feed(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    member_id: &str,
    secret: &Secret,
) -> AppResult<()> {
    let json = serde_json::to_vec(secret).map_err(|e| AppError::Internal(e.into()))?;
    let title_sealed = secret.title.as_ref().map(|t| {
        seal(
            &title_key(state, &secret.secret),
            &title_aad(member_id),
            t.as_bytes(),
        )
    });
    state
        .store
        .put_calendar_feed(&CalendarFeedRow {
            member_id: member_id.into(),
            space_id: space_id.into(),
            lookup: lookup(state, &secret.secret),
            secret_sealed: seal_private(
                &me.uk,
                SECRET_PURPOSE,
                TABLE,
                member_id,
                &me.user_id,
                &json,
            ),
            title_sealed,
            created_at: state.clock.now(),
        })
        .await?;
    Ok(())
}

async fn my_secret(state: &AppState, me: &SignedIn, member_id: &str) -> AppResult<Option<Secret>> {
    let Some(row) = state.store.calendar_feed_of(member_id).await? else {
        return Ok(None);
    };
    let plain = open_private(
        &me.uk,
        SECRET_PURPOSE,
        TABLE,
        member_id,
        &me.user_id,
        &row.secret_sealed,
    )?;
    Ok(Some(
        serde_json::from_slice(&plain).map_err(|e| AppError::Internal(e.into()))?,
    ))
}

fn view(state: &AppState, s: &Secret) -> CalendarView {
    CalendarView {
        url: url_of(state, &s.secret),
        title: s.title.clone().unwrap_or_else(|| DEFAULT_TITLE.into()),
    }
}

/// My feed address, created on first use.
pub async fn mine(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<CalendarView> {
    let m = membership(state, me, space_id).await?;
    if let Some(s) = my_secret(state, me, &m.member.id).await? {
        return Ok(view(state, &s));
    }
    let s = Secret {
        secret: new_secret()?,
        title: None,
    };
    write_feed(state, me, space_id, &m.member.id, &s).await?;
    Ok(view(state, &s))
}

/// A new secret address; the old one stops working at once. The title is kept.
pub async fn rotate(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<CalendarView> {
    let m = membership(state, me, space_id).await?;
    let title = my_secret(state, me, &m.member.id)
        .await?
        .and_then(|s| s.title);
    let s = Secret {
        secret: new_secret()?,
        title,
    };
    write_feed(state, me, space_id, &m.member.id, &s).await?;
    Ok(view(state, &s))
}

/// Sets the title entries carry (empty: the default "Check-in").
pub async fn set_title(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    title: &str,
) -> AppResult<CalendarView> {
    let m = membership(state, me, space_id).await?;
    let title = clean("title", "Title", title, 0, MAX_TITLE_CHARS, Lines::Single)?;
    let secret = match my_secret(state, me, &m.member.id).await? {
        Some(s) => s.secret,
        None => new_secret()?,
    };
    let s = Secret {
        secret,
        title: (!title.is_empty()).then_some(title),
    };
    write_feed(state, me, space_id, &m.member.id, &s).await?;
    Ok(view(state, &s))
}

/// The feed for a secret from a URL; `None` when no feed has it (answered as 404).
pub async fn feed(state: &AppState, secret: &str) -> AppResult<Option<String>> {
    if secret.len() != 43 {
        return Ok(None);
    }
    let Some(row) = state
        .store
        .calendar_feed_by_lookup(&lookup(state, secret))
        .await?
    else {
        return Ok(None);
    };
    let title = match &row.title_sealed {
        Some(sealed) => {
            let plain = open(
                &title_key(state, secret),
                &title_aad(&row.member_id),
                sealed,
            )?;
            String::from_utf8_lossy(&plain).into_owned()
        }
        None => DEFAULT_TITLE.into(),
    };
    let now = state.clock.now();
    let mut times = Vec::new();
    // D2: while the space is paused, nothing is scheduled: the feed lists no check-ins.
    if !is_paused(state, &row.space_id).await? {
        let (cadence, _) = cadence_of(state, &row.space_id).await?;
        let next = match state.store.latest_checkin_round(&row.space_id).await? {
            Some(r) if !is_revealed(r.revealed_at, r.closes_at, now) => r.starts_at.max(now),
            Some(r) if now < r.closes_at => r.closes_at,
            _ => now,
        };
        for i in 0..UPCOMING {
            times.push(next + i * cadence.secs());
        }
    }
    let uid_seed = hex_prefix(&row.lookup);
    Ok(Some(ics(&title, &uid_seed, now, &times)))
}

fn hex_prefix(bytes: &[u8]) -> String {
    bytes.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Escapes text for an iCalendar TEXT value (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A UTC date-time in iCalendar form (`20260131T183000Z`).
pub fn ical_time(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        secs / 3600,
        (secs % 3600) / 60,
        secs % 60
    )
}

/// Builds the calendar text: one 30-minute event per time, with a neutral title and no content.
fn ics(title: &str, uid_seed: &str, now: i64, times: &[i64]) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Attune//Reminders//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        format!("X-WR-CALNAME:{}", escape(title)),
    ];
    for t in times {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{uid_seed}-{t}@attune"));
        lines.push(format!("DTSTAMP:{}", ical_time(now)));
        lines.push(format!("DTSTART:{}", ical_time(*t)));
        lines.push(format!("DTEND:{}", ical_time(*t + 1800)));
        lines.push(format!("SUMMARY:{}", escape(title)));
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_written_in_utc() {
        assert_eq!(ical_time(0), "19700101T000000Z");
        assert_eq!(ical_time(951_782_400), "20000229T000000Z");
        assert_eq!(ical_time(1_767_225_599), "20251231T235959Z");
    }

    #[test]
    fn titles_are_escaped() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }
}
