//! The learning library (K1): short pages we wrote ourselves on consent, safewords, pacing,
//! aftercare, overwhelm, first aid, hygiene, debriefs and finding a professional.
//!
//! Public on purpose: it helps before anyone signs up. It stores and reads nothing, and it uses
//! the same [`Shell`] as every page, so titles stay neutral in discreet mode and quick exit is
//! always there.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;

use super::error::{PageError, PageResult, render};
use super::shell::Shell;
use crate::error::AppError;
use crate::state::AppState;
use crate::web::auth::MaybeUser;

/// One page of the library. Its body is `templates/learn/<slug>.html`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Topic {
    /// Consent as ongoing and revocable; the door to the rest.
    Consent,
    /// Safewords, the traffic light and signals without words.
    Safewords,
    /// Going slowly, one small step at a time.
    Pacing,
    /// Care for everyone after being close.
    Aftercare,
    /// Noticing overwhelm in yourself and a partner, and what to do.
    Overwhelm,
    /// First aid basics for intimate settings.
    FirstAid,
    /// Hygiene, barriers, testing and toy care.
    Hygiene,
    /// Talking it through afterwards.
    Debrief,
    /// Therapists, counsellors and educators.
    FindingHelp,
}

impl Topic {
    /// Every topic, in the order the index lists them.
    pub const ALL: [Topic; 9] = [
        Topic::Consent,
        Topic::Safewords,
        Topic::Pacing,
        Topic::Aftercare,
        Topic::Overwhelm,
        Topic::FirstAid,
        Topic::Hygiene,
        Topic::Debrief,
        Topic::FindingHelp,
    ];

    /// The last part of the page's address, `/learn/<slug>`.
    pub fn slug(self) -> &'static str {
        match self {
            Topic::Consent => "consent",
            Topic::Safewords => "safewords",
            Topic::Pacing => "pacing",
            Topic::Aftercare => "aftercare",
            Topic::Overwhelm => "overwhelm",
            Topic::FirstAid => "first-aid",
            Topic::Hygiene => "hygiene",
            Topic::Debrief => "debrief",
            Topic::FindingHelp => "finding-help",
        }
    }

    /// The page's heading.
    pub fn title(self) -> &'static str {
        match self {
            Topic::Consent => "Consent is ongoing",
            Topic::Safewords => "Safewords and the traffic light",
            Topic::Pacing => "Pacing and going slowly",
            Topic::Aftercare => "Aftercare",
            Topic::Overwhelm => "Signs of overwhelm",
            Topic::FirstAid => "First aid basics",
            Topic::Hygiene => "Hygiene and safer sex",
            Topic::Debrief => "Talking it through afterwards",
            Topic::FindingHelp => "Finding a therapist or educator",
        }
    }

    /// One line for the index.
    pub fn summary(self) -> &'static str {
        match self {
            Topic::Consent => {
                "A yes is about now. Anyone can change their mind, at any moment, without a reason."
            }
            Topic::Safewords => {
                "Words and signals that slow things down or stop them, and how to answer them."
            }
            Topic::Pacing => "Small steps, plenty of time, and why going back a step is fine.",
            Topic::Aftercare => "Looking after each other afterwards, and in the days that follow.",
            Topic::Overwhelm => {
                "How overwhelm can look in you or a partner, and calm things to do about it."
            }
            Topic::FirstAid => {
                "Restraints and circulation, fainting, breathing, allergies, and when to get help."
            }
            Topic::Hygiene => "Barriers, testing, lubricants and looking after toys.",
            Topic::Debrief => "A gentle way to talk about how it went, so next time fits better.",
            Topic::FindingHelp => {
                "The kinds of professionals who can help, and what to look for in one."
            }
        }
    }

    /// The topic at `/learn/<slug>`, if there is one.
    pub fn from_slug(slug: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// The topics a reader of this one may want next.
    fn related(self) -> &'static [Topic] {
        use Topic::*;
        match self {
            Consent => &[Safewords, Pacing, Debrief],
            Safewords => &[Consent, Overwhelm, Pacing],
            Pacing => &[Safewords, Debrief, Consent],
            Aftercare => &[Overwhelm, Debrief, FindingHelp],
            Overwhelm => &[Safewords, Aftercare, FirstAid],
            FirstAid => &[Overwhelm, Hygiene, Safewords],
            Hygiene => &[FirstAid, FindingHelp, Pacing],
            Debrief => &[Aftercare, Pacing, FindingHelp],
            FindingHelp => &[Debrief, Consent, Overwhelm],
        }
    }
}

#[derive(Template)]
#[template(path = "learn/index.html")]
struct IndexPage {
    shell: Shell,
    topics: [Topic; 9],
}

#[derive(Template)]
#[template(path = "learn/topic.html")]
struct TopicPage {
    shell: Shell,
    topic: Topic,
    related: &'static [Topic],
}

/// GET /learn
pub async fn index(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
) -> PageResult<Html<String>> {
    render(&IndexPage {
        shell: Shell::new(&state, me.as_ref(), "Learn").await,
        topics: Topic::ALL,
    })
}

/// GET /learn/{topic}: unknown topics are a plain 404.
// SECURITY: which topic someone reads is never stored or logged: request logs carry no paths
// and metrics only the route template `/learn/{topic}`.
pub async fn topic(
    State(state): State<AppState>,
    MaybeUser(me): MaybeUser,
    Path(slug): Path<String>,
) -> PageResult<Html<String>> {
    let topic = Topic::from_slug(&slug).ok_or(PageError(AppError::NotFound))?;
    render(&TopicPage {
        shell: Shell::new(&state, me.as_ref(), topic.title()).await,
        topic,
        related: topic.related(),
    })
}

#[cfg(test)]
mod tests {
    use super::Topic;

    #[test]
    fn every_slug_leads_back_to_its_topic() {
        for t in Topic::ALL {
            assert_eq!(Topic::from_slug(t.slug()), Some(t));
        }
        assert_eq!(Topic::from_slug("nothing"), None);
    }

    #[test]
    fn no_topic_points_to_itself() {
        for t in Topic::ALL {
            assert!(!t.related().contains(&t), "{t:?}");
        }
    }
}
