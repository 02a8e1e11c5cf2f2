//! The learning library (K1): public, discreet, one heading per page, and honest about being
//! general information rather than advice.

use attune_server::pages::learn::Topic;
use reqwest::StatusCode;

use crate::helpers::TestApp;

const NOT_ADVICE: &str = "General information, not medical or professional advice.";
const EMERGENCY: &str = "Call your local emergency number";

/// Every `/learn/<slug>` link on a page, in order, without repeats.
fn topic_links(html: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in html.split("href=\"/learn/").skip(1) {
        let slug = part.split('"').next().unwrap().to_string();
        if !out.contains(&slug) {
            out.push(slug);
        }
    }
    out
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn the_index_lists_every_topic_and_says_it_is_not_advice() {
    let app = TestApp::spawn().await;
    let visitor = app.person();
    let res = visitor.get("/learn").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let expected: Vec<String> = Topic::ALL.iter().map(|t| t.slug().to_string()).collect();
    assert_eq!(topic_links(&html), expected);
    assert!(html.contains(NOT_ADVICE));
    assert!(html.contains(EMERGENCY));
    assert_eq!(count(&html, "<h1"), 1);
}

#[tokio::test]
async fn every_topic_page_answers_with_one_heading_and_the_not_advice_statement() {
    let app = TestApp::spawn().await;
    let visitor = app.person();
    for topic in Topic::ALL {
        let path = format!("/learn/{}", topic.slug());
        let res = visitor.get(&path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let html = res.text().await.unwrap();
        assert_eq!(count(&html, "<h1"), 1, "{path} has exactly one h1");
        assert!(
            html.contains(&format!(">{}</h1>", topic.title())),
            "{path} is headed by its title"
        );
        let note = html.find(NOT_ADVICE).expect("not-advice statement");
        let body = html.find("<section").expect("the topic has sections");
        assert!(
            note < body,
            "{path}: the statement comes before the content"
        );
        assert!(html.contains(EMERGENCY), "{path} says when to call");
        assert!(
            html.contains("action=\"/quick-exit\""),
            "{path} has quick exit"
        );
        // Every topic link on the page leads to a topic that exists.
        for slug in topic_links(&html) {
            assert!(Topic::from_slug(&slug).is_some(), "{path} links to {slug}");
        }
    }
}

#[tokio::test]
async fn the_library_links_and_loads_nothing_from_elsewhere() {
    let app = TestApp::spawn().await;
    let visitor = app.person();
    let paths = std::iter::once("/learn".to_string())
        .chain(Topic::ALL.iter().map(|t| format!("/learn/{}", t.slug())));
    for path in paths {
        let html = visitor.get(&path).await.text().await.unwrap();
        for attr in ["href=\"", "src=\"", "action=\""] {
            for part in html.split(attr).skip(1) {
                let target = part.split('"').next().unwrap();
                assert!(
                    target.starts_with('/') || target.starts_with('#'),
                    "{path} points outside the app: {target}"
                );
            }
        }
    }
}

#[tokio::test]
async fn unknown_topics_are_not_found() {
    let app = TestApp::spawn().await;
    let visitor = app.person();
    for path in ["/learn/nothing-here", "/learn/Consent", "/learn/first_aid"] {
        let res = visitor.get(path).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn the_library_is_discreet_signed_out_and_reachable_signed_in() {
    let app = TestApp::spawn().await;
    let visitor = app.person();
    let html = visitor.get("/learn/first-aid").await.text().await.unwrap();
    assert!(html.contains("<title>Notes</title>"), "neutral tab title");
    assert!(html.contains("href=\"/signup\""), "signed-out navigation");

    let member = app.signed_up("alex").await;
    let res = member.get("/learn/aftercare").await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("<title>Notes</title>"), "discreet by default");
    assert!(html.contains("href=\"/settings\""), "signed-in navigation");

    let home = member.get("/").await.text().await.unwrap();
    assert!(
        home.contains("href=\"/learn\""),
        "the footer links to the library"
    );
}

#[tokio::test]
async fn the_agreement_pages_link_to_the_library() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    for path in [
        format!("/spaces/{space}/agreement"),
        format!("/spaces/{space}/agreement/edit"),
    ] {
        let res = a.get(&path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains("href=\"/learn/safewords\""), "{path}");
        assert!(html.contains("href=\"/learn/aftercare\""), "{path}");
    }
}
