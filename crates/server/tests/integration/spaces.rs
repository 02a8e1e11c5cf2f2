//! Spaces: create, view, profiles, and leaving (invariants 1 and 8).

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::TestApp;

#[tokio::test]
async fn a_space_shows_its_members_with_their_profiles() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let res = b
        .put(
            &format!("/api/v1/spaces/{space}/me"),
            json!({"display_name": "Sam R.", "pronouns": "they/them"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let view: Value = a.space(&space).await.json().await.unwrap();
    let members = view["members"].as_array().unwrap();
    let alex = members
        .iter()
        .find(|m| m["display_name"] == "Alex")
        .unwrap();
    assert_eq!(alex["is_me"], true);
    let sam = members
        .iter()
        .find(|m| m["display_name"] == "Sam R.")
        .unwrap();
    assert_eq!(sam["is_me"], false);
    assert_eq!(sam["pronouns"], "they/them");
    let list: Value = b.get("/api/v1/spaces").await.json().await.unwrap();
    assert_eq!(list["spaces"][0]["name"], "Our space");
    assert_eq!(list["spaces"][0]["display_name"], "Sam R.");
}

/// Invariants 1 and 8: leaving needs nobody's approval and takes effect at once.
#[tokio::test]
async fn leaving_is_unilateral_and_safe_immediate_and_needs_nobody() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    assert_eq!(
        b.post(&format!("/api/v1/spaces/{space}/leave"), json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    // At once: the leaver can no longer see the space.
    assert_eq!(b.space(&space).await.status(), StatusCode::NOT_FOUND);
    let list: Value = b.get("/api/v1/spaces").await.json().await.unwrap();
    assert!(list["spaces"].as_array().unwrap().is_empty());
    // The one who stays keeps the space and its shared record.
    let view: Value = a.space(&space).await.json().await.unwrap();
    assert_eq!(view["name"], "Our space");
    assert_eq!(view["members"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn leaving_rotates_the_relationship_key_so_the_leaver_holds_no_copy() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    b.post(&format!("/api/v1/spaces/{space}/leave"), json!({}))
        .await;
    let store = &app.server.state.store;
    let row = store.space_by_id(&space).await.unwrap().unwrap();
    assert_eq!(row.key_version, 2);
    let b_id = b.user_id.as_ref().unwrap();
    let a_id = a.user_id.as_ref().unwrap();
    assert_eq!(store.space_key(&space, b_id, 1).await.unwrap(), None);
    assert_eq!(store.space_key(&space, b_id, 2).await.unwrap(), None);
    assert!(store.space_key(&space, a_id, 2).await.unwrap().is_some());
    // A later invite hands out the new key, and a new member can read the re-sealed profiles.
    let c = app.signed_up("casey").await;
    let code = a.invite(&space).await;
    assert_eq!(c.accept(&code, "Casey").await.status(), StatusCode::OK);
    let view: Value = c.space(&space).await.json().await.unwrap();
    assert!(
        view["members"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["display_name"] == "Alex")
    );
}

#[tokio::test]
async fn the_last_member_leaving_removes_the_space() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("river").await;
    let space = a.create_space("Just me", "River").await;
    assert_eq!(
        a.post(&format!("/api/v1/spaces/{space}/leave"), json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert!(
        app.server
            .state
            .store
            .space_by_id(&space)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn space_names_and_display_names_have_limits_with_clear_messages() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("river").await;
    for (body, field) in [
        (json!({"name": "", "display_name": "Me"}), "name"),
        (
            json!({"name": "x".repeat(81), "display_name": "Me"}),
            "name",
        ),
        (
            json!({"name": "Ours", "display_name": "y".repeat(41)}),
            "display_name",
        ),
        (
            json!({"name": "Ours", "display_name": "Me", "pronouns": "z".repeat(31)}),
            "pronouns",
        ),
    ] {
        let res = a.post("/api/v1/spaces", body).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let e: Value = res.json().await.unwrap();
        assert_eq!(e["error"]["field"], field);
        assert!(!e["error"]["message"].as_str().unwrap().is_empty());
    }
}
