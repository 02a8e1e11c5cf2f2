//! Sessions: listing, ending one, logging out everywhere, idle timeout, absolute lifetime.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{PASSWORD, TestApp};

#[tokio::test]
async fn sessions_are_listed_and_one_can_be_ended() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("river").await;
    let other = app.person();
    let token: Value = other.login("river", PASSWORD).await.json().await.unwrap();
    let list: Value = a.get("/api/v1/auth/sessions").await.json().await.unwrap();
    let sessions = list["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    let not_me = sessions.iter().find(|s| s["current"] == false).unwrap();
    assert_eq!(
        a.delete(
            &format!("/api/v1/auth/sessions/{}", not_me["id"].as_str().unwrap()),
            None
        )
        .await
        .status(),
        StatusCode::NO_CONTENT
    );
    let mut o = app.person();
    o.token = Some(token["token"].as_str().unwrap().into());
    assert_eq!(
        o.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        a.delete("/api/v1/auth/sessions/not-a-session", None)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn logging_out_everywhere_ends_every_session() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("river").await;
    let mut b = app.person();
    let t: Value = b.login("river", PASSWORD).await.json().await.unwrap();
    b.token = Some(t["token"].as_str().unwrap().into());
    assert_eq!(
        a.post("/api/v1/auth/logout-everywhere", serde_json::json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        a.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        b.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_session_ends_after_thirty_idle_minutes() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("river").await;
    app.clock().advance(29 * 60);
    assert_eq!(a.get("/api/v1/spaces").await.status(), StatusCode::OK);
    app.clock().advance(30 * 60);
    assert_eq!(
        a.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_session_ends_after_twelve_hours_even_when_used() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("river").await;
    for _ in 0..(12 * 3) {
        assert_eq!(a.get("/api/v1/spaces").await.status(), StatusCode::OK);
        app.clock().advance(20 * 60);
    }
    assert_eq!(
        a.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_tampered_token_is_not_a_session() {
    let app = TestApp::spawn().await;
    let mut a = app.signed_up("river").await;
    let mut t = a.token.clone().unwrap();
    let last = t.pop().unwrap();
    t.push(if last == 'A' { 'B' } else { 'A' });
    a.token = Some(t);
    assert_eq!(
        a.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
    a.token = Some("garbage".into());
    assert_eq!(
        a.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
}
