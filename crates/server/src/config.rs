//! Server configuration: defaults, then a TOML file, then `ATTUNE_*` environment (merged by the CLI).

use std::path::PathBuf;

use serde::Deserialize;

/// Everything the server needs to start. `Debug` hides the database URL (it may hold a password).
#[derive(Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Where the SQLite database and the server secret live.
    pub data_dir: PathBuf,
    /// Address to listen on; port 0 picks a free port.
    pub listen: String,
    /// `postgres://…` selects PostgreSQL; unset means SQLite in `data_dir`.
    pub database_url: Option<String>,
    /// The origin browsers use (scheme://host:port). CSRF checks accept only this origin.
    /// Unset: the listening address once bound.
    pub public_origin: Option<String>,
    /// Path of the server secret; unset means `data_dir/secret.key`.
    pub secret_file: Option<PathBuf>,
    /// Minutes without a request after which a session ends.
    pub idle_timeout_minutes: u32,
    /// Hours after sign-in after which a session ends.
    pub session_lifetime_hours: u32,
    /// Argon2id cost: `default` (64 MiB, t=3), `low-memory` (19 MiB, t=2), or `test` (tiny; tests only).
    pub kdf_profile: String,
    /// How many password hashes may run at once (each holds 64 MiB at the default profile); more
    /// logins wait briefly, then get 429. On small machines one at a time is as fast overall.
    pub argon2_concurrency: usize,
    /// Address for the Prometheus metrics listener; unset means no metrics listener.
    pub metrics_listen: Option<String>,
    /// Who runs this installation, shown on the "About this server" page.
    pub operator_name: Option<String>,
    /// How to reach the operator, shown on the "About this server" page.
    pub operator_contact: Option<String>,
    /// Login attempts allowed per client address per minute.
    pub login_attempts_per_minute: u32,
    /// SMTP server for optional e-mail reminders (`smtp://host:25`, `smtps://user:pass@host:465`,
    /// `smtp://host:587?tls=required`). Unset (the default): no e-mail is ever sent.
    pub smtp_url: Option<String>,
    /// The sender address of reminder e-mails.
    pub mail_from: Option<String>,
    /// Seconds between looks at the jobs table (reminders, expiry sweeps).
    pub jobs_every_secs: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: PathBuf::from("attune-data"),
            listen: "127.0.0.1:7878".into(),
            database_url: None,
            public_origin: None,
            secret_file: None,
            idle_timeout_minutes: 30,
            session_lifetime_hours: 12,
            kdf_profile: "default".into(),
            argon2_concurrency: 1,
            metrics_listen: None,
            operator_name: None,
            operator_contact: None,
            login_attempts_per_minute: 20,
            smtp_url: None,
            mail_from: None,
            jobs_every_secs: 30,
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // SECURITY: a PostgreSQL URL can carry a password; never print it.
        f.debug_struct("Config")
            .field("data_dir", &self.data_dir)
            .field("listen", &self.listen)
            .field(
                "database_url",
                &self.database_url.as_ref().map(|_| "[redacted]"),
            )
            .field("public_origin", &self.public_origin)
            .field("secret_file", &self.secret_file)
            .field("idle_timeout_minutes", &self.idle_timeout_minutes)
            .field("session_lifetime_hours", &self.session_lifetime_hours)
            .field("kdf_profile", &self.kdf_profile)
            .field("argon2_concurrency", &self.argon2_concurrency)
            .field("metrics_listen", &self.metrics_listen)
            // SECURITY: an SMTP URL can carry a password too.
            .field("smtp_url", &self.smtp_url.as_ref().map(|_| "[redacted]"))
            .field("jobs_every_secs", &self.jobs_every_secs)
            .finish_non_exhaustive()
    }
}

impl Config {
    /// The database URL to open: the configured one, or SQLite in the data directory.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) if !url.is_empty() => url.clone(),
            _ => format!("sqlite://{}", self.data_dir.join("attune.db").display()),
        }
    }

    /// Where the server secret lives.
    pub fn secret_path(&self) -> PathBuf {
        self.secret_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("secret.key"))
    }

    /// The Argon2id profile named by `kdf_profile`.
    pub fn kdf(&self) -> Result<attune_crypto::KdfProfile, String> {
        match self.kdf_profile.as_str() {
            "default" => Ok(attune_crypto::KdfProfile::DEFAULT),
            "low-memory" => Ok(attune_crypto::KdfProfile::LOW_MEMORY),
            "test" => Ok(attune_crypto::KdfProfile::TEST),
            other => Err(format!(
                "kdf_profile must be default, low-memory or test (got {other:?})"
            )),
        }
    }
}
