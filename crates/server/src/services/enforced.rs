//! Server-enforced envelopes (DESIGN §4, docs/CRYPTO.md): sealed under a key derived from the
//! space's relationship key and the server secret, for what the server must withhold until a
//! rule allows it (inventory answers, sealed check-in answers, debriefs). One place seals and
//! opens them; each feature names where its envelope lives.

use attune_crypto::{Aad, EnvelopeKind, envelope_key_version, open, seal};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::keys::Place;
use super::spaces::Membership;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

fn aad<'a>(place: &'a Place<'a>, space: &'a str, key_version: u32) -> Aad<'a> {
    Aad {
        kind: EnvelopeKind::ServerEnforced,
        purpose: place.purpose,
        table: place.table,
        row_id: place.row,
        owner: place.owner,
        space,
        key_version,
    }
}

/// Seals `value` as JSON under the space's current key.
pub async fn seal_enforced<T: Serialize>(
    state: &AppState,
    m: &mut Membership,
    place: &Place<'_>,
    value: &T,
) -> AppResult<Vec<u8>> {
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    // SECURITY: the key needs both the relationship key and the server secret; the padding in
    // `seal` hides how much is inside. Members' requests can open these, so each caller's
    // visibility rule is what keeps the content hidden until it may be shown.
    let key = state.secret.enforced_key(&rk, place.purpose);
    let json = serde_json::to_vec(value).map_err(|e| AppError::Internal(e.into()))?;
    let space = m.space.id.clone();
    Ok(seal(&key, &aad(place, &space, version as u32), &json))
}

/// Opens an envelope with the key version named in its header. `None` when this member holds
/// no copy of that key version (sealed before they joined and never rewritten): callers treat
/// it as absent, which can only hide something, never show it.
pub async fn open_enforced<T: DeserializeOwned>(
    state: &AppState,
    m: &mut Membership,
    place: &Place<'_>,
    envelope: &[u8],
) -> AppResult<Option<T>> {
    let version = envelope_key_version(envelope)?;
    let rk = match m.keys.get(state.store.as_ref(), i64::from(version)).await {
        Ok(rk) => rk,
        Err(AppError::NotFound) => return Ok(None),
        Err(e) => return Err(e),
    };
    let key = state.secret.enforced_key(&rk, place.purpose);
    let space = m.space.id.clone();
    let plain = open(&key, &aad(place, &space, version), envelope)?;
    serde_json::from_slice(&plain)
        .map(Some)
        .map_err(|e| AppError::Internal(e.into()))
}
