//! The two migration folders must stay in step.

use attune_store::{MIGRATIONS_POSTGRES, MIGRATIONS_SQLITE};

fn versions_on_disk(backend: &str) -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("migrations folder")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".sql"))
        .collect();
    names.sort();
    names
}

#[test]
fn both_backends_have_the_same_migration_versions() {
    let sqlite = versions_on_disk("sqlite");
    let postgres = versions_on_disk("postgres");
    assert_eq!(sqlite, postgres, "migration files differ between backends");
    let embedded_sqlite: Vec<i64> = MIGRATIONS_SQLITE.iter().map(|m| m.version).collect();
    let embedded_postgres: Vec<i64> = MIGRATIONS_POSTGRES.iter().map(|m| m.version).collect();
    assert_eq!(embedded_sqlite, embedded_postgres);
    assert_eq!(
        embedded_sqlite.len(),
        sqlite.len(),
        "every file on disk is embedded"
    );
    for (m, file) in MIGRATIONS_SQLITE.iter().zip(&sqlite) {
        assert_eq!(file, &format!("{:04}_{}.sql", m.version, m.name));
    }
}
