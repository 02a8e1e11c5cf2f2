//! The session cookie: name, attributes, reading it from a request.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

use crate::state::AppState;

/// The cookie's name: `__Host-` prefixed when served over HTTPS (it then cannot be set by a
/// sibling domain or over plain HTTP).
pub fn name(state: &AppState) -> &'static str {
    if state.secure_cookies {
        "__Host-attune"
    } else {
        "attune_session"
    }
}

/// A `Set-Cookie` value carrying `token`.
pub fn set(state: &AppState, token: &str) -> String {
    // SECURITY: HttpOnly keeps scripts away from the token; SameSite=Strict keeps it off
    // cross-site requests; no Max-Age, so closing the browser forgets it.
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Strict{secure}",
        name(state)
    )
}

/// A `Set-Cookie` value that removes the cookie.
pub fn clear(state: &AppState) -> String {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{secure}",
        name(state)
    )
}

/// The session token from the request's cookies, if any.
pub fn read(state: &AppState, headers: &HeaderMap) -> Option<String> {
    let wanted = name(state);
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == wanted)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}
