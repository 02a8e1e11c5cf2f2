#![doc = include_str!("../README.md")]
//! Table of contents:
//! - [`Store`]: the storage trait every backend implements.
//! - [`rows`]: what goes in and comes out — ids, times and ciphertext bytes.
//! - [`open`]: picking a backend from a database URL.
//! - `sqlite` and `postgres`: the two backends; `shared` holds the SQL they share.
//! - `migrate`: the embedded migrations of each backend.

#[macro_use]
mod shared;
mod error;
mod migrate;
mod open;
mod postgres;
pub mod rows;
mod sqlite;
mod store;

pub use error::StoreError;
pub use migrate::{MIGRATIONS_POSTGRES, MIGRATIONS_SQLITE, Migration};
pub use open::{Backend, open};
pub use postgres::PostgresStore;
pub use sqlite::SqliteStore;
pub use store::Store;

/// The result type of every store call.
pub type Result<T> = std::result::Result<T, StoreError>;
