//! Storage for consent now (D1), the pause signal (D2), quiet periods after a decline (D3),
//! "go slower" (D4) and invitations for closeness (E5). Rows only; the rules live in services.

use crate::Result;
use crate::rows::*;

/// Consent-now storage. Part of [`crate::Store`].
#[async_trait::async_trait]
pub trait ConsentStore {
    /// Sets a member's "tonight" state, replacing any earlier one.
    async fn put_consent_now(&self, row: &ConsentNowRow) -> Result<()>;
    /// Clears a member's state; `false` if there was none.
    async fn delete_consent_now(&self, space_id: &str, member_id: &str) -> Result<bool>;
    /// The states of a space that have not expired at `now`, oldest first.
    async fn consent_now_of_space(&self, space_id: &str, now: i64) -> Result<Vec<ConsentNowRow>>;
    /// Deletes every consent-now state and invitation that expired at or before `now`; returns
    /// how many rows went.
    async fn sweep_expired_consent(&self, now: i64) -> Result<u64>;

    /// Records a member's pause. `false` (writing nothing) if they already have one.
    async fn pause_space(&self, row: &PauseRow) -> Result<bool>;
    /// Lifts the member's own pause; `false` if they had none. Nobody else's pause is touched.
    async fn lift_pause(&self, space_id: &str, member_id: &str) -> Result<bool>;
    /// The pauses of a space, oldest first.
    async fn pauses_of(&self, space_id: &str) -> Result<Vec<PauseRow>>;

    /// Starts (or extends) a member's quiet period up to `until_at`; never shortens one.
    async fn start_quiet(&self, space_id: &str, member_id: &str, until_at: i64) -> Result<()>;
    /// Ends a member's quiet period at once (only they may ask for this).
    async fn end_quiet(&self, space_id: &str, member_id: &str) -> Result<()>;
    /// Sets how long a member's quiet periods last (`None`: the default).
    async fn set_quiet_length(
        &self,
        space_id: &str,
        member_id: &str,
        secs: Option<i64>,
    ) -> Result<()>;
    /// Quiet rows of a space, by member id.
    async fn quiet_of_space(&self, space_id: &str) -> Result<Vec<QuietRow>>;

    /// Sets a member's "go slower" ceiling (insert or replace).
    async fn set_slower(&self, row: &SlowerRow) -> Result<()>;
    /// Lifts the member's own "go slower"; `false` if they had none.
    async fn lift_slower(&self, space_id: &str, member_id: &str) -> Result<bool>;
    /// The "go slower" signals of a space, oldest first.
    async fn slower_of_space(&self, space_id: &str) -> Result<Vec<SlowerRow>>;

    /// Stores a new invitation.
    async fn create_invitation(&self, row: &InvitationRow) -> Result<()>;
    /// Answers an open, unexpired invitation addressed to `to_member`; `false` otherwise.
    async fn answer_invitation(
        &self,
        space_id: &str,
        id: &str,
        to_member: &str,
        answer: &str,
        now: i64,
    ) -> Result<bool>;
    /// Invitations of a space that have not expired at `now`, newest first.
    async fn invitations_of_space(&self, space_id: &str, now: i64) -> Result<Vec<InvitationRow>>;
}
