//! Configuration layers: defaults → TOML file → `ATTUNE_*` environment → command-line flags.

use std::path::PathBuf;

use attune_server::Config;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};

/// Flags shared by every command. Each also reads its `ATTUNE_*` variable through figment.
#[derive(clap::Args, Debug)]
pub struct Settings {
    /// A TOML configuration file (default: `attune.toml` if it exists).
    #[arg(long, global = true, env = "ATTUNE_CONFIG")]
    pub config: Option<PathBuf>,
    /// Where the SQLite database and the server secret live.
    #[arg(long, global = true)]
    pub data_dir: Option<PathBuf>,
    /// Address to listen on, e.g. 127.0.0.1:7878 (port 0 picks a free port).
    #[arg(long, global = true)]
    pub listen: Option<String>,
    /// postgres://… to use PostgreSQL instead of the embedded SQLite database.
    #[arg(long, global = true)]
    pub database_url: Option<String>,
    /// The origin browsers use, e.g. https://attune.example.org.
    #[arg(long, global = true)]
    pub public_origin: Option<String>,
}

/// Merges the layers into the server's configuration.
pub fn load(flags: &Settings) -> anyhow::Result<Config> {
    let mut figment = Figment::from(Serialized::defaults(DefaultsProxy::default()));
    let file = flags.config.clone().or_else(|| {
        let p = PathBuf::from("attune.toml");
        p.exists().then_some(p)
    });
    if let Some(file) = file {
        anyhow::ensure!(
            file.exists(),
            "the configuration file {} does not exist",
            file.display()
        );
        figment = figment.merge(Toml::file(file));
    }
    // Only the known keys: other ATTUNE_* variables (ATTUNE_LOG, test settings) are not configuration.
    figment = figment.merge(Env::prefixed("ATTUNE_").only(&[
        "data_dir",
        "listen",
        "database_url",
        "public_origin",
        "secret_file",
        "idle_timeout_minutes",
        "session_lifetime_hours",
        "kdf_profile",
        "argon2_concurrency",
        "metrics_listen",
        "operator_name",
        "operator_contact",
        "login_attempts_per_minute",
        "smtp_url",
        "mail_from",
        "jobs_every_secs",
    ]));
    let mut config: Config = figment
        .extract()
        .map_err(|e| anyhow::anyhow!("configuration: {e}"))?;
    if let Some(v) = &flags.data_dir {
        config.data_dir = v.clone();
    }
    if let Some(v) = &flags.listen {
        config.listen = v.clone();
    }
    if let Some(v) = &flags.database_url {
        config.database_url = Some(v.clone());
    }
    if let Some(v) = &flags.public_origin {
        config.public_origin = Some(v.clone());
    }
    Ok(config)
}

/// Serialisable defaults for figment's first layer.
#[derive(serde::Serialize)]
struct DefaultsProxy {
    data_dir: PathBuf,
    listen: String,
    idle_timeout_minutes: u32,
    session_lifetime_hours: u32,
    kdf_profile: String,
    argon2_concurrency: usize,
    login_attempts_per_minute: u32,
}

impl Default for DefaultsProxy {
    fn default() -> Self {
        let c = Config::default();
        DefaultsProxy {
            data_dir: c.data_dir,
            listen: c.listen,
            idle_timeout_minutes: c.idle_timeout_minutes,
            session_lifetime_hours: c.session_lifetime_hours,
            kdf_profile: c.kdf_profile,
            argon2_concurrency: c.argon2_concurrency,
            login_attempts_per_minute: c.login_attempts_per_minute,
        }
    }
}
