//! The frame around every page: title (neutral in discreet mode), navigation, form token, notice.

use attune_domain::consent::PAUSE_UNDO_SECS;

use crate::services::accounts;
use crate::services::pause::{self, PauseView};
use crate::services::sessions::SignedIn;
use crate::state::AppState;

/// The neutral tab title used in discreet mode.
pub const NEUTRAL_TITLE: &str = "Notes";

/// A space in the navigation, with its pause control (D2: on every space page).
pub struct SpaceNav {
    /// The space's id.
    pub id: String,
    /// The space's name.
    pub name: String,
    /// Whether the space is paused, and whether I can lift (or undo) a pause.
    pub pause: PauseBar,
}

/// What the pause control and banner show.
#[derive(Default)]
pub struct PauseBar {
    /// True while anyone's pause stands.
    pub paused: bool,
    /// One calm sentence for the banner.
    pub text: String,
    /// Whether I have a pause of my own (I can lift it; I don't need to pause again).
    pub mine: bool,
    /// Seconds left of the one-tap undo (0 when past).
    pub undo_left: i64,
    /// The proposed revisit, in words ("in about 1 day").
    pub revisit: String,
}

impl PauseBar {
    /// Builds the bar from the pause state.
    pub fn from_view(view: &PauseView, now: i64) -> PauseBar {
        let mine = view.mine();
        let others: Vec<&str> = view
            .pauses
            .iter()
            .filter(|p| !p.by_me)
            .map(|p| p.by.as_str())
            .collect();
        let text = match (mine.is_some(), others.is_empty()) {
            (_, true) if !view.paused => String::new(),
            (true, true) => {
                "You paused this space. Everything waits, for everyone, until you lift it.".into()
            }
            (true, false) => format!(
                "You and {} paused this space. Everything waits until each pause is lifted.",
                others.join(", ")
            ),
            (false, _) => format!(
                "{} paused this space. Everything waits until they lift it. Nobody needs to explain.",
                others.join(", ")
            ),
        };
        let revisit_at = view
            .pauses
            .iter()
            .map(|p| p.revisit_at)
            .max()
            .unwrap_or(now);
        PauseBar {
            paused: view.paused,
            text,
            mine: mine.is_some(),
            undo_left: mine
                .filter(|p| p.can_undo)
                .map(|p| (p.paused_at + PAUSE_UNDO_SECS - now).max(0))
                .unwrap_or(0),
            revisit: in_words(revisit_at - now),
        }
    }
}

/// A span of time in calm words ("in about 3 hours").
pub fn in_words(secs: i64) -> String {
    let hours = (secs + 1800) / 3600;
    if secs <= 90 * 60 {
        "within the hour".into()
    } else if hours < 36 {
        format!("in about {hours} hours")
    } else {
        format!("in about {} days", (secs + 43_200) / 86_400)
    }
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

    /// Adds the space navigation and its pause control. Every space page calls this, so every
    /// space page carries the pause (D2).
    pub async fn in_space(
        mut self,
        state: &AppState,
        me: &SignedIn,
        id: &str,
        name: &str,
    ) -> Shell {
        let pause = match pause::view(state, me, id).await {
            Ok(view) => PauseBar::from_view(&view, state.clock.now()),
            Err(e) => {
                e.log();
                PauseBar::default()
            }
        };
        self.space = Some(SpaceNav {
            id: id.into(),
            name: name.into(),
            pause,
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
        "paused" => "Paused. Everyone in this space sees it now.",
        "pause-undone" => "Undone. It's as if the pause never happened.",
        "pause-lifted" => "Your pause is lifted.",
        "tonight-saved" => "Saved. It disappears on its own when it expires.",
        "tonight-cleared" => "Cleared.",
        "invited" => "Sent. There's nothing more to do; no answer is owed.",
        "answered" => "Thank you. Your answer is passed on, with no reason attached.",
        "checkin-revealed" => "Everyone has answered, so the answers are now shown side by side.",
        "checkin-saved" => "Saved. You can change it until everyone's answers are shown.",
        "cadence-chosen" => {
            "Your choice is noted. The rhythm changes once everyone chose the same."
        }
        "rotated" => "A new address is ready. The old one no longer works.",
        "plan-proposed" => "Proposed. It goes ahead only once everyone has confirmed it, you too.",
        "plan-confirmed" => "You confirmed. You can still withdraw at any time.",
        "plan-withdrawn" => "Withdrawn. It's off for everyone, at once. No reason needed.",
        "debrief-saved" => "Saved. You can change it until everyone's debriefs are shown.",
        "debrief-revealed" => "Everyone has written, so the debriefs are now shown side by side.",
        "follow-up-added" => "Added.",
        "log-added" => "Added to the log.",
        "log-waiting" => "Suggested. It's added only if the person who wrote it says yes.",
        "log-shared" => "Added to the log, with your yes.",
        "log-declined" => "Left out. Nothing was added.",
        _ => return None,
    })
}

/// Query string carrying a notice key.
#[derive(serde::Deserialize, Default)]
pub struct NoticeQuery {
    /// The notice key.
    pub n: Option<String>,
}
