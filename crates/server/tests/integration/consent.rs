//! Consent now (D1), the pause (D2), quiet after a decline (D3), go slower (D4) and the gentle
//! invitation (E5), over HTTP. Invariant 1: withdrawal always wins.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code};

#[tokio::test]
async fn withdrawal_is_immediate_for_every_member() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let pause = format!("/api/v1/spaces/{space}/pause");
    assert_eq!(b.get_json(&pause).await["paused"], false);
    // A pauses with an empty body: no reason, nothing else asked.
    let res = a.req(reqwest::Method::POST, &pause).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let seen = b.get_json(&pause).await;
    assert_eq!(seen["paused"], true, "B sees the pause at once");
    assert_eq!(seen["pauses"][0]["by"], "Alex");
    assert_eq!(seen["pauses"][0]["by_me"], false);
    // Every space page B opens carries the banner.
    for path in [
        format!("/spaces/{space}"),
        format!("/spaces/{space}/members"),
        format!("/spaces/{space}/tonight"),
        format!("/spaces/{space}/checkins"),
    ] {
        let html = b.get_page(&path).await;
        assert!(
            html.contains("Alex paused this space"),
            "{path} shows the pause"
        );
        assert!(
            !html.contains("id=\"pause-banner\" role=\"status\" aria-live=\"polite\" hidden"),
            "{path}"
        );
    }
    // A red light is immediate too, and so is clearing it.
    let tonight = format!("/api/v1/spaces/{space}/consent-now");
    assert_eq!(
        a.put(&tonight, json!({"light": "green"})).await.status(),
        StatusCode::OK
    );
    assert_eq!(b.get_json(&tonight).await["states"][0]["light"], "green");
    assert_eq!(
        a.put(&tonight, json!({"light": "red"})).await.status(),
        StatusCode::OK
    );
    assert_eq!(b.get_json(&tonight).await["states"][0]["light"], "red");
    assert_eq!(
        a.delete(&tonight, None).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(b.get_json(&tonight).await["states"], json!([]));
    // Invitations wait while the space is paused.
    let res = b
        .post(&format!("/api/v1/spaces/{space}/invitations"), json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
}

#[tokio::test]
async fn only_the_pauser_lifts_a_pause() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let pause = format!("/api/v1/spaces/{space}/pause");
    assert_eq!(a.post(&pause, json!({})).await.status(), StatusCode::OK);
    let (status, code, message) = error_code(b.delete(&pause, None).await).await;
    assert_eq!((status, code.as_str()), (StatusCode::CONFLICT, "conflict"));
    assert!(message.contains("Only the person who paused"), "{message}");
    assert_eq!(
        a.get_json(&pause).await["paused"],
        true,
        "B could not lift A's pause"
    );
    // B can add a pause of their own; A lifting theirs leaves B's standing.
    assert_eq!(b.post(&pause, json!({})).await.status(), StatusCode::OK);
    assert_eq!(
        a.delete(&pause, None).await.status(),
        StatusCode::NO_CONTENT
    );
    let view = a.get_json(&pause).await;
    assert_eq!(view["paused"], true);
    assert_eq!(view["pauses"][0]["by"], "Sam");
    assert_eq!(
        b.delete(&pause, None).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(a.get_json(&pause).await["paused"], false);
    // The page form for lifting refuses someone else's pause just the same.
    assert_eq!(a.post(&pause, json!({})).await.status(), StatusCode::OK);
    let csrf = b.csrf().await;
    let res = b
        .form(&format!("/spaces/{space}/pause/lift"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert_eq!(a.get_json(&pause).await["paused"], true);
}

#[tokio::test]
async fn an_undo_within_ten_seconds_leaves_no_quiet_period_but_a_later_lift_does() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let pause = format!("/api/v1/spaces/{space}/pause");
    let invite = format!("/api/v1/spaces/{space}/invitations");
    let view: Value = a.post(&pause, json!({})).await.json().await.unwrap();
    assert_eq!(view["pauses"][0]["can_undo"], true);
    app.clock().advance(5);
    assert_eq!(
        a.delete(&pause, None).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        b.post(&invite, json!({})).await.status(),
        StatusCode::NO_CONTENT,
        "an undo starts no quiet period"
    );
    // A pause lifted after the undo window starts the pauser's quiet period (D3).
    let view: Value = a.post(&pause, json!({})).await.json().await.unwrap();
    assert_eq!(view["paused"], true);
    app.clock().advance(11);
    let view: Value = a.get_json(&pause).await;
    assert_eq!(view["pauses"][0]["can_undo"], false);
    assert_eq!(
        a.delete(&pause, None).await.status(),
        StatusCode::NO_CONTENT
    );
    let (status, _, message) = error_code(b.post(&invite, json!({})).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(message.contains("quiet"), "{message}");
}

#[tokio::test]
async fn a_declined_invitation_reads_not_tonight_and_cannot_be_asked_again() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space) = app.couple().await;
    let invitations = format!("/api/v1/spaces/{space}/invitations");
    assert_eq!(
        b.post(&invitations, json!({})).await.status(),
        StatusCode::NO_CONTENT
    );
    let (status, _, _) = error_code(b.post(&invitations, json!({})).await).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "one open invitation at a time"
    );
    let mine = b.get_json(&invitations).await;
    assert_eq!(mine["sent"][0]["status"], "sent");
    let text = mine.to_string();
    for word in ["seen", "read", "expires", "delivered"] {
        assert!(!text.contains(word), "the sender never sees {word}: {text}");
    }
    let theirs = a.get_json(&invitations).await;
    let id = theirs["received"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(theirs["received"][0]["from"], "Sam");
    let res = a
        .put(&format!("{invitations}/{id}"), json!({"answer": "no"}))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        b.get_json(&invitations).await["sent"][0]["status"],
        "not_tonight"
    );
    assert!(
        a.get_json(&invitations).await["received"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let (status, _, message) = error_code(b.post(&invitations, json!({})).await).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "no asking again during the quiet period"
    );
    assert!(!message.to_lowercase().contains("decline"), "{message}");
    // The quiet period is the decliner's choice of length; after it, asking is possible again.
    app.clock().advance(24 * 3600 + 1);
    app.run_jobs().await;
    assert_eq!(
        b.post(&invitations, json!({})).await.status(),
        StatusCode::NO_CONTENT
    );
    // The recipient cannot answer twice, and the sender cannot answer their own.
    let id2 = a.get_json(&invitations).await["received"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        b.put(&format!("{invitations}/{id2}"), json!({"answer": "yes"}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        a.put(&format!("{invitations}/{id2}"), json!({"answer": "yes"}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        b.get_json(&invitations).await["sent"][0]["status"],
        "accepted"
    );
}

#[tokio::test]
async fn a_red_light_starts_the_quiet_period_the_member_chose() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space) = app.couple().await;
    assert_eq!(
        a.put(
            &format!("/api/v1/spaces/{space}/quiet"),
            json!({"hours": 2})
        )
        .await
        .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        a.put(
            &format!("/api/v1/spaces/{space}/consent-now"),
            json!({"light": "red"})
        )
        .await
        .status(),
        StatusCode::OK
    );
    let invite = format!("/api/v1/spaces/{space}/invitations");
    assert_eq!(
        b.post(&invite, json!({})).await.status(),
        StatusCode::CONFLICT
    );
    app.clock().advance(2 * 3600 + 1);
    assert_eq!(
        b.post(&invite, json!({})).await.status(),
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn consent_state_is_deleted_on_expiry() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space) = app.couple().await;
    let tonight = format!("/api/v1/spaces/{space}/consent-now");
    let res = a
        .put(
            &tonight,
            json!({"light": "yellow", "good": "slow", "off": "rush", "hours": 1}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        b.put(&tonight, json!({"light": "green"})).await.status(),
        StatusCode::OK
    );
    let view = b.get_json(&tonight).await;
    assert_eq!(view["states"].as_array().unwrap().len(), 2);
    let yellow = view["states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["light"] == "yellow")
        .unwrap();
    assert_eq!(
        (yellow["good"].as_str(), yellow["off"].as_str()),
        (Some("slow"), Some("rush"))
    );
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.sqlite_path().display()))
        .await
        .unwrap();
    let count = |db: sqlx::SqlitePool| async move {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM consent_now")
            .fetch_one(&db)
            .await
            .unwrap()
    };
    assert_eq!(count(db.clone()).await, 2);
    app.clock().advance(3600);
    assert_eq!(
        b.get_json(&tonight).await["states"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "expired states are never shown"
    );
    app.run_jobs().await;
    assert_eq!(
        count(db.clone()).await,
        1,
        "the sweep deleted the expired row"
    );
    app.clock().advance(12 * 3600);
    app.run_jobs().await;
    assert_eq!(
        count(db.clone()).await,
        0,
        "nothing is left in the database"
    );
}

#[tokio::test]
async fn going_slower_sets_the_lowest_ceiling_until_its_setter_lifts_it() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let slower = format!("/api/v1/spaces/{space}/slower");
    let tonight = format!("/api/v1/spaces/{space}/consent-now");
    assert_eq!(
        a.put(&slower, json!({"ceiling": 2})).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        b.put(&slower, json!({"ceiling": 3})).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(b.get_json(&tonight).await["ceiling"], 2);
    // B lifting only lifts B's own.
    assert_eq!(
        b.delete(&slower, None).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(b.get_json(&tonight).await["ceiling"], 2);
    assert_eq!(
        a.delete(&slower, None).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(b.get_json(&tonight).await["ceiling"], Value::Null);
}

#[tokio::test]
async fn the_tonight_page_works_without_javascript() {
    let app = TestApp::spawn().await;
    let (_a, b, space) = app.couple().await;
    let csrf = b.csrf().await;
    let res = b
        .form(&format!("/spaces/{space}/tonight/red"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = b.get_page(&format!("/spaces/{space}/tonight")).await;
    assert!(html.contains("red — not tonight"), "one tap sets red");
    let res = b
        .form(
            &format!("/spaces/{space}/tonight"),
            &[
                ("csrf", &csrf),
                ("light", "green"),
                ("good", "tea first"),
                ("off", ""),
                ("hours", "4"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = b.get_page(&format!("/spaces/{space}/tonight")).await;
    assert!(html.contains("tea first"));
    let res = b
        .form(
            &format!("/spaces/{space}/tonight"),
            &[("csrf", &csrf), ("light", "blue")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = b
        .form(
            &format!("/spaces/{space}/tonight/clear"),
            &[("csrf", &csrf)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        !b.get_page(&format!("/spaces/{space}/tonight"))
            .await
            .contains("tea first")
    );
    // Pausing from any page is one tap too.
    let res = b
        .form(&format!("/spaces/{space}/pause"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = b.get_page(&format!("/spaces/{space}?n=paused")).await;
    assert!(html.contains("You paused this space"));
    assert!(html.contains(">Undo<"), "the undo is offered at first");
}
