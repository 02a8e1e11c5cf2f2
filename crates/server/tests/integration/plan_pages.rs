//! The plan, debrief and desire-log pages work as plain HTML forms, without JavaScript: the full
//! loop from a match to a log line.

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::TestApp;
use crate::plans::{DAY, matched, plan_of};

fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn the_whole_loop_works_with_plain_forms() {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, ids) = matched(&app, &[(1, 0)]).await;
    let base = format!("/spaces/{space}");
    // The navigation leads to plans and the log.
    let html = a.get_page(&base).await;
    assert!(html.contains(&format!("href=\"{base}/plans\"")));
    assert!(html.contains(&format!("href=\"{base}/log\"")));
    let form = a.get_page(&format!("{base}/plans/new")).await;
    assert!(form.contains(&ids[0]), "the match is offered");
    assert!(form.contains("href=\"/learn/aftercare\""));
    assert!(form.contains("href=\"/learn/first-aid\""));
    assert!(
        form.contains("id=\"pause-form\""),
        "the pause control is on the page"
    );
    let options: Value = a
        .get(&format!("/api/v1/spaces/{space}/plans/options"))
        .await
        .json()
        .await
        .unwrap();
    let me = options["members"][0]["member_id"]
        .as_str()
        .unwrap()
        .to_string();
    let csrf = a.csrf().await;
    // A refusal shows the form again with the words kept and a clear message.
    let res = a
        .form(
            &format!("{base}/plans"),
            &[
                ("csrf", &csrf),
                ("title", "Too soon"),
                ("item", &ids[0]),
                ("hours", "3"),
                ("ceiling", "2"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("at least a day"), "{html}");
    assert!(html.contains("value=\"Too soon\""));
    let aftercare_key = format!("aftercare_{me}");
    let res = a
        .form(
            &format!("{base}/plans"),
            &[
                ("csrf", &csrf),
                ("title", "Sunday evening"),
                ("item", &ids[0]),
                ("hours", "25"),
                ("when", "Sunday after dinner"),
                ("ceiling", "2"),
                ("exit_strategy", "Say red, and we stop."),
                (&aftercare_key, "A warm drink"),
                ("done_environment", "1"),
                ("note_environment", "Bedroom"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = location(&res);
    let pid = to
        .split('/')
        .nth(4)
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let html = a.get_page(&to).await;
    assert!(html.contains("Proposed. It goes ahead only once everyone has confirmed it"));
    assert!(
        html.contains("Sunday after dinner")
            && html.contains("A warm drink")
            && html.contains("Bedroom")
    );
    // Confirm and Withdraw sit side by side with the same weight.
    assert!(html.contains(">Confirm</button>") && html.contains(">Withdraw</button>"));
    assert_eq!(
        html.matches("class=\"button secondary\" type=\"submit\">Confirm")
            .count(),
        html.matches("class=\"button secondary\" type=\"submit\">Withdraw")
            .count()
    );
    for p in [&a, &b] {
        let csrf = p.csrf().await;
        let res = p
            .form(&format!("{base}/plans/{pid}/confirm"), &[("csrf", &csrf)])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(plan_of(&a, &space, &pid).await["status"], "confirmed");
    app.clock().advance(DAY + 3600);
    let html = b.get_page(&format!("{base}/plans/{pid}/debrief")).await;
    assert!(html.contains("Was the aftercare enough for you?"));
    for (p, words) in [(&a, "Unhurried and kind"), (&b, "Feeling close")] {
        let csrf = p.csrf().await;
        let res = p
            .form(
                &format!("{base}/plans/{pid}/debrief"),
                &[("csrf", &csrf), ("exciting", words), ("aftercare", "5")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let html = a.get_page(&format!("{base}/plans/{pid}/debrief")).await;
    assert!(
        html.contains("Side by side")
            && html.contains("Unhurried and kind")
            && html.contains("Feeling close")
    );
    assert!(html.contains("Suggest for the log (Sam decides)"));
    let csrf = a.csrf().await;
    let res = a
        .form(
            &format!("{base}/plans/{pid}/follow-ups"),
            &[("csrf", &csrf), ("text", "Try it again next month")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Alex suggests Sam's line; Sam says yes on the log page.
    let sam = plan_of(&a, &space, &pid).await["aftercare"][1]["member_id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = a
        .form(
            &format!("{base}/log"),
            &[
                ("csrf", &csrf),
                ("kind", "worked"),
                ("from_plan", &pid),
                ("from_member", &sam),
                ("from_field", "exciting"),
                ("item", &ids[0]),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("{base}/log?n=log-waiting"));
    let html = a.get_page(&format!("{base}/log")).await;
    assert!(html.contains("Waiting for Sam"));
    let html = b.get_page(&format!("{base}/log")).await;
    let marker = "/consent\"";
    let before = &html[..html.find(marker).expect("Sam is asked")];
    let eid = before.rsplit('/').next().unwrap().to_string();
    let csrf_b = b.csrf().await;
    let res = b
        .form(&format!("{base}/log/{eid}/consent"), &[("csrf", &csrf_b)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = b
        .form(
            &format!("{base}/log"),
            &[
                ("csrf", &csrf_b),
                ("kind", "surprised"),
                ("text", "How quickly time went"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = a.get_page(&format!("{base}/log")).await;
    assert!(html.contains("Feeling close") && html.contains("How quickly time went"));
    let filtered = a.get_page(&format!("{base}/log?item={}", ids[0])).await;
    assert!(filtered.contains("Feeling close") && !filtered.contains("How quickly time went"));
    // Withdraw on a new plan, by plain form.
    let res = a
        .form(
            &format!("{base}/plans"),
            &[
                ("csrf", &csrf),
                ("title", "Again"),
                ("item", &ids[0]),
                ("hours", "3"),
                ("ceiling", "2"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let again = location(&res)
        .split('/')
        .nth(4)
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let res = b
        .form(
            &format!("{base}/plans/{again}/withdraw"),
            &[("csrf", &csrf_b)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let html = a.get_page(&format!("{base}/plans")).await;
    assert!(html.contains("Withdrawn") && html.contains("Debriefed"));
}
