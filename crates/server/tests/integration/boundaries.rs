//! Boundaries and the space agreement over the API (C1–C5): tightening alone, loosening and any
//! agreement change only with everyone, nothing by timeout, a tamper-evident history that stays
//! when people leave.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Person, TestApp, error_code};

const YEAR: i64 = 366 * 24 * 60 * 60;

fn b_url(space: &str) -> String {
    format!("/api/v1/spaces/{space}/boundaries")
}

async fn list(p: &Person, space: &str) -> Value {
    let res = p.get(&b_url(space)).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

/// The boundary with this id as `p` sees it (among current members' or kept ones).
async fn boundary(p: &Person, space: &str, id: &str) -> Option<Value> {
    let view = list(p, space).await;
    view["members"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["boundaries"].as_array().unwrap().clone())
        .chain(view["kept"].as_array().unwrap().clone())
        .find(|b| b["id"] == id)
}

async fn add(p: &Person, space: &str, body: Value) -> String {
    let res = p.post(&b_url(space), body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    res.json::<Value>().await.unwrap()["boundary_id"]
        .as_str()
        .unwrap()
        .to_string()
}

async fn change(p: &Person, space: &str, id: &str, body: Value) -> (StatusCode, Value) {
    let res = p.put(&format!("{}/{id}", b_url(space)), body).await;
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn confirm(p: &Person, space: &str, change: &str) -> (StatusCode, Value) {
    let res = p
        .post(
            &format!("/api/v1/spaces/{space}/changes/{change}/confirm"),
            json!({}),
        )
        .await;
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn decline(p: &Person, space: &str, change: &str) -> StatusCode {
    p.post(
        &format!("/api/v1/spaces/{space}/changes/{change}/decline"),
        json!({}),
    )
    .await
    .status()
}

async fn agreement(p: &Person, space: &str) -> Value {
    let res = p.get(&format!("/api/v1/spaces/{space}/agreement")).await;
    assert_eq!(res.status(), StatusCode::OK);
    res.json().await.unwrap()
}

async fn propose(p: &Person, space: &str, body: Value) -> (StatusCode, Value) {
    let res = p
        .put(&format!("/api/v1/spaces/{space}/agreement"), body)
        .await;
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

fn section<'a>(view: &'a Value, key: &str) -> &'a str {
    view["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == key)
        .unwrap()["text"]
        .as_str()
        .unwrap()
}

fn aftercare<'a>(view: &'a Value, name: &str) -> &'a str {
    view["aftercare"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["display_name"] == name)
        .unwrap()["text"]
        .as_str()
        .unwrap()
}

/// Three members: alex, sam and kit.
async fn trio(app: &TestApp) -> (Person, Person, Person, String) {
    let (a, b, space) = app.couple().await;
    let c = app.signed_up("kit").await;
    let code = a.invite(&space).await;
    assert_eq!(c.accept(&code, "Kit").await.status(), StatusCode::OK);
    (a, b, c, space)
}

/// Signs someone in again after the clock moved on (sessions idle out).
async fn sign_in(p: &mut Person, name: &str) {
    let res = p.login(name, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    p.token = Some(
        res.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .into(),
    );
}

#[tokio::test]
async fn tightening_applies_immediately() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let id = add(
        &a,
        &space,
        json!({"firmness": "soft", "about": "Being tied up"}),
    )
    .await;
    // Adding is a tightening: the partner sees it at once.
    let seen = boundary(&b, &space, &id).await.unwrap();
    assert_eq!(
        (seen["firmness"].as_str(), seen["version"].as_i64()),
        (Some("soft"), Some(1))
    );
    // Adding a condition tightens.
    let (s, out) = change(
        &a,
        &space,
        &id,
        json!({"firmness": "soft", "about": "Being tied up", "place": "Only at home"}),
    )
    .await;
    assert_eq!(
        (s, out["status"].as_str()),
        (StatusCode::OK, Some("applied"))
    );
    // Soft to hard tightens (its conditions no longer matter).
    let (s, out) = change(
        &a,
        &space,
        &id,
        json!({"firmness": "hard", "about": "Being tied up", "reason": "I've thought about it"}),
    )
    .await;
    assert_eq!(
        (s, out["status"].as_str()),
        (StatusCode::OK, Some("applied"))
    );
    let seen = boundary(&b, &space, &id).await.unwrap();
    assert_eq!(
        (seen["firmness"].as_str(), seen["version"].as_i64()),
        (Some("hard"), Some(3))
    );
    assert!(
        list(&b, &space).await["pending"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // The same thing again changes nothing and says so.
    let (s, _) = change(
        &a,
        &space,
        &id,
        json!({"firmness": "hard", "about": "Being tied up"}),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT);
}

#[tokio::test]
async fn loosening_needs_every_member() {
    let app = TestApp::spawn().await;
    let (a, b, c, space) = trio(&app).await;
    let id = add(
        &a,
        &space,
        json!({"firmness": "hard", "about": "Marks that show"}),
    )
    .await;
    let (s, out) = change(
        &a,
        &space,
        &id,
        json!({"firmness": "soft", "about": "Marks that show", "mood": "When we planned it"}),
    )
    .await;
    assert_eq!(
        (s, out["status"].as_str()),
        (StatusCode::OK, Some("pending"))
    );
    let change_id = out["change_id"].as_str().unwrap().to_string();
    // Everyone sees the pending change, and the old version still applies.
    for p in [&a, &b, &c] {
        let view = list(p, &space).await;
        let pending = &view["pending"][0];
        assert_eq!(pending["id"], change_id.as_str());
        assert_eq!(pending["proposed_by"], "Alex");
        assert!(!pending["changes"].as_array().unwrap().is_empty());
        assert_eq!(boundary(p, &space, &id).await.unwrap()["firmness"], "hard");
    }
    // One more confirmation is not enough, nor is confirming twice.
    assert_eq!(confirm(&b, &space, &change_id).await.1["status"], "pending");
    assert_eq!(confirm(&b, &space, &change_id).await.1["status"], "pending");
    assert_eq!(confirm(&a, &space, &change_id).await.1["status"], "pending");
    assert_eq!(boundary(&c, &space, &id).await.unwrap()["firmness"], "hard");
    let waiting = &list(&a, &space).await["pending"][0]["waiting_for"];
    assert_eq!(waiting, &json!(["Kit"]));
    // The last member's confirmation applies it.
    assert_eq!(confirm(&c, &space, &change_id).await.1["status"], "applied");
    let now = boundary(&b, &space, &id).await.unwrap();
    assert_eq!(
        (now["firmness"].as_str(), now["version"].as_i64()),
        (Some("soft"), Some(2))
    );
    assert_eq!(
        confirm(&c, &space, &change_id).await.0,
        StatusCode::CONFLICT
    );
    let history: Value = b
        .get(&format!("{}/{id}/history", b_url(&space)))
        .await
        .json()
        .await
        .unwrap();
    let mut who: Vec<String> =
        serde_json::from_value(history["versions"][0]["confirmed_by"].clone()).unwrap();
    who.sort();
    assert_eq!(who, ["Alex", "Kit", "Sam"]);
}

#[tokio::test]
async fn removing_a_boundary_needs_everyone_and_one_decline_ends_it() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let id = add(&b, &space, json!({"firmness": "soft", "about": "Spanking"})).await;
    let res = b
        .post(
            &format!("{}/{id}/remove", b_url(&space)),
            json!({"reason": "Changed my mind"}),
        )
        .await;
    let out: Value = res.json().await.unwrap();
    assert_eq!(out["status"], "pending");
    let change_id = out["change_id"].as_str().unwrap();
    assert_eq!(list(&a, &space).await["pending"][0]["removal"], true);
    // Any member can decline; the boundary simply stays.
    assert_eq!(decline(&a, &space, change_id).await, StatusCode::NO_CONTENT);
    assert_eq!(confirm(&a, &space, change_id).await.0, StatusCode::CONFLICT);
    assert!(boundary(&a, &space, &id).await.is_some());
    assert!(
        list(&b, &space).await["pending"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // Proposed again and confirmed by both, it goes (its history stays).
    let out: Value = b
        .post(&format!("{}/{id}/remove", b_url(&space)), json!({}))
        .await
        .json()
        .await
        .unwrap();
    confirm(&a, &space, out["change_id"].as_str().unwrap()).await;
    assert!(boundary(&a, &space, &id).await.is_none());
    let history: Value = a
        .get(&format!("{}/{id}/history", b_url(&space)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(history["versions"][0]["removed"], true);
    assert_eq!(history["versions"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn only_the_owner_changes_a_boundary_and_a_tightening_supersedes_a_pending_loosening() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let id = add(
        &a,
        &space,
        json!({"firmness": "soft", "about": "Role play", "pacing": "Slowly"}),
    )
    .await;
    let (s, _) = change(
        &b,
        &space,
        &id,
        json!({"firmness": "soft", "about": "Role play"}),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let res = b
        .post(&format!("{}/{id}/remove", b_url(&space)), json!({}))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A loosening waits; a second one cannot be stacked on top.
    let (_, out) = change(
        &a,
        &space,
        &id,
        json!({"firmness": "soft", "about": "Role play"}),
    )
    .await;
    let pending = out["change_id"].as_str().unwrap().to_string();
    let (s, _) = change(
        &a,
        &space,
        &id,
        json!({"firmness": "soft", "about": "Role play games"}),
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT);
    // Tightening meanwhile applies at once and withdraws the waiting loosening.
    let (_, out) = change(
        &a,
        &space,
        &id,
        json!({"firmness": "hard", "about": "Role play"}),
    )
    .await;
    assert_eq!(out["status"], "applied");
    assert_eq!(confirm(&b, &space, &pending).await.0, StatusCode::CONFLICT);
    assert_eq!(boundary(&b, &space, &id).await.unwrap()["firmness"], "hard");
}

#[tokio::test]
async fn pending_change_never_applies_by_timeout() {
    let app = TestApp::spawn().await;
    let (mut a, mut b, space) = app.couple().await;
    let id = add(&a, &space, json!({"firmness": "hard", "about": "Photos"})).await;
    let (_, out) = change(
        &a,
        &space,
        &id,
        json!({"firmness": "soft", "about": "Photos"}),
    )
    .await;
    let change_id = out["change_id"].as_str().unwrap().to_string();
    let (_, out) = propose(&a, &space, json!({"safeword": "red"})).await;
    assert_eq!(out["status"], "pending");
    // Years pass; nobody answers.
    app.clock().advance(10 * YEAR);
    sign_in(&mut a, "alex").await;
    sign_in(&mut b, "sam").await;
    let view = list(&b, &space).await;
    assert_eq!(view["pending"][0]["id"], change_id.as_str());
    assert_eq!(boundary(&b, &space, &id).await.unwrap()["firmness"], "hard");
    let ag = agreement(&a, &space).await;
    assert_eq!(ag["version"], Value::Null);
    assert_eq!(ag["pending"]["state"], "pending");
    // Only an explicit confirmation applies it, even now.
    assert_eq!(confirm(&b, &space, &change_id).await.1["status"], "applied");
    assert_eq!(boundary(&a, &space, &id).await.unwrap()["firmness"], "soft");
}

#[tokio::test]
async fn the_agreement_is_written_together_and_both_screens_show_the_same_fingerprint() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let first = agreement(&a, &space).await;
    assert_eq!(first["version"], Value::Null);
    assert!(
        first["intentions"]
            .as_str()
            .unwrap()
            .contains("never consent")
    );
    assert!(
        first["sections"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["prompt"].as_str().unwrap().len() > 40)
    );
    let (s, out) = propose(&a, &space, json!({"safeword": "Pineapple", "code_of_conduct": "We listen first.", "aftercare": "Tea and a blanket", "reason": "A start"})).await;
    assert_eq!(
        (s, out["status"].as_str()),
        (StatusCode::OK, Some("pending"))
    );
    let change_id = out["change_id"].as_str().unwrap();
    let seen = agreement(&b, &space).await;
    assert_eq!(section(&seen, "safeword"), "");
    assert_eq!(seen["pending"]["proposed_by"], "Alex");
    assert_eq!(confirm(&b, &space, change_id).await.1["status"], "applied");
    let (va, vb) = (agreement(&a, &space).await, agreement(&b, &space).await);
    assert_eq!(section(&vb, "safeword"), "Pineapple");
    assert_eq!(aftercare(&vb, "Alex"), "Tea and a blanket");
    assert_eq!(aftercare(&vb, "Sam"), "");
    assert!(va["fingerprint"].as_str().unwrap().len() >= 16);
    assert_eq!(va["fingerprint"], vb["fingerprint"]);
    // Sam writes their own aftercare; Alex's stays as it was. It waits for Alex.
    let (_, out) = propose(&b, &space, json!({"safeword": "Pineapple", "code_of_conduct": "We listen first.\nWe take turns.", "aftercare": "Quiet time"})).await;
    confirm(&a, &space, out["change_id"].as_str().unwrap()).await;
    let now = agreement(&a, &space).await;
    assert_eq!(now["version"], 2);
    assert_eq!(aftercare(&now, "Alex"), "Tea and a blanket");
    assert_eq!(aftercare(&now, "Sam"), "Quiet time");
    assert_ne!(now["fingerprint"], va["fingerprint"]);
    // The history shows who and when, and the differences between versions.
    let h: Value = a
        .get(&format!(
            "/api/v1/spaces/{space}/agreement/history?from=1&to=2"
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(h["history_intact"], true);
    assert_eq!(h["versions"][1]["author"], "Alex");
    assert_eq!(h["versions"][1]["reason"], "A start");
    assert_eq!(h["versions"][0]["author"], "Sam");
    let changed: Vec<&str> = h["diff"]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert!(changed.contains(&"How we treat each other"));
    assert!(!changed.contains(&"Our safeword"));
    let added = h["diff"]["changes"][0]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["change"] == "added" && l["text"] == "We take turns.");
    assert!(added);
}

#[tokio::test]
async fn alone_in_a_space_my_agreement_is_everyones_and_applies_at_once() {
    let app = TestApp::spawn().await;
    let a = app.signed_up("solo").await;
    let space = a.create_space("Just me", "Solo").await;
    let (_, out) = propose(&a, &space, json!({"safeword": "red"})).await;
    assert_eq!(out["status"], "applied");
}

#[tokio::test]
async fn limits_from_the_inventory_show_as_hard_limits_for_the_whole_space() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let catalog: Value = a
        .get(&format!("/api/v1/spaces/{space}/inventory/catalog"))
        .await
        .json()
        .await
        .unwrap();
    let item = &catalog["items"][0];
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/inventory/answers"),
            json!({"answers": [{"item": item["id"], "role": item["roles"][0], "rating": "limit"}]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let view = list(&b, &space).await;
    let member = |name: &str| {
        view["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["display_name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(member("Alex")["from_inventory"][0]["title"], item["title"]);
    assert!(
        member("Sam")["from_inventory"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn leaving_keeps_shared_history() {
    let app = TestApp::spawn().await;
    let (a, b, c, space) = trio(&app).await;
    let id = add(
        &b,
        &space,
        json!({"firmness": "hard", "about": "Being filmed"}),
    )
    .await;
    let (_, out) = propose(
        &b,
        &space,
        json!({"safeword": "red", "aftercare": "Hold me"}),
    )
    .await;
    let change_id = out["change_id"].as_str().unwrap().to_string();
    confirm(&a, &space, &change_id).await;
    confirm(&c, &space, &change_id).await;
    // A change waiting when someone leaves is withdrawn: it must be confirmed by exactly the
    // people it will bind.
    let (_, out) = propose(&a, &space, json!({"safeword": "blue"})).await;
    let waiting = out["change_id"].as_str().unwrap().to_string();
    assert_eq!(
        b.post(&format!("/api/v1/spaces/{space}/leave"), json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(confirm(&c, &space, &waiting).await.0, StatusCode::CONFLICT);
    // The shared record stays with the others, and still checks out.
    let kept = &list(&a, &space).await["kept"][0];
    assert_eq!(
        (kept["id"].as_str(), kept["owner"].as_str()),
        (Some(id.as_str()), Some("A former member"))
    );
    assert_eq!(kept["about"], "Being filmed");
    let h: Value = a
        .get(&format!("/api/v1/spaces/{space}/agreement/history"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(h["history_intact"], true);
    assert_eq!(h["versions"][0]["author"], "A former member");
    let mut who: Vec<String> =
        serde_json::from_value(h["versions"][0]["confirmed_by"].clone()).unwrap();
    who.sort();
    assert_eq!(who, ["A former member", "Alex", "Kit"]);
    // Deleting an account keeps it too.
    assert_eq!(
        c.delete("/api/v1/account", Some(json!({"password": PASSWORD})))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let bh: Value = a
        .get(&format!("{}/{id}/history", b_url(&space)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(bh["history_intact"], true);
    assert_eq!(bh["versions"][0]["author"], "A former member");
    let report = attune_server::services::history::check_all(app.server.state.store.as_ref())
        .await
        .unwrap();
    assert!(report.broken.is_empty(), "{:?}", report.broken);
    assert_eq!(report.records, 2);
}

#[tokio::test]
async fn history_cannot_be_rewritten() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let id = add(&a, &space, json!({"firmness": "soft", "about": "Toys"})).await;
    change(
        &a,
        &space,
        &id,
        json!({"firmness": "hard", "about": "Toys"}),
    )
    .await;
    let (_, out) = propose(&a, &space, json!({"safeword": "red"})).await;
    confirm(&b, &space, out["change_id"].as_str().unwrap()).await;
    let store = app.server.state.store.clone();
    assert!(
        attune_server::services::history::check_all(store.as_ref())
            .await
            .unwrap()
            .broken
            .is_empty()
    );
    // Someone with the database edits the first version of the boundary.
    let db =
        attune_store::SqliteStore::open(app.dir.path().join("data/attune.db").to_str().unwrap())
            .await
            .unwrap();
    let sealed: Vec<u8> = sqlx::query_scalar(
        "SELECT sealed FROM record_versions WHERE record_id = $1 AND number = 1",
    )
    .bind(&id)
    .fetch_one(db.pool())
    .await
    .unwrap();
    let mut forged = sealed.clone();
    let last = forged.len() - 1;
    forged[last] ^= 0x01;
    sqlx::query("UPDATE record_versions SET sealed = $1 WHERE record_id = $2 AND number = 1")
        .bind(&forged)
        .bind(&id)
        .execute(db.pool())
        .await
        .unwrap();
    let report = attune_server::services::history::check_all(store.as_ref())
        .await
        .unwrap();
    assert_eq!(report.broken.len(), 1);
    assert!(
        report.broken[0].contains(&id) && report.broken[0].contains("version 1"),
        "{}",
        report.broken[0]
    );
    let view = list(&b, &space).await;
    assert_eq!(view["history_intact"], false);
    // Dropping the newest version leaves a valid but shorter chain: the fingerprint people
    // compare between their screens changes. Dropping an older one breaks the chain.
    sqlx::query("UPDATE record_versions SET sealed = $1 WHERE record_id = $2 AND number = 1")
        .bind(&sealed)
        .bind(&id)
        .execute(db.pool())
        .await
        .unwrap();
    let before = list(&b, &space).await;
    assert_eq!(before["history_intact"], true);
    sqlx::query("DELETE FROM record_versions WHERE record_id = $1 AND number = 2")
        .bind(&id)
        .execute(db.pool())
        .await
        .unwrap();
    assert_ne!(list(&b, &space).await["fingerprint"], before["fingerprint"]);
    let (_, out) = change(
        &a,
        &space,
        &id,
        json!({"firmness": "hard", "about": "Toys"}),
    )
    .await;
    assert_eq!(out["status"], "applied");
    sqlx::query("DELETE FROM record_versions WHERE record_id = $1 AND number = 1")
        .bind(&id)
        .execute(db.pool())
        .await
        .unwrap();
    let report = attune_server::services::history::check_all(store.as_ref())
        .await
        .unwrap();
    assert!(
        report.broken[0].contains("a version is missing"),
        "{:?}",
        report.broken
    );
}

#[tokio::test]
async fn unknown_ids_and_bad_input_get_clear_answers() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let missing = "00000000-0000-0000-0000-000000000000";
    let (s, _) = change(
        &a,
        &space,
        missing,
        json!({"firmness": "hard", "about": "x"}),
    )
    .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert_eq!(
        a.get(&format!("{}/{missing}/history", b_url(&space)))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(confirm(&a, &space, missing).await.0, StatusCode::NOT_FOUND);
    assert_eq!(decline(&a, &space, missing).await, StatusCode::NOT_FOUND);
    assert_eq!(
        a.get(&format!("/api/v1/spaces/{space}/agreement/history"))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    for (body, field) in [
        (json!({"firmness": "firm", "about": "x"}), "firmness"),
        (json!({"firmness": "soft", "about": ""}), "about"),
        (
            json!({"firmness": "soft", "about": "x".repeat(201)}),
            "about",
        ),
        (
            json!({"firmness": "hard", "about": "x", "mood": "calm"}),
            "firmness",
        ),
        (
            json!({"firmness": "soft", "about": "x", "safety": "y".repeat(301)}),
            "safety",
        ),
        (
            json!({"firmness": "soft", "about": "x", "reason": "y".repeat(501)}),
            "reason",
        ),
    ] {
        let res = a.post(&b_url(&space), body).await;
        let (status, code, message) = error_code(res).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            "{field}"
        );
        assert!(!message.is_empty());
    }
    for (body, field) in [
        (json!({}), "safeword"),
        (json!({"safeword": "   "}), "safeword"),
        (json!({"safeword": "red\nblue"}), "safeword"),
        (json!({"safeword": "r".repeat(61)}), "safeword"),
        (
            json!({"safeword": "red", "shared_values": "v".repeat(4001)}),
            "shared_values",
        ),
        (
            json!({"safeword": "red", "aftercare": "v".repeat(2001)}),
            "aftercare",
        ),
    ] {
        let res = a
            .put(&format!("/api/v1/spaces/{space}/agreement"), body)
            .await;
        let status = res.status();
        let err: Value = res.json().await.unwrap();
        assert_eq!(
            (status, err["error"]["field"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(field))
        );
    }
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/agreement"),
            json!({"safeword": "red", "signature": "x"}),
        )
        .await;
    assert!(res.status().is_client_error());
    let id = add(&a, &space, json!({"firmness": "soft", "about": "x"})).await;
    for (body, field) in [
        (json!({"review_on": "soon"}), "review_on"),
        (json!({"review_on": "2001-01-01"}), "review_on"),
        (json!({"review_on": "2999-01-01"}), "review_on"),
    ] {
        let res = a.put(&format!("{}/{id}/review", b_url(&space)), body).await;
        let err: Value = res.json().await.unwrap();
        assert_eq!(err["error"]["field"], field);
    }
    let res = a
        .get(&format!("{}/{id}/history?from=abc", b_url(&space)))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .get(&format!("{}/{id}/history?from=0&to=1", b_url(&space)))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .post(
            &format!("/api/v1/spaces/{space}/review/life-change"),
            json!({"kind": "divorce"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn something_changed_in_our_life_marks_everything_for_review() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let id = add(
        &a,
        &space,
        json!({"firmness": "soft", "about": "Late nights"}),
    )
    .await;
    let (_, out) = propose(&a, &space, json!({"safeword": "red"})).await;
    confirm(&b, &space, out["change_id"].as_str().unwrap()).await;
    let review: Value = b
        .get(&format!("/api/v1/spaces/{space}/review"))
        .await
        .json()
        .await
        .unwrap();
    assert!(review["due"].as_array().unwrap().is_empty());
    app.clock().advance(5);
    let res = b
        .post(
            &format!("/api/v1/spaces/{space}/review/life-change"),
            json!({"kind": "new_baby", "note": "Sleepless"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let review: Value = a
        .get(&format!("/api/v1/spaces/{space}/review"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(review["life_change"], "A new baby");
    assert_eq!(review["marked_by"], "Sam");
    assert_eq!(review["due"].as_array().unwrap().len(), 2);
    assert_eq!(
        boundary(&a, &space, &id).await.unwrap()["due_for_review"],
        true
    );
    // Looking at it again clears it; a review date brings it back when the day comes.
    app.clock().advance(5);
    let res = a.put(&format!("{}/{id}/review", b_url(&space)), json!({"looked_at": true, "review_on": attune_domain::boundaries::review::format_date(app.clock().now() + 40 * 86_400)})).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/agreement/review"),
            json!({"looked_at": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let review: Value = a
        .get(&format!("/api/v1/spaces/{space}/review"))
        .await
        .json()
        .await
        .unwrap();
    assert!(review["due"].as_array().unwrap().is_empty());
    let seen = boundary(&b, &space, &id).await.unwrap();
    assert!(seen["review_on"].as_str().is_some());
    // Only the owner sets a boundary's review date.
    let res = b
        .put(
            &format!("{}/{id}/review", b_url(&space)),
            json!({"looked_at": true}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}
