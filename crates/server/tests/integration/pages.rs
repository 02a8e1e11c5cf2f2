//! Every core action works as plain HTML forms, without JavaScript.

use reqwest::StatusCode;

use crate::helpers::{PASSWORD, Person, TestApp};

/// The text of the element with `id`, without its markup.
fn text_of(html: &str, id: &str) -> String {
    let inner = between(html, &format!("id=\"{id}\">"), "</code>");
    let mut out = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let i = html
        .find(start)
        .unwrap_or_else(|| panic!("{start} not in page"))
        + start.len();
    html[i..].split(end).next().unwrap()
}

async fn sign_up_by_form(app: &TestApp, username: &str) -> (Person, String) {
    let p = app.person();
    let res = p
        .form(
            "/signup",
            &[
                ("username", username),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let code = text_of(&html, "recovery-code");
    let csrf = between(&html, "name=\"csrf\" value=\"", "\"").to_string();
    let res = p
        .form("/welcome", &[("csrf", &csrf), ("saved", "yes")])
        .await;
    assert_eq!(res.headers()["location"], "/?n=welcome");
    (p, code)
}

#[tokio::test]
async fn two_people_sign_up_share_a_space_and_leave_using_only_forms() {
    let app = TestApp::spawn().await;
    let (a, code) = sign_up_by_form(&app, "alex").await;
    assert_eq!(code.len(), 32, "grouped recovery code: {code}");
    let csrf = a.csrf().await;
    let res = a
        .form(
            "/spaces",
            &[("csrf", &csrf), ("name", "Ours"), ("display_name", "Alex")],
        )
        .await;
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let space_path = location.split('?').next().unwrap().to_string();
    let res = a
        .form(&format!("{space_path}/invite"), &[("csrf", &csrf)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let invite = text_of(&html, "invite-code");
    assert!(between(&html, "id=\"invite-link\">", "<").contains("/join#code="));

    let (b, _) = sign_up_by_form(&app, "sam").await;
    let csrf_b = b.csrf().await;
    let res = b
        .form(
            "/join",
            &[
                ("csrf", &csrf_b),
                ("code", &invite),
                ("display_name", "Sam"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let members = b
        .client
        .get(b.url(&format!("{space_path}/members")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(members.contains("Alex") && members.contains("Sam"));

    let res = b
        .form(&format!("{space_path}/leave"), &[("csrf", &csrf_b)])
        .await;
    assert_eq!(res.headers()["location"], "/?n=left");
    let res = b.client.get(b.url(&space_path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let home = b
        .client
        .get(b.url("/?n=left"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains("You have left the space"));
}

#[tokio::test]
async fn continuing_without_confirming_the_recovery_code_shows_a_fresh_one() {
    let app = TestApp::spawn().await;
    let p = app.person();
    let html = p
        .form(
            "/signup",
            &[
                ("username", "river"),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
        )
        .await
        .text()
        .await
        .unwrap();
    let first = text_of(&html, "recovery-code");
    let csrf = between(&html, "name=\"csrf\" value=\"", "\"").to_string();
    let res = p.form("/welcome", &[("csrf", &csrf)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    let second = text_of(&html, "recovery-code");
    assert_ne!(first, second);
    assert!(html.contains("can't be shown again"));
}

#[tokio::test]
async fn form_errors_are_shown_next_to_what_was_typed() {
    let app = TestApp::spawn().await;
    let p = app.person();
    let res = p
        .form(
            "/signup",
            &[
                ("username", "river"),
                ("password", PASSWORD),
                ("password_again", "something else entirely"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("not the same") && html.contains("value=\"river\""));
    let res = p
        .form(
            "/login",
            &[("username", "river"), ("password", "wrong wrong wrong")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert!(res.text().await.unwrap().contains("match an account"));
}

#[tokio::test]
async fn lock_now_ends_the_session() {
    let app = TestApp::spawn().await;
    let (p, _) = sign_up_by_form(&app, "river").await;
    let csrf = p.csrf().await;
    let res = p.form("/lock", &[("csrf", &csrf)]).await;
    assert_eq!(res.headers()["location"], "/login?n=locked");
    let res = p.client.get(p.url("/settings")).send().await.unwrap();
    assert_eq!(res.headers()["location"], "/login");
}

#[tokio::test]
async fn settings_list_sessions_and_end_them() {
    let app = TestApp::spawn().await;
    let (p, _) = sign_up_by_form(&app, "river").await;
    let html = p
        .client
        .get(p.url("/settings"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("this device"));
    let csrf = p.csrf().await;
    let res = p
        .form("/settings/logout-everywhere", &[("csrf", &csrf)])
        .await;
    assert_eq!(res.headers()["location"], "/login?n=logged-out");
    assert_eq!(
        p.client
            .get(p.url("/settings"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn every_static_asset_is_served_with_its_type() {
    let app = TestApp::spawn().await;
    for (name, mime) in [
        ("app.css", "text/css"),
        ("coach.js", "text/javascript"),
        ("enhance.js", "text/javascript"),
        ("quick-exit.js", "text/javascript"),
        ("icon.svg", "image/svg+xml"),
        ("manifest.webmanifest", "application/manifest+json"),
    ] {
        let res = reqwest::get(format!("{}/static/{name}", app.base))
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with(mime)
        );
    }
}

#[tokio::test]
async fn a_fresh_code_without_the_password_is_only_offered_right_after_sign_up() {
    let app = TestApp::spawn().await;
    let (p, _) = sign_up_by_form(&app, "river").await;
    let csrf = p.csrf().await;
    app.clock().advance(29 * 60);
    let res = p.form("/welcome", &[("csrf", &csrf)]).await;
    assert_eq!(res.status(), StatusCode::OK);
    app.clock().advance(2 * 60);
    let res = p.form("/welcome", &[("csrf", &csrf)]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("needs your password"));
}

#[tokio::test]
async fn the_wording_helper_checks_text_without_javascript_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let p = app.person();
    let res = p
        .form("/coach", &[("text", "You never listen to me.")])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(html.contains("What the helper noticed"));
    assert!(html.contains("Always / never"), "an absolute is named");
    let res = p
        .form("/coach", &[("text", "I always feel safe with you.")])
        .await;
    assert!(res.text().await.unwrap().contains("Nothing stood out"));
    let long = "a".repeat(10_001);
    let res = p.form("/coach", &[("text", long.as_str())]).await;
    assert!(res.text().await.unwrap().contains("up to 10000 characters"));
}

#[test]
fn every_stylesheet_rule_is_closed() {
    // A rule left open swallows every rule after it, silently (a merge once did this).
    for (name, css) in [
        ("app.css", include_str!("../../static/app.css")),
        ("away.css", include_str!("../../static/away.css")),
    ] {
        // Each open block: whether it is an @-rule (which may hold rules).
        let mut open: Vec<bool> = Vec::new();
        let mut prelude_start = 0;
        let mut in_comment = false;
        let bytes = css.as_bytes();
        for (i, &c) in bytes.iter().enumerate() {
            if in_comment {
                if c == b'/' && bytes[i - 1] == b'*' {
                    in_comment = false;
                    prelude_start = i + 1;
                }
                continue;
            }
            match c {
                b'/' if bytes.get(i + 1) == Some(&b'*') => in_comment = true,
                b'{' => {
                    let prelude = css[prelude_start..i].trim();
                    let at_rule = prelude.starts_with('@');
                    assert!(
                        open.last().is_none_or(|outer| *outer),
                        "{name}: `{prelude}` starts inside another rule that was never closed"
                    );
                    open.push(at_rule);
                    prelude_start = i + 1;
                }
                b'}' => {
                    assert!(open.pop().is_some(), "{name}: a closing brace too many");
                    prelude_start = i + 1;
                }
                b';' => prelude_start = i + 1,
                _ => {}
            }
        }
        assert!(open.is_empty(), "{name}: a rule is left open at the end");
    }
}
