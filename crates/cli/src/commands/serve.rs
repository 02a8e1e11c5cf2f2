//! `attune serve`: run the web server until Ctrl-C.

use attune_server::Config;

/// Starts the server and prints `listening on http://ADDR:PORT` once it is ready.
pub async fn run(config: Config, demo: bool) -> anyhow::Result<()> {
    let offset = test_clock_offset(&config);
    let server = attune_server::start(config).await?;
    if offset != 0 {
        server.state.clock.advance(offset);
        eprintln!("test clock: moved forward by {offset} seconds");
    }
    announce_secret(&server);
    if demo {
        super::demo::seed(&server.state).await?;
    }
    println!("listening on http://{}", server.addr);
    if server.origin != format!("http://{}", server.addr) {
        println!("public origin {}", server.origin);
    }
    let _ = tokio::signal::ctrl_c().await;
    eprintln!("stopping: finishing requests in progress");
    server.stop().await;
    Ok(())
}

/// Browser tests of things that take days (a plan's reflection interval, debriefs after the
/// planned time) restart the server with its clock moved forward by
/// `ATTUNE_TEST_CLOCK_OFFSET_SECS`. Honoured only with the `test` password profile, which no real
/// installation can use safely, so a production server never runs on a shifted clock.
fn test_clock_offset(config: &Config) -> i64 {
    if config.kdf_profile != "test" {
        return 0;
    }
    std::env::var("ATTUNE_TEST_CLOCK_OFFSET_SECS")
        .ok()
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|v| *v > 0)
        .unwrap_or(0)
}

/// Says where a newly created server secret is and that it must be backed up.
pub fn announce_secret(server: &attune_server::Server) {
    if server.secret_created {
        eprintln!(
            "Created the server secret at {}.\nBack it up separately from the database: without it, no account can be opened.",
            server.secret_path.display()
        );
    }
}
