//! The cooling period between reveal rounds (B5): default 7 days, chosen together. Each member
//! states the period they want; it changes only when every member has chosen the same one.
//! Nothing is ever decided by silence.

use serde::Serialize;
use utoipa::ToSchema;

use super::rounds::DEFAULT_COOLING_SECS;
use crate::error::{AppError, AppResult};
use crate::services::sessions::SignedIn;
use crate::services::spaces::membership;
use crate::state::AppState;

const DAY: i64 = 24 * 60 * 60;
/// The longest cooling period, in days.
pub const MAX_DAYS: i64 = 90;

/// One member's stated choice.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoolingChoice {
    /// Who chose.
    pub member_id: String,
    /// The period they want, in days.
    pub days: i64,
}

/// The cooling period and any change on the table.
#[derive(Debug, Serialize, ToSchema)]
pub struct CoolingView {
    /// The period in force, in days.
    pub days: i64,
    /// What members have asked for since the last change. Empty when nobody wants a change.
    pub choices: Vec<CoolingChoice>,
}

/// The cooling period in force and the pending choices.
pub async fn cooling(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<CoolingView> {
    membership(state, me, space_id).await?;
    let secs = state
        .store
        .round_cooling(space_id)
        .await?
        .unwrap_or(DEFAULT_COOLING_SECS);
    let choices = state
        .store
        .round_cooling_choices(space_id)
        .await?
        .into_iter()
        .map(|(member_id, secs)| CoolingChoice {
            member_id,
            days: secs / DAY,
        })
        .collect();
    Ok(CoolingView {
        days: secs / DAY,
        choices,
    })
}

/// States the period I want. Returns `true` if that made everyone agree, so it now applies.
pub async fn choose_cooling(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    days: i64,
) -> AppResult<bool> {
    let m = membership(state, me, space_id).await?;
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(AppError::invalid(
            "days",
            format!("Choose a cooling period from 1 to {MAX_DAYS} days."),
        ));
    }
    let secs = days * DAY;
    state
        .store
        .choose_round_cooling(space_id, &m.member.id, secs, state.clock.now())
        .await?;
    Ok(state.store.settle_round_cooling(space_id, secs).await?)
}
