//! `attune serve`: run the web server until Ctrl-C.

use attune_server::Config;

/// Starts the server and prints `listening on http://ADDR:PORT` once it is ready.
pub async fn run(config: Config, demo: bool) -> anyhow::Result<()> {
    let server = attune_server::start(config).await?;
    if server.secret_created {
        eprintln!(
            "Created the server secret at {}.\nBack it up separately from the database: without it, no account can be opened.",
            server.secret_path.display()
        );
    }
    if demo {
        super::demo::seed(&server.state).await?;
    }
    println!("listening on http://{}", server.addr);
    if server.origin != format!("http://{}", server.addr) {
        println!("public origin {}", server.origin);
    }
    let stop = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    tokio::select! {
        r = server_wait(server) => r,
        _ = stop => Ok(()),
    }
}

async fn server_wait(server: attune_server::Server) -> anyhow::Result<()> {
    server.wait().await
}
