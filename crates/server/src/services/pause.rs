//! The pause signal (D2, invariant 1): any member pauses the space alone, at once, without a
//! reason; only they can lift their pause; a 10-second undo catches an accidental tap.

use attune_domain::consent::{can_undo, revisit_at};
use attune_store::rows::PauseRow;
use serde::Serialize;
use utoipa::ToSchema;

use super::consent::quiet_length;
use super::people::People;
use super::sessions::SignedIn;
use super::spaces::{Membership, membership};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// One member's pause, as members see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PauseItem {
    /// Who paused.
    pub by: String,
    /// Whether it was me (only I can lift it).
    pub by_me: bool,
    /// When (Unix seconds).
    pub paused_at: i64,
    /// The proposed time to revisit (Unix seconds).
    pub revisit_at: i64,
    /// Whether the one-tap undo is still offered (the first 10 seconds).
    pub can_undo: bool,
}

/// Whether a space is paused, and by whom.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PauseView {
    /// True while any member's pause stands.
    pub paused: bool,
    /// Every standing pause, oldest first.
    pub pauses: Vec<PauseItem>,
}

impl PauseView {
    /// My own pause, if I have one.
    pub fn mine(&self) -> Option<&PauseItem> {
        self.pauses.iter().find(|p| p.by_me)
    }
}

/// The pause state of a space as `m` sees it.
pub async fn view_of(state: &AppState, m: &mut Membership) -> AppResult<PauseView> {
    let rows = state.store.pauses_of(&m.space.id).await?;
    let now = state.clock.now();
    let people = if rows.is_empty() {
        None
    } else {
        Some(People::of(state, m).await?)
    };
    let pauses: Vec<PauseItem> = rows
        .into_iter()
        .map(|r| PauseItem {
            by: people
                .as_ref()
                .map(|p| p.name(&r.member_id))
                .unwrap_or_default(),
            by_me: r.member_id == m.member.id,
            paused_at: r.paused_at,
            revisit_at: r.revisit_at,
            can_undo: r.member_id == m.member.id && can_undo(r.paused_at, now),
        })
        .collect();
    Ok(PauseView {
        paused: !pauses.is_empty(),
        pauses,
    })
}

/// Whether the space is paused (used to suspend scheduled things).
pub async fn is_paused(state: &AppState, space_id: &str) -> AppResult<bool> {
    Ok(!state.store.pauses_of(space_id).await?.is_empty())
}

/// The pause state of a space, for one of its members.
pub async fn view(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<PauseView> {
    let mut m = membership(state, me, space_id).await?;
    view_of(state, &mut m).await
}

/// Pauses the space for everyone, at once. Pausing again keeps the first pause.
pub async fn pause(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    proposed_revisit: Option<i64>,
) -> AppResult<PauseView> {
    let mut m = membership(state, me, space_id).await?;
    let now = state.clock.now();
    // SECURITY: invariant 1: nothing is checked here beyond membership and a sane revisit time;
    // no reason is asked and nobody has to agree.
    let revisit = revisit_at(now, proposed_revisit)?;
    state
        .store
        .pause_space(&PauseRow {
            space_id: space_id.into(),
            member_id: m.member.id.clone(),
            paused_at: now,
            revisit_at: revisit,
        })
        .await?;
    view_of(state, &mut m).await
}

/// What lifting did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifted {
    /// Undone within the first seconds: as if it never happened.
    Undone,
    /// Lifted; the pauser's quiet period begins (D3).
    Lifted,
    /// I had no pause; nobody else's was touched.
    NothingOfMine,
}

/// Lifts my own pause. Someone else's pause can never be lifted by me (409).
pub async fn lift(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<Lifted> {
    let m = membership(state, me, space_id).await?;
    let now = state.clock.now();
    let pauses = state.store.pauses_of(space_id).await?;
    let Some(mine) = pauses.iter().find(|p| p.member_id == m.member.id) else {
        if pauses.is_empty() {
            return Ok(Lifted::NothingOfMine);
        }
        // SECURITY: only the member who paused can lift it (D2).
        return Err(AppError::Conflict(
            "Only the person who paused can lift the pause. It stays until they do.".into(),
        ));
    };
    let undo = can_undo(mine.paused_at, now);
    state.store.lift_pause(space_id, &m.member.id).await?;
    if undo {
        return Ok(Lifted::Undone);
    }
    let len = quiet_length(state, space_id, &m.member.id).await?;
    state
        .store
        .start_quiet(space_id, &m.member.id, now + len)
        .await?;
    Ok(Lifted::Lifted)
}
