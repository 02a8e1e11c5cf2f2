//! Shared envelopes as JSON (DESIGN §4, docs/CRYPTO.md): sealed under the space's relationship
//! key for every member who holds it (agreement and boundary versions, pending changes, plans,
//! desire-log lines). Each feature names where its envelope lives with a [`Place`].

use serde::{Deserialize, Serialize};

use super::keys::Place;
use super::spaces::Membership;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Seals `body` as JSON in a shared envelope of this space, under its current key.
pub async fn seal_json(
    state: &AppState,
    m: &mut Membership,
    place: Place<'_>,
    body: &impl Serialize,
) -> AppResult<Vec<u8>> {
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    let json = serde_json::to_vec(body).map_err(|e| AppError::Internal(e.into()))?;
    Ok(m.keys.seal_with(&rk, version, place, &json))
}

/// Opens a shared envelope as JSON; `None` when this member holds no copy of the key version it
/// was sealed under (it was written before they joined and the key has rotated since).
pub async fn open_json<T: for<'de> Deserialize<'de>>(
    state: &AppState,
    m: &mut Membership,
    place: Place<'_>,
    envelope: &[u8],
) -> AppResult<Option<T>> {
    match m
        .keys
        .open(
            state.store.as_ref(),
            place.purpose,
            place.table,
            place.row,
            place.owner,
            envelope,
        )
        .await
    {
        Ok(plain) => serde_json::from_slice(&plain)
            .map(Some)
            .map_err(|e| AppError::Internal(e.into())),
        Err(AppError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}
