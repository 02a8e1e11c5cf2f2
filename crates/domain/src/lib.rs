//! Attune's rules and types. No I/O, no async, no clock: callers pass `now` in.
//!
//! - [`text`]: shared rules for any text a person types (limits, control characters).
//! - [`account`]: usernames and passwords.
//! - [`space`]: space names, display names, pronouns, and membership limits.
//! - [`session`]: when a session is still alive.
//! - [`throttle`]: how long to wait after failed logins.
//! - [`invite`]: when an invite may still be used.
//! - [`consent`]: consent now, the pause, quiet after a decline, "go slower", invitations.
//! - [`checkin`]: check-in cadence, prompts, ground rules and the sealing rule.
//! - [`plan`]: plans: the safety checklist, gradual progression, reflection, plan status.
//! - [`debrief`]: debrief questions, the sealing rule, "good" debriefs, desire-log kinds.
//! - [`inventory`]: the desire inventory: catalog, ratings, matching, honesty guard.
//! - [`boundaries`]: boundaries, the space agreement, pending changes, history diffs, review.

pub mod account;
pub mod boundaries;
pub mod checkin;
pub mod consent;
pub mod debrief;
pub mod error;
pub mod inventory;
pub mod invite;
pub mod plan;
pub mod session;
pub mod space;
pub mod text;
pub mod throttle;

mod common_passwords;

pub use error::{DomainError, FieldError};

/// Seconds since the Unix epoch. The domain never reads a clock; callers pass this in.
pub type UnixTime = i64;
