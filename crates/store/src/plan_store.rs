//! Storage for plans, confirmations, debriefs, follow-ups and the desire log (F1–F5).

use crate::Result;
use crate::rows::*;

/// Plan storage. Part of [`crate::Store`].
#[async_trait::async_trait]
pub trait PlanStore {
    /// Creates a plan.
    async fn create_plan(&self, row: &PlanRow) -> Result<()>;
    /// One plan of a space.
    async fn plan(&self, space_id: &str, id: &str) -> Result<Option<PlanRow>>;
    /// Every plan of a space, newest first.
    async fn plans_of(&self, space_id: &str) -> Result<Vec<PlanRow>>;
    /// Withdraws a plan at `at` (keeping an earlier withdrawal time). `false` if there is no such
    /// plan. Never refuses otherwise: withdrawal always wins.
    async fn withdraw_plan(&self, space_id: &str, id: &str, at: i64) -> Result<bool>;
    /// Records a member's confirmation (insert or replace) only while the plan is not withdrawn
    /// and the member belongs to its space; returns whether it was written.
    async fn confirm_plan(&self, row: &PlanConfirmationRow) -> Result<bool>;
    /// The confirmations of a plan, by member id.
    async fn plan_confirmations(&self, plan_id: &str) -> Result<Vec<PlanConfirmationRow>>;
    /// Writes (or rewrites) a member's debrief, only while the plan's debriefs are sealed;
    /// returns whether it was written. On PostgreSQL the plan row is locked first.
    async fn put_plan_debrief(&self, row: &DebriefRow) -> Result<bool>;
    /// Reveals a plan's debriefs if every current member of its space has submitted; returns
    /// whether they are revealed now (also `true` if they already were).
    async fn reveal_plan_debriefs_if_complete(&self, plan_id: &str, at: i64) -> Result<bool>;
    /// The debriefs of a plan, ordered by member id.
    async fn plan_debriefs(&self, plan_id: &str) -> Result<Vec<DebriefRow>>;
    /// Adds a follow-up.
    async fn add_follow_up(&self, row: &FollowUpRow) -> Result<()>;
    /// The follow-ups of a plan, oldest first.
    async fn follow_ups_of(&self, plan_id: &str) -> Result<Vec<FollowUpRow>>;
    /// Adds a log line: to the shared log if `consented_at` is set, else as waiting for consent.
    async fn add_log_entry(&self, row: &LogEntryRow) -> Result<()>;
    /// The shared log of a space, newest first.
    async fn log_entries(&self, space_id: &str) -> Result<Vec<LogEntryRow>>;
    /// The lines waiting for their author's consent, oldest first.
    async fn pending_log_entries(&self, space_id: &str) -> Result<Vec<LogEntryRow>>;
    /// Moves a waiting line into the shared log, in one transaction, only when `author` is its
    /// author. `false` if there was no such line.
    async fn consent_log_entry(
        &self,
        space_id: &str,
        id: &str,
        author: &str,
        at: i64,
    ) -> Result<bool>;
    /// Deletes a waiting line, when `member` is its author or the one who put it forward.
    async fn decline_log_entry(&self, space_id: &str, id: &str, member: &str) -> Result<bool>;
}
