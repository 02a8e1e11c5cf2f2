//! `attune check`: verifies every boundary and agreement hash chain and the database's own
//! integrity. Exits non-zero, naming what is broken, if anything is.

use attune_server::Config;
use attune_server::services::history;

/// Runs the checks and prints a summary; an error names every problem found.
pub async fn run(config: Config) -> anyhow::Result<()> {
    if config.database_url.as_deref().is_none_or(str::is_empty) {
        let db = config.data_dir.join("attune.db");
        anyhow::ensure!(db.exists(), "there is no database at {}", db.display());
    }
    let store = attune_store::open(&config.database_url()).await?;
    // Checking never changes the schema: an out-of-date database is reported, not migrated.
    let database = store.integrity_problems().await?;
    let chains = history::check_all(store.as_ref()).await.map_err(|e| {
        anyhow::Error::new(e).context("reading the history failed (is the database migrated?)")
    })?;
    for line in &database {
        eprintln!("database: {line}");
    }
    for line in &chains.broken {
        eprintln!("broken history: {line}");
    }
    println!(
        "checked the {} database and {} histories ({} versions)",
        store.backend().name(),
        chains.records,
        chains.versions
    );
    let problems = database.len() + chains.broken.len();
    anyhow::ensure!(
        problems == 0,
        "{problems} problem(s) found: {}",
        database
            .iter()
            .chain(chains.broken.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join("; ")
    );
    println!("everything checks out");
    Ok(())
}
