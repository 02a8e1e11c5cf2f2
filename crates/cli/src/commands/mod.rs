//! One file per command.

pub mod check;
pub mod coach;
pub mod demo;
pub mod migrate;
pub mod serve;

/// Structured JSON logs on stderr, level from `ATTUNE_LOG` (default `info`).
/// Logs never carry content, usernames, secrets or request bodies.
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ATTUNE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
