//! Rows for plans, confirmations, debriefs, follow-ups and the desire log (F1–F5).

/// One plan. Everything people wrote is inside `sealed` (a shared envelope).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanRow {
    pub id: String,
    pub space_id: String,
    /// Who proposed it; `None` once they have left.
    pub proposed_by: Option<String>,
    pub proposed_at: i64,
    /// The planned time.
    pub at: i64,
    /// The plan's own intensity ceiling, 1–4.
    pub ceiling: i64,
    /// 1 when it asks every member to agree to a bigger step than gradual progression allows.
    pub bigger_step: i64,
    pub sealed: Vec<u8>,
    pub withdrawn_at: Option<i64>,
    pub debriefs_revealed_at: Option<i64>,
}

/// One member's explicit confirmation of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanConfirmationRow {
    pub plan_id: String,
    pub member_id: String,
    pub confirmed_at: i64,
    /// 1 when they also agreed to the plan's bigger step.
    pub bigger_step: i64,
}

/// One member's debrief of a plan: a server-enforced envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DebriefRow {
    pub plan_id: String,
    pub member_id: String,
    pub sealed: Vec<u8>,
    pub submitted_at: i64,
    pub updated_at: i64,
}

/// A follow-up written from a debrief (shared envelope).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUpRow {
    pub id: String,
    pub plan_id: String,
    pub space_id: String,
    pub member_id: Option<String>,
    pub created_at: i64,
    pub sealed: Vec<u8>,
}

/// A line of the desire log, shared (`consented_at` set) or waiting for its author's consent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntryRow {
    pub id: String,
    pub space_id: String,
    /// Whose words these are; `None` once they have left (shared lines only).
    pub author_member_id: Option<String>,
    /// Who put the line forward.
    pub added_by: Option<String>,
    pub created_at: i64,
    /// When the author consented; `None` while waiting.
    pub consented_at: Option<i64>,
    pub sealed: Vec<u8>,
}
