//! Fresh stores for each test: a temporary SQLite file, or a fresh PostgreSQL schema.

use attune_store::{PostgresStore, SqliteStore, Store};

/// A migrated SQLite store in a temporary directory (kept alive by the returned guard).
pub async fn sqlite() -> (SqliteStore, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("test.db");
    let store = SqliteStore::open(path.to_str().unwrap())
        .await
        .expect("open sqlite");
    store.migrate().await.expect("migrate sqlite");
    (store, dir)
}

/// The PostgreSQL URL for tests, from `ATTUNE_TEST_POSTGRES_URL`.
/// Under `CI=true` a missing URL fails the test instead of skipping it.
pub fn postgres_url() -> Option<String> {
    match std::env::var("ATTUNE_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            let strict = std::env::var("CI").is_ok_and(|v| v == "true")
                || std::env::var("ATTUNE_STRICT").is_ok_and(|v| v == "1");
            assert!(
                !strict,
                "ATTUNE_TEST_POSTGRES_URL is not set; PostgreSQL tests must run in strict mode"
            );
            eprintln!("skipping: ATTUNE_TEST_POSTGRES_URL is not set");
            None
        }
    }
}

/// A migrated PostgreSQL store in a fresh schema named after the test.
pub async fn postgres(test: &str) -> Option<PostgresStore> {
    let url = postgres_url()?;
    let schema = format!("t_{}_{}", test, std::process::id());
    let admin = PostgresStore::open(&url)
        .await
        .expect("connect to PostgreSQL");
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
        "DROP SCHEMA IF EXISTS {schema} CASCADE"
    )))
    .execute(admin.pool())
    .await
    .expect("drop old schema");
    let store = PostgresStore::open_in_schema(&url, Some(&schema))
        .await
        .expect("open schema");
    store.migrate().await.expect("migrate postgres");
    Some(store)
}
