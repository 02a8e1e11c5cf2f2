//! The `attune` binary: `serve`, `migrate`, `check`, `demo`, `coach`.

mod commands;
mod settings;

use clap::{Parser, Subcommand};

/// Attune: a private place for partners to negotiate intimacy as equals.
#[derive(Parser)]
#[command(name = "attune", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    settings: settings::Settings,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default when no command is given).
    Serve {
        /// Create the demo couple first (same as `attune demo`).
        #[arg(long)]
        demo: bool,
    },
    /// Create or update the database schema, then exit.
    Migrate,
    /// Verify every boundary and agreement history (hash chains) and the database's integrity;
    /// exits non-zero naming anything broken.
    Check,
    /// Create a sample couple with a shared space and print their logins.
    Demo,
    /// Read one text per line on stdin; write the coach's advice as one JSON object per line.
    Coach,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Coach => commands::coach::run(),
        other => {
            commands::init_logging();
            match settings::load(&cli.settings) {
                Err(e) => Err(e),
                Ok(config) => match other {
                    Command::Serve { demo } => commands::serve::run(config, demo).await,
                    Command::Migrate => commands::migrate::run(config).await,
                    Command::Check => commands::check::run(config).await,
                    Command::Demo => commands::demo::run(config).await,
                    Command::Coach => unreachable!("handled above"),
                },
            }
        }
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("attune: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
