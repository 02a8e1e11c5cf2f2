//! Assembling the router and running the server on a listener (port 0 works, for tests).

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::api::error::ApiError;
use crate::clock::Clock;
use crate::config::Config;
use crate::error::AppError;
use crate::kdf_pool::KdfPool;
use crate::pages::error::PageError;
use crate::secret_file::{SecretOrigin, load_or_create};
use crate::state::AppState;
use crate::web::extract::BODY_LIMIT;
use crate::web::rate_limit::IpLimiter;
use crate::web::{csrf, headers, observe, static_files};

/// Every route with every layer.
pub fn build_router(state: AppState) -> Router {
    Router::new()
        .merge(crate::pages::router())
        .merge(crate::api::mounted())
        .route("/static/{name}", get(static_files::serve))
        .route("/healthz", get(health))
        .route_layer(middleware::from_fn(observe::metrics))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(state.clone(), csrf::guard))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                // SECURITY: a panic's message may hold data; it is neither logged nor sent.
                tracing::error!("a request handler panicked");
                PageError(AppError::Internal(anyhow::anyhow!("panic"))).into_response()
            },
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            headers::security_headers,
        ))
        // SECURITY: request logs carry method, status and latency only: no paths (they hold
        // ids), no query strings, no headers, no bodies.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(
                    |req: &Request| tracing::info_span!("request", method = %req.method()),
                )
                .on_request(())
                .on_response(|res: &Response, latency: Duration, _: &tracing::Span| {
                    tracing::info!(
                        status = res.status().as_u16(),
                        ms = latency.as_millis() as u64,
                        "served"
                    );
                }),
        )
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .with_state(state)
}

async fn not_found(req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        ApiError(AppError::NotFound).into_response()
    } else {
        PageError(AppError::NotFound).into_response()
    }
}

async fn health(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => axum::Json(
            serde_json::json!({"status": "ok", "database": state.store.backend().name()}),
        )
        .into_response(),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(serde_json::json!({"status": "unavailable"})),
        )
            .into_response(),
    }
}

/// A running server.
pub struct Server {
    /// The bound address.
    pub addr: SocketAddr,
    /// The origin browsers use.
    pub origin: String,
    /// Whether the server secret was created on this start (it must then be backed up).
    pub secret_created: bool,
    /// Where the secret lives.
    pub secret_path: std::path::PathBuf,
    /// The shared state (tests use its store and clock).
    pub state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// Stops accepting requests and waits for in-flight ones.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        let _ = self.task.await;
    }

    /// Runs until the task ends (the CLI waits on this).
    pub async fn wait(self) -> anyhow::Result<()> {
        self.task.await??;
        Ok(())
    }
}

/// Opens storage, loads (or creates) the server secret, binds the listener and starts serving.
pub async fn start(config: Config) -> anyhow::Result<Server> {
    let profile = config.kdf().map_err(anyhow::Error::msg)?;
    let secret_path = config.secret_path();
    let (secret, origin_of_secret) = load_or_create(&secret_path)?;
    if config.database_url.as_deref().is_none_or(str::is_empty) {
        create_private_dir(&config.data_dir)?;
    }
    let store = attune_store::open(&config.database_url())
        .await
        .context("cannot open the database")?;
    store
        .migrate()
        .await
        .context("cannot migrate the database")?;
    let listener = TcpListener::bind(&config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    let addr = listener.local_addr()?;
    let origin = config
        .public_origin
        .clone()
        .filter(|o| !o.is_empty())
        .map(|o| o.trim_end_matches('/').to_string())
        .unwrap_or_else(|| format!("http://{addr}"));
    let secret = Arc::new(secret);
    let state = AppState {
        store,
        kdf: KdfPool::new(secret.clone(), profile, config.argon2_concurrency),
        secret,
        origin: origin.clone().into(),
        secure_cookies: origin.starts_with("https://"),
        clock: Clock::default(),
        sessions: attune_domain::session::SessionPolicy {
            idle_secs: i64::from(config.idle_timeout_minutes.max(1)) * 60,
            absolute_secs: i64::from(config.session_lifetime_hours.max(1)) * 3600,
        },
        ip_limiter: Arc::new(IpLimiter::new(config.login_attempts_per_minute)),
        config: Arc::new(config),
    };
    if let Some(metrics_addr) = state.config.metrics_listen.clone() {
        start_metrics(&metrics_addr).await?;
    }
    spawn_sweeper(state.clone());
    spawn_jobs(state.clone());
    let (tx, rx) = oneshot::channel();
    let app = build_router(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await
    });
    Ok(Server {
        addr,
        origin,
        secret_created: matches!(origin_of_secret, SecretOrigin::Created),
        secret_path,
        state,
        shutdown: Some(tx),
        task,
    })
}

/// Creates the data directory readable by the server's user only.
fn create_private_dir(dir: &std::path::Path) -> anyhow::Result<()> {
    let existed = dir.exists();
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    #[cfg(unix)]
    if !existed {
        use std::os::unix::fs::PermissionsExt;
        // SECURITY: the database files inherit the umask; a private directory keeps other local
        // users away from them even when the files themselves are world-readable.
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Serves Prometheus metrics on their own listener, so they are never public by accident.
async fn start_metrics(addr: &str) -> anyhow::Result<()> {
    let handle = metrics_exporter_prometheus::PrometheusBuilder::new()
        .install_recorder()
        .context("cannot install the metrics recorder")?;
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen for metrics on {addr}"))?;
    let app = Router::new().route("/metrics", get(move || std::future::ready(handle.render())));
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(())
}

/// Runs due jobs from the jobs table (expiry sweep, reminders) every `jobs_every_secs`. Several
/// instances may run this at once: each job is claimed with a lease.
fn spawn_jobs(state: AppState) {
    let worker = uuid::Uuid::new_v4().to_string();
    tokio::spawn(async move {
        let every = Duration::from_secs(state.config.jobs_every_secs.max(1));
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            let now = state.clock.now();
            let result = async {
                crate::services::reminders::ensure_sweep(state.store.as_ref(), now).await?;
                crate::services::reminders::run_due_jobs(&state, &worker).await
            }
            .await;
            if let Err(e) = result {
                tracing::warn!(error = %e, "running jobs failed");
            }
        }
    });
}

/// Deletes sessions that have idled out or expired, every few minutes; frees Argon2 memory
/// that no login has used for a while, every few seconds.
fn spawn_sweeper(state: AppState) {
    let kdf = state.kdf.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tick.tick().await;
            kdf.trim(crate::kdf_pool::SPARE_LIFETIME);
        }
    });
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(300));
        loop {
            tick.tick().await;
            let now = state.clock.now();
            let policy = state.sessions;
            if let Err(e) = state
                .store
                .delete_stale_sessions(now - policy.idle_secs, now - policy.absolute_secs)
                .await
            {
                tracing::warn!(error = %e, "session sweep failed");
            }
        }
    });
}
