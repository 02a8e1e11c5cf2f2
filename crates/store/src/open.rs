//! Picks the backend from the database URL's scheme.

use std::sync::Arc;

use crate::{PostgresStore, Result, SqliteStore, Store, StoreError};

/// The two storage backends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded default.
    Sqlite,
    /// For installations with several server instances.
    Postgres,
}

impl Backend {
    /// A short name for health output.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// Opens a store: `postgres://…` or `postgresql://…` selects PostgreSQL, `sqlite:…` SQLite.
pub async fn open(url: &str) -> Result<Arc<dyn Store>> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(PostgresStore::open(url).await?))
    } else if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::open(url).await?))
    } else {
        Err(StoreError::Config(
            "the database URL must start with sqlite: or postgres://".into(),
        ))
    }
}
