//! `attune serve`: run the web server until Ctrl-C.

use attune_server::Config;

/// Starts the server and prints `listening on http://ADDR:PORT` once it is ready.
pub async fn run(config: Config, demo: bool) -> anyhow::Result<()> {
    let server = attune_server::start(config).await?;
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

/// Says where a newly created server secret is and that it must be backed up.
pub fn announce_secret(server: &attune_server::Server) {
    if server.secret_created {
        eprintln!(
            "Created the server secret at {}.\nBack it up separately from the database: without it, no account can be opened.",
            server.secret_path.display()
        );
    }
}
