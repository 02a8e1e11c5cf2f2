//! Plans, experiments and debriefs (F1–F5).
//!
//! - [`input`]: what a plan holds, as typed, and its checks.
//! - [`body`]: the plan's shared envelope.
//! - [`context`]: what the space may plan right now: matches, limits, "go slower", the pause,
//!   and what it has already done (gradual progression, reflection interval).
//! - [`plan`]: propose, confirm, withdraw, view and list.
//! - [`debriefs`]: sealed debriefs, shown side by side once everyone wrote theirs; follow-ups.
//! - [`log`]: the desire log, with each line from a debrief shared only with its author's consent.

pub mod body;
pub mod context;
pub mod debriefs;
pub mod input;
pub mod log;
pub mod plan;

/// The one message for an activity that can't be planned: the same whether it is someone's
/// declared limit, no longer a match, or was never one, so the refusal reveals no private answer.
pub const CANT_BE_PLANNED: &str = "One of these activities can't be planned right now. Plans can only hold what your latest reveal showed you all want, as things stand today.";
