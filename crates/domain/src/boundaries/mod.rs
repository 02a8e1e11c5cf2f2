//! Boundaries and the space agreement (SPEC C1–C5). Pure rules: no storage, no clock.
//!
//! - [`boundary`]: a member's hard or soft limit, with conditions for soft limits (C1).
//! - [`direction`]: what counts as tightening (alone, at once) or loosening (everyone) (C3).
//! - [`agreement`]: the space agreement's sections, limits and starting prompts (C2).
//! - [`confirm`]: when a pending change applies: only once every member confirmed (invariant 2).
//! - [`diff`]: the differences between two versions, line by line (C4).
//! - [`review`]: review dates and "something changed in our life" (C5).

pub mod agreement;
pub mod boundary;
pub mod confirm;
pub mod diff;
pub mod direction;
pub mod review;
