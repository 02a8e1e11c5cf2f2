//! Rows for consent now, the pause signal, invitations, check-ins and reminders.

/// One member's "tonight" state (D1): a shared envelope that the sweep deletes at `expires_at`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsentNowRow {
    pub space_id: String,
    pub member_id: String,
    pub sealed: Vec<u8>,
    pub set_at: i64,
    pub expires_at: i64,
}

/// One member's pause of a space (D2). The space is paused while any exists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PauseRow {
    pub space_id: String,
    pub member_id: String,
    pub paused_at: i64,
    /// The revisit time proposed when pausing.
    pub revisit_at: i64,
}

/// A member's quiet period after a decline (D3) and their chosen length for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuietRow {
    pub space_id: String,
    pub member_id: String,
    /// No "ask again" towards this member before this time; `None` when not in a quiet period.
    pub until_at: Option<i64>,
    /// How long their quiet periods last; `None` means the default.
    pub cooling_secs: Option<i64>,
}

/// A "go slower" signal (D4): an intensity ceiling until its setter lifts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlowerRow {
    pub space_id: String,
    pub member_id: String,
    /// 1 gentle … 4 intense.
    pub ceiling: i64,
    pub set_at: i64,
}

/// A gentle invitation for closeness (E5). No text; `answer` is `None` while open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvitationRow {
    pub id: String,
    pub space_id: String,
    pub from_member: String,
    pub to_member: String,
    /// `yes` or `no` once answered.
    pub answer: Option<String>,
    pub created_at: i64,
    pub expires_at: i64,
}

/// A check-in round (E1, E2): sealed until `revealed_at` is set or `closes_at` has passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckinRoundRow {
    pub id: String,
    pub space_id: String,
    /// Counts up from 1 within a space.
    pub number: i64,
    pub starts_at: i64,
    pub closes_at: i64,
    pub revealed_at: Option<i64>,
}

/// One member's answers to one round: a server-enforced envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckinAnswerRow {
    pub round_id: String,
    pub member_id: String,
    pub sealed: Vec<u8>,
    pub submitted_at: i64,
    pub updated_at: i64,
}

/// A member's private calendar feed (E6). The secret itself is not stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarFeedRow {
    pub member_id: String,
    pub space_id: String,
    /// A blind index of the secret, to find the row from the feed URL.
    pub lookup: Vec<u8>,
    /// The secret in a private envelope, so its owner can see their URL again.
    pub secret_sealed: Vec<u8>,
    /// An optional title sealed under a key derived from the secret.
    pub title_sealed: Option<Vec<u8>>,
    pub created_at: i64,
}

/// A member's opt-in to e-mail reminders (E6); the address is sealed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderEmailRow {
    pub member_id: String,
    pub space_id: String,
    pub address_sealed: Vec<u8>,
    pub created_at: i64,
}

/// A unit of background work. Claimed with a lease so several instances never run it twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobRow {
    pub id: String,
    /// What to do, e.g. `sweep` or `checkin-reminder`.
    pub kind: String,
    pub space_id: Option<String>,
    pub run_at: i64,
    pub lease_until: Option<i64>,
    pub claimed_by: Option<String>,
    pub attempts: i64,
}
