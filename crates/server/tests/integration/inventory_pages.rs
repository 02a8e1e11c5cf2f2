//! The inventory pages work as plain HTML forms, without JavaScript.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{Person, TestApp};
use crate::inventory::base;

/// The first catalog item offered as doing/receiving: (id, category, title).
async fn pair_item(p: &Person, space: &str) -> (String, String, String) {
    let cat: Value = p
        .get(&format!("{}/catalog", base(space)))
        .await
        .json()
        .await
        .unwrap();
    let i = cat["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["roles"] == serde_json::json!(["doing", "receiving"]))
        .unwrap()
        .clone();
    (
        i["id"].as_str().unwrap().into(),
        i["category"].as_str().unwrap().into(),
        i["title"].as_str().unwrap().into(),
    )
}

async fn page(p: &Person, path: &str) -> (StatusCode, String) {
    let res = p.get(path).await;
    (res.status(), res.text().await.unwrap())
}

async fn my_answers(p: &Person, space: &str) -> Value {
    p.get(&format!("{}/answers", base(space)))
        .await
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn answering_and_revealing_work_with_plain_forms() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let (item, category, title) = pair_item(&a, &space).await;
    let (status, html) = page(&a, &format!("/spaces/{space}/inventory")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("/spaces/{space}/inventory/c/{category}")));
    let path = format!("/spaces/{space}/inventory/c/{category}");
    let (status, html) = page(&a, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("when you save, it is shown to everyone in this space"));
    assert!(html.contains(&format!("name=\"r.{item}.doing\"")));

    let rating = format!("r.{item}.doing");
    let note = format!("n.{item}");
    let csrf = a.csrf().await;
    let res = a
        .form(
            &path,
            &[
                ("csrf", &*csrf),
                (&rating, "yes"),
                (&note, "slowly, please"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let mine = my_answers(&a, &space).await;
    assert_eq!(mine["answers"][0]["rating"], "yes");
    assert_eq!(mine["answers"][0]["note"], "slowly, please");
    let (_, html) = page(&a, &path).await;
    assert!(
        html.contains("slowly, please"),
        "the note is shown back to its author"
    );

    let csrf_b = b.csrf().await;
    let rating_b = format!("r.{item}.receiving");
    let res = b
        .form(&path, &[("csrf", &csrf_b), (&rating_b, "yes")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let reveal = format!("/spaces/{space}/inventory/reveal");
    let (_, html) = page(&a, &reveal).await;
    assert!(html.contains("ready to reveal"));
    assert!(
        !html.contains(&title),
        "nothing shows before everyone is ready"
    );
    assert_eq!(
        a.form(&reveal, &[("csrf", &csrf)]).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        b.form(&reveal, &[("csrf", &csrf_b)]).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, html) = page(&b, &reveal).await;
    assert!(html.contains(&title), "{html}");
    assert!(
        html.contains("You receive, Alex gives"),
        "roles read as complements"
    );
    assert!(
        !html.contains("slowly, please"),
        "a private note never reaches the partner"
    );
    assert!(html.contains("answered 1 item"));
}

#[tokio::test]
async fn a_note_without_an_answer_is_refused_and_nothing_is_lost() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let (item, category, _) = pair_item(&a, &space).await;
    let path = format!("/spaces/{space}/inventory/c/{category}");
    let csrf = a.csrf().await;
    let rating = format!("r.{item}.doing");
    let note = format!("n.{item}");
    let res = a
        .form(
            &path,
            &[("csrf", &csrf), (&rating, "none"), (&note, "for later")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("kept with an answer"));
    assert!(html.contains("role=\"alert\""));
    assert_eq!(
        my_answers(&a, &space).await["answers"],
        serde_json::json!([])
    );
    // A made-up rating is refused with a message too.
    let res = a.form(&path, &[("csrf", &csrf), (&rating, "always")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // No form token: refused.
    let res = a.form(&path, &[(&*rating, "yes")]).await;
    assert!(res.status().is_client_error());
    assert_eq!(
        my_answers(&a, &space).await["answers"],
        serde_json::json!([])
    );
    let (status, _) = page(&a, &format!("/spaces/{space}/inventory/c/no-such-topic")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_intensity_filter_hides_items_without_touching_their_answers() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let (_, html) = page(&a, &format!("/spaces/{space}/inventory/c/power?upto=1")).await;
    assert!(html.contains("hidden by this filter"));
    let (status, _) = page(
        &a,
        &format!("/spaces/{space}/inventory/c/power?upto=banana"),
    )
    .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a bad filter falls back to showing everything"
    );
}

#[tokio::test]
async fn own_items_and_the_cooling_period_work_with_plain_forms() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    let csrf = a.csrf().await;
    let res = a
        .form(
            &format!("/spaces/{space}/inventory/own"),
            &[
                ("csrf", &*csrf),
                ("title", "Picnic at dawn"),
                ("description", ""),
                ("intensity", "1"),
                ("either", "1"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, html) = page(&a, &format!("/spaces/{space}/inventory/c/custom")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Picnic at dawn"));
    let (status, _) = page(&b, &format!("/spaces/{space}/inventory/c/custom")).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "nothing of Alex's is visible to Sam yet"
    );
    let res = a
        .form(
            &format!("/spaces/{space}/inventory/own"),
            &[("csrf", &*csrf), ("title", ""), ("intensity", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .form(
            &format!("/spaces/{space}/inventory/cooling"),
            &[("csrf", &*csrf), ("days", "3")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = page(&b, &format!("/spaces/{space}/inventory/reveal")).await;
    assert!(html.contains("Alex would like 3 days"));
    assert!(html.contains("once every 7 days"));
    let res = a
        .form(
            &format!("/spaces/{space}/inventory/cooling"),
            &[("csrf", &*csrf), ("days", "many")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
