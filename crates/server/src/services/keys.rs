//! Unlocking keys for a request: the user's key pair, and a space's relationship keys by version.

use attune_crypto::{
    KEY_LEN, RelationshipKey, UserKey, UserKeyPair, envelope_key_version, open, open_sealed_key,
    seal, seal_key_to, unwrap_key,
};
use attune_store::Store;
use attune_store::rows::UserRow;
use zeroize::Zeroizing;

use super::bind::{private, shared, wrap_ad};
use crate::error::{AppError, AppResult};

/// Seals `plain` in a private envelope under the user key.
pub fn seal_private(
    uk: &UserKey,
    purpose: &str,
    table: &str,
    row: &str,
    owner: &str,
    plain: &[u8],
) -> Vec<u8> {
    seal(uk, &private(purpose, table, row, owner), plain)
}

/// Opens a private envelope under the user key.
pub fn open_private(
    uk: &UserKey,
    purpose: &str,
    table: &str,
    row: &str,
    owner: &str,
    envelope: &[u8],
) -> AppResult<Zeroizing<Vec<u8>>> {
    Ok(open(uk, &private(purpose, table, row, owner), envelope)?)
}

/// Associated data of a user's wrapped private key.
pub fn private_key_ad(user_id: &str) -> Vec<u8> {
    wrap_ad("user-private-key", &[user_id])
}

/// Unwraps the user's X25519 key pair with their user key.
pub fn keypair(user: &UserRow, uk: &UserKey) -> AppResult<UserKeyPair> {
    let secret = unwrap_key(uk, &user.private_key_wrapped, &private_key_ad(&user.id))?;
    Ok(UserKeyPair::from_secret(secret))
}

/// Associated data of a relationship key sealed to one member.
fn space_key_ad(space_id: &str, version: i64, user_id: &str) -> Vec<u8> {
    wrap_ad("space-key", &[space_id, &version.to_string(), user_id])
}

/// Seals a relationship key version to a member's public key.
pub fn seal_space_key(
    space_id: &str,
    version: i64,
    user_id: &str,
    public_key: &[u8],
    rk: &RelationshipKey,
) -> AppResult<Vec<u8>> {
    let public: [u8; KEY_LEN] = public_key.try_into().map_err(|_| {
        AppError::Internal(anyhow::anyhow!("stored public key has the wrong length"))
    })?;
    Ok(seal_key_to(
        &public,
        rk.expose(),
        &space_key_ad(space_id, version, user_id),
    ))
}

/// Where a shared envelope lives: its purpose, table, row and owner (all bound into it).
#[derive(Clone, Copy)]
pub struct Place<'a> {
    /// What the envelope holds (`space-name`, `member-profile`, …).
    pub purpose: &'a str,
    /// The table it is stored in.
    pub table: &'a str,
    /// The row's id.
    pub row: &'a str,
    /// Whose it is (a member id, or empty for the space's own records).
    pub owner: &'a str,
}

/// A member's view of one space's keys, opened on demand and cached for the request.
pub struct SpaceKeys {
    space_id: String,
    user_id: String,
    keypair: UserKeyPair,
    cache: Vec<(i64, RelationshipKey)>,
}

impl SpaceKeys {
    /// Keys of `space_id` as `user_id` (whose key pair is given) can open them.
    pub fn new(space_id: &str, user_id: &str, keypair: UserKeyPair) -> Self {
        SpaceKeys {
            space_id: space_id.into(),
            user_id: user_id.into(),
            keypair,
            cache: Vec::new(),
        }
    }

    /// The relationship key of `version`; `NotFound` when this member has no copy of it.
    pub async fn get(&mut self, store: &dyn Store, version: i64) -> AppResult<RelationshipKey> {
        if let Some((_, k)) = self.cache.iter().find(|(v, _)| *v == version) {
            return Ok(RelationshipKey::from_bytes(*k.expose()));
        }
        let sealed = store
            .space_key(&self.space_id, &self.user_id, version)
            .await?
            .ok_or(AppError::NotFound)?;
        let key = open_sealed_key(
            &self.keypair,
            &sealed,
            &space_key_ad(&self.space_id, version, &self.user_id),
        )?;
        let rk = RelationshipKey::from(key);
        self.cache
            .push((version, RelationshipKey::from_bytes(*rk.expose())));
        Ok(rk)
    }

    /// Opens a shared envelope of this space, picking the key version from its header.
    pub async fn open(
        &mut self,
        store: &dyn Store,
        purpose: &str,
        table: &str,
        row: &str,
        owner: &str,
        envelope: &[u8],
    ) -> AppResult<Zeroizing<Vec<u8>>> {
        let version = envelope_key_version(envelope)?;
        let rk = self.get(store, i64::from(version)).await?;
        Ok(open(
            &rk,
            &shared(purpose, table, row, owner, &self.space_id, version),
            envelope,
        )?)
    }

    /// Seals `plain` in a shared envelope of this space under key `version`, for one place.
    pub fn seal_with(
        &self,
        rk: &RelationshipKey,
        version: i64,
        place: Place<'_>,
        plain: &[u8],
    ) -> Vec<u8> {
        let aad = shared(
            place.purpose,
            place.table,
            place.row,
            place.owner,
            &self.space_id,
            version as u32,
        );
        seal(rk, &aad, plain)
    }
}
