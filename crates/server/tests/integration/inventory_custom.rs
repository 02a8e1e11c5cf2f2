//! Custom items (B4) and the cooling period chosen together (B5), over the API.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{Person, TestApp, error_code};
use crate::inventory::{base, both_reveal, catalog, later, matched, rate, reveal, round};

const DAY: i64 = 24 * 60 * 60;

async fn write(p: &Person, space: &str, body: Value) -> String {
    let res = p.post(&format!("{}/custom", base(space)), body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let v: Value = res.json().await.unwrap();
    v["item"].as_str().unwrap().to_string()
}

async fn catalog_ids(p: &Person, space: &str) -> Vec<String> {
    catalog(p, space)
        .await
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_custom_item_stays_hidden_until_its_author_offers_it() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let item = write(
        &a,
        &space,
        json!({"title": "Reading aloud in the bath", "intensity": 1, "roles": ["doing", "receiving"]}),
    )
    .await;
    assert!(item.starts_with("custom."));
    assert!(catalog_ids(&a, &space).await.contains(&item));
    assert!(!catalog_ids(&b, &space).await.contains(&item));
    let (status, _, message) = error_code(
        b.put(
            &format!("{}/answers", base(&space)),
            json!({"answers": [{"item": item, "role": "receiving", "rating": "yes"}]}),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(message.contains("no item"));
    // Only the author can offer it; to anyone else it does not exist.
    let offer = format!("{}/custom/{item}/offer", base(&space));
    assert_eq!(
        b.post(&offer, json!({})).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        a.post(&offer, json!({})).await.status(),
        StatusCode::NO_CONTENT
    );
    let seen = catalog(&b, &space)
        .await
        .into_iter()
        .find(|i| i["id"] == item)
        .unwrap();
    assert_eq!(seen["category"], "custom");
    assert_eq!(seen["title"], "Reading aloud in the bath");
    assert_eq!(seen["custom"]["mine"], false);
    assert_eq!(seen["custom"]["answerable"], true);
    rate(&a, &space, &item, "doing", "yes").await;
    rate(&b, &space, &item, "receiving", "yes").await;
    both_reveal(&a, &b, &space).await;
    assert_eq!(
        matched(&round(&b, &space).await, &item).unwrap()["tier"],
        "yes"
    );
}

#[tokio::test]
async fn private_items_with_the_same_wording_match_without_being_offered() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let mine = write(
        &a,
        &space,
        json!({"title": "Stargazing on the roof", "intensity": 1, "roles": ["either"]}),
    )
    .await;
    let theirs = write(
        &b,
        &space,
        json!({"title": "  stargazing on the ROOF! ", "intensity": 2, "roles": ["either"]}),
    )
    .await;
    let lonely = write(
        &b,
        &space,
        json!({"title": "Something only Sam wrote", "intensity": 3, "roles": ["doing"]}),
    )
    .await;
    rate(&a, &space, &mine, "either", "maybe").await;
    rate(&b, &space, &theirs, "either", "yes").await;
    rate(&b, &space, &lonely, "doing", "yes").await;
    both_reveal(&a, &b, &space).await;
    let view = round(&a, &space).await;
    let group = std::cmp::min(&mine, &theirs).clone();
    assert_eq!(matched(&view, &group).unwrap()["tier"], "maybe");
    assert_eq!(view["matches"].as_array().unwrap().len(), 1);
    // The matched item becomes visible to both; the unmatched one never leaves its author.
    assert!(catalog_ids(&a, &space).await.contains(&group));
    assert!(catalog_ids(&b, &space).await.contains(&group));
    assert!(!catalog_ids(&a, &space).await.contains(&lonely));
    assert!(!view.to_string().contains(&lonely));
    // Lowering one twin removes the match at once.
    rate(&b, &space, &theirs, "either", "no").await;
    assert!(matched(&round(&a, &space).await, &group).is_none());
    assert!(!catalog_ids(&a, &space).await.contains(&theirs));
}

#[tokio::test]
async fn a_private_custom_item_can_be_deleted_by_its_author_only() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let body = json!({"title": "Breakfast picnic", "intensity": 1, "roles": ["either"]});
    let private = write(&a, &space, body.clone()).await;
    let mut offered_body = body;
    offered_body["offer"] = json!(true);
    let offered = write(&a, &space, offered_body).await;
    rate(&a, &space, &private, "either", "yes").await;
    let path = |item: &str| format!("{}/custom/{item}", base(&space));
    assert_eq!(
        b.delete(&path(&private), None).await.status(),
        StatusCode::NOT_FOUND
    );
    let (status, _, message) = error_code(a.delete(&path(&offered), None).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(message.contains("offered"));
    assert_eq!(
        a.delete(&path(&private), None).await.status(),
        StatusCode::NO_CONTENT
    );
    assert!(!catalog_ids(&a, &space).await.contains(&private));
    let mine: Value = a
        .get(&format!("{}/answers", base(&space)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mine["answers"], json!([]), "my answer went with the item");
}

#[tokio::test]
async fn bad_custom_items_get_a_clear_4xx() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let path = format!("{}/custom", base(&space));
    let cases = [
        (
            json!({"title": "", "intensity": 1, "roles": ["doing"]}),
            "title",
        ),
        (
            json!({"title": "x".repeat(81), "intensity": 1, "roles": ["doing"]}),
            "80",
        ),
        (
            json!({"title": "Fine", "description": "d".repeat(301), "intensity": 1, "roles": ["doing"]}),
            "300",
        ),
        (
            json!({"title": "Fine", "intensity": 0, "roles": ["doing"]}),
            "1 (gentle)",
        ),
        (
            json!({"title": "Fine", "intensity": 99999999999i64, "roles": ["doing"]}),
            "1 (gentle)",
        ),
        (
            json!({"title": "Fine", "intensity": 2, "roles": []}),
            "at least one",
        ),
        (
            json!({"title": "Fine", "intensity": 2, "roles": ["watching"]}),
            "doing, receiving",
        ),
        (
            json!({"title": "a\u{0}b", "intensity": 2, "roles": ["doing"]}),
            "characters",
        ),
    ];
    for (body, hint) in cases {
        let (status, code, message) = error_code(a.post(&path, body.clone()).await).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "invalid"),
            "{body}"
        );
        assert!(message.contains(hint), "{message} should mention {hint}");
    }
    let (status, _, _) = error_code(
        a.post(
            &path,
            json!({"title": "Fine", "intensity": "high", "roles": ["doing"]}),
        )
        .await,
    )
    .await;
    assert!(status.is_client_error());
    assert_eq!(
        a.post(&format!("{path}/custom.nothing/offer"), json!({}))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let cooling = format!("{}/cooling", base(&space));
    for days in [0, 91, -3] {
        let (status, _, message) = error_code(a.put(&cooling, json!({ "days": days })).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(message.contains("90 days"), "{message}");
    }
}

#[tokio::test]
async fn widening_needs_everyone_the_cooling_period_changes_only_when_all_choose_it() {
    let app = TestApp::spawn().await;
    let (mut a, mut b, space) = app.couple().await;
    let path = format!("{}/cooling", base(&space));
    let view: Value = a.get(&path).await.json().await.unwrap();
    assert_eq!(view["days"], 7);
    let view: Value = a.put(&path, json!({"days": 2})).await.json().await.unwrap();
    assert_eq!(view["days"], 7, "one member alone changes nothing");
    assert_eq!(view["choices"][0]["days"], 2);
    let view: Value = b.put(&path, json!({"days": 3})).await.json().await.unwrap();
    assert_eq!(view["days"], 7, "different choices change nothing");
    // Silence never decides: much later, still the old period.
    app.clock().advance(60 * DAY);
    later(&app, 0, &mut a, &mut b).await;
    let view: Value = a.get(&path).await.json().await.unwrap();
    assert_eq!(view["days"], 7);
    let view: Value = b.put(&path, json!({"days": 2})).await.json().await.unwrap();
    assert_eq!(view["days"], 2);
    assert_eq!(view["choices"], json!([]));
    // The new period governs the next round.
    both_reveal(&a, &b, &space).await;
    later(&app, DAY, &mut a, &mut b).await;
    let (status, body) = reveal(&a, &space).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    later(&app, DAY, &mut a, &mut b).await;
    assert_eq!(reveal(&a, &space).await.1["status"], "waiting");
}

#[tokio::test]
async fn a_limit_on_my_own_item_shows_its_words_on_the_boundaries_page() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let item = write(
        &a,
        &space,
        json!({"title": "Tickling", "intensity": 1, "roles": ["receiving"]}),
    )
    .await;
    rate(&a, &space, &item, "receiving", "limit").await;
    let view: Value = b
        .get(&format!("/api/v1/spaces/{space}/boundaries"))
        .await
        .json()
        .await
        .unwrap();
    let alex = view["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["display_name"] == "Alex")
        .unwrap()
        .clone();
    assert_eq!(alex["from_inventory"][0]["title"], "Tickling");
    assert_eq!(alex["from_inventory"][0]["role"], "receiving");
}
