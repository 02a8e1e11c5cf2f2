//! The shared application state handed to every handler.

use std::sync::Arc;

use attune_crypto::ServerSecret;
use attune_domain::session::SessionPolicy;
use attune_store::Store;

use crate::clock::Clock;
use crate::config::Config;
use crate::kdf_pool::KdfPool;
use crate::web::rate_limit::IpLimiter;

/// Everything a request may need. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// Storage (SQLite or PostgreSQL).
    pub store: Arc<dyn Store>,
    /// The pepper: never logged, never stored in the database.
    pub secret: Arc<ServerSecret>,
    /// Bounded Argon2 workers.
    pub kdf: KdfPool,
    /// The configuration the server started with.
    pub config: Arc<Config>,
    /// The origin CSRF checks accept (`http://127.0.0.1:7878`).
    pub origin: Arc<str>,
    /// Whether cookies carry `Secure` and the `__Host-` prefix (the origin is https).
    pub secure_cookies: bool,
    /// The server's clock.
    pub clock: Clock,
    /// Session lifetimes.
    pub sessions: SessionPolicy,
    /// Per-address login limiter.
    pub ip_limiter: Arc<IpLimiter>,
}
