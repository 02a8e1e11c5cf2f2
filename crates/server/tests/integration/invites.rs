//! Invites: single use, 72 hours, offline inviter, full spaces, bad codes.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code};

#[tokio::test]
async fn an_invite_works_while_the_inviter_is_offline() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("alex").await;
    let space = a.create_space("Ours", "Alex").await;
    let code = a.invite(&space).await;
    assert_eq!(
        a.post("/api/v1/auth/logout", json!({})).await.status(),
        StatusCode::NO_CONTENT
    );
    let b = app.signed_up("sam").await;
    assert_eq!(b.accept(&code, "Sam").await.status(), StatusCode::OK);
    let view: Value = b.space(&space).await.json().await.unwrap();
    assert_eq!(view["name"], "Ours");
}

#[tokio::test]
async fn a_used_invite_is_refused_with_a_clear_message() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let code = a.invite(&space).await;
    let c = app.signed_up("casey").await;
    let d = app.signed_up("dana").await;
    assert_eq!(c.accept(&code, "Casey").await.status(), StatusCode::OK);
    let (status, _, message) = error_code(d.accept(&code, "Dana").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("already been used"), "{message}");
}

#[tokio::test]
async fn an_expired_invite_is_refused_with_a_clear_message() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("alex").await;
    let space = a.create_space("Ours", "Alex").await;
    let code = a.invite(&space).await;
    app.clock().advance(72 * 3600);
    let b = app.signed_up("sam").await;
    let (status, _, message) = error_code(b.accept(&code, "Sam").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("expired"), "{message}");
}

#[tokio::test]
async fn unknown_and_malformed_codes_are_refused_with_clear_messages() {
    let app = TestApp::spawn().await;
    let b = app.signed_up("sam").await;
    let (status, _, message) = error_code(b.accept("ABCDE-FGHJK-MNPQR-STVW0", "Sam").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("couldn't find"), "{message}");
    let (status, _, message) = error_code(b.accept("hello!", "Sam").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("doesn't look like"), "{message}");
}

#[tokio::test]
async fn a_space_holds_at_most_eight_members() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("member0").await;
    let space = a.create_space("Many", "M0").await;
    for i in 1..8 {
        let p = app.signed_up(&format!("member{i}")).await;
        let code = a.invite(&space).await;
        assert_eq!(
            p.accept(&code, &format!("M{i}")).await.status(),
            StatusCode::OK
        );
    }
    let (status, _, message) = error_code(
        a.post(&format!("/api/v1/spaces/{space}/invites"), json!({}))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(message.contains("8 members"), "{message}");
}

#[tokio::test]
async fn an_invite_can_be_withdrawn() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("alex").await;
    let space = a.create_space("Ours", "Alex").await;
    let code = a.invite(&space).await;
    let list: Value = a
        .get(&format!("/api/v1/spaces/{space}/invites"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["invites"][0]["status"], "pending");
    let id = list["invites"][0]["id"].as_str().unwrap();
    assert_eq!(
        a.delete(&format!("/api/v1/spaces/{space}/invites/{id}"), None)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let b = app.signed_up("sam").await;
    assert_eq!(
        b.accept(&code, "Sam").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn joining_twice_is_refused() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let code = a.invite(&space).await;
    let (status, _, message) = error_code(b.accept(&code, "Sam").await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(message.contains("already a member"));
}
