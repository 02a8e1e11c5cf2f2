//! Signed-in sessions: opening one, recognising it on each request, listing and ending them.

use attune_crypto::{SessionToken, UserKey, unwrap_key, wrap_key};
use attune_domain::session::SessionState;
use attune_store::rows::SessionRow;
use serde::Serialize;

use super::bind::wrap_ad;
use super::keys::{open_private, seal_private};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Only refresh "last seen" when it is older than this, to spare the database a write per request.
const TOUCH_EVERY_SECS: i64 = 30;

/// The person behind a request, with their user key unlocked for this request only.
pub struct SignedIn {
    /// The account's id.
    pub user_id: String,
    /// The user key, unwrapped with the session key from the cookie or bearer token.
    pub uk: UserKey,
    /// Digest of the session id (what the database knows the session by).
    pub id_digest: [u8; 32],
    /// The session's public handle.
    pub handle: String,
    /// The anti-CSRF form token of this session.
    pub csrf: String,
    /// Whether the request authenticated with the browser cookie (then CSRF checks apply).
    pub via_cookie: bool,
}

impl SignedIn {
    /// Checks a form's anti-CSRF token against this session's.
    pub fn check_csrf(&self, token: &str) -> AppResult<()> {
        // SECURITY: a cross-site page cannot read this token, so a forged form cannot carry it.
        if attune_crypto::ct_eq(token.as_bytes(), self.csrf.as_bytes()) {
            Ok(())
        } else {
            Err(AppError::Forbidden(
                "This form has expired. Please go back, reload the page and try again.".into(),
            ))
        }
    }
}

fn uk_ad(user_id: &str, handle: &str) -> Vec<u8> {
    wrap_ad("session-uk", &[user_id, handle])
}

/// Opens a new session for `user_id`; returns the token for the cookie or bearer header.
pub async fn open_session(
    state: &AppState,
    user_id: &str,
    uk: &UserKey,
    device: &str,
) -> AppResult<SessionToken> {
    let token = SessionToken::generate();
    let handle = uuid::Uuid::new_v4().to_string();
    let now = state.clock.now();
    let row = SessionRow {
        id_digest: token.id_digest().to_vec(),
        handle: handle.clone(),
        user_id: user_id.into(),
        // SECURITY: the database holds the user key only wrapped under the session key, which
        // lives in the person's cookie; a database thief cannot unwrap it or hijack the session.
        uk_wrapped: wrap_key(&token.key(), uk.expose(), &uk_ad(user_id, &handle)),
        device_sealed: seal_private(
            uk,
            "session-device",
            "sessions",
            &handle,
            user_id,
            device.as_bytes(),
        ),
        created_at: now,
        last_seen_at: now,
    };
    state.store.create_session(&row).await?;
    Ok(token)
}

/// Recognises a session token, ending it if it has idled out or expired.
pub async fn authenticate(state: &AppState, token: &str, via_cookie: bool) -> AppResult<SignedIn> {
    let token = SessionToken::parse(token).map_err(|_| AppError::Unauthorized)?;
    let digest = token.id_digest();
    let row = state
        .store
        .session_by_digest(&digest)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let now = state.clock.now();
    if state.sessions.state(row.created_at, row.last_seen_at, now) != SessionState::Alive {
        state.store.delete_session(&digest).await?;
        return Err(AppError::Unauthorized);
    }
    let uk = unwrap_key(
        &token.key(),
        &row.uk_wrapped,
        &uk_ad(&row.user_id, &row.handle),
    )
    .map_err(|_| AppError::Unauthorized)?;
    if now - row.last_seen_at >= TOUCH_EVERY_SECS {
        state.store.touch_session(&digest, now).await?;
    }
    Ok(SignedIn {
        user_id: row.user_id,
        uk: UserKey::from(uk),
        id_digest: digest,
        handle: row.handle,
        csrf: token.csrf_token(),
        via_cookie,
    })
}

/// One session as its owner sees it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SessionView {
    /// Handle to end this session with.
    pub id: String,
    /// A coarse device label ("Firefox on Android").
    pub device: String,
    /// When it signed in (Unix seconds).
    pub created_at: i64,
    /// When it was last used (Unix seconds).
    pub last_seen_at: i64,
    /// Whether this is the session making the request.
    pub current: bool,
}

/// Lists the signed-in user's sessions, most recently used first.
pub async fn list(state: &AppState, me: &SignedIn) -> AppResult<Vec<SessionView>> {
    let rows = state.store.sessions_of_user(&me.user_id).await?;
    rows.into_iter()
        .map(|r| {
            let device = open_private(
                &me.uk,
                "session-device",
                "sessions",
                &r.handle,
                &me.user_id,
                &r.device_sealed,
            )?;
            Ok(SessionView {
                current: r.handle == me.handle,
                id: r.handle,
                device: String::from_utf8_lossy(&device).into_owned(),
                created_at: r.created_at,
                last_seen_at: r.last_seen_at,
            })
        })
        .collect()
}

/// Ends one of the user's sessions by handle.
pub async fn end(state: &AppState, me: &SignedIn, handle: &str) -> AppResult<()> {
    if state
        .store
        .delete_session_by_handle(&me.user_id, handle)
        .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Ends the current session.
pub async fn logout(state: &AppState, me: &SignedIn) -> AppResult<()> {
    state.store.delete_session(&me.id_digest).await?;
    Ok(())
}

/// Ends every session of the user, this one included.
pub async fn logout_everywhere(state: &AppState, me: &SignedIn) -> AppResult<u64> {
    Ok(state.store.delete_sessions_of_user(&me.user_id).await?)
}
