//! `attune migrate`: bring the database schema up to date, then exit.

use attune_server::Config;

/// Applies missing migrations to the configured database.
pub async fn run(config: Config) -> anyhow::Result<()> {
    if config.database_url.as_deref().is_none_or(str::is_empty) {
        std::fs::create_dir_all(&config.data_dir)?;
    }
    let store = attune_store::open(&config.database_url()).await?;
    store.migrate().await?;
    println!("database is up to date ({})", store.backend().name());
    Ok(())
}
