//! Accounts: sign-up, login, password change, recovery, preferences and deletion.

use attune_crypto::{
    KdfProfile, RecoveryCode, SessionToken, UserKey, UserKeyPair, random_salt, unwrap_key,
    verifier_digest, verify_verifier, wrap_key,
};
use attune_domain::account::{Password, Username};
use attune_domain::throttle;
use attune_store::StoreError;
use attune_store::rows::{PasswordUpdate, ThrottleRow, UserRow};

use super::bind::wrap_ad;
use super::keys::{open_private, private_key_ad, seal_private};
use super::prefs::Prefs;
use super::sessions::{SignedIn, open_session};
use super::spaces;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The result of a sign-up: the account, a session, and the recovery code to show once.
pub struct NewAccount {
    /// The new account's id.
    pub user_id: String,
    /// A session for the new account.
    pub token: SessionToken,
    /// Shown once; never stored.
    pub recovery: RecoveryCode,
}

fn uk_password_ad(user_id: &str) -> Vec<u8> {
    wrap_ad("uk-password", &[user_id])
}

fn uk_recovery_ad(user_id: &str) -> Vec<u8> {
    wrap_ad("uk-recovery", &[user_id])
}

fn username_index(state: &AppState, username: &Username) -> [u8; 32] {
    state
        .secret
        .blind_index("username", username.canonical().as_bytes())
}

/// Password material wrapping `uk` under a fresh salt with the configured profile.
async fn password_material(
    state: &AppState,
    user_id: &str,
    password: &[u8],
    uk: &UserKey,
) -> AppResult<PasswordUpdate> {
    let salt = random_salt();
    let profile = state.kdf.profile;
    let keys = state.kdf.derive(password, salt, profile).await?;
    Ok(PasswordUpdate {
        kdf_profile: profile.encode(),
        kdf_salt: salt.to_vec(),
        verifier_digest: verifier_digest(&keys.verifier).to_vec(),
        uk_by_password: wrap_key(&keys.kek, uk.expose(), &uk_password_ad(user_id)),
    })
}

/// Seals preferences under the user key.
pub fn seal_prefs(uk: &UserKey, user_id: &str, prefs: &Prefs) -> Vec<u8> {
    let json = serde_json::to_vec(prefs).unwrap_or_default();
    seal_private(uk, "prefs", "users", user_id, user_id, &json)
}

/// Creates an account and signs it in.
pub async fn signup(
    state: &AppState,
    username: &str,
    password: &str,
    device: &str,
) -> AppResult<NewAccount> {
    let username = Username::parse(username)?;
    let password = Password::parse(password)?;
    let index = username_index(state, &username);
    if state.store.user_by_index(&index).await?.is_some() {
        return Err(AppError::invalid(
            "username",
            "That username is taken. Please choose another.",
        ));
    }
    let user_id = uuid::Uuid::new_v4().to_string();
    let uk = UserKey::random();
    let pair = UserKeyPair::generate();
    let recovery = RecoveryCode::generate();
    let material = password_material(state, &user_id, password.expose(), &uk).await?;
    let row = UserRow {
        id: user_id.clone(),
        username_index: index.to_vec(),
        username_sealed: seal_private(
            &uk,
            "username",
            "users",
            &user_id,
            &user_id,
            username.shown().as_bytes(),
        ),
        kdf_profile: material.kdf_profile,
        kdf_salt: material.kdf_salt,
        verifier_digest: material.verifier_digest,
        uk_by_password: material.uk_by_password,
        uk_by_recovery: wrap_key(
            &recovery.wrapping_key(&state.secret),
            uk.expose(),
            &uk_recovery_ad(&user_id),
        ),
        public_key: pair.public().to_vec(),
        private_key_wrapped: wrap_key(&uk, pair.secret_bytes().expose(), &private_key_ad(&user_id)),
        prefs_sealed: seal_prefs(&uk, &user_id, &Prefs::default()),
        created_at: state.clock.now(),
    };
    match state.store.create_user(&row).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            return Err(AppError::invalid(
                "username",
                "That username is taken. Please choose another.",
            ));
        }
        Err(e) => return Err(e.into()),
    }
    let token = open_session(state, &user_id, &uk, device).await?;
    metrics::counter!("attune_signups_total").increment(1);
    Ok(NewAccount {
        user_id,
        token,
        recovery,
    })
}

/// Throttle bookkeeping for one username, the same whether or not the account exists.
struct Throttle {
    key: [u8; 32],
    row: Option<ThrottleRow>,
}

impl Throttle {
    async fn check(state: &AppState, canonical: &str) -> AppResult<Self> {
        let key = state
            .secret
            .blind_index("login-throttle", canonical.as_bytes());
        let row = state.store.throttle_get(&key).await?;
        let now = state.clock.now();
        if let Some(r) = row
            && r.next_allowed_at > now
        {
            return Err(AppError::TooMany((r.next_allowed_at - now) as u64));
        }
        Ok(Throttle { key, row })
    }

    async fn failed(self, state: &AppState) -> AppResult<()> {
        let failures = self.row.map(|r| r.failures).unwrap_or(0) + 1;
        let wait = throttle::wait_after(failures.min(u32::MAX as i64) as u32);
        let row = ThrottleRow {
            failures,
            next_allowed_at: state.clock.now() + wait,
        };
        state.store.throttle_set(&self.key, row).await?;
        Ok(())
    }

    async fn succeeded(self, state: &AppState) -> AppResult<()> {
        if self.row.is_some() {
            state.store.throttle_clear(&self.key).await?;
        }
        Ok(())
    }
}

/// Checks a username and password; on success returns the account and its unlocked user key.
/// Unknown usernames cost the same Argon2 run and get the same answer as wrong passwords.
async fn verify_password(
    state: &AppState,
    username: &str,
    password: &str,
) -> AppResult<(UserRow, UserKey)> {
    let canonical = username.trim().to_lowercase();
    if canonical.is_empty() || canonical.chars().count() > 64 || password.chars().count() > 1024 {
        return Err(AppError::BadCredentials);
    }
    let throttle = Throttle::check(state, &canonical).await?;
    let index = state.secret.blind_index("username", canonical.as_bytes());
    let user = state.store.user_by_index(&index).await?;
    // SECURITY: an unknown username still runs Argon2 with a stable fake salt, so neither the
    // answer nor its timing tells whether the account exists.
    let (salt, profile) = match &user {
        Some(u) => {
            let salt: [u8; 16] = u
                .kdf_salt
                .as_slice()
                .try_into()
                .map_err(|_| AppError::Internal(anyhow::anyhow!("bad salt length")))?;
            (salt, KdfProfile::parse(&u.kdf_profile)?)
        }
        None => {
            let fake = state.secret.blind_index("fake-salt", canonical.as_bytes());
            let mut salt = [0u8; 16];
            salt.copy_from_slice(&fake[..16]);
            (salt, state.kdf.profile)
        }
    };
    let keys = state.kdf.derive(password.as_bytes(), salt, profile).await?;
    let matched = user
        .as_ref()
        .is_some_and(|u| verify_verifier(&keys.verifier, &u.verifier_digest));
    let Some(user) = user.filter(|_| matched) else {
        throttle.failed(state).await?;
        metrics::counter!("attune_login_failures_total").increment(1);
        return Err(AppError::BadCredentials);
    };
    throttle.succeeded(state).await?;
    let uk = UserKey::from(unwrap_key(
        &keys.kek,
        &user.uk_by_password,
        &uk_password_ad(&user.id),
    )?);
    if profile != state.kdf.profile {
        // The cost profile changed since this password was set: upgrade it now, while we have it.
        let material = password_material(state, &user.id, password.as_bytes(), &uk).await?;
        state.store.update_password(&user.id, &material).await?;
    }
    Ok((user, uk))
}

/// Signs in: returns the session token.
pub async fn login(
    state: &AppState,
    username: &str,
    password: &str,
    device: &str,
) -> AppResult<(String, SessionToken)> {
    let (user, uk) = verify_password(state, username, password).await?;
    let token = open_session(state, &user.id, &uk, device).await?;
    metrics::counter!("attune_logins_total").increment(1);
    Ok((user.id, token))
}

/// Checks the signed-in person's current password (for changes someone holding an unlocked phone
/// must not make alone). A wrong password is reported on `field`.
async fn confirm_password(
    state: &AppState,
    me: &SignedIn,
    password: &str,
    field: &'static str,
) -> AppResult<UserRow> {
    let user = state
        .store
        .user_by_id(&me.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let username = open_private(
        &me.uk,
        "username",
        "users",
        &user.id,
        &user.id,
        &user.username_sealed,
    )?;
    match verify_password(state, &String::from_utf8_lossy(&username), password).await {
        Ok(_) => Ok(user),
        Err(AppError::BadCredentials) => Err(AppError::invalid(
            field,
            "That isn't your current password.",
        )),
        Err(e) => Err(e),
    }
}

/// Changes the password: the user key is re-wrapped, nothing else changes. Other sessions end.
pub async fn change_password(
    state: &AppState,
    me: &SignedIn,
    current: &str,
    new: &str,
) -> AppResult<()> {
    let new = Password::parse(new)?;
    let user = confirm_password(state, me, current, "current_password").await?;
    let material = password_material(state, &user.id, new.expose(), &me.uk).await?;
    state.store.update_password(&user.id, &material).await?;
    for s in state.store.sessions_of_user(&user.id).await? {
        if s.handle != me.handle {
            state
                .store
                .delete_session_by_handle(&user.id, &s.handle)
                .await?;
        }
    }
    Ok(())
}

/// How long after sign-up a fresh recovery code may be issued without the password (the person
/// is still on the sign-up flow and may have missed the first one).
const SIGNUP_GRACE_SECS: i64 = 30 * 60;

fn issue_recovery_code(state: &AppState, me: &SignedIn) -> (RecoveryCode, Vec<u8>) {
    let code = RecoveryCode::generate();
    let wrapped = wrap_key(
        &code.wrapping_key(&state.secret),
        me.uk.expose(),
        &uk_recovery_ad(&me.user_id),
    );
    (code, wrapped)
}

/// Replaces the recovery code (the old one stops working) and returns the new one to show once.
/// SECURITY: needs the current password, so someone holding an unlocked phone cannot mint a code
/// and take the account over later.
pub async fn new_recovery_code(
    state: &AppState,
    me: &SignedIn,
    password: &str,
) -> AppResult<RecoveryCode> {
    confirm_password(state, me, password, "password").await?;
    let (code, wrapped) = issue_recovery_code(state, me);
    state.store.update_recovery(&me.user_id, &wrapped).await?;
    Ok(code)
}

/// A fresh code during sign-up, for someone who continued without confirming they kept the first.
/// Only within the first half hour of the account's life; later the password is needed.
pub async fn recovery_code_after_signup(
    state: &AppState,
    me: &SignedIn,
) -> AppResult<RecoveryCode> {
    let user = state
        .store
        .user_by_id(&me.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    if state.clock.now() - user.created_at > SIGNUP_GRACE_SECS {
        return Err(AppError::Conflict(
            "For your safety, a new recovery code now needs your password. You can make one in Settings.".into(),
        ));
    }
    let (code, wrapped) = issue_recovery_code(state, me);
    state.store.update_recovery(&me.user_id, &wrapped).await?;
    Ok(code)
}

/// Restores access with the recovery code: sets a new password, issues a new code and ends
/// every other session. Returns a new session and the new code.
pub async fn recover(
    state: &AppState,
    username: &str,
    code: &str,
    new_password: &str,
    device: &str,
) -> AppResult<(SessionToken, RecoveryCode)> {
    let new_password = Password::parse(new_password)?;
    let canonical = username.trim().to_lowercase();
    if canonical.is_empty() || canonical.chars().count() > 64 {
        return Err(recovery_refused());
    }
    let throttle = Throttle::check(state, &canonical).await?;
    let index = state.secret.blind_index("username", canonical.as_bytes());
    let user = state.store.user_by_index(&index).await?;
    let code = RecoveryCode::parse(code).ok();
    let uk = match (&user, &code) {
        (Some(u), Some(c)) => unwrap_key(
            &c.wrapping_key(&state.secret),
            &u.uk_by_recovery,
            &uk_recovery_ad(&u.id),
        )
        .ok(),
        _ => None,
    };
    let (Some(user), Some(uk)) = (user, uk) else {
        throttle.failed(state).await?;
        return Err(recovery_refused());
    };
    throttle.succeeded(state).await?;
    let uk = UserKey::from(uk);
    let material = password_material(state, &user.id, new_password.expose(), &uk).await?;
    state.store.update_password(&user.id, &material).await?;
    state.store.delete_sessions_of_user(&user.id).await?;
    let fresh = RecoveryCode::generate();
    let wrapped = wrap_key(
        &fresh.wrapping_key(&state.secret),
        uk.expose(),
        &uk_recovery_ad(&user.id),
    );
    state.store.update_recovery(&user.id, &wrapped).await?;
    let token = open_session(state, &user.id, &uk, device).await?;
    Ok((token, fresh))
}

fn recovery_refused() -> AppError {
    AppError::invalid(
        "recovery_code",
        "That username and recovery code don't match. Check the code and try again.",
    )
}

/// Reads the signed-in user's preferences.
pub async fn prefs(state: &AppState, me: &SignedIn) -> AppResult<Prefs> {
    let user = state
        .store
        .user_by_id(&me.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let json = open_private(
        &me.uk,
        "prefs",
        "users",
        &user.id,
        &user.id,
        &user.prefs_sealed,
    )?;
    Ok(serde_json::from_slice(&json).unwrap_or_default())
}

/// Saves the signed-in user's preferences.
pub async fn set_prefs(state: &AppState, me: &SignedIn, prefs: &Prefs) -> AppResult<()> {
    state
        .store
        .update_prefs(&me.user_id, &seal_prefs(&me.uk, &me.user_id, prefs))
        .await?;
    Ok(())
}

/// Deletes the account at once: leaves every space (keys rotate for those who remain), then
/// removes every row of the user, and folds the database log so nothing lingers.
pub async fn delete_account(state: &AppState, me: &SignedIn, password: &str) -> AppResult<()> {
    confirm_password(state, me, password, "password").await?;
    for (space, _) in state.store.spaces_of_user(&me.user_id).await? {
        spaces::leave(state, me, &space.id).await?;
    }
    state.store.delete_user(&me.user_id).await?;
    state.store.checkpoint().await?;
    metrics::counter!("attune_accounts_deleted_total").increment(1);
    Ok(())
}
