//! The embedded SQLite backend: one file, WAL, full sync, foreign keys and secure delete on.

use std::str::FromStr;

use sqlx::Row;
use sqlx::sqlite::{
    Sqlite, SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};

use crate::migrate::{CREATE_LEDGER, MIGRATIONS_SQLITE, now};
use crate::rows::*;
use crate::{Backend, CheckinStore, ConsentStore, PlanStore, Result, Store, StoreError};

/// A store on an SQLite file.
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if missing) the database at a `sqlite:` URL or plain file path.
    pub async fn open(url_or_path: &str) -> Result<Self> {
        let url = if url_or_path.starts_with("sqlite:") {
            url_or_path.to_string()
        } else {
            format!("sqlite://{url_or_path}")
        };
        let options = SqliteConnectOptions::from_str(&url)
            .map_err(|e| StoreError::Config(format!("invalid SQLite location: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(std::time::Duration::from_secs(10))
            // SECURITY: deleted content is overwritten with zeros instead of lingering in free pages.
            .pragma("secure_delete", "ON");
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        Ok(SqliteStore { pool })
    }

    /// The connection pool, for backend-specific tests and tools.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Begins a transaction that will write. `BEGIN IMMEDIATE` takes SQLite's write lock at
    /// once (waiting up to the busy timeout), so a transaction that reads and then writes can't
    /// fail with "database is locked" because another connection wrote in between — which a
    /// plain deferred `BEGIN` does, without waiting, under concurrent use.
    pub(crate) async fn write_tx(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

shared_row_builders!(SqliteRow, Sqlite);
member_consent_cleanup!(Sqlite);
impl_consent_store!(SqliteStore, SqliteRow);
impl_checkin_store!(SqliteStore, SqliteRow);
impl_plan_store!(SqliteStore, SqliteRow);

impl_store!(SqliteStore, SqliteRow, {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    async fn migrate(&self) -> Result<()> {
        sqlx::raw_sql(CREATE_LEDGER).execute(&self.pool).await?;
        for m in MIGRATIONS_SQLITE {
            let mut tx = self.pool.begin().await?;
            // A write first takes SQLite's write lock, so two processes cannot apply the same step.
            sqlx::query("UPDATE attune_migrations SET name = name WHERE version = -1")
                .execute(&mut *tx)
                .await?;
            let done = sqlx::query("SELECT version FROM attune_migrations WHERE version = $1")
                .bind(m.version)
                .fetch_optional(&mut *tx)
                .await?;
            if done.is_none() {
                sqlx::raw_sql(m.sql).execute(&mut *tx).await?;
                sqlx::query(
                    "INSERT INTO attune_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                )
                .bind(m.version)
                .bind(m.name)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        }
        Ok(())
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        for r in sqlx::query("PRAGMA integrity_check")
            .fetch_all(&self.pool)
            .await?
        {
            let line: String = r.try_get(0)?;
            if line != "ok" {
                problems.push(format!("integrity_check: {line}"));
            }
        }
        for r in sqlx::query("PRAGMA foreign_key_check")
            .fetch_all(&self.pool)
            .await?
        {
            let table: String = r.try_get(0)?;
            let parent: String = r.try_get(2)?;
            problems.push(format!(
                "foreign_key_check: a row of {table} points to a missing row of {parent}"
            ));
        }
        Ok(problems)
    }

    async fn checkpoint(&self) -> Result<()> {
        // SECURITY: after deletions, fold the write-ahead log back and truncate it, so deleted
        // rows do not linger in the -wal file.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await?;
        Ok(())
    }
});
