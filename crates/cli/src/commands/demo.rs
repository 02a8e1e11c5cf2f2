//! `attune demo`: a sample couple with a shared space, so a newcomer can try both sides.

use attune_server::Config;
use attune_server::services::boundaries::{self, BoundaryInput};
use attune_server::services::inventory::{self, AnswerInput};
use attune_server::services::sessions::SignedIn;
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
            fill(state, &alex_in, &sam_in, &space).await?;
            sessions::logout(state, &alex_in).await?;
            sessions::logout(state, &sam_in).await?;
            println!(
                "Created the demo couple and their space \"Alex & Sam\", with some inventory answers \
                 and a boundary each. Press \"reveal\" as both to see what they share."
            );
        }
        _ => println!("The demo couple already exists."),
    }
    println!("Log in as one in a normal window and as the other in a private window:");
    for (user, password, name) in DEMO {
        println!("  {name}: username {user}  password \"{password}\"");
    }
    Ok(())
}

/// Some answers and boundaries, so every page has something to show. Written by us; the
/// items are the first doing/receiving and "either" items of the catalog, so they always exist.
async fn fill(
    state: &AppState,
    alex: &SignedIn,
    sam: &SignedIn,
    space: &str,
) -> anyhow::Result<()> {
    let catalog = inventory::catalog_items();
    let pairs: Vec<&str> = catalog
        .iter()
        .filter(|i| i.roles == ["doing", "receiving"])
        .map(|i| i.id.as_str())
        .take(6)
        .collect();
    let together: Vec<&str> = catalog
        .iter()
        .filter(|i| i.roles == ["either"])
        .map(|i| i.id.as_str())
        .take(6)
        .collect();
    let answer = |item: &str, role: &str, rating: &str| AnswerInput {
        item: item.into(),
        role: role.into(),
        rating: rating.into(),
        experience: None,
        note: None,
        conditions: None,
    };
    let ratings_a = ["yes", "maybe", "yes", "no", "yes", "maybe"];
    let ratings_b = ["yes", "yes", "maybe", "yes", "no", "maybe"];
    let mut mine = Vec::new();
    let mut theirs = Vec::new();
    for (i, item) in pairs.iter().enumerate() {
        mine.push(answer(item, "doing", ratings_a[i]));
        theirs.push(answer(item, "receiving", ratings_b[i]));
    }
    for (i, item) in together.iter().enumerate() {
        mine.push(answer(item, "either", ratings_b[i]));
        theirs.push(answer(item, "either", ratings_a[i]));
    }
    inventory::put_answers(state, alex, space, &mine).await?;
    inventory::put_answers(state, sam, space, &theirs).await?;
    let boundary = |firmness: &str, about: &str, pacing: Option<&str>| BoundaryInput {
        firmness: firmness.into(),
        about: about.into(),
        mood: None,
        context: None,
        place: None,
        pacing: pacing.map(str::to_string),
        safety: None,
        reason: None,
    };
    boundaries::add(
        state,
        alex,
        space,
        &boundary("hard", "No photos or video, ever", None),
    )
    .await?;
    boundaries::add(
        state,
        sam,
        space,
        &boundary(
            "soft",
            "Nothing new on a work night",
            Some("Slowly, and we check in halfway"),
        ),
    )
    .await?;
    Ok(())
}
