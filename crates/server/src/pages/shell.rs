//! The frame around every page: title (neutral in discreet mode), navigation, form token, notice.

use crate::services::accounts;
use crate::services::sessions::SignedIn;
use crate::state::AppState;

/// The neutral tab title used in discreet mode.
pub const NEUTRAL_TITLE: &str = "Notes";

/// A space in the navigation.
pub struct SpaceNav {
    /// The space's id.
    pub id: String,
    /// The space's name.
    pub name: String,
}

/// What base.html needs.
pub struct Shell {
    /// The tab title.
    pub title: String,
    /// Whether someone is signed in.
    pub signed_in: bool,
    /// The form token (empty when signed out).
    pub csrf: String,
    /// The space being viewed.
    pub space: Option<SpaceNav>,
    /// A one-line message at the top of the page.
    pub notice: Option<String>,
}

impl Shell {
    /// A shell for `me` (or a visitor) with the page's real title, made neutral in discreet mode.
    pub async fn new(state: &AppState, me: Option<&SignedIn>, title: &str) -> Shell {
        // SECURITY: discreet mode is on by default and for everyone signed out (invariant 10):
        // a glance at the tab switcher shows nothing about what this is.
        let discreet = match me {
            Some(m) => accounts::prefs(state, m)
                .await
                .map(|p| p.discreet)
                .unwrap_or(true),
            None => true,
        };
        Shell {
            title: if discreet {
                NEUTRAL_TITLE.into()
            } else {
                format!("{title} · Attune")
            },
            signed_in: me.is_some(),
            csrf: me.map(|m| m.csrf.clone()).unwrap_or_default(),
            space: None,
            notice: None,
        }
    }

    /// Adds the space navigation.
    pub fn in_space(mut self, id: &str, name: &str) -> Shell {
        self.space = Some(SpaceNav {
            id: id.into(),
            name: name.into(),
        });
        self
    }

    /// Adds a notice chosen by key (`?n=` on redirects), so no free text travels in URLs.
    pub fn with_notice(mut self, key: Option<&str>) -> Shell {
        self.notice = key.and_then(notice_text).map(str::to_string);
        self
    }
}

/// The fixed notices a redirect can ask for.
fn notice_text(key: &str) -> Option<&'static str> {
    Some(match key {
        "left" => "You have left the space. It no longer appears here, and nobody needed to agree.",
        "deleted" => "Your account and your private data are deleted.",
        "logged-out" => "You are logged out.",
        "locked" => "Locked. Log in again to continue.",
        "password" => "Your password is changed. Other devices were signed out.",
        "created" => "Your space is ready. Invite your partner when you both feel ready.",
        "joined" => "You have joined the space.",
        "saved" => "Saved.",
        "offered" => "Offered. Everyone in the space can now see and answer it.",
        "deleted-item" => "Deleted, with your answer to it.",
        "session-ended" => "That session has ended.",
        "invite-withdrawn" => "The invite is withdrawn; its code no longer works.",
        "welcome" => "Welcome. Take your time; nothing here is urgent.",
        "boundary-added" => "Your boundary is in place. Everyone in the space can see it now.",
        "applied" => "Done. It applies now.",
        "pending" => "Asked. Nothing changes until everyone has confirmed, and anyone can decline.",
        "confirmed" => "You confirmed. It applies once everyone has.",
        "declined" => "Done. Nothing changes.",
        "life-change" => {
            "Everything is marked to look at again, whenever you're ready. There's no rush."
        }
        _ => return None,
    })
}

/// Query string carrying a notice key.
#[derive(serde::Deserialize, Default)]
pub struct NoticeQuery {
    /// The notice key.
    pub n: Option<String>,
}
