//! Bad input gets a clear 4xx and loses nothing; nothing causes a 5xx.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, error_code};

async fn raw(
    app: &TestApp,
    token: Option<&str>,
    path: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (StatusCode, Value) {
    let mut r = reqwest::Client::new()
        .post(format!("{}{}", app.base, path))
        .header("content-type", content_type)
        .body(body);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let res = r.send().await.unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn an_oversize_body_is_refused_with_413() {
    let app = TestApp::spawn().await;
    let big = json!({"username": "x".repeat(100_000), "password": "y"})
        .to_string()
        .into_bytes();
    let (status, body) = raw(&app, None, "/api/v1/auth/signup", "application/json", big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["code"], "too_large");
}

#[tokio::test]
async fn invalid_utf8_and_broken_json_are_refused_with_400() {
    let app = TestApp::spawn().await;
    let (status, body) = raw(
        &app,
        None,
        "/api/v1/auth/signup",
        "application/json",
        b"{\"username\": \"\xff\xfe\", \"password\": \"x\"}".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    let (status, _) = raw(
        &app,
        None,
        "/api/v1/auth/signup",
        "application/json",
        b"{not json".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = raw(
        &app,
        None,
        "/api/v1/auth/signup",
        "text/plain",
        b"hello".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn missing_extra_and_wrong_typed_fields_are_refused_with_clear_messages() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    for body in [
        json!({"name": "Ours"}),
        json!({"name": "Ours", "display_name": "Me", "owner": "someone"}),
        json!({"name": 42, "display_name": "Me"}),
        json!(["not", "an", "object"]),
    ] {
        let (status, code, message) =
            error_code(p.post("/api/v1/spaces", body.clone()).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(code, "bad_request");
        assert!(
            message.contains("shape") || message.contains("JSON"),
            "{message}"
        );
    }
}

#[tokio::test]
async fn nul_bytes_and_control_characters_are_refused() {
    let app = TestApp::spawn().await;
    let mut p = app.person();
    let (status, _, _) = error_code(
        p.signup("river\u{0}", "a calm evening walk by the river")
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let p = app.signed_up("river").await;
    let res = p
        .post(
            "/api/v1/spaces",
            json!({"name": "Ours\u{0}", "display_name": "Me"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = p
        .post(
            "/api/v1/spaces",
            json!({"name": "Ours", "display_name": "Me\u{7}"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn unknown_ids_and_routes_answer_404() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    assert_eq!(
        p.get("/api/v1/spaces/nope").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        p.get(&format!("/api/v1/spaces/{}", "z".repeat(5000)))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        p.get("/api/v1/no-such-thing").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(p.get("/no-such-page").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        p.get("/static/../Cargo.toml").await.status(),
        StatusCode::NOT_FOUND
    );
}

/// Random bytes thrown at every JSON endpoint never produce a server error.
#[tokio::test]
async fn random_bodies_never_cause_a_server_error() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    let space = p.create_space("Ours", "Me").await;
    let token = p.token.clone().unwrap();
    let paths = [
        "/api/v1/auth/signup".to_string(),
        "/api/v1/auth/login".into(),
        "/api/v1/auth/recover".into(),
        "/api/v1/auth/password".into(),
        "/api/v1/spaces".into(),
        "/api/v1/invites/accept".into(),
        "/api/v1/coach".into(),
        format!("/api/v1/spaces/{space}/invites"),
        format!("/api/v1/spaces/{space}/pause"),
        format!("/api/v1/spaces/{space}/invitations"),
        format!("/api/v1/spaces/{space}/calendar/rotate"),
        format!("/api/v1/spaces/{space}/plans"),
        format!("/api/v1/spaces/{space}/plans/x/confirm"),
        format!("/api/v1/spaces/{space}/plans/x/follow-ups"),
        format!("/api/v1/spaces/{space}/log"),
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let samples: Vec<Vec<u8>> = (0..40)
        .map(|i| match i % 4 {
            0 => (0..(next() % 300)).map(|_| next() as u8).collect(),
            1 => json!({"username": "a\u{0}b", "password": 1, "text": null})
                .to_string()
                .into_bytes(),
            2 => format!(
                "{{\"text\": \"{}\", \"code\": \"{}\"}}",
                "é".repeat((next() % 50) as usize),
                "Z".repeat((next() % 90) as usize)
            )
            .into_bytes(),
            _ => b"{\"name\": \"\\ud800\", \"display_name\": \"x\"}".to_vec(),
        })
        .collect();
    for path in &paths {
        for body in &samples {
            let (status, _) = raw(&app, Some(&token), path, "application/json", body.clone()).await;
            assert!(
                status.is_client_error() || status.is_success(),
                "{path} answered {status}"
            );
        }
    }
}

#[tokio::test]
async fn the_coach_refuses_text_over_its_limit_and_checks_the_rest() {
    let app = TestApp::spawn().await;
    let p = app.person();
    let res = p
        .post("/api/v1/coach", json!({"text": "You never listen to me."}))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let advice: Value = res.json().await.unwrap();
    assert!(!advice["flags"].as_array().unwrap().is_empty());
    let res = p
        .post("/api/v1/coach", json!({"text": "a".repeat(10_001)}))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// Every consent-now, pause, check-in and reminder field has a limit and a clear 422 message;
/// wrong shapes get 400; nothing answers 500.
#[tokio::test]
async fn consent_and_checkin_fields_are_checked_with_clear_messages() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let long = "x".repeat(301);
    let longer = "y".repeat(2001);
    let cases: Vec<(&str, String, serde_json::Value, &str)> = vec![
        (
            "PUT",
            format!("/api/v1/spaces/{space}/consent-now"),
            json!({"light": "blue"}),
            "light",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/consent-now"),
            json!({"light": "red", "hours": 0}),
            "hours",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/consent-now"),
            json!({"light": "red", "hours": 49}),
            "hours",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/consent-now"),
            json!({"light": "red", "good": long}),
            "good",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/consent-now"),
            json!({"light": "red", "off": "a\u{0}b"}),
            "off",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/slower"),
            json!({"ceiling": 5}),
            "ceiling",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/quiet"),
            json!({"hours": 0}),
            "quiet_hours",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/quiet"),
            json!({"hours": 337}),
            "quiet_hours",
        ),
        (
            "POST",
            format!("/api/v1/spaces/{space}/pause"),
            json!({"revisit_at": 5}),
            "revisit_at",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/checkins/current/answers"),
            json!({"comfort": 0}),
            "comfort",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/checkins/current/answers"),
            json!({"fair_say": 6}),
            "fair_say",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/checkins/current/answers"),
            json!({"raise": longer}),
            "raise",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/checkins/current/answers"),
            json!({"trust": "\u{7}"}),
            "trust",
        ),
        (
            "PUT",
            format!("/api/v1/spaces/{space}/checkins/cadence"),
            json!({"cadence": "daily"}),
            "cadence",
        ),
        (
            "POST",
            format!("/api/v1/spaces/{space}/invitations"),
            json!({"to": "someone-else"}),
            "to",
        ),
    ];
    for (method, path, body, field) in cases {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let res = a
            .req(method.clone(), &path)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let json: serde_json::Value = res.json().await.unwrap();
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{method} {path} {body}"
        );
        assert_eq!(json["error"]["field"], field, "{body}");
        assert!(json["error"]["message"].as_str().unwrap().len() > 10);
    }
    for (path, body) in [
        (
            format!("/api/v1/spaces/{space}/consent-now"),
            json!({"light": "red", "mood": "x"}),
        ),
        (
            format!("/api/v1/spaces/{space}/checkins/current/answers"),
            json!({"comfort": "four"}),
        ),
        (format!("/api/v1/spaces/{space}/slower"), json!({})),
    ] {
        let res = a.put(&path, body.clone()).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{path} {body}");
    }
    let res = a
        .post(&format!("/api/v1/spaces/{space}/pause"), json!(["x"]))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/invitations/nope"),
            json!({"answer": "maybe"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/invitations/nope"),
            json!({"answer": "no"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let long_id = "z".repeat(200);
    let res = a
        .get(&format!("/api/v1/spaces/{space}/checkins/{long_id}"))
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// Every plan, debrief, follow-up and desire-log field has a limit and a clear 422 message.
#[tokio::test]
async fn plan_debrief_and_log_fields_are_checked_with_clear_messages() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let now = app.clock().now();
    let plan = |extra: Value| {
        let mut base = json!({"title": "Evening", "activities": [{"item": "touch.back-massage"}],
            "at": now + 200_000, "ceiling": 2});
        for (k, v) in extra.as_object().unwrap() {
            base[k] = v.clone();
        }
        base
    };
    let many: Vec<Value> = (0..21).map(|i| json!({"item": format!("x.{i}")})).collect();
    let p = format!("/api/v1/spaces/{space}/plans");
    let fake = format!("{p}/00000000-0000-0000-0000-000000000000");
    let log = format!("/api/v1/spaces/{space}/log");
    let cases: Vec<(&str, String, Value, &str)> = vec![
        ("POST", p.clone(), plan(json!({"title": ""})), "title"),
        (
            "POST",
            p.clone(),
            plan(json!({"title": "t".repeat(121)})),
            "title",
        ),
        ("POST", p.clone(), plan(json!({"title": "a\nb"})), "title"),
        (
            "POST",
            p.clone(),
            plan(json!({"activities": []})),
            "activities",
        ),
        (
            "POST",
            p.clone(),
            plan(json!({"activities": many})),
            "activities",
        ),
        (
            "POST",
            p.clone(),
            plan(json!({"activities": [{"item": "a.b"}, {"item": "a.b"}]})),
            "activities",
        ),
        ("POST", p.clone(), plan(json!({"at": now - 1})), "at"),
        (
            "POST",
            p.clone(),
            plan(json!({"at": now + 400 * 86_400})),
            "at",
        ),
        ("POST", p.clone(), plan(json!({"ceiling": 0})), "ceiling"),
        ("POST", p.clone(), plan(json!({"ceiling": 5})), "ceiling"),
        (
            "POST",
            p.clone(),
            plan(json!({"exit_strategy": "e".repeat(2001)})),
            "exit_strategy",
        ),
        (
            "POST",
            p.clone(),
            plan(json!({"aftercare": {"someone-else": "tea"}})),
            "aftercare",
        ),
        (
            "POST",
            p.clone(),
            plan(json!({"checklist": {"weather": {"done": true}}})),
            "checklist",
        ),
        (
            "POST",
            p.clone(),
            plan(json!({"checklist": {"hygiene": {"note": "a\u{0}b"}}})),
            "checklist",
        ),
        (
            "POST",
            p.clone(),
            plan(json!({"when": "w".repeat(121)})),
            "when",
        ),
        (
            "PUT",
            format!("{fake}/debrief"),
            json!({"aftercare": 0}),
            "aftercare",
        ),
        (
            "PUT",
            format!("{fake}/debrief"),
            json!({"aftercare": 6}),
            "aftercare",
        ),
        (
            "PUT",
            format!("{fake}/debrief"),
            json!({"doubt": "d".repeat(2001)}),
            "doubt",
        ),
        (
            "PUT",
            format!("{fake}/debrief"),
            json!({"feel_now": "\u{7}"}),
            "feel_now",
        ),
        (
            "POST",
            format!("{fake}/follow-ups"),
            json!({"text": ""}),
            "text",
        ),
        (
            "POST",
            format!("{fake}/follow-ups"),
            json!({"text": "f".repeat(501)}),
            "text",
        ),
        (
            "POST",
            log.clone(),
            json!({"kind": "meh", "text": "x"}),
            "kind",
        ),
        ("POST", log.clone(), json!({"kind": "worked"}), "text"),
        (
            "POST",
            log.clone(),
            json!({"kind": "worked", "text": ""}),
            "text",
        ),
        (
            "POST",
            log.clone(),
            json!({"kind": "worked", "text": "l".repeat(2001)}),
            "text",
        ),
        (
            "POST",
            log.clone(),
            json!({"kind": "worked", "text": "x", "item": "no.such"}),
            "item",
        ),
        (
            "POST",
            log.clone(),
            json!({"kind": "worked", "from_debrief": {"plan_id": "p", "member_id": "m", "field": "secret"}}),
            "from_debrief",
        ),
    ];
    for (method, path, body, field) in cases {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let res = a
            .req(method.clone(), &path)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let json: Value = res.json().await.unwrap();
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{method} {path} {body} {json}"
        );
        assert_eq!(json["error"]["field"], field, "{body}");
        assert!(json["error"]["message"].as_str().unwrap().len() > 10);
    }
    // Unknown plans and lines answer 404; wrong shapes 400.
    let res = a.req(reqwest::Method::GET, &fake).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = a.post(&format!("{fake}/withdraw"), json!({})).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = a.post(&format!("{log}/nothing/consent"), json!({})).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = a.post(&p, json!({"title": "x"})).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    let res = a
        .post(&format!("{fake}/confirm"), json!({"bigger_step": "yes"}))
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}
