//! `attune check` on a real data directory: it passes on an intact history and fails, naming
//! the broken chain, once a stored version is edited (invariant 7).

use std::process::Command;

use attune_server::Config;
use attune_server::services::boundaries::{self, BoundaryInput};
use attune_server::services::{accounts, sessions, spaces};

fn check(dir: &std::path::Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .arg("check")
        .arg("--data-dir")
        .arg(dir)
        .env_remove("ATTUNE_DATABASE_URL")
        .output()
        .expect("attune runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[tokio::test]
async fn history_cannot_be_rewritten_without_check_noticing() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let config = Config {
        data_dir: data.clone(),
        listen: "127.0.0.1:0".into(),
        kdf_profile: "test".into(),
        ..Config::default()
    };
    let server = attune_server::start(config).await.unwrap();
    let state = server.state.clone();
    let up = accounts::signup(&state, "river", "a calm evening walk by the river", "test")
        .await
        .unwrap();
    let me = sessions::authenticate(&state, &up.token.encode(), false)
        .await
        .unwrap();
    let space = spaces::create(&state, &me, "Ours", "River", None)
        .await
        .unwrap();
    let input = |firmness: &str| BoundaryInput {
        firmness: firmness.into(),
        about: "Being woken up".into(),
        ..BoundaryInput::default()
    };
    let id = boundaries::add(&state, &me, &space, &input("soft"))
        .await
        .unwrap();
    boundaries::change(&state, &me, &space, &id, &input("hard"))
        .await
        .unwrap();
    server.stop().await;

    let (ok, text) = check(&data);
    assert!(ok, "{text}");
    assert!(text.contains("1 histories (2 versions)"), "{text}");

    let db = attune_store::SqliteStore::open(data.join("attune.db").to_str().unwrap())
        .await
        .unwrap();
    sqlx::query("UPDATE record_versions SET created_at = created_at - 3600 WHERE record_id = $1 AND number = 1")
        .bind(&id)
        .execute(db.pool())
        .await
        .unwrap();
    db.pool().close().await;

    let (ok, text) = check(&data);
    assert!(!ok, "check must fail: {text}");
    assert!(text.contains(&format!("boundary chain {id}")), "{text}");
    assert!(text.contains("version 1"), "{text}");
}

#[test]
fn check_refuses_a_missing_database() {
    let tmp = tempfile::tempdir().unwrap();
    let (ok, text) = check(tmp.path());
    assert!(!ok);
    assert!(text.contains("there is no database"), "{text}");
}
