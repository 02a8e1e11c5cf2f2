//! The check-in forum over HTTP (E1–E4): sealed answers (invariant 5), editing until the reveal,
//! closing by cadence, the cadence chosen together, and the trend charts.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Person, TestApp, error_code};

async fn current(p: &Person, space: &str) -> Value {
    let res = p
        .get(&format!("/api/v1/spaces/{space}/checkins/current"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn answer(p: &Person, space: &str, body: Value) -> reqwest::Response {
    p.put(
        &format!("/api/v1/spaces/{space}/checkins/current/answers"),
        body,
    )
    .await
}

/// Three members; answers typed by `i` carry `SECRET-i`.
async fn trio(app: &TestApp) -> (Vec<Person>, String) {
    let (a, b, space) = app.couple().await;
    let c = app.signed_up("robin").await;
    let code = a.invite(&space).await;
    assert_eq!(c.accept(&code, "Robin").await.status(), StatusCode::OK);
    (vec![a, b, c], space)
}

#[tokio::test]
async fn sealed_answers_hidden_until_all_submitted_over_http_in_every_order() {
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    for order in orders {
        let app = TestApp::spawn().await;
        let (people, space) = trio(&app).await;
        for (step, &i) in order.iter().enumerate() {
            let res = answer(
                &people[i],
                &space,
                json!({"comfort": 3, "good": format!("SECRET-{i}")}),
            )
            .await;
            assert_eq!(res.status(), StatusCode::OK);
            let last = step == order.len() - 1;
            for (v, viewer) in people.iter().enumerate() {
                let body = current(viewer, &space).await;
                let text = body.to_string();
                assert_eq!(body["revealed"], last, "order {order:?} step {step}");
                for j in 0..3 {
                    let visible = text.contains(&format!("SECRET-{j}"));
                    let submitted = order[..=step].contains(&j);
                    let expected = submitted && (last || j == v);
                    assert_eq!(
                        visible, expected,
                        "order {order:?} step {step}: viewer {v} sees {j}"
                    );
                }
                let count = body["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|m| m["submitted"] == true)
                    .count();
                assert_eq!(count, step + 1, "who has submitted is shown");
            }
        }
    }
}

#[tokio::test]
async fn answers_can_be_edited_until_the_reveal_and_not_after() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    assert_eq!(
        answer(&a, &space, json!({"heard": 2, "raise": "first draft"}))
            .await
            .status(),
        StatusCode::OK
    );
    let mine = answer(&a, &space, json!({"heard": 4, "raise": "second thoughts"}))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(mine["mine"]["raise"], "second thoughts");
    assert_eq!(mine["revealed"], false);
    let both = answer(&b, &space, json!({"heard": 5}))
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(both["revealed"], true);
    assert_eq!(both["answers"].as_array().unwrap().len(), 2);
    assert_eq!(
        both["answers"][0]["is_me"], true,
        "mine first, side by side"
    );
    assert_eq!(both["answers"][1]["answers"]["raise"], "second thoughts");
    let (status, _, message) = error_code(answer(&a, &space, json!({"heard": 1})).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(message.contains("can't change"), "{message}");
    // The round can be fetched by id.
    let id = both["id"].as_str().unwrap();
    let round: Value = a
        .get(&format!("/api/v1/spaces/{space}/checkins/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(round["answers"][0]["answers"]["heard"], 4);
}

#[tokio::test]
async fn a_round_closed_by_its_cadence_shows_what_was_submitted_and_a_new_one_opens() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space) = app.couple().await;
    let first = answer(&a, &space, json!({"good": "the walk on sunday"}))
        .await
        .json::<Value>()
        .await
        .unwrap();
    let id = first["id"].as_str().unwrap().to_string();
    let hidden: Value = b
        .get(&format!("/api/v1/spaces/{space}/checkins/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(!hidden.to_string().contains("sunday"));
    app.clock().advance(14 * 24 * 3600);
    let closed: Value = b
        .get(&format!("/api/v1/spaces/{space}/checkins/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(closed["revealed"], true);
    assert!(closed.to_string().contains("the walk on sunday"));
    let next = current(&b, &space).await;
    assert_eq!(next["number"], 2);
    assert_eq!(next["revealed"], false);
    assert_eq!(
        next["closes_at"].as_i64().unwrap() - next["starts_at"].as_i64().unwrap(),
        14 * 24 * 3600
    );
}

#[tokio::test]
async fn cadence_change_needs_everyone() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let path = format!("/api/v1/spaces/{space}/checkins/cadence");
    let view: Value = a.get(&path).await.json().await.unwrap();
    assert_eq!(
        (view["cadence"].as_str(), view["is_default"].as_bool()),
        (Some("fortnightly"), Some(true))
    );
    let view: Value = a
        .put(&path, json!({"cadence": "weekly"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        view["cadence"], "fortnightly",
        "one member alone changes nothing"
    );
    assert_eq!(view["choices"][0]["is_me"], true);
    let view: Value = b
        .put(&path, json!({"cadence": "monthly"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["cadence"], "fortnightly");
    let view: Value = b
        .put(&path, json!({"cadence": "weekly"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["cadence"], "weekly", "everyone chose weekly");
    assert_eq!(view["choices"], json!([]));
    let (status, _, _) = error_code(a.put(&path, json!({"cadence": "daily"})).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn trends_are_drawn_on_the_server_with_a_table_and_a_gentle_note_on_a_gap() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space) = app.couple().await;
    for (ha, hb) in [(4, 4), (5, 2)] {
        answer(
            &a,
            &space,
            json!({"comfort": 4, "alignment": 3, "heard": ha, "fair_say": 4}),
        )
        .await;
        answer(
            &b,
            &space,
            json!({"comfort": 3, "alignment": 3, "heard": hb, "fair_say": 4}),
        )
        .await;
        app.clock().advance(14 * 24 * 3600);
    }
    // A sealed round never shows up in trends.
    answer(&a, &space, json!({"comfort": 1})).await;
    let html = a
        .client
        .get(a.url(&format!("/spaces/{space}/checkins/trends")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(html.matches("<svg class=\"trend-chart\"").count(), 4);
    assert!(html.contains("<caption>Feeling heard, 1 to 5, by check-in</caption>"));
    assert!(html.contains("your answers on feeling heard were some way apart"));
    assert!(!html.contains("your answers on having a fair say were some way apart"));
    assert!(
        !html.contains("<th scope=\"row\">3</th>"),
        "the sealed third round is not charted"
    );
    assert!(!html.contains("<script>"), "no inline script");
}

#[tokio::test]
async fn the_checkin_page_works_without_javascript_and_shows_ground_rules() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let csrf = a.csrf().await;
    let html = a
        .client
        .get(a.url(&format!("/spaces/{space}/checkins")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Speak from your own experience"));
    assert!(html.contains("Sam: not yet"));
    let res = a
        .form(
            &format!("/spaces/{space}/checkins/answers"),
            &[
                ("csrf", &csrf),
                ("comfort", "4"),
                ("good", "PAGE-ANSWER"),
                ("heard", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = b
        .client
        .get(b.url(&format!("/spaces/{space}/checkins")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Alex: answered"));
    assert!(!html.contains("PAGE-ANSWER"));
    let res = a
        .form(
            &format!("/spaces/{space}/checkins/answers"),
            &[("csrf", &csrf), ("comfort", "9")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let csrf_b = b.csrf().await;
    b.form(
        &format!("/spaces/{space}/checkins/answers"),
        &[("csrf", &csrf_b), ("comfort", "2")],
    )
    .await;
    let html = b
        .client
        .get(b.url(&format!("/spaces/{space}/checkins")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Side by side") && html.contains("PAGE-ANSWER"));
}
