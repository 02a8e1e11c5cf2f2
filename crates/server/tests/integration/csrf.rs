//! Cross-site request forgery: forged form posts are refused; our own pages work.

use reqwest::StatusCode;

use crate::helpers::TestApp;

#[tokio::test]
async fn a_cross_site_form_post_is_refused() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    let csrf = p.csrf().await;
    let res = p
        .client
        .post(p.url("/spaces"))
        .header("origin", "http://evil.example")
        .header("sec-fetch-site", "cross-site")
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "Forged"),
            ("display_name", "X"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = p
        .client
        .post(p.url("/spaces"))
        .header("origin", "http://evil.example")
        .header("sec-fetch-site", "same-origin")
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "Forged"),
            ("display_name", "X"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "a foreign Origin is refused even if fetch metadata is forged"
    );
    let spaces: serde_json::Value = p.get("/api/v1/spaces").await.json().await.unwrap();
    assert!(spaces["spaces"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_same_origin_form_post_with_the_token_works() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    let csrf = p.csrf().await;
    let res = p
        .form(
            "/spaces",
            &[("csrf", &csrf), ("name", "Ours"), ("display_name", "River")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        res.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/spaces/")
    );
}

#[tokio::test]
async fn a_same_origin_form_post_without_the_token_is_refused() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    let res = p
        .form(
            "/spaces",
            &[
                ("csrf", "not-the-token"),
                ("name", "Ours"),
                ("display_name", "River"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(res.text().await.unwrap().contains("This form has expired"));
}

#[tokio::test]
async fn cookie_api_calls_need_the_csrf_header_and_bearer_calls_do_not() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    let body = serde_json::json!({"name": "Ours", "display_name": "River"});
    // Cookie only, no header: refused.
    let res = p
        .client
        .post(p.url("/api/v1/spaces"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Cookie plus the header: accepted.
    let csrf = p.csrf().await;
    let res = p
        .client
        .post(p.url("/api/v1/spaces"))
        .header("x-csrf-token", csrf)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    // Bearer from anywhere (no cookie): accepted.
    let res = reqwest::Client::new()
        .post(p.url("/api/v1/spaces"))
        .bearer_auth(p.token.as_ref().unwrap())
        .header("origin", "http://elsewhere.example")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
}

/// Browsers send `Origin: null` on same-origin form navigations under `Referrer-Policy: no-referrer`.
#[tokio::test]
async fn a_browser_form_post_with_a_null_origin_from_our_own_page_works() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    let csrf = p.csrf().await;
    let browser_like = |site: &'static str| {
        p.client
            .post(p.url("/spaces"))
            .header("origin", "null")
            .header("sec-fetch-site", site)
            .header("sec-fetch-mode", "navigate")
            .form(&[
                ("csrf", csrf.as_str()),
                ("name", "Ours"),
                ("display_name", "River"),
            ])
    };
    assert_eq!(
        browser_like("same-origin").send().await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        browser_like("same-site").send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        browser_like("cross-site").send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
}
