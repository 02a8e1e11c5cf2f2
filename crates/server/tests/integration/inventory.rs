//! The desire inventory over the API: private answers, reveal rounds, matches and the honesty guard.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Person, TestApp, error_code};

const WEEK: i64 = 7 * 24 * 60 * 60;

pub(crate) fn base(space: &str) -> String {
    format!("/api/v1/spaces/{space}/inventory")
}

/// Every item `p` can see in the space, as the API lists them.
pub(crate) async fn catalog(p: &Person, space: &str) -> Vec<Value> {
    let cat: Value = p
        .get(&format!("{}/catalog", base(space)))
        .await
        .json()
        .await
        .unwrap();
    cat["items"].as_array().unwrap().clone()
}

/// Item ids offered exactly as doing/receiving, in catalog order.
pub(crate) async fn pair_items(p: &Person, space: &str) -> Vec<String> {
    catalog(p, space)
        .await
        .iter()
        .filter(|i| i["roles"] == json!(["doing", "receiving"]))
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

pub(crate) async fn answer(p: &Person, space: &str, answers: Value) {
    let res = p
        .put(
            &format!("{}/answers", base(space)),
            json!({ "answers": answers }),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

pub(crate) async fn rate(p: &Person, space: &str, item: &str, role: &str, rating: &str) {
    answer(
        p,
        space,
        json!([{"item": item, "role": role, "rating": rating}]),
    )
    .await;
}

pub(crate) async fn reveal(p: &Person, space: &str) -> (StatusCode, Value) {
    let res = p.post(&format!("{}/reveal", base(space)), json!({})).await;
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

pub(crate) async fn round(p: &Person, space: &str) -> Value {
    let res = p.get(&format!("{}/round", base(space))).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

pub(crate) async fn both_reveal(a: &Person, b: &Person, space: &str) {
    assert_eq!(reveal(a, space).await.1["status"], "waiting");
    assert_eq!(reveal(b, space).await.1["status"], "open");
}

/// Moves the clock on and signs both partners of `couple()` in again (sessions idle out).
pub(crate) async fn later(app: &TestApp, secs: i64, a: &mut Person, b: &mut Person) {
    app.clock().advance(secs);
    for (p, name) in [(a, "alex"), (b, "sam")] {
        let res = p.login(name, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK);
        let body: Value = res.json().await.unwrap();
        p.token = Some(body["token"].as_str().unwrap().to_string());
    }
}

/// The matches with member ids left out, to compare rounds of different spaces.
fn without_ids(view: &Value) -> Vec<(String, String, Vec<String>)> {
    view["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let mut roles: Vec<String> = m["roles"]
                .as_object()
                .unwrap()
                .values()
                .map(|r| r.as_str().unwrap().to_string())
                .collect();
            roles.sort();
            (m["item"].to_string(), m["tier"].to_string(), roles)
        })
        .collect()
}

pub(crate) fn matched(view: &Value, item: &str) -> Option<Value> {
    view["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["item"] == item)
        .cloned()
}

#[tokio::test]
async fn the_catalog_lists_at_least_150_items_with_roles() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let cat: Value = a
        .get(&format!("{}/catalog", base(&space)))
        .await
        .json()
        .await
        .unwrap();
    let items = cat["items"].as_array().unwrap();
    assert!(items.len() >= 150);
    for i in items {
        assert!(!i["roles"].as_array().unwrap().is_empty(), "{i}");
        assert!(i["category"].is_string() && i["title"].is_string());
        assert!((1..=4).contains(&i["intensity"].as_u64().unwrap()));
    }
}

#[tokio::test]
async fn private_stays_private_answers_and_notes_stay_with_their_owner() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let item = &pair_items(&a, &space).await[0];
    answer(
        &a,
        &space,
        json!([{"item": item, "role": "doing", "rating": "yes", "experience": "done",
            "note": "only on weekends", "conditions": "only if we talked first"}]),
    )
    .await;
    let mine: Value = a
        .get(&format!("{}/answers", base(&space)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        mine["answers"],
        json!([{"item": item, "role": "doing", "rating": "yes", "experience": "done",
            "note": "only on weekends", "conditions": "only if we talked first"}])
    );
    let theirs = b
        .get(&format!("{}/answers", base(&space)))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(theirs, r#"{"answers":[]}"#);
    rate(&b, &space, item, "receiving", "yes").await;
    both_reveal(&a, &b, &space).await;
    let seen = round(&b, &space).await.to_string();
    assert!(!seen.contains("weekends") && !seen.contains("talked first"));
}

#[tokio::test]
async fn nothing_is_revealed_until_everyone_presses_reveal() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let item = &pair_items(&a, &space).await[0];
    rate(&a, &space, item, "doing", "yes").await;
    rate(&b, &space, item, "receiving", "yes").await;
    assert_eq!(round(&a, &space).await["status"], "none");
    assert_eq!(reveal(&a, &space).await.1["status"], "waiting");
    for p in [&a, &b] {
        let view = round(p, &space).await;
        assert_eq!(view["status"], "waiting");
        assert_eq!(view["matches"], json!([]));
        assert_eq!(view["members"], json!([]));
        assert_eq!(view["ready"].as_array().unwrap().len(), 1);
    }
    assert_eq!(reveal(&b, &space).await.1["status"], "open");
    let view = round(&a, &space).await;
    assert_eq!(view["status"], "open");
    assert_eq!(matched(&view, item).unwrap()["tier"], "yes");
    assert!(view["explanation"].as_str().unwrap().contains("honestly"));
}

#[tokio::test]
async fn private_stays_private_only_shared_interests_are_revealed_and_a_no_never_is() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let items = pair_items(&a, &space).await;
    let (shared, refused) = (&items[0], &items[1]);
    rate(&a, &space, shared, "doing", "yes").await;
    rate(&b, &space, shared, "receiving", "maybe").await;
    rate(&a, &space, refused, "doing", "no").await;
    rate(&b, &space, refused, "receiving", "yes").await;
    both_reveal(&a, &b, &space).await;
    let view = round(&b, &space).await;
    let m = matched(&view, shared).unwrap();
    assert_eq!(m["tier"], "maybe");
    assert_eq!(m["roles"].as_object().unwrap().len(), 2);
    assert!(matched(&view, refused).is_none());
    assert!(!view.to_string().contains(refused.as_str()));

    // The same round seen by B, had A left the item unanswered instead of saying no.
    let app2 = TestApp::spawn().await;
    let (a2, b2, space2) = app2.couple().await;
    rate(&a2, &space2, shared, "doing", "yes").await;
    rate(&b2, &space2, shared, "receiving", "maybe").await;
    rate(&b2, &space2, refused, "receiving", "yes").await;
    both_reveal(&a2, &b2, &space2).await;
    let view2 = round(&b2, &space2).await;
    assert_eq!(view["matches"].as_array().unwrap().len(), 1);
    assert_eq!(view2["matches"].as_array().unwrap().len(), 1);
    assert_eq!(matched(&view2, shared).unwrap()["tier"], "maybe");
    assert_eq!(without_ids(&view), without_ids(&view2));
}

#[tokio::test]
async fn withdrawal_always_wins_lowering_an_answer_removes_the_match_at_once_for_everyone() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let items = pair_items(&a, &space).await;
    for item in &items[..2] {
        rate(&a, &space, item, "doing", "yes").await;
        rate(&b, &space, item, "receiving", "yes").await;
    }
    both_reveal(&a, &b, &space).await;
    rate(&a, &space, &items[0], "doing", "maybe").await;
    assert_eq!(
        matched(&round(&b, &space).await, &items[0]).unwrap()["tier"],
        "maybe"
    );
    rate(&a, &space, &items[0], "doing", "no").await;
    rate(&b, &space, &items[1], "receiving", "none").await;
    for p in [&a, &b] {
        let view = round(p, &space).await;
        assert!(matched(&view, &items[0]).is_none());
        assert!(matched(&view, &items[1]).is_none());
    }
}

#[tokio::test]
async fn raising_an_answer_waits_for_the_next_round() {
    let app = TestApp::spawn().await;
    let (mut a, mut b, space) = app.couple().await;
    let item = &pair_items(&a, &space).await[0];
    rate(&a, &space, item, "doing", "no").await;
    rate(&b, &space, item, "receiving", "yes").await;
    both_reveal(&a, &b, &space).await;
    rate(&a, &space, item, "doing", "yes").await;
    assert!(matched(&round(&b, &space).await, item).is_none());
    later(&app, WEEK, &mut a, &mut b).await;
    both_reveal(&a, &b, &space).await;
    assert_eq!(
        matched(&round(&b, &space).await, item).unwrap()["tier"],
        "yes"
    );
}

#[tokio::test]
async fn a_new_round_waits_for_the_cooling_period() {
    let app = TestApp::spawn().await;
    let (mut a, mut b, space) = app.couple().await;
    both_reveal(&a, &b, &space).await;
    later(&app, WEEK - 60, &mut a, &mut b).await;
    let (status, body) = reveal(&a, &space).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("cooling")
    );
    assert_eq!(round(&a, &space).await["status"], "open");
    later(&app, 60, &mut a, &mut b).await;
    assert_eq!(reveal(&a, &space).await.1["status"], "waiting");
    assert_eq!(round(&b, &space).await["status"], "waiting");
    assert_eq!(reveal(&b, &space).await.1["status"], "open");
}

#[tokio::test]
async fn the_honesty_guard_shows_counts_not_answers() {
    let app = TestApp::spawn().await;
    let (mut a, mut b, space) = app.couple().await;
    let items = pair_items(&a, &space).await;
    let all_yes: Vec<Value> = items[..4]
        .iter()
        .map(|i| json!({"item": i, "role": "doing", "rating": "yes"}))
        .collect();
    answer(&a, &space, Value::Array(all_yes)).await;
    rate(&b, &space, &items[5], "doing", "no").await;
    both_reveal(&a, &b, &space).await;
    let view = round(&b, &space).await;
    let a_member: Value = a.space(&space).await.json().await.unwrap();
    assert_eq!(
        view["members"],
        json!([{"member_id": a_member["me"], "answered": 4, "yes_band": "nearly_all",
            "changed_since_last_round": 0}])
    );
    assert_eq!(view["matches"], json!([]));
    assert!(!view.to_string().contains(items[0].as_str()));
    let of_b = round(&a, &space).await;
    assert_eq!(of_b["members"][0]["answered"], 1);
    assert_eq!(of_b["members"][0]["yes_band"], "under_half");

    rate(&a, &space, &items[0], "doing", "no").await;
    rate(&a, &space, &items[1], "doing", "none").await;
    later(&app, WEEK, &mut a, &mut b).await;
    both_reveal(&a, &b, &space).await;
    let view = round(&b, &space).await;
    assert_eq!(view["members"][0]["answered"], 3);
    assert_eq!(view["members"][0]["yes_band"], "most");
    assert_eq!(view["members"][0]["changed_since_last_round"], 2);
}

#[tokio::test]
async fn bad_inventory_input_gets_a_clear_4xx() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    // The shortest id keeps 1001 entries well under the body limit.
    let item = pair_items(&a, &space)
        .await
        .into_iter()
        .min_by_key(String::len)
        .unwrap();
    let path = format!("{}/answers", base(&space));
    let one = |fields: Value| {
        let mut entry = json!({"item": item, "role": "doing", "rating": "yes"});
        for (k, v) in fields.as_object().unwrap() {
            entry[k] = v.clone();
        }
        json!({ "answers": [entry] })
    };
    let cases = [
        (one(json!({"item": "no.such.item"})), "no.such.item"),
        (one(json!({"role": "leading"})), "leading"),
        (one(json!({"rating": "sometimes"})), "rating"),
        (one(json!({"note": "x".repeat(501)})), "500"),
        (one(json!({"note": "a\u{0}b"})), "characters"),
        (one(json!({"experience": "often"})), "Experience"),
    ];
    for (body, hint) in cases {
        let (status, code, message) = error_code(a.put(&path, body.clone()).await).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            "{body}"
        );
        assert!(message.contains(hint), "{message} should mention {hint}");
    }
    let many: Vec<Value> = (0..1001)
        .map(|_| json!({"item": item, "role": "doing", "rating": "yes"}))
        .collect();
    let (status, _, message) = error_code(a.put(&path, json!({ "answers": many })).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("1000"));
    let (status, _, _) = error_code(a.put(&path, one(json!({"extra": 1}))).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let mine: Value = a.get(&path).await.json().await.unwrap();
    assert_eq!(mine["answers"], json!([]), "nothing was written");
}

#[tokio::test]
async fn private_stays_private_someone_who_joins_after_a_reveal_sees_none_of_its_matches() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let item = &pair_items(&a, &space).await[0];
    rate(&a, &space, item, "doing", "yes").await;
    rate(&b, &space, item, "receiving", "yes").await;
    both_reveal(&a, &b, &space).await;
    let c = app.signed_up("kai").await;
    let code = a.invite(&space).await;
    assert_eq!(c.accept(&code, "Kai").await.status(), StatusCode::OK);
    let view = round(&c, &space).await;
    assert_eq!(view["matches"], json!([]), "{view}");
    assert_eq!(view["members"], json!([]), "{view}");
    assert!(matched(&round(&a, &space).await, item).is_some());
}
