#![doc = include_str!("../README.md")]
//! Table of contents:
//! - [`Store`]: the storage trait every backend implements.
//! - [`rows`]: what goes in and comes out — ids, times and ciphertext bytes.
//! - [`open`]: picking a backend from a database URL.
//! - `sqlite` and `postgres`: the two backends; `shared` holds the SQL they share.
//! - `migrate`: the embedded migrations of each backend.
//! - [`ConsentStore`], [`CheckinStore`]: consent now, pauses, invitations, check-ins, reminders
//!   and jobs (SQL in `consent_sql` and `checkin_sql`), both part of [`Store`].
//! - [`PlanStore`]: plans, confirmations, debriefs, follow-ups and the desire log (SQL in
//!   `plan_sql`), part of [`Store`].

#[macro_use]
mod shared;
#[macro_use]
mod consent_sql;
#[macro_use]
mod checkin_sql;
#[macro_use]
mod plan_sql;
mod checkin_store;
mod consent_store;
mod error;
mod migrate;
mod open;
mod plan_store;
mod postgres;
pub mod rows;
mod rows_consent;
mod rows_plans;
mod sqlite;
mod store;

pub use checkin_store::CheckinStore;
pub use consent_store::ConsentStore;
pub use error::StoreError;
pub use migrate::{MIGRATIONS_POSTGRES, MIGRATIONS_SQLITE, Migration};
pub use open::{Backend, open};
pub use plan_store::PlanStore;
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;
pub use store::Store;

/// The result type of every store call.
pub type Result<T> = std::result::Result<T, StoreError>;
