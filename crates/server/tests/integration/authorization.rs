//! The authorisation matrix: every space route, walked as a visitor, an outsider (member of
//! another space) and a former member. Outsiders get 404, the same as for a missing space.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Person, TestApp};

/// Every API route that names a space, with a body that would be valid for a member.
fn api_routes(space: &str, ids: &Ids) -> Vec<(Method, String, Option<Value>)> {
    let invite = &ids.invite;
    let mut routes = vec![
        (Method::GET, format!("/api/v1/spaces/{space}"), None),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/me"),
            Some(json!({"display_name": "Intruder"})),
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/invites"),
            Some(json!({})),
        ),
        (Method::GET, format!("/api/v1/spaces/{space}/invites"), None),
        (
            Method::DELETE,
            format!("/api/v1/spaces/{space}/invites/{invite}"),
            None,
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/inventory/catalog"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/inventory/answers"),
            Some(json!({"answers": []})),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/inventory/answers"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/inventory/reveal"),
            Some(json!({})),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/inventory/round"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/consent-now"),
            Some(json!({"light": "green"})),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/consent-now"),
            None,
        ),
        (
            Method::DELETE,
            format!("/api/v1/spaces/{space}/consent-now"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/slower"),
            Some(json!({"ceiling": 2})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/spaces/{space}/slower"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/quiet"),
            Some(json!({"hours": 24})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/spaces/{space}/quiet"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/pause"),
            Some(json!({})),
        ),
        (Method::GET, format!("/api/v1/spaces/{space}/pause"), None),
        (
            Method::DELETE,
            format!("/api/v1/spaces/{space}/pause"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/invitations"),
            Some(json!({})),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/invitations"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/invitations/{invite}"),
            Some(json!({"answer": "no"})),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/checkins/current"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/checkins/current/answers"),
            Some(json!({"comfort": 3})),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/checkins/cadence"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/checkins/cadence"),
            Some(json!({"cadence": "weekly"})),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/checkins/{invite}"),
            None,
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/calendar"),
            None,
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/calendar/rotate"),
            Some(json!({})),
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/inventory/custom"),
            Some(json!({"title": "Stargazing", "intensity": 1, "roles": ["either"]})),
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/inventory/custom/custom.x/offer"),
            Some(json!({})),
        ),
        (
            Method::DELETE,
            format!("/api/v1/spaces/{space}/inventory/custom/custom.x"),
            None,
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/inventory/cooling"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/inventory/cooling"),
            Some(json!({"days": 3})),
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/leave"),
            Some(json!({})),
        ),
    ];
    routes.extend(boundary_api_routes(space, &ids.boundary, &ids.change));
    routes.extend(plan_api_routes(space, &ids.plan, &ids.entry));
    routes
}

/// The plan, debrief and desire-log routes.
fn plan_api_routes(space: &str, plan: &str, entry: &str) -> Vec<(Method, String, Option<Value>)> {
    let p = format!("/api/v1/spaces/{space}/plans");
    let l = format!("/api/v1/spaces/{space}/log");
    vec![
        (
            Method::POST,
            p.clone(),
            Some(
                json!({"title": "x", "activities": [{"item": "touch.back-massage"}], "at": 4_000_000_000i64, "ceiling": 1}),
            ),
        ),
        (Method::GET, p.clone(), None),
        (Method::GET, format!("{p}/options"), None),
        (Method::GET, format!("{p}/{plan}"), None),
        (Method::POST, format!("{p}/{plan}/confirm"), Some(json!({}))),
        (
            Method::POST,
            format!("{p}/{plan}/withdraw"),
            Some(json!({})),
        ),
        (
            Method::PUT,
            format!("{p}/{plan}/debrief"),
            Some(json!({"aftercare": 5})),
        ),
        (Method::GET, format!("{p}/{plan}/debriefs"), None),
        (
            Method::POST,
            format!("{p}/{plan}/follow-ups"),
            Some(json!({"text": "x"})),
        ),
        (Method::GET, l.clone(), None),
        (
            Method::POST,
            l.clone(),
            Some(json!({"kind": "worked", "text": "x"})),
        ),
        (
            Method::POST,
            format!("{l}/{entry}/consent"),
            Some(json!({})),
        ),
        (
            Method::POST,
            format!("{l}/{entry}/decline"),
            Some(json!({})),
        ),
    ]
}

/// The ids of things inside the space that routes name: an invite, a boundary of a member and a
/// change waiting for everyone.
struct Ids {
    invite: String,
    boundary: String,
    change: String,
    plan: String,
    entry: String,
}

impl Ids {
    /// The path parameters as the OpenAPI document names them.
    fn placeholders() -> Ids {
        Ids {
            invite: "{invite_id}".into(),
            boundary: "{boundary_id}".into(),
            change: "{change_id}".into(),
            plan: "{pid}".into(),
            entry: "{eid}".into(),
        }
    }
}

/// The boundaries, agreement, changes and review routes.
fn boundary_api_routes(
    space: &str,
    boundary: &str,
    change: &str,
) -> Vec<(Method, String, Option<Value>)> {
    let b = format!("/api/v1/spaces/{space}/boundaries");
    let soft = json!({"firmness": "soft", "about": "Intruding"});
    vec![
        (Method::GET, b.clone(), None),
        (Method::POST, b.clone(), Some(soft.clone())),
        (Method::PUT, format!("{b}/{boundary}"), Some(soft)),
        (
            Method::POST,
            format!("{b}/{boundary}/remove"),
            Some(json!({})),
        ),
        (Method::GET, format!("{b}/{boundary}/history"), None),
        (
            Method::PUT,
            format!("{b}/{boundary}/review"),
            Some(json!({"looked_at": true})),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/agreement"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/agreement"),
            Some(json!({"safeword": "intrude"})),
        ),
        (
            Method::GET,
            format!("/api/v1/spaces/{space}/agreement/history"),
            None,
        ),
        (
            Method::PUT,
            format!("/api/v1/spaces/{space}/agreement/review"),
            Some(json!({"looked_at": true})),
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/changes/{change}/confirm"),
            Some(json!({})),
        ),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/changes/{change}/decline"),
            Some(json!({})),
        ),
        (Method::GET, format!("/api/v1/spaces/{space}/review"), None),
        (
            Method::POST,
            format!("/api/v1/spaces/{space}/review/life-change"),
            Some(json!({"kind": "stress"})),
        ),
    ]
}

/// Every page route that names a space.
fn page_routes(space: &str, ids: &Ids) -> Vec<(Method, String)> {
    let invite = &ids.invite;
    vec![
        (Method::GET, format!("/spaces/{space}")),
        (Method::GET, format!("/spaces/{space}/members")),
        (Method::GET, format!("/spaces/{space}/invite")),
        (Method::POST, format!("/spaces/{space}/me")),
        (Method::POST, format!("/spaces/{space}/invite")),
        (
            Method::POST,
            format!("/spaces/{space}/invites/{invite}/withdraw"),
        ),
        (Method::GET, format!("/spaces/{space}/tonight")),
        (Method::POST, format!("/spaces/{space}/tonight")),
        (Method::POST, format!("/spaces/{space}/tonight/red")),
        (Method::POST, format!("/spaces/{space}/tonight/clear")),
        (Method::POST, format!("/spaces/{space}/slower")),
        (Method::POST, format!("/spaces/{space}/slower/lift")),
        (Method::POST, format!("/spaces/{space}/quiet")),
        (Method::POST, format!("/spaces/{space}/quiet/end")),
        (Method::POST, format!("/spaces/{space}/pause")),
        (Method::POST, format!("/spaces/{space}/pause/lift")),
        (Method::POST, format!("/spaces/{space}/invitations")),
        (
            Method::POST,
            format!("/spaces/{space}/invitations/{invite}/yes"),
        ),
        (
            Method::POST,
            format!("/spaces/{space}/invitations/{invite}/no"),
        ),
        (Method::GET, format!("/spaces/{space}/checkins")),
        (Method::POST, format!("/spaces/{space}/checkins/answers")),
        (Method::POST, format!("/spaces/{space}/checkins/cadence")),
        (Method::GET, format!("/spaces/{space}/checkins/trends")),
        (Method::POST, format!("/spaces/{space}/calendar/rotate")),
        (Method::POST, format!("/spaces/{space}/calendar/title")),
        (Method::POST, format!("/spaces/{space}/reminders/email")),
        (Method::POST, format!("/spaces/{space}/leave")),
        (Method::GET, format!("/spaces/{space}/boundaries")),
        (Method::POST, format!("/spaces/{space}/boundaries")),
        (
            Method::GET,
            format!("/spaces/{space}/boundaries/{}", ids.boundary),
        ),
        (
            Method::POST,
            format!("/spaces/{space}/boundaries/{}", ids.boundary),
        ),
        (
            Method::POST,
            format!("/spaces/{space}/boundaries/{}/remove", ids.boundary),
        ),
        (
            Method::POST,
            format!("/spaces/{space}/boundaries/{}/review", ids.boundary),
        ),
        (Method::GET, format!("/spaces/{space}/agreement")),
        (Method::POST, format!("/spaces/{space}/agreement")),
        (Method::GET, format!("/spaces/{space}/agreement/edit")),
        (Method::GET, format!("/spaces/{space}/agreement/history")),
        (Method::POST, format!("/spaces/{space}/agreement/review")),
        (
            Method::POST,
            format!("/spaces/{space}/changes/{}/confirm", ids.change),
        ),
        (
            Method::POST,
            format!("/spaces/{space}/changes/{}/decline", ids.change),
        ),
        (Method::POST, format!("/spaces/{space}/life-change")),
        (Method::GET, format!("/spaces/{space}/plans")),
        (Method::POST, format!("/spaces/{space}/plans")),
        (Method::GET, format!("/spaces/{space}/plans/new")),
        (Method::GET, format!("/spaces/{space}/plans/{}", ids.plan)),
        (
            Method::POST,
            format!("/spaces/{space}/plans/{}/confirm", ids.plan),
        ),
        (
            Method::POST,
            format!("/spaces/{space}/plans/{}/withdraw", ids.plan),
        ),
        (
            Method::GET,
            format!("/spaces/{space}/plans/{}/debrief", ids.plan),
        ),
        (
            Method::POST,
            format!("/spaces/{space}/plans/{}/debrief", ids.plan),
        ),
        (
            Method::POST,
            format!("/spaces/{space}/plans/{}/follow-ups", ids.plan),
        ),
        (Method::GET, format!("/spaces/{space}/log")),
        (Method::POST, format!("/spaces/{space}/log")),
        (
            Method::POST,
            format!("/spaces/{space}/log/{}/consent", ids.entry),
        ),
        (
            Method::POST,
            format!("/spaces/{space}/log/{}/decline", ids.entry),
        ),
    ]
}

async fn call_api(p: &Person, method: &Method, path: &str, body: &Option<Value>) -> StatusCode {
    let r = p.req(method.clone(), path);
    let r = match body {
        Some(b) => r.json(b),
        None => r,
    };
    r.send().await.unwrap().status()
}

async fn call_page(p: &Person, method: &Method, path: &str, csrf: &str) -> (StatusCode, String) {
    let r = p.client.request(method.clone(), p.url(path));
    let r = if method == Method::POST {
        r.form(&[("csrf", csrf), ("display_name", "Intruder")])
    } else {
        r
    };
    let res = r.send().await.unwrap();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    (res.status(), location)
}

async fn setup() -> (TestApp, Person, Person, Person, String, Ids) {
    let app = TestApp::spawn_long_sessions().await;
    let (a, b, space, items) = crate::plans::matched(&app, &[(1, 0)]).await;
    // A real plan and a real debrief line waiting for consent, so the matrix walks real ids.
    let plan = crate::plans::happened(&app, &a, &b, &space, &[&items[0]]).await;
    for p in [&a, &b] {
        let res = p
            .put(
                &format!("/api/v1/spaces/{space}/plans/{plan}/debrief"),
                json!({"exciting": "words", "aftercare": 5}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let b_id = crate::plans::plan_of(&a, &space, &plan).await["aftercare"][1]["member_id"]
        .as_str()
        .unwrap()
        .to_string();
    let added: Value = a
        .post(
            &format!("/api/v1/spaces/{space}/log"),
            json!({"kind": "worked", "from_debrief": {"plan_id": plan, "member_id": b_id, "field": "exciting"}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let entry = added["entry_id"].as_str().unwrap().to_string();
    let outsider = app.signed_up("outsider").await;
    outsider.create_space("Elsewhere", "Out").await;
    a.invite(&space).await;
    let list: Value = a
        .get(&format!("/api/v1/spaces/{space}/invites"))
        .await
        .json()
        .await
        .unwrap();
    let invite = list["invites"][0]["id"].as_str().unwrap().to_string();
    let created: Value = a
        .post(
            &format!("/api/v1/spaces/{space}/boundaries"),
            json!({"firmness": "soft", "about": "Surprises"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let boundary = created["boundary_id"].as_str().unwrap().to_string();
    let pending: Value = a
        .put(
            &format!("/api/v1/spaces/{space}/agreement"),
            json!({"safeword": "red"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let change = pending["change_id"].as_str().unwrap().to_string();
    let ids = Ids {
        invite,
        boundary,
        change,
        plan,
        entry,
    };
    (app, a, b, outsider, space, ids)
}

#[tokio::test]
async fn visitors_who_are_not_signed_in_are_turned_away_from_every_space_route() {
    let (app, _a, _b, _o, space, ids) = setup().await;
    let visitor = app.person();
    for (m, path, body) in api_routes(&space, &ids) {
        assert_eq!(
            call_api(&visitor, &m, &path, &body).await,
            StatusCode::UNAUTHORIZED,
            "{m} {path}"
        );
    }
    for (m, path) in page_routes(&space, &ids) {
        let (status, location) = call_page(&visitor, &m, &path, "").await;
        assert_eq!(
            (status, location.as_str()),
            (StatusCode::SEE_OTHER, "/login"),
            "{m} {path}"
        );
    }
}

#[tokio::test]
async fn members_of_another_space_get_not_found_for_every_space_route() {
    let (_app, _a, _b, outsider, space, ids) = setup().await;
    for (m, path, body) in api_routes(&space, &ids) {
        assert_eq!(
            call_api(&outsider, &m, &path, &body).await,
            StatusCode::NOT_FOUND,
            "{m} {path}"
        );
    }
    let csrf = outsider.csrf().await;
    for (m, path) in page_routes(&space, &ids) {
        let (status, _) = call_page(&outsider, &m, &path, &csrf).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{m} {path}");
    }
}

#[tokio::test]
async fn former_members_get_not_found_for_every_space_route() {
    let (_app, _a, b, _o, space, ids) = setup().await;
    assert_eq!(
        b.post(&format!("/api/v1/spaces/{space}/leave"), json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    for (m, path, body) in api_routes(&space, &ids) {
        assert_eq!(
            call_api(&b, &m, &path, &body).await,
            StatusCode::NOT_FOUND,
            "{m} {path}"
        );
    }
    let csrf = b.csrf().await;
    for (m, path) in page_routes(&space, &ids) {
        let (status, _) = call_page(&b, &m, &path, &csrf).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{m} {path}");
    }
}

#[tokio::test]
async fn a_missing_space_looks_exactly_like_someone_elses() {
    let (_app, _a, _b, outsider, space, _ids) = setup().await;
    let foreign = outsider.get(&format!("/api/v1/spaces/{space}")).await;
    let (s1, b1) = (foreign.status(), foreign.text().await.unwrap());
    let missing = outsider
        .get("/api/v1/spaces/00000000-0000-0000-0000-000000000000")
        .await;
    let (s2, b2) = (missing.status(), missing.text().await.unwrap());
    assert_eq!((s1, b1), (s2, b2));
}

#[tokio::test]
async fn the_matrix_covers_every_api_route_that_names_a_space() {
    let doc = attune_server::api::openapi();
    let covered: Vec<String> = api_routes("{id}", &Ids::placeholders())
        .into_iter()
        .map(|(m, p, _)| {
            format!(
                "{} {}",
                m.as_str().to_lowercase(),
                // The matrix names one custom item, `custom.x`; the document says `{item}`.
                p.trim_start_matches("/api/v1")
                    .replace("/custom.x", "/{item}")
            )
        })
        .collect();
    for (path, item) in doc["paths"].as_object().unwrap() {
        if !path.starts_with("/spaces/{id}") {
            continue;
        }
        // The matrix fills every inner id (invite, invitation, round) with one foreign id.
        let path = path
            .replace("{invitation_id}", "{invite_id}")
            .replace("{round_id}", "{invite_id}");
        for method in item.as_object().unwrap().keys() {
            let key = format!("{method} {path}");
            assert!(
                covered.contains(&key),
                "{key} is missing from the authorisation matrix"
            );
        }
    }
}
