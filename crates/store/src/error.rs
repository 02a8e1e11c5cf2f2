//! The store's one error type.

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A uniqueness or capacity rule stopped the write; the string names which.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The database URL or options were not usable.
    #[error("configuration: {0}")]
    Config(String),
    /// The database failed.
    #[error("database error")]
    Database(#[source] sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &e
            && db.is_unique_violation()
        {
            return StoreError::Conflict("unique");
        }
        StoreError::Database(e)
    }
}
