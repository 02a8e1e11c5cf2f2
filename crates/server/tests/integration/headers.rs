//! Security headers and discretion on every response (invariant 10).

use reqwest::StatusCode;

use crate::helpers::TestApp;

#[tokio::test]
async fn every_page_and_api_answer_carries_the_security_headers_and_no_store() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    for path in [
        "/",
        "/login",
        "/signup",
        "/safety",
        "/about",
        "/settings",
        "/api/v1/spaces",
        "/api/v1/openapi.json",
        "/nope",
    ] {
        let res = p.client.get(p.url(path)).send().await.unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'none'")
                && csp.contains("script-src 'self'")
                && csp.contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(h["cache-control"], "no-store", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
    }
}

#[tokio::test]
async fn discreet_by_default_page_titles_are_neutral_until_turned_off() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    for path in ["/", "/safety", "/about", "/settings"] {
        let html = p
            .client
            .get(p.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("<title>Notes</title>"), "{path}");
    }
    let visitor = app.person();
    for path in ["/", "/login", "/signup", "/recover"] {
        let html = visitor
            .client
            .get(visitor.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains("<title>Notes</title>"),
            "{path} for a visitor"
        );
    }
    let csrf = p.csrf().await;
    let res = p.form("/settings/discreet", &[("csrf", &csrf)]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = p
        .client
        .get(p.url("/settings"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<title>Settings · Attune</title>"));
}

#[tokio::test]
async fn discreet_by_default_pages_reference_no_other_host() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    for path in [
        "/",
        "/login",
        "/signup",
        "/safety",
        "/about",
        "/settings",
        "/static/app.css",
        "/static/enhance.js",
        "/static/quick-exit.js",
    ] {
        let text = p
            .client
            .get(p.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        for scheme in ["http://", "https://", "//fonts", "//cdn"] {
            let foreign = text.match_indices(scheme).any(|(i, _)| {
                !text[i..].starts_with(&app.base)
                    && !text[i..].starts_with("http://www.w3.org/2000/svg")
            });
            assert!(!foreign, "{path} references another host via {scheme}");
        }
    }
}

#[tokio::test]
async fn discreet_by_default_quick_exit_ends_the_session_and_clears_site_data() {
    let app = TestApp::spawn().await;
    let p = app.signed_up("river").await;
    let res = p
        .client
        .post(p.url("/quick-exit"))
        .form(&[("csrf", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/away");
    assert!(
        res.headers()["clear-site-data"]
            .to_str()
            .unwrap()
            .contains("\"cookies\"")
    );
    assert_eq!(
        p.get("/api/v1/spaces").await.status(),
        StatusCode::UNAUTHORIZED
    );
    let away = p
        .client
        .get(p.url("/away"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!away.to_lowercase().contains("attune"));
    assert!(!away.contains("quick-exit"));
}

#[tokio::test]
async fn health_answers_without_personal_data() {
    let app = TestApp::spawn().await;
    let res = reqwest::get(format!("{}/healthz", app.base)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body,
        serde_json::json!({"status": "ok", "database": "sqlite"})
    );
}
