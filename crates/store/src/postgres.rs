//! The PostgreSQL backend, for installations with several server instances.

use std::str::FromStr;

use sqlx::Row;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow, Postgres};

use crate::migrate::{CREATE_LEDGER, MIGRATIONS_POSTGRES, now};
use crate::rows::*;
use crate::{Backend, CheckinStore, ConsentStore, PlanStore, Result, Store, StoreError};

/// A store on a PostgreSQL database.
#[derive(Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to a `postgres://` URL.
    pub async fn open(url: &str) -> Result<Self> {
        Self::open_in_schema(url, None).await
    }

    /// Connects with `search_path` set to `schema` (created if missing). Tests use one schema each.
    pub async fn open_in_schema(url: &str, schema: Option<&str>) -> Result<Self> {
        let mut options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::Config(format!("invalid PostgreSQL URL: {e}")))?;
        if let Some(schema) = schema {
            if !schema
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                return Err(StoreError::Config(
                    "schema names are letters, digits and _".into(),
                ));
            }
            let admin = PgPoolOptions::new()
                .max_connections(1)
                .connect_with(options.clone())
                .await?;
            // The schema name was checked above to be letters, digits and underscores only.
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!(
                "CREATE SCHEMA IF NOT EXISTS {schema}"
            )))
            .execute(&admin)
            .await?;
            admin.close().await;
            options = options.options([("search_path", schema)]);
        }
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        Ok(PostgresStore { pool })
    }

    /// The connection pool, for backend-specific tests and tools.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Begins a transaction that will write (PostgreSQL's row locks need nothing special).
    pub(crate) async fn write_tx(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>> {
        Ok(self.pool.begin().await?)
    }
}

shared_row_builders!(PgRow, Postgres);
member_consent_cleanup!(Postgres);
impl_consent_store!(PostgresStore, PgRow);
impl_checkin_store!(PostgresStore, PgRow);
impl_plan_store!(PostgresStore, PgRow);

impl_store!(PostgresStore, PgRow, {
    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    async fn migrate(&self) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        // Several instances may start at once: one transaction-scoped advisory lock serialises them.
        sqlx::query("SELECT pg_advisory_xact_lock(7387880)")
            .execute(&mut *tx)
            .await?;
        sqlx::raw_sql(CREATE_LEDGER).execute(&mut *tx).await?;
        for m in MIGRATIONS_POSTGRES {
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
        }
        tx.commit().await?;
        Ok(())
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn checkpoint(&self) -> Result<()> {
        Ok(())
    }

    async fn integrity_problems(&self) -> Result<Vec<String>> {
        // PostgreSQL has no single integrity pragma. This sanity check reads every table of ours
        // in full (a damaged page or index makes the scan fail) and checks the references that
        // the schema does not enforce with foreign keys.
        let mut problems = Vec::new();
        let tables: Vec<String> = sqlx::query(
            "SELECT table_name::text AS t FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| r.try_get("t"))
        .collect::<std::result::Result<_, _>>()?;
        for t in &tables {
            let sql = format!("SELECT COUNT(*) FROM \"{}\"", t.replace('"', "\"\""));
            if let Err(e) = sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_one(&self.pool)
                .await
            {
                problems.push(format!("table {t} cannot be read: {e}"));
            }
        }
        let orphans: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM record_versions v LEFT JOIN shared_records r ON r.id = v.record_id WHERE r.id IS NULL",
        )
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        if orphans > 0 {
            problems.push(format!("{orphans} record versions belong to no record"));
        }
        Ok(problems)
    }
});
