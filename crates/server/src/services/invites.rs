//! One-time invites: create (the key travels wrapped under the code), accept while the inviter is offline.

use attune_crypto::{InviteCode, RelationshipKey, unwrap_key, wrap_key};
use attune_domain::invite::{INVITE_LIFETIME_SECS, check_usable};
use attune_domain::space::{MAX_MEMBERS, can_join};
use attune_store::StoreError;
use attune_store::rows::{InviteRow, Join, MemberRow, SpaceKeyRow};
use serde::Serialize;

use super::bind::wrap_ad;
use super::keys::{SpaceKeys, keypair, seal_space_key};
use super::sessions::SignedIn;
use super::spaces::{membership, parse_profile, sealed_profile};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// A freshly created invite; the code is shown once and never stored.
pub struct CreatedInvite {
    /// The invite's id (to withdraw it).
    pub id: String,
    /// The secret code.
    pub code: InviteCode,
    /// When it stops working (Unix seconds).
    pub expires_at: i64,
}

fn invite_ad(invite_id: &str, space_id: &str, version: i64) -> Vec<u8> {
    wrap_ad("invite-key", &[invite_id, space_id, &version.to_string()])
}

/// Creates an invite to a space the signed-in user belongs to.
pub async fn create(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<CreatedInvite> {
    let mut m = membership(state, me, space_id).await?;
    let count = state.store.members_of_space(space_id).await?.len();
    can_join(count).map_err(|e| AppError::Conflict(e.to_string()))?;
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    let code = InviteCode::generate();
    let id = uuid::Uuid::new_v4().to_string();
    let now = state.clock.now();
    let expires_at = now + INVITE_LIFETIME_SECS;
    state
        .store
        .create_invite(&InviteRow {
            id: id.clone(),
            space_id: space_id.into(),
            created_by: m.member.id.clone(),
            // SECURITY: only a keyed hash of the code is stored, and the relationship key is
            // wrapped under a key derived from the code: the invite works while the inviter is
            // offline, and a database thief can neither use nor recognise it.
            lookup: code.lookup(&state.secret).to_vec(),
            key_wrapped: wrap_key(
                &code.wrapping_key(&state.secret),
                rk.expose(),
                &invite_ad(&id, space_id, version),
            ),
            key_version: version,
            created_at: now,
            expires_at,
            used_at: None,
        })
        .await?;
    Ok(CreatedInvite {
        id,
        code,
        expires_at,
    })
}

fn not_found() -> AppError {
    AppError::invalid(
        "code",
        "We couldn't find that invite. Check the code, or ask for a new one.",
    )
}

/// Joins the space an invite belongs to; returns the space id.
pub async fn accept(
    state: &AppState,
    me: &SignedIn,
    code: &str,
    display_name: &str,
) -> AppResult<String> {
    let profile = parse_profile(display_name, None)?;
    let code = InviteCode::parse(code).map_err(|_| {
        AppError::invalid("code", "That doesn't look like an invite code. It has 20 letters and digits, like ABCDE-FGHJK-MNPQR-STVWX.")
    })?;
    let invite = state
        .store
        .invite_by_lookup(&code.lookup(&state.secret))
        .await?
        .ok_or_else(not_found)?;
    check_usable(invite.expires_at, invite.used_at, state.clock.now())?;
    if state
        .store
        .member_of(&invite.space_id, &me.user_id)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict(
            "You're already a member of this space.".into(),
        ));
    }
    let rk = RelationshipKey::from(
        unwrap_key(
            &code.wrapping_key(&state.secret),
            &invite.key_wrapped,
            &invite_ad(&invite.id, &invite.space_id, invite.key_version),
        )
        .map_err(|_| not_found())?,
    );
    let user = state
        .store
        .user_by_id(&me.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let keys = SpaceKeys::new(&invite.space_id, &me.user_id, keypair(&user, &me.uk)?);
    let member_id = uuid::Uuid::new_v4().to_string();
    let now = state.clock.now();
    let join = Join {
        invite_id: invite.id.clone(),
        used_at: now,
        member: MemberRow {
            id: member_id.clone(),
            space_id: invite.space_id.clone(),
            user_id: me.user_id.clone(),
            joined_at: now,
            profile_sealed: sealed_profile(&keys, &rk, invite.key_version, &member_id, &profile),
        },
        key: SpaceKeyRow {
            space_id: invite.space_id.clone(),
            user_id: me.user_id.clone(),
            key_version: invite.key_version,
            sealed_key: seal_space_key(
                &invite.space_id,
                invite.key_version,
                &me.user_id,
                &user.public_key,
                &rk,
            )?,
        },
        max_members: MAX_MEMBERS as i64,
    };
    match state.store.join_space(&join).await {
        Ok(()) => Ok(invite.space_id),
        Err(StoreError::Conflict("invite_used")) => Err(AppError::invalid(
            "code",
            "This invite has already been used. Ask for a new one.",
        )),
        Err(StoreError::Conflict("space_full")) => Err(AppError::invalid(
            "code",
            format!("This space already has {MAX_MEMBERS} members, the most a space can have."),
        )),
        Err(StoreError::Conflict("already_member")) => Err(AppError::Conflict(
            "You're already a member of this space.".into(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// An invite as members see it in the list.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct InviteView {
    /// The invite's id.
    pub id: String,
    /// When it was made (Unix seconds).
    pub created_at: i64,
    /// When it stops working (Unix seconds).
    pub expires_at: i64,
    /// `pending`, `used` or `expired`.
    pub status: &'static str,
}

/// Lists a space's invites.
pub async fn list(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<Vec<InviteView>> {
    membership(state, me, space_id).await?;
    let now = state.clock.now();
    Ok(state
        .store
        .invites_of_space(space_id)
        .await?
        .into_iter()
        .map(|i| InviteView {
            status: if i.used_at.is_some() {
                "used"
            } else if i.expires_at <= now {
                "expired"
            } else {
                "pending"
            },
            id: i.id,
            created_at: i.created_at,
            expires_at: i.expires_at,
        })
        .collect())
}

/// Withdraws an invite of a space the user belongs to.
pub async fn revoke(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    invite_id: &str,
) -> AppResult<()> {
    membership(state, me, space_id).await?;
    if state.store.delete_invite(space_id, invite_id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
