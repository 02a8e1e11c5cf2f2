//! `attune demo`: a sample couple with a shared space, so a newcomer can try both sides.

use attune_server::Config;
use attune_server::services::{accounts, invites, sessions, spaces};
use attune_server::state::AppState;

/// The demo logins. The passwords are public: never use demo accounts for real.
const DEMO: [(&str, &str, &str); 2] = [
    ("demo-alex", "demo password alex 1", "Alex"),
    ("demo-sam", "demo password sam 1", "Sam"),
];

/// Starts the storage layer (without serving), seeds the couple and prints the logins.
pub async fn run(mut config: Config) -> anyhow::Result<()> {
    config.listen = "127.0.0.1:0".into();
    let server = attune_server::start(config).await?;
    super::serve::announce_secret(&server);
    seed(&server.state).await?;
    server.stop().await;
    Ok(())
}

/// Creates the couple and their space if they don't exist yet, then prints how to log in.
pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    let device = "Demo setup";
    let alex = accounts::signup(state, DEMO[0].0, DEMO[0].1, device).await;
    let sam = accounts::signup(state, DEMO[1].0, DEMO[1].1, device).await;
    match (alex, sam) {
        (Ok(alex), Ok(sam)) => {
            let alex_in = sessions::authenticate(state, &alex.token.encode(), false).await?;
            let sam_in = sessions::authenticate(state, &sam.token.encode(), false).await?;
            let space =
                spaces::create(state, &alex_in, "Alex & Sam", DEMO[0].2, Some("she/her")).await?;
            let invite = invites::create(state, &alex_in, &space).await?;
            invites::accept(state, &sam_in, &invite.code.display(), DEMO[1].2).await?;
            sessions::logout(state, &alex_in).await?;
            sessions::logout(state, &sam_in).await?;
            println!("Created the demo couple and their space \"Alex & Sam\".");
        }
        _ => println!("The demo couple already exists."),
    }
    println!("Log in as one in a normal window and as the other in a private window:");
    for (user, password, name) in DEMO {
        println!("  {name}: username {user}  password \"{password}\"");
    }
    Ok(())
}
