//! Storage for the check-in forum (E1, E2), calendar feeds and e-mail reminders (E6), and the
//! jobs table that background work is claimed from.

use crate::Result;
use crate::rows::*;

/// Check-in and reminder storage. Part of [`crate::Store`].
#[async_trait::async_trait]
pub trait CheckinStore {
    /// The space's agreed cadence (`weekly`, `fortnightly`, `monthly`); `None`: the default.
    async fn checkin_cadence(&self, space_id: &str) -> Result<Option<String>>;
    /// Records one member's choice of cadence (insert or replace); nothing if not a member.
    async fn choose_checkin_cadence(
        &self,
        space_id: &str,
        member_id: &str,
        cadence: &str,
        at: i64,
    ) -> Result<()>;
    /// The current choices `(member id, cadence)`, oldest first.
    async fn checkin_cadence_choices(&self, space_id: &str) -> Result<Vec<(String, String)>>;
    /// In one transaction: if the space has at least two members and every one of them chose
    /// `cadence`, makes it the space's cadence, clears the choices and returns `true`; otherwise
    /// writes nothing and returns `false`.
    async fn settle_checkin_cadence(&self, space_id: &str, cadence: &str) -> Result<bool>;

    /// The newest check-in round of a space.
    async fn latest_checkin_round(&self, space_id: &str) -> Result<Option<CheckinRoundRow>>;
    /// One round of a space.
    async fn checkin_round(&self, space_id: &str, id: &str) -> Result<Option<CheckinRoundRow>>;
    /// Every round of a space, oldest first.
    async fn checkin_rounds_of(&self, space_id: &str) -> Result<Vec<CheckinRoundRow>>;
    /// Creates a round; `Conflict` if the space already has one with that number.
    async fn create_checkin_round(&self, row: &CheckinRoundRow) -> Result<()>;
    /// Writes (or rewrites) a member's answers, but only while the round is still sealed: not
    /// revealed and `now` before `closes_at`. Returns `false`, writing nothing, otherwise. On
    /// PostgreSQL the round row is locked first, so a reveal cannot slip in between.
    async fn put_checkin_answer(&self, row: &CheckinAnswerRow, now: i64) -> Result<bool>;
    /// Reveals a round if every current member of its space has submitted; returns whether it
    /// is revealed now (also `true` if it already was).
    async fn reveal_checkin_round_if_complete(&self, round_id: &str, at: i64) -> Result<bool>;
    /// The answers of a round, ordered by member id.
    async fn checkin_answers_of(&self, round_id: &str) -> Result<Vec<CheckinAnswerRow>>;

    /// Creates or replaces a member's calendar feed.
    async fn put_calendar_feed(&self, row: &CalendarFeedRow) -> Result<()>;
    /// A member's calendar feed.
    async fn calendar_feed_of(&self, member_id: &str) -> Result<Option<CalendarFeedRow>>;
    /// The feed whose secret has this blind index.
    async fn calendar_feed_by_lookup(&self, lookup: &[u8]) -> Result<Option<CalendarFeedRow>>;

    /// Turns e-mail reminders on for a member (insert or replace).
    async fn put_reminder_email(&self, row: &ReminderEmailRow) -> Result<()>;
    /// Turns them off; `false` if they were off.
    async fn delete_reminder_email(&self, member_id: &str) -> Result<bool>;
    /// The e-mail opt-ins of a space.
    async fn reminder_emails_of(&self, space_id: &str) -> Result<Vec<ReminderEmailRow>>;
    /// A member's e-mail opt-in.
    async fn reminder_email_of(&self, member_id: &str) -> Result<Option<ReminderEmailRow>>;

    /// Adds a job, or moves an unclaimed job with the same id to a new `run_at`.
    async fn schedule_job(&self, row: &JobRow) -> Result<()>;
    /// Claims one due job (run_at ≤ now, no live lease) for `worker` until `lease_until`, with a
    /// conditional update, so two instances never hold the same job. `None` if nothing is due.
    async fn claim_due_job(
        &self,
        now: i64,
        lease_until: i64,
        worker: &str,
    ) -> Result<Option<JobRow>>;
    /// Deletes a job this worker holds; `false` if the lease was lost.
    async fn finish_job(&self, id: &str, worker: &str) -> Result<bool>;
    /// Releases a held job to run again at `run_at`; `false` if the lease was lost.
    async fn reschedule_job(&self, id: &str, worker: &str, run_at: i64) -> Result<bool>;
    /// A job by id (tests and the admin check).
    async fn job(&self, id: &str) -> Result<Option<JobRow>>;
}
