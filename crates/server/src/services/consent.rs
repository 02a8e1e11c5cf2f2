//! Consent now (D1), the quiet period after a decline (D3) and "go slower" (D4). A "tonight"
//! state is a shared envelope that lasts hours and is then deleted by the sweep.

use attune_domain::consent::{
    DEFAULT_QUIET_HOURS, Light, ceiling, quiet_secs, space_ceiling, tonight_expiry, tonight_text,
};
use attune_store::rows::{ConsentNowRow, SlowerRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::keys::Place;
use super::people::People;
use super::sessions::SignedIn;
use super::spaces::{Membership, membership};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

const PURPOSE: &str = "consent-now";
const TABLE: &str = "consent_now";

/// What a "tonight" envelope holds.
#[derive(Debug, Serialize, Deserialize)]
struct Tonight {
    light: Light,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    good: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    off: Option<String>,
}

/// One member's current state, as members see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TonightView {
    /// The member's id in this space.
    pub member_id: String,
    /// Their display name.
    pub name: String,
    /// Whether it is mine.
    pub is_me: bool,
    /// `green`, `yellow` or `red`.
    pub light: String,
    /// What feels good tonight, if said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub good: Option<String>,
    /// What is off the table tonight, if said.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub off: Option<String>,
    /// When it is deleted (Unix seconds).
    pub expires_at: i64,
}

/// A member's "go slower" signal.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SlowerView {
    /// Who set it.
    pub name: String,
    /// Whether it is mine (only I can lift it).
    pub is_me: bool,
    /// The highest intensity (1 gentle … 4) for new plans while it stands.
    pub ceiling: u8,
}

/// Everything "consent now" shows a member.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConsentNowView {
    /// Current states of all members that have not expired.
    pub states: Vec<TonightView>,
    /// "Go slower" signals.
    pub slower: Vec<SlowerView>,
    /// The intensity ceiling for new plans (the lowest set), if any.
    pub ceiling: Option<u8>,
    /// How long my quiet period after a decline lasts, in hours.
    pub my_quiet_hours: i64,
    /// Until when my quiet period runs, if one is running (Unix seconds).
    pub my_quiet_until: Option<i64>,
}

/// The input for setting my state.
pub struct TonightInput<'a> {
    /// `green`, `yellow` or `red`.
    pub light: &'a str,
    /// What feels good tonight.
    pub good: Option<&'a str>,
    /// What is off the table tonight.
    pub off: Option<&'a str>,
    /// How many hours it lasts (default 12).
    pub hours: Option<i64>,
}

/// The length of a member's quiet period in seconds (their choice or 24 h).
pub async fn quiet_length(state: &AppState, space_id: &str, member_id: &str) -> AppResult<i64> {
    let rows = state.store.quiet_of_space(space_id).await?;
    Ok(rows
        .iter()
        .find(|q| q.member_id == member_id)
        .and_then(|q| q.cooling_secs)
        .unwrap_or(DEFAULT_QUIET_HOURS * 3600))
}

/// Starts a member's quiet period now (after a red light or a declined invitation).
pub async fn start_quiet(state: &AppState, space_id: &str, member_id: &str) -> AppResult<()> {
    let len = quiet_length(state, space_id, member_id).await?;
    let until = state.clock.now() + len;
    Ok(state.store.start_quiet(space_id, member_id, until).await?)
}

/// Whether a member is in a quiet period at `now` (nobody may ask them again).
pub async fn is_quiet(state: &AppState, space_id: &str, member_id: &str) -> AppResult<bool> {
    let now = state.clock.now();
    Ok(state
        .store
        .quiet_of_space(space_id)
        .await?
        .iter()
        .any(|q| q.member_id == member_id && q.until_at.is_some_and(|u| u > now)))
}

/// Sets my state for tonight.
pub async fn set(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    input: TonightInput<'_>,
) -> AppResult<ConsentNowView> {
    // SECURITY: membership first, so a stranger gets 404 whatever they send.
    let mut m = membership(state, me, space_id).await?;
    let light = Light::parse(input.light)?;
    let good = tonight_text("good", "What feels good", input.good)?;
    let off = tonight_text("off", "What's off the table", input.off)?;
    let now = state.clock.now();
    let expires_at = tonight_expiry(now, input.hours)?;
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    let json = serde_json::to_vec(&Tonight { light, good, off })
        .map_err(|e| AppError::Internal(e.into()))?;
    let member = m.member.id.clone();
    let place = Place {
        purpose: PURPOSE,
        table: TABLE,
        row: &member,
        owner: &member,
    };
    let sealed = m.keys.seal_with(&rk, version, place, &json);
    state
        .store
        .put_consent_now(&ConsentNowRow {
            space_id: space_id.into(),
            member_id: member.clone(),
            sealed,
            set_at: now,
            expires_at,
        })
        .await?;
    if light.is_decline() {
        start_quiet(state, space_id, &member).await?;
    }
    view_of(state, &mut m).await
}

/// Clears my state at once.
pub async fn clear(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    state
        .store
        .delete_consent_now(space_id, &m.member.id)
        .await?;
    Ok(())
}

/// Everything "consent now" shows me.
pub async fn view(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<ConsentNowView> {
    let mut m = membership(state, me, space_id).await?;
    view_of(state, &mut m).await
}

/// The same, for a membership already loaded.
pub async fn view_of(state: &AppState, m: &mut Membership) -> AppResult<ConsentNowView> {
    let now = state.clock.now();
    let space_id = m.space.id.clone();
    let people = People::of(state, m).await?;
    let mut states = Vec::new();
    for row in state.store.consent_now_of_space(&space_id, now).await? {
        let plain = m
            .keys
            .open(
                state.store.as_ref(),
                PURPOSE,
                TABLE,
                &row.member_id,
                &row.member_id,
                &row.sealed,
            )
            .await?;
        let t: Tonight =
            serde_json::from_slice(&plain).map_err(|e| AppError::Internal(e.into()))?;
        states.push(TonightView {
            name: people.name(&row.member_id),
            is_me: people.is_me(&row.member_id),
            member_id: row.member_id,
            light: t.light.as_str().into(),
            good: t.good,
            off: t.off,
            expires_at: row.expires_at,
        });
    }
    let slower_rows = state.store.slower_of_space(&space_id).await?;
    let slower: Vec<SlowerView> = slower_rows
        .iter()
        .map(|s| SlowerView {
            name: people.name(&s.member_id),
            is_me: people.is_me(&s.member_id),
            ceiling: u8::try_from(s.ceiling).unwrap_or(1),
        })
        .collect();
    let quiet = state.store.quiet_of_space(&space_id).await?;
    let mine = quiet.iter().find(|q| q.member_id == m.member.id);
    Ok(ConsentNowView {
        states,
        ceiling: space_ceiling(slower.iter().map(|s| s.ceiling)),
        slower,
        my_quiet_hours: mine
            .and_then(|q| q.cooling_secs)
            .map(|s| s / 3600)
            .unwrap_or(DEFAULT_QUIET_HOURS),
        my_quiet_until: mine.and_then(|q| q.until_at).filter(|u| *u > now),
    })
}

/// Chooses how long my quiet periods last (D3).
pub async fn set_quiet_hours(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    hours: i64,
) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    let secs = quiet_secs(hours)?;
    Ok(state
        .store
        .set_quiet_length(space_id, &m.member.id, Some(secs))
        .await?)
}

/// Ends my own quiet period early (only I can).
pub async fn end_quiet(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    Ok(state.store.end_quiet(space_id, &m.member.id).await?)
}

/// Sets my "go slower" ceiling (D4); it stands until I lift it.
pub async fn go_slower(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    level: i64,
) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    let level = ceiling(level)?;
    Ok(state
        .store
        .set_slower(&SlowerRow {
            space_id: space_id.into(),
            member_id: m.member.id,
            ceiling: i64::from(level),
            set_at: state.clock.now(),
        })
        .await?)
}

/// Lifts my own "go slower" (nobody else's).
pub async fn lift_slower(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    state.store.lift_slower(space_id, &m.member.id).await?;
    Ok(())
}

/// The intensity ceiling for new plans in a space (D4), for the plans feature to enforce.
pub async fn intensity_ceiling(state: &AppState, space_id: &str) -> AppResult<Option<u8>> {
    let rows = state.store.slower_of_space(space_id).await?;
    Ok(space_ceiling(
        rows.iter().map(|s| u8::try_from(s.ceiling).unwrap_or(1)),
    ))
}

/// Deletes expired consent states and invitations; returns how many went.
pub async fn sweep(state: &AppState) -> AppResult<u64> {
    Ok(state.store.sweep_expired_consent(state.clock.now()).await?)
}
