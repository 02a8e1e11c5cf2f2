//! Sign-up, login, password change, recovery, deletion.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{PASSWORD, TestApp, error_code};

#[tokio::test]
async fn signup_returns_a_recovery_code_and_a_working_session() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    assert_eq!(p.recovery.as_ref().unwrap().replace('-', "").len(), 26);
    assert_eq!(p.get("/api/v1/spaces").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_common_password_is_refused_with_a_clear_message() {
    let app = TestApp::spawn().await;
    let mut p = app.person();
    let (status, code, message) = error_code(p.signup("river", "password1234").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(code, "invalid");
    assert!(message.contains("most commonly used"), "{message}");
    let (status, _, message) = error_code(p.signup("river", "short").await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("at least 12"), "{message}");
}

#[tokio::test]
async fn a_taken_username_is_refused_whatever_its_case() {
    let app = TestApp::spawn().await;
    app.signed_up("River").await;
    let mut p = app.person();
    let (status, _, message) = error_code(p.signup("river", PASSWORD).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("taken"));
}

#[tokio::test]
async fn unknown_usernames_and_wrong_passwords_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.signed_up("river").await;
    let p = app.person();
    let wrong = p.login("river", "not the right password").await;
    let (s1, h1) = (
        wrong.status(),
        wrong.headers().get("content-length").cloned(),
    );
    let b1 = wrong.text().await.unwrap();
    let unknown = p.login("nobody-here", "not the right password").await;
    let (s2, h2) = (
        unknown.status(),
        unknown.headers().get("content-length").cloned(),
    );
    let b2 = unknown.text().await.unwrap();
    assert_eq!(s1, StatusCode::UNAUTHORIZED);
    assert_eq!((s1, h1, b1), (s2, h2, b2));
}

#[tokio::test]
async fn repeated_failures_back_off_for_known_and_unknown_usernames_alike() {
    let app = TestApp::spawn().await;
    app.signed_up("river").await;
    let p = app.person();
    for user in ["river", "nobody-here"] {
        for _ in 0..3 {
            assert_eq!(
                p.login(user, "not the right password").await.status(),
                StatusCode::UNAUTHORIZED
            );
        }
        let res = p.login(user, "not the right password").await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS, "{user}");
        assert!(res.headers().contains_key("retry-after"));
    }
    // Even the right password waits until the back-off has passed.
    assert_eq!(
        p.login("river", PASSWORD).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    app.clock().advance(5);
    assert_eq!(p.login("river", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_per_address_limit_answers_429_with_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let config = attune_server::Config {
        data_dir: dir.path().into(),
        listen: "127.0.0.1:0".into(),
        kdf_profile: "test".into(),
        login_attempts_per_minute: 2,
        ..Default::default()
    };
    let server = attune_server::start(config).await.unwrap();
    let client = reqwest::Client::new();
    let url = format!("{}/api/v1/auth/login", server.origin);
    let body = json!({"username": "someone", "password": "whatever it is here"});
    let mut statuses = Vec::new();
    for _ in 0..3 {
        statuses.push(client.post(&url).json(&body).send().await.unwrap().status());
    }
    assert_eq!(
        statuses,
        [
            StatusCode::UNAUTHORIZED,
            StatusCode::UNAUTHORIZED,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
}

#[tokio::test]
async fn changing_the_password_loses_nothing() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let res = a
        .post(
            "/api/v1/auth/password",
            json!({"current_password": PASSWORD, "new_password": "a brand new passphrase here"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        a.login("alex", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let mut fresh = app.person();
    let token: serde_json::Value = fresh
        .login("alex", "a brand new passphrase here")
        .await
        .json()
        .await
        .unwrap();
    fresh.token = Some(token["token"].as_str().unwrap().into());
    let view: serde_json::Value = fresh.space(&space).await.json().await.unwrap();
    assert_eq!(view["name"], "Our space");
    assert_eq!(view["members"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_wrong_current_password_does_not_change_anything() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("river").await;
    let res = a.post("/api/v1/auth/password", json!({"current_password": "not it at all, sorry", "new_password": "a brand new passphrase here"})).await;
    let (status, _, message) = error_code(res).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("current password"));
    assert_eq!(a.login("river", PASSWORD).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_recovery_code_restores_access_and_keys_and_is_replaced() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let old_code = a.recovery.clone().unwrap();
    let p = app.person();
    let res = p
        .post("/api/v1/auth/recover", json!({"username": "alex", "recovery_code": old_code.to_lowercase(), "new_password": "recovered and calm again"}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: serde_json::Value = res.json().await.unwrap();
    let new_code = body["recovery_code"].as_str().unwrap();
    assert_ne!(new_code, old_code);
    // Every earlier session ended.
    assert_eq!(
        a.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
    // The data is still readable with the new session.
    let mut again = app.person();
    again.token = Some(body["token"].as_str().unwrap().into());
    let view: serde_json::Value = again.space(&space).await.json().await.unwrap();
    assert_eq!(view["name"], "Our space");
    // The old code no longer works; the new one does.
    let res = p.post("/api/v1/auth/recover", json!({"username": "alex", "recovery_code": old_code, "new_password": "yet another passphrase"})).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = p.post("/api/v1/auth/recover", json!({"username": "alex", "recovery_code": new_code, "new_password": "yet another passphrase"})).await;
    assert_eq!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn leaving_is_unilateral_and_safe_deleting_the_account_keeps_the_partners_space() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let res = b
        .delete("/api/v1/account", Some(json!({"password": PASSWORD})))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        b.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        b.login("sam", PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let view: serde_json::Value = a.space(&space).await.json().await.unwrap();
    assert_eq!(view["members"].as_array().unwrap().len(), 1);
    assert_eq!(view["name"], "Our space");
    // Nothing of the deleted user is left.
    let store = &app.server.state.store;
    assert!(
        store
            .user_by_id(b.user_id.as_ref().unwrap())
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .sessions_of_user(b.user_id.as_ref().unwrap())
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store
            .space_key(&space, b.user_id.as_ref().unwrap(), 1)
            .await
            .unwrap(),
        None
    );
}

#[tokio::test]
async fn deleting_the_account_needs_the_password() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("river").await;
    let res = a
        .delete(
            "/api/v1/account",
            Some(json!({"password": "not my password at all"})),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(a.get("/api/v1/spaces").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_new_recovery_code_needs_the_current_password() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("river").await;
    let res = a
        .post(
            "/api/v1/auth/recovery-code",
            json!({"password": "not my password at all"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .post("/api/v1/auth/recovery-code", json!({"password": PASSWORD}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let code = res.json::<serde_json::Value>().await.unwrap()["recovery_code"]
        .as_str()
        .unwrap()
        .to_string();
    let p = app.person();
    let old = p.post("/api/v1/auth/recover", json!({"username": "river", "recovery_code": a.recovery.clone().unwrap(), "new_password": "another calm passphrase"})).await;
    assert_eq!(
        old.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the replaced code no longer works"
    );
    let new = p.post("/api/v1/auth/recover", json!({"username": "river", "recovery_code": code, "new_password": "another calm passphrase"})).await;
    assert_eq!(new.status(), StatusCode::OK);
}
