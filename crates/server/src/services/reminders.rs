//! Reminders (E6) and background jobs: a jobs table that several server instances can share
//! (each job is claimed with a lease), the expiry sweep, and optional e-mail reminders with
//! neutral text. While a space is paused its reminders wait (D2).

use attune_crypto::{Aad, EnvelopeKind, Key32, open, seal};
use attune_store::Store;
use attune_store::rows::{CheckinRoundRow, JobRow, ReminderEmailRow};
use std::collections::BTreeSet;

use super::pause::is_paused;
use super::sessions::SignedIn;
use super::spaces::membership;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The id of the one recurring sweep job.
pub const SWEEP_JOB: &str = "sweep";
/// How often the sweep runs.
pub const SWEEP_EVERY_SECS: i64 = 60;
/// How long a claimed job is held before another instance may take it over.
pub const LEASE_SECS: i64 = 120;
/// How long a reminder waits while its space is paused before looking again.
pub const PAUSED_RETRY_SECS: i64 = 3600;
/// A reminder goes out this long before a round closes (or when it opens, if shorter).
pub const REMIND_BEFORE_CLOSE_SECS: i64 = 2 * 24 * 3600;
/// The longest e-mail address accepted.
pub const MAX_ADDRESS_CHARS: usize = 254;

/// The neutral subject and body of a reminder e-mail (invariant 10): no names, no content.
pub const MAIL_SUBJECT: &str = "A gentle reminder";
/// See [`MAIL_SUBJECT`].
pub const MAIL_BODY: &str = "Hello,\r\n\r\nThis is the reminder you asked for. Open the app when it suits you.\r\n\r\nYou can turn these e-mails off in the app at any time.\r\n";

const ADDRESS_PURPOSE: &str = "reminder-address";

fn address_aad(member: &str) -> Aad<'_> {
    Aad {
        kind: EnvelopeKind::Private,
        purpose: ADDRESS_PURPOSE,
        table: "reminder_emails",
        row_id: member,
        owner: member,
        space: "",
        key_version: 0,
    }
}

fn address_key(state: &AppState, member: &str) -> Key32 {
    // SECURITY: a server-held key (derived from the server secret): reminders go out while nobody
    // is signed in, so the server must open the address alone. A database or backup thief
    // without the secret file still reads nothing. Documented in docs/CRYPTO.md.
    Key32::from_bytes(state.secret.blind_index(ADDRESS_PURPOSE, member.as_bytes()))
}

/// Schedules the reminder of a newly opened round.
pub async fn round_opened(state: &AppState, round: &CheckinRoundRow) -> AppResult<()> {
    let run_at = (round.closes_at - REMIND_BEFORE_CLOSE_SECS).max(round.starts_at);
    state
        .store
        .schedule_job(&JobRow {
            id: format!("checkin-reminder/{}", round.id),
            kind: "checkin-reminder".into(),
            space_id: Some(round.space_id.clone()),
            run_at,
            lease_until: None,
            claimed_by: None,
            attempts: 0,
        })
        .await?;
    Ok(())
}

/// Whether e-mail reminders are on for me, and to which address (only I ever see it).
pub async fn my_email(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
) -> AppResult<Option<String>> {
    let m = membership(state, me, space_id).await?;
    match state.store.reminder_email_of(&m.member.id).await? {
        Some(row) => Ok(Some(open_address(state, &row)?)),
        None => Ok(None),
    }
}

fn open_address(state: &AppState, row: &ReminderEmailRow) -> AppResult<String> {
    let plain = open(
        &address_key(state, &row.member_id),
        &address_aad(&row.member_id),
        &row.address_sealed,
    )?;
    Ok(String::from_utf8_lossy(&plain).into_owned())
}

/// Turns e-mail reminders on (with an address) or off (`None`).
pub async fn set_email(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    address: Option<&str>,
) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    let Some(address) = address.map(str::trim).filter(|a| !a.is_empty()) else {
        state.store.delete_reminder_email(&m.member.id).await?;
        return Ok(());
    };
    if state.config.smtp_url.is_none() {
        return Err(AppError::Conflict(
            "This server doesn't send e-mail. The calendar feed works without it.".into(),
        ));
    }
    let valid = address.chars().count() <= MAX_ADDRESS_CHARS
        && !address.chars().any(|c| c.is_control() || c.is_whitespace())
        && address.parse::<lettre::Address>().is_ok();
    if !valid {
        return Err(AppError::invalid(
            "email",
            "That doesn't look like an e-mail address.",
        ));
    }
    let sealed = seal(
        &address_key(state, &m.member.id),
        &address_aad(&m.member.id),
        address.as_bytes(),
    );
    state
        .store
        .put_reminder_email(&ReminderEmailRow {
            member_id: m.member.id,
            space_id: space_id.into(),
            address_sealed: sealed,
            created_at: state.clock.now(),
        })
        .await?;
    Ok(())
}

/// Makes sure the recurring sweep job exists.
pub async fn ensure_sweep(store: &dyn Store, now: i64) -> AppResult<()> {
    if store.job(SWEEP_JOB).await?.is_none() {
        store
            .schedule_job(&JobRow {
                id: SWEEP_JOB.into(),
                kind: "sweep".into(),
                space_id: None,
                run_at: now,
                lease_until: None,
                claimed_by: None,
                attempts: 0,
            })
            .await?;
    }
    Ok(())
}

/// Claims and runs every job due now; returns how many ran. Safe to call from several instances.
pub async fn run_due_jobs(state: &AppState, worker: &str) -> AppResult<usize> {
    let mut ran = 0;
    loop {
        let now = state.clock.now();
        let Some(job) = state
            .store
            .claim_due_job(now, now + LEASE_SECS, worker)
            .await?
        else {
            return Ok(ran);
        };
        ran += 1;
        if let Err(e) = run_job(state, worker, &job).await {
            // Log the kind only: ids name spaces.
            tracing::warn!(kind = %job.kind, error = %e, "a job failed; it will be retried");
            state
                .store
                .reschedule_job(&job.id, worker, now + SWEEP_EVERY_SECS * 5)
                .await?;
        }
    }
}

async fn run_job(state: &AppState, worker: &str, job: &JobRow) -> AppResult<()> {
    let now = state.clock.now();
    match job.kind.as_str() {
        "sweep" => {
            super::consent::sweep(state).await?;
            state.store.checkpoint().await?;
            state
                .store
                .reschedule_job(&job.id, worker, now + SWEEP_EVERY_SECS)
                .await?;
        }
        "checkin-reminder" => {
            let space = job.space_id.clone().unwrap_or_default();
            // D2: a pause suspends anything scheduled; the reminder waits and looks again.
            if is_paused(state, &space).await? {
                state
                    .store
                    .reschedule_job(&job.id, worker, now + PAUSED_RETRY_SECS)
                    .await?;
                return Ok(());
            }
            remind(
                state,
                &space,
                job.id.trim_start_matches("checkin-reminder/"),
            )
            .await?;
            state.store.finish_job(&job.id, worker).await?;
        }
        _ => {
            state.store.finish_job(&job.id, worker).await?;
        }
    }
    Ok(())
}

/// E-mails members who asked for reminders and have not yet answered the round.
async fn remind(state: &AppState, space_id: &str, round_id: &str) -> AppResult<()> {
    let Some(smtp) = state.config.smtp_url.as_deref() else {
        return Ok(());
    };
    let Some(round) = state.store.checkin_round(space_id, round_id).await? else {
        return Ok(());
    };
    if round.revealed_at.is_some() || state.clock.now() >= round.closes_at {
        return Ok(());
    }
    let answered: BTreeSet<String> = state
        .store
        .checkin_answers_of(round_id)
        .await?
        .into_iter()
        .map(|a| a.member_id)
        .collect();
    for row in state.store.reminder_emails_of(space_id).await? {
        if answered.contains(&row.member_id) {
            continue;
        }
        let to = open_address(state, &row)?;
        super::mail::send(smtp, state.config.mail_from.as_deref(), &to).await?;
    }
    Ok(())
}
