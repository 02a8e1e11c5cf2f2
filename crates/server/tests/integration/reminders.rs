//! Reminders (E6): the private calendar feed (parsed back with an iCalendar parser), rotation,
//! suspension while paused, and e-mail delivered to a local SMTP sink.

use icalendar::{Calendar, CalendarComponent, Component};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::helpers::TestApp;

async fn fetch(url: &str) -> (StatusCode, String) {
    let res = reqwest::get(url).await.unwrap();
    (res.status(), res.text().await.unwrap())
}

fn events(text: &str) -> Vec<icalendar::Event> {
    let cal: Calendar = text.parse().expect("the feed parses as iCalendar");
    cal.components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn the_calendar_feed_is_private_neutral_rotatable_and_empty_while_paused() {
    let app = TestApp::spawn().await;
    let (a, b, space) = app.couple().await;
    // Open a round so the feed has a rhythm to follow.
    a.get(&format!("/api/v1/spaces/{space}/checkins/current"))
        .await;
    let cal: Value = a
        .get(&format!("/api/v1/spaces/{space}/calendar"))
        .await
        .json()
        .await
        .unwrap();
    let url = cal["url"].as_str().unwrap().to_string();
    assert_eq!(cal["title"], "Check-in");
    assert!(url.starts_with(&app.base) && url.ends_with(".ics"));
    let again: Value = a
        .get(&format!("/api/v1/spaces/{space}/calendar"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        again["url"],
        url.as_str(),
        "the address is stable until rotated"
    );
    let (status, text) = fetch(&url).await;
    assert_eq!(status, StatusCode::OK);
    let list = events(&text);
    assert_eq!(list.len(), 3);
    for e in &list {
        assert_eq!(e.get_summary(), Some("Check-in"));
        assert!(e.get_description().is_none(), "no content");
        assert!(e.get_start().is_some());
    }
    assert!(!text.contains("Alex") && !text.contains("Sam") && !text.contains("Our space"));
    // Someone else's feed is their own.
    let theirs: Value = b
        .get(&format!("/api/v1/spaces/{space}/calendar"))
        .await
        .json()
        .await
        .unwrap();
    assert_ne!(theirs["url"], url.as_str());
    // A chosen title, escaped properly, survives rotation; the old address stops working.
    let csrf = a.csrf().await;
    a.form(
        &format!("/spaces/{space}/calendar/title"),
        &[("csrf", &csrf), ("value", "Tea, talk; notes")],
    )
    .await;
    let rotated: Value = a
        .post(
            &format!("/api/v1/spaces/{space}/calendar/rotate"),
            json!({}),
        )
        .await
        .json()
        .await
        .unwrap();
    let new_url = rotated["url"].as_str().unwrap();
    assert_ne!(new_url, url);
    assert_eq!(fetch(&url).await.0, StatusCode::NOT_FOUND);
    let (status, text) = fetch(new_url).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(events(&text)[0].get_summary(), Some("Tea, talk; notes"));
    // D2: while paused, nothing is scheduled.
    a.post(&format!("/api/v1/spaces/{space}/pause"), json!({}))
        .await;
    assert!(events(&fetch(new_url).await.1).is_empty());
    assert_eq!(
        fetch(&format!("{}/calendar/not-a-secret.ics", app.base))
            .await
            .0,
        StatusCode::NOT_FOUND
    );
}

/// A tiny SMTP sink: speaks just enough SMTP for one message and hands back what it received.
async fn smtp_sink() -> (u16, tokio::task::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let task = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read).lines();
        let mut seen = Vec::new();
        write.write_all(b"220 sink ready\r\n").await.unwrap();
        let mut in_data = false;
        while let Ok(Some(line)) = lines.next_line().await {
            seen.push(line.clone());
            let reply: &[u8] = if in_data {
                if line == "." {
                    in_data = false;
                    b"250 queued\r\n"
                } else {
                    continue;
                }
            } else if line.starts_with("EHLO") || line.starts_with("HELO") {
                b"250-sink\r\n250 8BITMIME\r\n"
            } else if line.starts_with("DATA") {
                in_data = true;
                b"354 go on\r\n"
            } else if line.starts_with("QUIT") {
                write.write_all(b"221 bye\r\n").await.unwrap();
                break;
            } else {
                b"250 ok\r\n"
            };
            write.write_all(reply).await.unwrap();
        }
        seen
    });
    (port, task)
}

#[tokio::test]
async fn email_reminders_are_off_by_default_neutral_and_wait_while_paused() {
    // Off by default: without SMTP configured, nobody can even turn them on.
    let plain = TestApp::spawn().await;
    let (a, _b, space) = plain.couple().await;
    let csrf = a.csrf().await;
    let res = a
        .form(
            &format!("/spaces/{space}/reminders/email"),
            &[("csrf", &csrf), ("value", "a@example.org")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);

    let (port, sink) = smtp_sink().await;
    let app = TestApp::spawn_with(|c| {
        c.session_lifetime_hours = 24 * 365;
        c.idle_timeout_minutes = 60 * 24 * 365;
        c.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        c.mail_from = Some("reminders@attune.test".into());
    })
    .await;
    let (a, b, space) = app.couple().await;
    let csrf = a.csrf().await;
    let res = a
        .form(
            &format!("/spaces/{space}/reminders/email"),
            &[("csrf", &csrf), ("value", "not an address")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .form(
            &format!("/spaces/{space}/reminders/email"),
            &[("csrf", &csrf), ("value", "alex@example.org")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    b.get(&format!("/api/v1/spaces/{space}/checkins/current"))
        .await;
    // The reminder falls due two days before the round closes; a pause holds it back.
    b.post(&format!("/api/v1/spaces/{space}/pause"), json!({}))
        .await;
    app.clock().advance(12 * 24 * 3600 + 10);
    app.run_jobs().await;
    assert!(
        !sink.is_finished(),
        "nothing is sent while the space is paused"
    );
    b.delete(&format!("/api/v1/spaces/{space}/pause"), None)
        .await;
    app.clock().advance(3600 + 10);
    app.run_jobs().await;
    let seen = tokio::time::timeout(std::time::Duration::from_secs(10), sink)
        .await
        .unwrap()
        .unwrap();
    let text = seen.join("\n");
    assert!(text.contains("RCPT TO:<alex@example.org>"), "{text}");
    assert!(text.contains("Subject: A gentle reminder"));
    assert!(text.contains("Open the app when it suits you."));
    for word in ["Alex", "Sam", "Our space", "check-in", "Check-in"] {
        assert!(!text.contains(word), "neutral text only, found {word}");
    }
}
