//! Invariant 9: nothing readable at rest. Canary strings typed into every field must not appear
//! in the raw database files (SQLite db, -wal, -shm) or in a PostgreSQL dump.

use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{Db, TestApp};

const CANARIES: &[&str] = &[
    "CANARY-WORDING-HELPER-5150",
    "CANARY-WORDING-REVIEW-6261",
    "CanaryUserQx7",
    "canaryuserqx7",
    "CanaryPartnerZw3",
    "CANARY-SPACE-NAME-4471",
    "CANARY-DISPLAY-A-9152",
    "CANARY-DISPLAY-B-3318",
    "CANARY-PRONOUN-7",
    "CANARY-PASSWORD-8812 words",
    "CANARY-NOTE-5521",
    "CANARY-CONDITION-6634",
    "CANARY-CUSTOM-TITLE-4471",
    "CANARY-CUSTOM-DESC-9902",
    "CANARY-BOUNDARY-ABOUT-1173",
    "CANARY-MOOD-2281",
    "CANARY-CONTEXT-3392",
    "CANARY-PLACE-4403",
    "CANARY-PACING-5514",
    "CANARY-SAFETY-6625",
    "CANARY-REASON-7736",
    "CANARY-CONDUCT-8847",
    "CANARY-VALUES-9958",
    "CANARY-SAFEWORD-1069",
    "CANARY-PAUSE-2170",
    "CANARY-LIGHTS-3281",
    "CANARY-ROLES-4392",
    "CANARY-DIFFICULT-5403",
    "CANARY-AFTERCARE-6514",
    "CANARY-AGREEMENT-REASON-7625",
    "CANARY-LIFE-NOTE-8736",
    "CANARY-TONIGHT-GOOD-1187",
    "CANARY-TONIGHT-OFF-2291",
    "CANARY-CHECKIN-IMPACT-3301",
    "CANARY-CHECKIN-GOOD-3302",
    "CANARY-CHECKIN-TRUST-3303",
    "CANARY-CHECKIN-LIMITS-3304",
    "CANARY-CHECKIN-RAISE-3305",
    "CANARY-CHECKIN-B-3306",
    "CANARY-CAL-TITLE-7781",
    "canary-mail-4410@example.org",
    "CANARY-PLAN-TITLE-5101",
    "CANARY-PLAN-WHEN-5102",
    "CANARY-PLAN-EXIT-5103",
    "CANARY-PLAN-AFTERCARE-5104",
    "CANARY-PLAN-CHECK-5105",
    "CANARY-DEBRIEF-EXCITING-5201",
    "CANARY-DEBRIEF-DOUBT-5202",
    "CANARY-DEBRIEF-REFINE-5203",
    "CANARY-DEBRIEF-FEEL-5204",
    "CANARY-DEBRIEF-B-5205",
    "CANARY-FOLLOW-UP-5301",
    "CANARY-LOG-LINE-5401",
];

/// Types a canary into every field of boundaries, the agreement and review (C1–C5), including
/// a pending change and an applied one.
async fn fill_boundary_fields(a: &crate::helpers::Person, b: &crate::helpers::Person, space: &str) {
    let res = a
        .post(
            &format!("/api/v1/spaces/{space}/boundaries"),
            json!({"firmness": "soft", "about": "CANARY-BOUNDARY-ABOUT-1173", "mood": "CANARY-MOOD-2281",
                "context": "CANARY-CONTEXT-3392", "place": "CANARY-PLACE-4403", "pacing": "CANARY-PACING-5514",
                "safety": "CANARY-SAFETY-6625"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let id = res.json::<serde_json::Value>().await.unwrap()["boundary_id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = a
        .post(
            &format!("/api/v1/spaces/{space}/boundaries/{id}/remove"),
            json!({"reason": "CANARY-REASON-7736"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/agreement"),
            json!({"code_of_conduct": "CANARY-CONDUCT-8847", "shared_values": "CANARY-VALUES-9958",
                "safeword": "CANARY-SAFEWORD-1069", "pause_signal": "CANARY-PAUSE-2170",
                "traffic_lights": "CANARY-LIGHTS-3281", "roles_in_sessions": "CANARY-ROLES-4392",
                "after_difficult_session": "CANARY-DIFFICULT-5403", "aftercare": "CANARY-AFTERCARE-6514",
                "reason": "CANARY-AGREEMENT-REASON-7625"}),
        )
        .await;
    let change = res.json::<serde_json::Value>().await.unwrap()["change_id"]
        .as_str()
        .unwrap()
        .to_string();
    let res = b
        .post(
            &format!("/api/v1/spaces/{space}/changes/{change}/confirm"),
            json!({}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = b
        .post(
            &format!("/api/v1/spaces/{space}/review/life-change"),
            json!({"kind": "illness", "note": "CANARY-LIFE-NOTE-8736"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

/// Servers for these tests accept e-mail reminder addresses (nothing is ever sent to this port).
/// Types a canary into every field of plans, debriefs, follow-ups and the desire log (F1–F5).
/// Moves the clock a day on, so both partners sign in again.
async fn fill_plan_fields(
    app: &TestApp,
    a: &mut crate::helpers::Person,
    b: &mut crate::helpers::Person,
    space: &str,
) {
    let item = crate::plans::items_at(a, space, 1).await[0].clone();
    for (p, role) in [(&*a, "doing"), (&*b, "receiving")] {
        crate::inventory::answer(
            p,
            space,
            json!([{"item": item, "role": role, "rating": "yes"}]),
        )
        .await;
    }
    crate::inventory::both_reveal(a, b, space).await;
    let me = a
        .get(&format!("/api/v1/spaces/{space}/plans/options"))
        .await;
    let me: serde_json::Value = me.json().await.unwrap();
    let a_id = me["members"][0]["member_id"].as_str().unwrap().to_string();
    let b_id = me["members"][1]["member_id"].as_str().unwrap().to_string();
    let res = a
        .post(
            &format!("/api/v1/spaces/{space}/plans"),
            json!({"title": "CANARY-PLAN-TITLE-5101", "activities": [{"item": item}],
                "at": app.clock().now() + crate::plans::DAY + 60, "ceiling": 2,
                "when": "CANARY-PLAN-WHEN-5102", "exit_strategy": "CANARY-PLAN-EXIT-5103",
                "aftercare": {a_id.clone(): "CANARY-PLAN-AFTERCARE-5104"},
                "checklist": {"first_aid": {"done": true, "note": "CANARY-PLAN-CHECK-5105"}}}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let plan: serde_json::Value = res.json().await.unwrap();
    let plan = plan["plan_id"].as_str().unwrap().to_string();
    for p in [&*a, &*b] {
        let res = crate::plans::confirm(p, space, &plan, json!({})).await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    app.clock().advance(crate::plans::DAY + 120);
    for (p, name) in [(&mut *a, "CanaryUserQx7"), (&mut *b, "CanaryPartnerZw3")] {
        let login: serde_json::Value = p
            .login(name, "CANARY-PASSWORD-8812 words")
            .await
            .json()
            .await
            .unwrap();
        p.token = Some(login["token"].as_str().unwrap().into());
    }
    let url = format!("/api/v1/spaces/{space}/plans/{plan}/debrief");
    let res = a
        .put(
            &url,
            json!({"exciting": "CANARY-DEBRIEF-EXCITING-5201", "doubt": "CANARY-DEBRIEF-DOUBT-5202",
                "refine": "CANARY-DEBRIEF-REFINE-5203", "feel_now": "CANARY-DEBRIEF-FEEL-5204", "aftercare": 4}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = b
        .put(
            &url,
            json!({"exciting": "CANARY-DEBRIEF-B-5205", "aftercare": 5}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = b
        .post(
            &format!("/api/v1/spaces/{space}/plans/{plan}/follow-ups"),
            json!({"text": "CANARY-FOLLOW-UP-5301"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let log = format!("/api/v1/spaces/{space}/log");
    let res = a
        .post(
            &log,
            json!({"kind": "surprised", "text": "CANARY-LOG-LINE-5401", "item": item}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    // One line of B's waits for consent, one of A's is shared from a debrief.
    let res = a
        .post(&log, json!({"kind": "worked", "from_debrief": {"plan_id": plan, "member_id": b_id, "field": "exciting"}}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let res = a
        .post(&log, json!({"kind": "worked", "from_debrief": {"plan_id": plan, "member_id": a_id, "field": "doubt"}}))
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
}

fn with_smtp(c: &mut attune_server::Config) {
    c.smtp_url = Some("smtp://127.0.0.1:9".into());
}

/// Types a canary into every field a person can fill, and returns secrets that must not be stored either.
async fn fill_every_field(app: &TestApp) -> Vec<String> {
    let mut a = app.person();
    assert_eq!(
        a.signup("CanaryUserQx7", "CANARY-PASSWORD-8812 words")
            .await
            .status(),
        StatusCode::CREATED
    );
    let login: serde_json::Value = a
        .login("CanaryUserQx7", "CANARY-PASSWORD-8812 words")
        .await
        .json()
        .await
        .unwrap();
    a.token = Some(login["token"].as_str().unwrap().into());
    let space = a
        .create_space("CANARY-SPACE-NAME-4471", "CANARY-DISPLAY-A-9152")
        .await;
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/me"),
            json!({"display_name": "CANARY-DISPLAY-A-9152", "pronouns": "CANARY-PRONOUN-7"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let catalog: serde_json::Value = a
        .get(&format!("/api/v1/spaces/{space}/inventory/catalog"))
        .await
        .json()
        .await
        .unwrap();
    let item = &catalog["items"][0];
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/inventory/answers"),
            json!({"answers": [{"item": item["id"], "role": item["roles"][0], "rating": "maybe",
                "note": "CANARY-NOTE-5521", "conditions": "CANARY-CONDITION-6634"}]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = a
        .post(
            &format!("/api/v1/spaces/{space}/inventory/custom"),
            json!({"title": "CANARY-CUSTOM-TITLE-4471", "description": "CANARY-CUSTOM-DESC-9902",
                "intensity": 2, "roles": ["doing", "receiving"]}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let invite = a.invite(&space).await;
    let mut b = app.person();
    let signup: serde_json::Value = b
        .signup("CanaryPartnerZw3", "CANARY-PASSWORD-8812 words")
        .await
        .json()
        .await
        .unwrap();
    b.token = Some(signup["token"].as_str().unwrap().into());
    assert_eq!(
        b.accept(&invite, "CANARY-DISPLAY-B-3318").await.status(),
        StatusCode::OK
    );
    fill_boundary_fields(&a, &b, &space).await;
    fill_plan_fields(app, &mut a, &mut b, &space).await;
    // Consent now, check-ins and reminders (D1, E1, E6).
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/consent-now"),
            json!({"light": "yellow", "good": "CANARY-TONIGHT-GOOD-1187", "off": "CANARY-TONIGHT-OFF-2291"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = a
        .put(
            &format!("/api/v1/spaces/{space}/checkins/current/answers"),
            json!({"comfort": 4, "impact": "CANARY-CHECKIN-IMPACT-3301", "good": "CANARY-CHECKIN-GOOD-3302",
                "trust": "CANARY-CHECKIN-TRUST-3303", "limits": "CANARY-CHECKIN-LIMITS-3304",
                "raise": "CANARY-CHECKIN-RAISE-3305"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = b
        .put(
            &format!("/api/v1/spaces/{space}/checkins/current/answers"),
            json!({"heard": 2, "good": "CANARY-CHECKIN-B-3306"}),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let csrf = a.csrf().await;
    // The wording helper and "Check my wording" read text and store none of it (J1–J2).
    let res = a
        .form(
            "/coach",
            &[
                ("csrf", &csrf),
                ("text", "You never listen CANARY-WORDING-HELPER-5150"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let back = format!("/spaces/{space}/log");
    let res = a
        .form(
            "/coach/review",
            &[
                ("csrf", &csrf),
                ("kind", "worked"),
                ("text", "You never listen CANARY-WORDING-REVIEW-6261"),
                ("_coach", "text|In your words"),
                ("_coach_back", &back),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let res = a
        .form(
            &format!("/spaces/{space}/calendar/title"),
            &[("csrf", &csrf), ("value", "CANARY-CAL-TITLE-7781")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = a
        .form(
            &format!("/spaces/{space}/reminders/email"),
            &[("csrf", &csrf), ("value", "canary-mail-4410@example.org")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let calendar: serde_json::Value = a
        .get(&format!("/api/v1/spaces/{space}/calendar"))
        .await
        .json()
        .await
        .unwrap();
    let feed_secret = calendar["url"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .trim_end_matches(".ics")
        .to_string();
    let feed = reqwest::get(calendar["url"].as_str().unwrap())
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        feed.contains("CANARY-CAL-TITLE-7781"),
        "the feed itself carries the chosen title"
    );
    vec![
        feed_secret,
        invite.clone(),
        invite.replace('-', ""),
        signup["recovery_code"].as_str().unwrap().to_string(),
        signup["recovery_code"].as_str().unwrap().replace('-', ""),
        a.token.clone().unwrap(),
    ]
}

fn assert_absent(haystack: &[u8], needles: &[String], place: &str) {
    for needle in needles {
        assert!(
            !haystack
                .windows(needle.len())
                .any(|w| w == needle.as_bytes()),
            "{needle:?} is readable in {place}"
        );
    }
}

fn all_needles(secrets: Vec<String>) -> Vec<String> {
    CANARIES
        .iter()
        .map(|s| s.to_string())
        .chain(secrets)
        .collect()
}

#[tokio::test]
async fn nothing_readable_at_rest_in_sqlite_files() {
    let app = TestApp::spawn_configured(Db::Sqlite, with_smtp)
        .await
        .unwrap();
    let secrets = fill_every_field(&app).await;
    let needles = all_needles(secrets);
    let data = app.dir.path().join("data");
    let secret_key = std::fs::read(data.join("secret.key")).unwrap();
    let mut checked = 0;
    for name in ["attune.db", "attune.db-wal", "attune.db-shm"] {
        if let Ok(bytes) = std::fs::read(data.join(name)) {
            assert_absent(&bytes, &needles, name);
            assert!(
                !bytes.windows(32).any(|w| w == secret_key.as_slice()),
                "the server secret is in {name}"
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 2,
        "the database and its write-ahead log were both read"
    );
}

#[tokio::test]
async fn nothing_readable_at_rest_in_a_postgres_dump() {
    let Some(app) = TestApp::spawn_configured(Db::Postgres, with_smtp).await else {
        return;
    };
    let secrets = fill_every_field(&app).await;
    let needles = all_needles(secrets);
    let url = app.postgres_url.clone().unwrap();
    let out = std::process::Command::new("pg_dump")
        .arg("--data-only")
        .arg(&url)
        .output()
        .expect("pg_dump runs");
    assert!(
        out.status.success(),
        "pg_dump failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.len() > 1000, "the dump holds the rows");
    assert_absent(&out.stdout, &needles, "the PostgreSQL dump");
}

#[tokio::test]
async fn the_whole_flow_works_on_postgres() {
    let Some(app) = TestApp::spawn_on(Db::Postgres).await else {
        return;
    };
    let (a, b, space) = app.couple().await;
    assert_eq!(
        b.post(&format!("/api/v1/spaces/{space}/leave"), json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let view: serde_json::Value = a.space(&space).await.json().await.unwrap();
    assert_eq!(view["members"].as_array().unwrap().len(), 1);
    assert_eq!(
        b.delete(
            "/api/v1/account",
            Some(json!({"password": crate::helpers::PASSWORD}))
        )
        .await
        .status(),
        StatusCode::NO_CONTENT
    );
    let health: serde_json::Value = reqwest::get(format!("{}/healthz", app.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["database"], "postgres");
}
