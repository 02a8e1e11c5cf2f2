//! The OpenAPI document is built from the route registrations and snapshot-tested.

#[test]
fn the_openapi_document_matches_its_snapshot() {
    let doc = attune_server::api::openapi();
    insta::assert_json_snapshot!("openapi", doc);
}

#[tokio::test]
async fn the_openapi_document_is_served_and_lists_every_capability() {
    let app = crate::helpers::TestApp::spawn().await;
    let doc: serde_json::Value = reqwest::get(format!("{}/api/v1/openapi.json", app.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let paths = doc["paths"].as_object().unwrap();
    for p in [
        "/auth/signup",
        "/auth/login",
        "/auth/logout",
        "/auth/sessions",
        "/auth/sessions/{id}",
        "/auth/password",
        "/auth/recover",
        "/account",
        "/spaces",
        "/spaces/{id}",
        "/spaces/{id}/leave",
        "/spaces/{id}/invites",
        "/invites/accept",
        "/coach",
        "/spaces/{id}/boundaries",
        "/spaces/{id}/boundaries/{boundary_id}",
        "/spaces/{id}/boundaries/{boundary_id}/remove",
        "/spaces/{id}/boundaries/{boundary_id}/history",
        "/spaces/{id}/agreement",
        "/spaces/{id}/agreement/history",
        "/spaces/{id}/changes/{change_id}/confirm",
        "/spaces/{id}/changes/{change_id}/decline",
        "/spaces/{id}/review",
        "/spaces/{id}/review/life-change",
    ] {
        assert!(
            paths.contains_key(p),
            "{p} is missing from the OpenAPI document"
        );
    }
}
