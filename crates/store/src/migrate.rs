//! The migrations of each backend, embedded in the binary, and the bookkeeping table they share.

/// One schema change.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Increasing version; both backends must have the same versions.
    pub version: i64,
    /// A short name, matching the file name.
    pub name: &'static str,
    /// The SQL, possibly several statements.
    pub sql: &'static str,
}

/// SQLite migrations, from `migrations/sqlite/`.
pub const MIGRATIONS_SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sql: include_str!("../migrations/sqlite/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "inventory",
        sql: include_str!("../migrations/sqlite/0002_inventory.sql"),
    },
    Migration {
        version: 3,
        name: "setting_choices",
        sql: include_str!("../migrations/sqlite/0003_setting_choices.sql"),
    },
    Migration {
        version: 4,
        name: "boundaries",
        sql: include_str!("../migrations/sqlite/0004_boundaries.sql"),
    },
    Migration {
        version: 5,
        name: "consent_checkins",
        sql: include_str!("../migrations/sqlite/0005_consent_checkins.sql"),
    },
    Migration {
        version: 6,
        name: "plans",
        sql: include_str!("../migrations/sqlite/0006_plans.sql"),
    },
];

/// PostgreSQL migrations, from `migrations/postgres/`.
pub const MIGRATIONS_POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        name: "foundation",
        sql: include_str!("../migrations/postgres/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        name: "inventory",
        sql: include_str!("../migrations/postgres/0002_inventory.sql"),
    },
    Migration {
        version: 3,
        name: "setting_choices",
        sql: include_str!("../migrations/postgres/0003_setting_choices.sql"),
    },
    Migration {
        version: 4,
        name: "boundaries",
        sql: include_str!("../migrations/postgres/0004_boundaries.sql"),
    },
    Migration {
        version: 5,
        name: "consent_checkins",
        sql: include_str!("../migrations/postgres/0005_consent_checkins.sql"),
    },
    Migration {
        version: 6,
        name: "plans",
        sql: include_str!("../migrations/postgres/0006_plans.sql"),
    },
];

/// Creates the bookkeeping table (same SQL on both backends).
pub(crate) const CREATE_LEDGER: &str = "CREATE TABLE IF NOT EXISTS attune_migrations (\
     version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

/// Seconds since the epoch, for the ledger only (the store otherwise takes times from callers).
pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
