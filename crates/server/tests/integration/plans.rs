//! Plans, debriefs and the desire log over the API (F1–F5): every refusal rule, confirmation by
//! everyone, withdrawal and pause, gradual progression, sealed debriefs and author consent.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Person, TestApp, error_code};
use crate::inventory::{answer, both_reveal, round};

pub(crate) const DAY: i64 = 24 * 60 * 60;
const CANT: &str = "One of these activities can't be planned right now";

/// Catalog items offered exactly as doing/receiving at one intensity level, in catalog order.
pub(crate) async fn items_at(p: &Person, space: &str, level: u64) -> Vec<String> {
    let cat: Value = p
        .get(&format!("/api/v1/spaces/{space}/inventory/catalog"))
        .await
        .json()
        .await
        .unwrap();
    cat["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["roles"] == json!(["doing", "receiving"]) && i["intensity"] == level)
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

/// A couple whose open round matches `items` (A doing, B receiving, both yes).
pub(crate) async fn matched(
    app: &TestApp,
    items: &[(u64, usize)],
) -> (Person, Person, String, Vec<String>) {
    let (a, b, space) = app.couple().await;
    let mut ids = Vec::new();
    for (level, n) in items {
        ids.push(items_at(&a, &space, *level).await[*n].clone());
    }
    let a_answers: Vec<Value> = ids
        .iter()
        .map(|i| json!({"item": i, "role": "doing", "rating": "yes"}))
        .collect();
    let b_answers: Vec<Value> = ids
        .iter()
        .map(|i| json!({"item": i, "role": "receiving", "rating": "yes"}))
        .collect();
    answer(&a, &space, json!(a_answers)).await;
    answer(&b, &space, json!(b_answers)).await;
    both_reveal(&a, &b, &space).await;
    assert_eq!(
        round(&a, &space).await["matches"].as_array().unwrap().len(),
        ids.len()
    );
    (a, b, space, ids)
}

pub(crate) fn plan_body(app: &TestApp, items: &[&str], ahead: i64) -> Value {
    let activities: Vec<Value> = items.iter().map(|i| json!({"item": i})).collect();
    json!({
        "title": "A slow evening",
        "activities": activities,
        "at": app.clock().now() + ahead,
        "ceiling": 4,
        "exit_strategy": "Either of us says red and we stop and sit together.",
        "checklist": {"environment": {"done": true, "note": "Bedroom, door locked"}},
    })
}

pub(crate) async fn propose(p: &Person, space: &str, body: Value) -> (StatusCode, Value) {
    let res = p.post(&format!("/api/v1/spaces/{space}/plans"), body).await;
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

pub(crate) async fn plan_of(p: &Person, space: &str, plan: &str) -> Value {
    let res = p.get(&format!("/api/v1/spaces/{space}/plans/{plan}")).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

pub(crate) async fn confirm(p: &Person, space: &str, plan: &str, body: Value) -> reqwest::Response {
    p.post(
        &format!("/api/v1/spaces/{space}/plans/{plan}/confirm"),
        body,
    )
    .await
}

async fn created(p: &Person, space: &str, body: Value) -> String {
    let (status, v) = propose(p, space, body).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
    v["plan_id"].as_str().unwrap().to_string()
}

/// A plan of `items` both partners confirmed, whose time has then come; returns its id.
pub(crate) async fn happened(
    app: &TestApp,
    a: &Person,
    b: &Person,
    space: &str,
    items: &[&str],
) -> String {
    let plan = created(a, space, plan_body(app, items, DAY + 60)).await;
    for p in [a, b] {
        assert_eq!(
            confirm(p, space, &plan, json!({})).await.status(),
            StatusCode::OK
        );
    }
    app.clock().advance(DAY + 120);
    assert_eq!(plan_of(a, space, &plan).await["status"], "debrief");
    plan
}

async fn debrief(p: &Person, space: &str, plan: &str, body: Value) -> (StatusCode, Value) {
    let res = p
        .put(
            &format!("/api/v1/spaces/{space}/plans/{plan}/debrief"),
            body,
        )
        .await;
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn plan_cannot_include_a_hard_limit() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0), (1, 1)]).await;
    // Sam declares a limit on the other role of the first item.
    answer(
        &b,
        &space,
        json!([{"item": ids[0], "role": "doing", "rating": "limit"}]),
    )
    .await;
    let (status, v) = propose(&a, &space, plan_body(&app, &[&ids[0]], DAY + 60)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = v["error"]["message"].as_str().unwrap();
    assert!(message.starts_with(CANT), "{message}");
    assert!(
        !message.contains("Sam") && !message.contains("limit"),
        "reveals nothing: {message}"
    );
    assert_eq!(v["error"]["field"], "activities");

    // An item that never matched gets exactly the same words.
    let other = crate::plans::items_at(&a, &space, 1).await[5].clone();
    let (status, v2) = propose(&a, &space, plan_body(&app, &[&other], DAY + 60)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v2["error"]["message"], v["error"]["message"]);

    // Roles that are not the match's are refused the same way.
    let mut body = plan_body(&app, &[&ids[1]], DAY + 60);
    let matches = round(&a, &space).await["matches"].clone();
    let roles = matches
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["item"] == ids[1].as_str())
        .unwrap()["roles"]
        .as_object()
        .unwrap()
        .clone();
    // Swap who does what: still a pair of roles, but not the one that matched.
    let swapped: serde_json::Map<String, Value> = roles
        .iter()
        .map(|(k, r)| {
            let other = if r == "doing" { "receiving" } else { "doing" };
            (k.clone(), json!(other))
        })
        .collect();
    body["activities"][0]["roles"] = Value::Object(swapped);
    let (status, v3) = propose(&a, &space, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v3["error"]["message"], v["error"]["message"]);

    // A lowered answer takes the item out at once (B7), with the same words.
    answer(
        &b,
        &space,
        json!([{"item": ids[1], "role": "receiving", "rating": "no"}]),
    )
    .await;
    let (status, v4) = propose(&a, &space, plan_body(&app, &[&ids[1]], DAY + 60)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v4["error"]["message"], v["error"]["message"]);

    // The form never offers an item with a limit.
    let options: Value = a
        .get(&format!("/api/v1/spaces/{space}/plans/options"))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        options["activities"].as_array().unwrap().is_empty(),
        "{options}"
    );
}

#[tokio::test]
async fn a_plan_above_the_go_slower_ceiling_is_refused() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0), (2, 0)]).await;
    assert_eq!(
        b.put(
            &format!("/api/v1/spaces/{space}/slower"),
            json!({"ceiling": 1})
        )
        .await
        .status(),
        StatusCode::NO_CONTENT
    );
    let mut body = plan_body(&app, &[&ids[1]], DAY + 60);
    body["bigger_step"] = json!(true);
    let (status, v) = propose(&a, &space, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("go slower")
    );
    let mut body = plan_body(&app, &[&ids[0]], DAY + 60);
    body["ceiling"] = json!(1);
    assert_eq!(propose(&a, &space, body).await.0, StatusCode::CREATED);
}

#[tokio::test]
async fn a_new_activity_needs_a_day_between_proposal_and_use() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0)]).await;
    let (status, v) = propose(&a, &space, plan_body(&app, &[&ids[0]], DAY - 60)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["error"]["field"], "at");
    // Once it has taken place, it is no longer new: a plan tonight is fine.
    happened(&app, &a, &b, &space, &[&ids[0]]).await;
    let (status, v) = propose(&a, &space, plan_body(&app, &[&ids[0]], 3600)).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
}

#[tokio::test]
async fn plan_needs_every_confirmation() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0)]).await;
    let plan = created(&a, &space, plan_body(&app, &[&ids[0]], DAY + 60)).await;
    let v = plan_of(&b, &space, &plan).await;
    assert_eq!(v["status"], "proposed");
    assert_eq!(v["i_confirmed"], false);
    assert_eq!(
        plan_of(&a, &space, &plan).await["i_confirmed"],
        false,
        "proposing is not confirming"
    );
    assert_eq!(
        confirm(&a, &space, &plan, json!({})).await.status(),
        StatusCode::OK
    );
    let v = plan_of(&a, &space, &plan).await;
    assert_eq!(v["status"], "proposed", "one of two is not everyone");
    assert_eq!(v["confirmations"][0]["is_me"], true);
    assert_eq!(v["confirmations"][0]["confirmed"], true);
    assert_eq!(v["confirmations"][1]["confirmed"], false);
    // Silence is never a yes: when the time passes unconfirmed, the plan lapses.
    let lapsing = created(&a, &space, plan_body(&app, &[&ids[0]], DAY + 30)).await;
    // An empty body confirms too.
    let res = b
        .req(
            reqwest::Method::POST,
            &format!("/api/v1/spaces/{space}/plans/{plan}/confirm"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(plan_of(&a, &space, &plan).await["status"], "confirmed");
    app.clock().advance(DAY + 45);
    assert_eq!(plan_of(&a, &space, &lapsing).await["status"], "lapsed");
    let (status, _, _) = error_code(confirm(&b, &space, &lapsing, json!({})).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, _) = debrief(&a, &space, &lapsing, json!({"aftercare": 5})).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a plan that never went ahead has no debrief"
    );
}

#[tokio::test]
async fn withdrawal_cancels_plan_at_once() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0), (1, 1)]).await;
    // Before: confirmed by both, then one withdraws alone, with no reason.
    let before = created(&a, &space, plan_body(&app, &[&ids[0]], DAY + 60)).await;
    let during = created(&b, &space, plan_body(&app, &[&ids[1]], DAY + 60)).await;
    for p in [&a, &b] {
        confirm(p, &space, &before, json!({})).await;
    }
    assert_eq!(plan_of(&a, &space, &before).await["status"], "confirmed");
    let res = b
        .req(
            reqwest::Method::POST,
            &format!("/api/v1/spaces/{space}/plans/{before}/withdraw"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let v = plan_of(&a, &space, &before).await;
    assert_eq!(v["status"], "withdrawn", "everyone sees it at once");
    assert_eq!(v["can_confirm"], false);
    let (status, _, _) = error_code(confirm(&a, &space, &before, json!({})).await).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a withdrawn plan can't be revived"
    );
    // Withdrawing again is harmless.
    let res = a
        .post(
            &format!("/api/v1/spaces/{space}/plans/{before}/withdraw"),
            json!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);

    // During: after the time has come, the proposer's partner withdraws; it never counts as done.
    for p in [&a, &b] {
        confirm(p, &space, &during, json!({})).await;
    }
    app.clock().advance(DAY + 120);
    assert_eq!(plan_of(&a, &space, &during).await["status"], "debrief");
    let res = a
        .post(
            &format!("/api/v1/spaces/{space}/plans/{during}/withdraw"),
            json!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let v = plan_of(&b, &space, &during).await;
    assert_eq!(
        v["can_withdraw"], true,
        "still shown as stoppable while debriefs are open"
    );
    let plans: Value = b
        .get(&format!("/api/v1/spaces/{space}/plans"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(plans.as_array().unwrap().len(), 2);
    // The withdrawer's quiet period keeps the other from proposing again right away (D3).
    let (status, v) = propose(&b, &space, plan_body(&app, &[&ids[1]], DAY + 60)).await;
    assert_eq!(status, StatusCode::CONFLICT, "{v}");
}

#[tokio::test]
async fn pause_suspends_all_plans() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0), (1, 1)]).await;
    let one = created(&a, &space, plan_body(&app, &[&ids[0]], DAY + 60)).await;
    let two = created(&a, &space, plan_body(&app, &[&ids[1]], 2 * DAY)).await;
    for p in [&a, &b] {
        confirm(p, &space, &one, json!({})).await;
    }
    let pause = format!("/api/v1/spaces/{space}/pause");
    assert!(b.post(&pause, json!({})).await.status().is_success());
    for plan in [&one, &two] {
        let v = plan_of(&a, &space, plan).await;
        assert_eq!(v["status"], "paused", "every plan is suspended");
        assert_eq!(v["can_confirm"], false);
    }
    let (status, _, _) = error_code(confirm(&a, &space, &two, json!({})).await).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "nothing can be confirmed while paused"
    );
    let (status, _) = propose(&a, &space, plan_body(&app, &[&ids[0]], DAY + 60)).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "nothing new starts while paused"
    );
    // Withdrawal still works during a pause.
    let res = a
        .post(
            &format!("/api/v1/spaces/{space}/plans/{two}/withdraw"),
            json!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    // Only the pauser lifts it; then the plan stands as everyone left it.
    assert_eq!(
        b.delete(&pause, None).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(plan_of(&a, &space, &one).await["status"], "confirmed");
    assert_eq!(plan_of(&a, &space, &two).await["status"], "withdrawn");
}

#[tokio::test]
async fn progression_rule_needs_everyone_to_override() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0), (2, 0), (3, 0)]).await;
    // Nothing completed yet: level 1 is the first step; level 2 asks for a smaller step.
    let (status, v) = propose(&a, &space, plan_body(&app, &[&ids[1]], DAY + 60)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .unwrap()
            .contains("One step at a time")
    );
    // Proposed as a bigger step, every member must agree to the bigger step itself.
    let mut body = plan_body(&app, &[&ids[1]], DAY + 60);
    body["bigger_step"] = json!(true);
    let big = created(&a, &space, body).await;
    assert_eq!(plan_of(&b, &space, &big).await["bigger_step"], true);
    let (status, _, _) = error_code(confirm(&b, &space, &big, json!({})).await).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a plain confirm doesn't override"
    );
    assert_eq!(
        confirm(&a, &space, &big, json!({"bigger_step": true}))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        plan_of(&a, &space, &big).await["status"],
        "proposed",
        "one member can't override"
    );
    assert_eq!(
        confirm(&b, &space, &big, json!({"bigger_step": true}))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(plan_of(&a, &space, &big).await["status"], "confirmed");

    // A completed level-1 plan with good debriefs makes level 2 the next step, not level 3.
    let done = happened(&app, &a, &b, &space, &[&ids[0]]).await;
    for p in [&a, &b] {
        assert_eq!(
            debrief(p, &space, &done, json!({"aftercare": 5})).await.0,
            StatusCode::OK
        );
    }
    let (status, _) = propose(&a, &space, plan_body(&app, &[&ids[2]], DAY + 60)).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "level 3 is still too far"
    );
    let (status, v) = propose(&a, &space, plan_body(&app, &[&ids[1]], DAY + 60)).await;
    assert_eq!(status, StatusCode::CREATED, "{v}");
}

#[tokio::test]
async fn aftercare_that_was_not_enough_does_not_count_as_a_step() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0), (2, 0)]).await;
    let done = happened(&app, &a, &b, &space, &[&ids[0]]).await;
    debrief(&a, &space, &done, json!({"aftercare": 5})).await;
    debrief(&b, &space, &done, json!({"aftercare": 2})).await;
    let (status, _) = propose(&a, &space, plan_body(&app, &[&ids[1]], DAY + 60)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn debriefs_sealed_until_all_submitted() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0)]).await;
    let plan = created(&a, &space, plan_body(&app, &[&ids[0]], DAY + 60)).await;
    let (status, _) = debrief(&a, &space, &plan, json!({"aftercare": 4})).await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "no debrief before the plan's time"
    );
    for p in [&a, &b] {
        confirm(p, &space, &plan, json!({})).await;
    }
    app.clock().advance(DAY + 120);
    let (status, v) = debrief(
        &b,
        &space,
        &plan,
        json!({"exciting": "SAMS-SECRET-WORDS", "aftercare": 4}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["revealed"], false);
    assert_eq!(v["mine"]["exciting"], "SAMS-SECRET-WORDS");
    let url = format!("/api/v1/spaces/{space}/plans/{plan}/debriefs");
    let res = a.get(&url).await;
    let text = res.text().await.unwrap();
    assert!(!text.contains("SAMS-SECRET-WORDS"), "sealed: {text}");
    let seen: Value = serde_json::from_str(&text).unwrap();
    let members = seen["members"].as_array().unwrap();
    let sam = members.iter().find(|m| m["is_me"] == false).unwrap();
    let alex = members.iter().find(|m| m["is_me"] == true).unwrap();
    assert_eq!(
        (sam["submitted"].clone(), alex["submitted"].clone()),
        (json!(true), json!(false)),
        "who, never what"
    );
    assert!(seen["debriefs"].as_array().unwrap().is_empty());
    // Sam can still change theirs while sealed.
    debrief(
        &b,
        &space,
        &plan,
        json!({"exciting": "SAMS-SECOND-WORDS", "aftercare": 4}),
    )
    .await;
    let (status, v) = debrief(
        &a,
        &space,
        &plan,
        json!({"doubt": "Alex's doubt", "aftercare": 5}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v["revealed"], true, "the last one reveals all at once");
    assert_eq!(v["debriefs"].as_array().unwrap().len(), 2);
    assert_eq!(v["debriefs"][1]["debrief"]["exciting"], "SAMS-SECOND-WORDS");
    let (status, _) = debrief(&b, &space, &plan, json!({"aftercare": 1})).await;
    assert_eq!(status, StatusCode::CONFLICT, "fixed once shown");
    assert_eq!(plan_of(&b, &space, &plan).await["status"], "done");
    // Follow-ups come from the revealed debriefs.
    let res = b
        .post(
            &format!("/api/v1/spaces/{space}/plans/{plan}/follow-ups"),
            json!({"text": "Talk about the doubt on Sunday"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let v: Value = a.get(&url).await.json().await.unwrap();
    assert_eq!(v["follow_ups"][0]["text"], "Talk about the doubt on Sunday");
    assert_eq!(v["follow_ups"][0]["by"], "Sam");
}

#[tokio::test]
async fn log_entry_needs_author_consent() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0)]).await;
    let plan = happened(&app, &a, &b, &space, &[&ids[0]]).await;
    debrief(
        &a,
        &space,
        &plan,
        json!({"exciting": "The slow start", "aftercare": 5}),
    )
    .await;
    let sam_id = plan_of(&a, &space, &plan).await["aftercare"][1]["member_id"]
        .as_str()
        .unwrap()
        .to_string();
    let log = format!("/api/v1/spaces/{space}/log");
    let quote = json!({"kind": "worked", "item": ids[0],
        "from_debrief": {"plan_id": plan, "member_id": sam_id, "field": "exciting"}});
    // Sealed debriefs can't be quoted.
    assert_eq!(
        a.post(&log, quote.clone()).await.status(),
        StatusCode::NOT_FOUND
    );
    debrief(
        &b,
        &space,
        &plan,
        json!({"exciting": "Being listened to", "aftercare": 5}),
    )
    .await;
    // Alex suggests a line of Sam's: it waits for Sam.
    let res = a.post(&log, quote).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let added: Value = res.json().await.unwrap();
    assert_eq!(added["shared"], false);
    let entry = added["entry_id"].as_str().unwrap().to_string();
    let v: Value = a.get(&log).await.json().await.unwrap();
    assert!(
        v["entries"].as_array().unwrap().is_empty(),
        "not in the log without consent"
    );
    assert_eq!(v["waiting"][0]["text"], "Being listened to");
    // Nobody but the author can consent.
    let consent = format!("{log}/{entry}/consent");
    assert_eq!(
        a.post(&consent, json!({})).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        b.post(&consent, json!({})).await.status(),
        StatusCode::NO_CONTENT
    );
    let v: Value = a.get(&log).await.json().await.unwrap();
    assert_eq!(v["entries"][0]["text"], "Being listened to");
    assert_eq!(v["entries"][0]["author"], "Sam");
    // My own debrief line and a line by hand are shared at once; the filter picks by activity.
    let mine = json!({"kind": "surprised",
        "from_debrief": {"plan_id": plan, "member_id": plan_of(&a, &space, &plan).await["aftercare"][0]["member_id"], "field": "exciting"}});
    let added: Value = a.post(&log, mine).await.json().await.unwrap();
    assert_eq!(added["shared"], true);
    let res = b
        .post(
            &log,
            json!({"kind": "did_not", "text": "Too warm in the room"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let all: Value = a.get(&log).await.json().await.unwrap();
    assert_eq!(all["entries"].as_array().unwrap().len(), 3);
    let only: Value = a
        .get(&format!("{log}?item={}", ids[0]))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(only["entries"].as_array().unwrap().len(), 1);
    assert_eq!(only["activities"][0][0], ids[0].as_str());
    // A waiting line can be let go by its author.
    let again = json!({"kind": "worked",
        "from_debrief": {"plan_id": plan, "member_id": sam_id, "field": "exciting"}});
    let added: Value = a.post(&log, again).await.json().await.unwrap();
    let entry = added["entry_id"].as_str().unwrap();
    assert_eq!(
        b.post(&format!("{log}/{entry}/decline"), json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let v: Value = a.get(&log).await.json().await.unwrap();
    assert!(v["waiting"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn the_plan_shows_the_safeword_checklist_and_aftercare() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0)]).await;
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/agreement"),
            json!({"safeword": "Pineapple", "pause_signal": "Two taps"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let out: Value = res.json().await.unwrap();
    let change = out["change_id"].as_str().unwrap();
    let res = b
        .post(
            &format!("/api/v1/spaces/{space}/changes/{change}/confirm"),
            json!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let options: Value = a
        .get(&format!("/api/v1/spaces/{space}/plans/options"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(options["activities"][0]["item"], ids[0].as_str());
    assert_eq!(options["activities"][0]["is_new"], true);
    let me = options["members"][0]["member_id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut body = plan_body(&app, &[&ids[0]], DAY + 60);
    body["aftercare"] = json!({ me.clone(): "Tea and a blanket" });
    let plan = created(&a, &space, body).await;
    let v = plan_of(&b, &space, &plan).await;
    assert_eq!(v["safeword"], "Pineapple");
    assert_eq!(v["pause_signal"], "Two taps");
    assert_eq!(v["checklist"].as_array().unwrap().len(), 6);
    assert_eq!(v["checklist"][0]["done"], true);
    assert_eq!(v["checklist"][0]["note"], "Bedroom, door locked");
    assert_eq!(v["checklist"][4]["learn"], "/learn/first-aid");
    assert_eq!(v["aftercare"][1]["text"], "Tea and a blanket");
    assert_eq!(v["activities"][0]["roles"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn someone_leaving_takes_an_upcoming_plan_off() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0)]).await;
    let plan = created(&a, &space, plan_body(&app, &[&ids[0]], DAY + 60)).await;
    for p in [&a, &b] {
        confirm(p, &space, &plan, json!({})).await;
    }
    let res = b
        .post(&format!("/api/v1/spaces/{space}/leave"), json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let v = plan_of(&a, &space, &plan).await;
    assert_eq!(
        v["status"], "no_longer_possible",
        "it was made with someone who left"
    );
    assert_eq!(v["can_confirm"], false);
    assert_eq!(
        b.get(&format!("/api/v1/spaces/{space}/plans/{plan}"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
