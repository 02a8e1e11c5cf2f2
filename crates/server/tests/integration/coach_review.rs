//! "Check my wording" without JavaScript: every form meant for a partner carries the button; the
//! review page shows the hints, carries every other field on unchanged, stores nothing, and its
//! "Save" reaches the form's own handler. Bad input gets a clear 4xx, never a 5xx.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{Person, TestApp};
use crate::plans::{happened, matched};

/// Undoes the HTML escaping of attribute values and text (named and numeric entities).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').expect("entity ends with ;");
        let entity = &tail[1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let n = match entity.strip_prefix("#x") {
                    Some(hex) => u32::from_str_radix(hex, 16).unwrap(),
                    None => entity.strip_prefix('#').unwrap().parse().unwrap(),
                };
                char::from_u32(n).unwrap()
            }
        };
        out.push(c);
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in one opening tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let start = tag.find(&marker)? + marker.len();
    Some(unescape(tag[start..].split('"').next()?))
}

/// Every opening tag `<{element} …>` in `html`, in order.
fn tags<'a>(html: &'a str, element: &str) -> Vec<&'a str> {
    let open = format!("<{element} ");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&open) {
        let tag = &rest[i..];
        let end = tag.find('>').unwrap() + 1;
        out.push(&tag[..end]);
        rest = &tag[end..];
    }
    out
}

/// The `<form>` that holds the button whose text is `button`.
fn form_with<'a>(html: &'a str, button: &str) -> &'a str {
    let at = html
        .find(&format!(">{button}</button>"))
        .unwrap_or_else(|| panic!("no {button:?} button in the page"));
    let start = html[..at].rfind("<form").unwrap();
    let end = at + html[at..].find("</form>").unwrap();
    &html[start..end]
}

/// (name, value) of every hidden input, in order.
fn hidden(form: &str) -> Vec<(String, String)> {
    tags(form, "input")
        .into_iter()
        .filter(|t| t.contains("type=\"hidden\""))
        .map(|t| (attr(t, "name").unwrap(), attr(t, "value").unwrap()))
        .collect()
}

/// (id, name, maxlength, text) of every textarea with `data-coach`.
fn coached_textareas(form: &str) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for tag in tags(form, "textarea") {
        if !tag.contains(" data-coach") {
            continue;
        }
        let at = form.find(tag).unwrap() + tag.len();
        let text = unescape(form[at..].split("</textarea>").next().unwrap());
        out.push((
            attr(tag, "id").unwrap(),
            attr(tag, "name").unwrap(),
            attr(tag, "maxlength").unwrap(),
            text,
        ));
    }
    out
}

/// What pressing "Save" on the review page sends, and where: every hidden input and textarea.
fn review_submission(html: &str) -> (String, Vec<(String, String)>) {
    let form = form_with(html, "Check again");
    let save = tags(form, "button")
        .into_iter()
        .find_map(|t| attr(t, "formaction"))
        .expect("the Save button names the form's address");
    let mut fields = hidden(form);
    for (_, name, _, text) in coached_textareas(form) {
        fields.push((name, text));
    }
    (save, fields)
}

async fn post_pairs(p: &Person, path: &str, pairs: &[(String, String)]) -> reqwest::Response {
    p.client.post(p.url(path)).form(pairs).send().await.unwrap()
}

fn pairs(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Checks the form holding "Check my wording" on `path`: the button, one `_coach` per coached
/// textarea, a hints box for each, `_coach_back` = `back`; and that the review page keeps each
/// textarea's length limit.
async fn has_the_button(p: &Person, path: &str, back: &str) {
    let html = p.get_page(path).await;
    let form = form_with(&html, "Check my wording");
    assert!(
        form.contains("formaction=\"/coach/review\" formmethod=\"post\" formnovalidate"),
        "{path}"
    );
    assert!(form.contains(&format!("action=\"{back}\"")), "{path}");
    let fields = hidden(form);
    let backs: Vec<&str> = fields
        .iter()
        .filter(|(k, _)| k == "_coach_back")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(backs, [back], "{path}");
    let coached: Vec<String> = fields
        .iter()
        .filter(|(k, _)| k == "_coach")
        .map(|(_, v)| v.clone())
        .collect();
    let areas = coached_textareas(form);
    assert!(!areas.is_empty(), "{path}");
    assert_eq!(
        coached.len(),
        areas.len(),
        "{path}: one _coach per textarea"
    );
    let mut body = fields.clone();
    for (id, name, _, _) in &areas {
        assert!(
            form.contains(&format!("data-coach-hints=\"{id}\"")),
            "{path}: #{id} has its hints box"
        );
        assert!(
            coached.iter().any(|c| c.split('|').next() == Some(name)),
            "{path}: {name} is named in a _coach input"
        );
        assert!(
            coached
                .iter()
                .all(|c| c.split('|').nth(1).is_some_and(|l| !l.is_empty())),
            "{path}: every _coach has a label"
        );
        body.push((name.clone(), String::new()));
    }
    let res = post_pairs(p, "/coach/review", &body).await;
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    let review = res.text().await.unwrap();
    let shown = coached_textareas(form_with(&review, "Check again"));
    assert_eq!(shown.len(), areas.len(), "{path}");
    for ((_, name, max, _), (_, shown_name, shown_max, _)) in areas.iter().zip(&shown) {
        assert_eq!((name, max), (shown_name, shown_max), "{path}");
    }
}

#[tokio::test]
async fn every_form_meant_for_a_partner_has_a_check_my_wording_button() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0)]).await;
    let s = format!("/spaces/{space}");
    has_the_button(&a, &format!("{s}/log"), &format!("{s}/log")).await;
    has_the_button(&a, &format!("{s}/tonight"), &format!("{s}/tonight")).await;
    has_the_button(&a, &format!("{s}/plans/new"), &format!("{s}/plans")).await;
    has_the_button(
        &a,
        &format!("{s}/checkins"),
        &format!("{s}/checkins/answers"),
    )
    .await;
    has_the_button(
        &a,
        &format!("{s}/agreement/edit"),
        &format!("{s}/agreement"),
    )
    .await;
    let plan = happened(&app, &a, &b, &space, &[ids[0].as_str()]).await;
    let debrief = format!("{s}/plans/{plan}/debrief");
    has_the_button(&a, &debrief, &debrief).await;
    for p in [&a, &b] {
        let csrf = p.csrf().await;
        let res = p
            .form(&debrief, &[("csrf", &csrf), ("exciting", "Slow and kind")])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    has_the_button(&a, &debrief, &format!("{s}/plans/{plan}/follow-ups")).await;
}

#[tokio::test]
async fn checking_the_wording_shows_hints_keeps_every_field_and_saves_only_on_save() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let log = format!("/spaces/{space}/log");
    let html = a.get_page(&log).await;
    let mut body = hidden(form_with(&html, "Check my wording"));
    body.push(("kind".into(), "did_not".into()));
    body.push((
        "text".into(),
        "You never listen to me & it's <always> the same.".into(),
    ));
    let sent = body.clone();
    let res = post_pairs(&a, "/coach/review", &body).await;
    assert_eq!(res.status(), StatusCode::OK);
    let review = res.text().await.unwrap();
    assert!(review.contains("Check your wording"));
    assert!(review.contains("Always / never"), "the hint is shown");
    assert!(review.contains("Nothing is saved yet"));
    assert!(
        review.contains("id=\"pause-form\""),
        "the space's pause control is on the page"
    );
    let (save, fields) = review_submission(&review);
    assert_eq!(save, log);
    // The text is editable, under its label; everything else is carried unchanged, in order.
    let form = form_with(&review, "Check again");
    let areas = coached_textareas(form);
    assert_eq!(areas.len(), 1);
    assert_eq!(areas[0].1, "text");
    assert_eq!(areas[0].3, sent.last().unwrap().1);
    assert!(form.contains(&format!(
        "<label for=\"{}\">In your words</label>",
        areas[0].0
    )));
    let others: Vec<(String, String)> = sent.iter().filter(|(k, _)| k != "text").cloned().collect();
    assert_eq!(hidden(form), others);
    // Nothing was stored.
    let log_entries = || async {
        a.get(&format!("/api/v1/{}", &log[1..]))
            .await
            .json::<Value>()
            .await
            .unwrap()
    };
    let v = log_entries().await;
    assert!(v["entries"].as_array().unwrap().is_empty(), "{v}");
    // "Check again" works on what the page sends; "Save" reaches the log, token and all.
    let res = post_pairs(&a, "/coach/review", &fields).await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = post_pairs(&a, &save, &fields).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], format!("{log}?n=log-added"));
    let v = log_entries().await;
    assert_eq!(v["entries"][0]["text"], sent.last().unwrap().1);
    assert_eq!(v["entries"][0]["kind"], "did_not");
}

#[tokio::test]
async fn repeated_fields_such_as_a_plans_activities_arrive_unchanged() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, _b, space, ids) = matched(&app, &[(1, 0), (1, 1)]).await;
    let html = a.get_page(&format!("/spaces/{space}/plans/new")).await;
    let mut body = hidden(form_with(&html, "Check my wording"));
    for (k, v) in [
        ("title", "Sunday evening"),
        ("item", ids[1].as_str()),
        ("hours", "25"),
        ("item", ids[0].as_str()),
        ("ceiling", "2"),
        ("exit_strategy", "If you loved me you wouldn't stop."),
        ("done_environment", "1"),
        ("note_environment", "Bedroom"),
    ] {
        body.push((k.into(), v.into()));
    }
    let res = post_pairs(&a, "/coach/review", &body).await;
    assert_eq!(res.status(), StatusCode::OK);
    let review = res.text().await.unwrap();
    assert!(review.contains("Pressure"), "{review}");
    assert!(review.contains(">Propose this plan</button>"));
    let form = form_with(&review, "Check again");
    let items: Vec<String> = hidden(form)
        .into_iter()
        .filter(|(k, _)| k == "item")
        .map(|(_, v)| v)
        .collect();
    assert_eq!(items, [ids[1].clone(), ids[0].clone()]);
    let plans = a.get_json(&format!("/api/v1/spaces/{space}/plans")).await;
    assert!(plans.as_array().unwrap().is_empty(), "{plans}");
    let (save, fields) = review_submission(&review);
    let res = post_pairs(&a, &save, &fields).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap()
    );
    let plans = a.get_json(&format!("/api/v1/spaces/{space}/plans")).await;
    assert_eq!(plans.as_array().unwrap().len(), 1, "{plans}");
}

#[tokio::test]
async fn a_review_for_someone_elses_space_shows_nothing_of_that_space() {
    let app = TestApp::spawn().await;
    let (_a, _b, space) = app.couple().await;
    let outsider = app.signed_up("robin").await;
    let body = pairs(&[
        ("_coach", "text|In your words"),
        ("_coach_back", &format!("/spaces/{space}/log")),
        ("text", "Hello"),
    ]);
    let res = post_pairs(&outsider, "/coach/review", &body).await;
    assert_eq!(res.status(), StatusCode::OK);
    let html = res.text().await.unwrap();
    assert!(!html.contains("Our space") && !html.contains("pause-form"));
}

#[tokio::test]
async fn bad_review_requests_get_a_clear_4xx_and_never_a_5xx() {
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let log = format!("/spaces/{space}/log");
    let with_back = |back: &str| {
        pairs(&[
            ("csrf", "x"),
            ("_coach", "text|In your words"),
            ("_coach_back", back),
            ("text", "Hello"),
        ])
    };
    for back in [
        "https://evil.example/spaces".to_string(),
        "//evil.example/x".into(),
        "/\\evil.example".into(),
        "javascript:alert(1)".into(),
        "/settings/delete".into(),
        format!("{log}/../../settings/delete"),
        format!("{log}\r\nX: y"),
        format!("{log}{}", "a".repeat(300)),
        String::new(),
    ] {
        let res = post_pairs(&a, "/coach/review", &with_back(&back)).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{back:?}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("only send your words back to a form"),
            "{back:?}"
        );
        assert!(!html.contains("evil.example"));
    }
    // Two addresses, no address, nothing to check, an odd field name.
    let mut two = with_back(&log);
    two.push(("_coach_back".into(), format!("/spaces/{space}/tonight")));
    let no_back = pairs(&[("_coach", "text|x"), ("text", "Hello")]);
    let no_coach = pairs(&[("_coach_back", &log), ("text", "Hello")]);
    let odd_name = pairs(&[("_coach", "te xt\"|x"), ("_coach_back", &log)]);
    let csrf_name = pairs(&[("_coach", "csrf|x"), ("_coach_back", &log)]);
    for body in [two, no_back, no_coach, odd_name, csrf_name] {
        let res = post_pairs(&a, "/coach/review", &body).await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{body:?}");
    }
    // Too many fields.
    let mut many = with_back(&log);
    for i in 0..120 {
        many.push((format!("f{i}"), "x".into()));
    }
    let res = post_pairs(&a, "/coach/review", &many).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res.text().await.unwrap().contains("more fields than"));
    // A text over the helper's limit is kept, with a message, and not read.
    let long = format!(
        "You never listen to me. {}",
        "a".repeat(attune_coach::MAX_TEXT_CHARS)
    );
    let mut body = with_back(&log);
    body[3].1 = long.clone();
    let res = post_pairs(&a, "/coach/review", &body).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("reads up to 10000 characters"));
    assert!(html.contains(&long), "the text is kept");
    assert!(
        !html.contains("Always / never"),
        "nothing over the limit is read"
    );
    // Longer than the form takes, but readable: the hints and a message.
    body[3].1 = format!("You never listen to me. {}", "a".repeat(2000));
    let res = post_pairs(&a, "/coach/review", &body).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("up to 2000 characters") && html.contains("Always / never"));
    // Not a form, broken encoding, random bytes, too big.
    let mut seed: u64 = 0xc0ac4;
    let mut garbage = Vec::new();
    for _ in 0..200 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        garbage.push(seed as u8);
    }
    for (content_type, raw) in [
        ("text/plain", b"_coach=text".to_vec()),
        ("application/json", b"{\"text\": \"hi\"}".to_vec()),
        ("application/x-www-form-urlencoded", garbage),
        (
            "application/x-www-form-urlencoded",
            b"_coach=%FF%FE|x&_coach_back=%2Fspaces%2F%00&text=%C3%28".to_vec(),
        ),
        (
            "application/x-www-form-urlencoded",
            format!("_coach=text&_coach_back={log}&text={}", "a".repeat(70_000)).into_bytes(),
        ),
    ] {
        let res = a
            .client
            .post(a.url("/coach/review"))
            .header("content-type", content_type)
            .body(raw)
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_client_error(),
            "{content_type}: {}",
            res.status()
        );
        assert!(res.text().await.unwrap().contains("<h1"));
    }
    let v = a.get_json(&format!("/api/v1/spaces/{space}/log")).await;
    assert!(v["entries"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_refused_tonight_form_keeps_the_words_that_came_through_the_review() {
    // "Check my wording" skips the browser's checks, so a missing light reaches the server.
    let app = TestApp::spawn().await;
    let (a, _b, space) = app.couple().await;
    let html = a.get_page(&format!("/spaces/{space}/tonight")).await;
    let mut body = hidden(form_with(&html, "Check my wording"));
    body.push(("good".into(), "Slow & close".into()));
    body.push(("off".into(), String::new()));
    body.push(("hours".into(), "12".into()));
    let review = post_pairs(&a, "/coach/review", &body)
        .await
        .text()
        .await
        .unwrap();
    // Only the written text is shown; the empty one is carried on as it was.
    let shown = coached_textareas(form_with(&review, "Check again"));
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].1, "good");
    assert!(hidden(form_with(&review, "Check again")).contains(&("off".into(), String::new())));
    let (save, fields) = review_submission(&review);
    let res = post_pairs(&a, &save, &fields).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    let form = form_with(&html, "Check my wording");
    let good = coached_textareas(form)
        .into_iter()
        .find(|(_, name, _, _)| name == "good")
        .unwrap();
    assert_eq!(good.3, "Slow & close");
}
