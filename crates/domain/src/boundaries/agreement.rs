//! The space agreement (C2): sections written together, each with a starting prompt written for
//! this project. An agreement states current intentions; anyone can ask to change it at any
//! time, and it is never consent to anything (invariant 6).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::text::{Lines, clean};

/// The longest free-text section, in characters.
pub const MAX_SECTION_CHARS: usize = 4000;
/// The longest safeword, in characters.
pub const MAX_SAFEWORD_CHARS: usize = 60;
/// The longest description of the pause signal, in characters.
pub const MAX_PAUSE_SIGNAL_CHARS: usize = 500;
/// The longest aftercare wish of one member, in characters.
pub const MAX_AFTERCARE_CHARS: usize = 2000;

/// What every agreement page says (invariant 6).
pub const CURRENT_INTENTIONS: &str = "This agreement says what you intend right now. Anyone can \
ask to change it at any time, and it is never consent to anything: a yes is only ever given in \
the moment, and can be taken back.";

/// The shared sections, in the order they are shown. Aftercare is per member and kept apart.
pub const SECTIONS: [Section; 7] = [
    Section::CodeOfConduct,
    Section::SharedValues,
    Section::Safeword,
    Section::PauseSignal,
    Section::TrafficLights,
    Section::RolesInSessions,
    Section::AfterDifficultSession,
];

/// One shared section of the agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// How we treat each other.
    CodeOfConduct,
    /// What matters to us, in our own words.
    SharedValues,
    /// One word that stops everything.
    Safeword,
    /// A way to pause without words.
    PauseSignal,
    /// What green, yellow and red mean to us.
    TrafficLights,
    /// How roles stay inside agreed sessions.
    RolesInSessions,
    /// What happens after a difficult session.
    AfterDifficultSession,
}

impl Section {
    /// The field name in forms and the API.
    pub fn key(self) -> &'static str {
        match self {
            Section::CodeOfConduct => "code_of_conduct",
            Section::SharedValues => "shared_values",
            Section::Safeword => "safeword",
            Section::PauseSignal => "pause_signal",
            Section::TrafficLights => "traffic_lights",
            Section::RolesInSessions => "roles_in_sessions",
            Section::AfterDifficultSession => "after_difficult_session",
        }
    }

    /// Finds a section by its field name.
    pub fn from_key(key: &str) -> Option<Section> {
        SECTIONS.into_iter().find(|s| s.key() == key)
    }

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            Section::CodeOfConduct => "How we treat each other",
            Section::SharedValues => "What matters to us",
            Section::Safeword => "Our safeword",
            Section::PauseSignal => "Our pause signal, without words",
            Section::TrafficLights => "Our traffic lights",
            Section::RolesInSessions => "Roles stay inside agreed sessions",
            Section::AfterDifficultSession => "After a difficult session",
        }
    }

    /// A starting prompt, written for Attune: a question to begin from, never a rule to copy.
    pub fn prompt(self) -> &'static str {
        match self {
            Section::CodeOfConduct => {
                "How do you want to treat each other when you talk about closeness and sex? You \
                 might write about listening all the way before answering, taking turns, and \
                 that anyone can stop a conversation and pick it up another day."
            }
            Section::SharedValues => {
                "What matters most to all of you? Three touchstones to start from: consent (a yes \
                 that is freely given, informed, and can be taken back at any moment), safety (for \
                 bodies and for feelings) and fairness (everyone has an equal say). Put them in \
                 your own words, and add your own."
            }
            Section::Safeword => {
                "One word that stops everything at once, no questions asked and no explanation \
                 owed. Choose something that would never come up by accident. Many people simply \
                 use \"red\"."
            }
            Section::PauseSignal => {
                "A way to pause when words are hard to find: letting go of something held in the \
                 hand, tapping three times, a hand sign. Describe it so everyone will recognise it \
                 straight away."
            }
            Section::TrafficLights => {
                "What your colours mean to you. A common place to start: green means all good, \
                 carry on; yellow means slow down or check in with me; red means stop now."
            }
            Section::RolesInSessions => {
                "If you play with roles or power, how do they begin and end? For example: roles \
                 exist only inside a session everyone agreed to, there is a clear way to step \
                 out, and everyday life stays between equals."
            }
            Section::AfterDifficultSession => {
                "If something felt hard or went wrong, what happens next? For example: time apart \
                 for whoever wants it, a gentle check-in the next day, and no blame while feelings \
                 are still fresh."
            }
        }
    }

    fn limit(self) -> (usize, Lines) {
        match self {
            Section::Safeword => (MAX_SAFEWORD_CHARS, Lines::Single),
            Section::PauseSignal => (MAX_PAUSE_SIGNAL_CHARS, Lines::Multi),
            _ => (MAX_SECTION_CHARS, Lines::Multi),
        }
    }
}

/// The heading and prompt of the per-member aftercare section.
pub const AFTERCARE_TITLE: &str = "What helps each of us afterwards";
/// The aftercare prompt.
pub const AFTERCARE_PROMPT: &str = "What helps you afterwards? Think of closeness or some space, \
water or a snack, a blanket, quiet, the words you'd like to hear, and for how long. Each person \
writes their own.";

/// One version of the agreement.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    /// The shared sections that have text.
    #[serde(default)]
    pub sections: BTreeMap<Section, String>,
    /// Aftercare wishes by member id.
    #[serde(default)]
    pub aftercare: BTreeMap<String, String>,
}

impl Agreement {
    /// Checks an agreement as typed. Every agreement needs a safeword; empty sections are left
    /// out. Aftercare keys are member ids (the caller checks they belong to the space).
    pub fn parse(
        sections: &[(Section, &str)],
        aftercare: &[(String, &str)],
    ) -> Result<Self, DomainError> {
        let mut out = Agreement::default();
        for (section, text) in sections {
            let (max, lines) = section.limit();
            let text = clean(section.key(), section.title(), text, 0, max, lines)?;
            if !text.is_empty() {
                out.sections.insert(*section, text);
            }
        }
        if !out.sections.contains_key(&Section::Safeword) {
            return Err(DomainError::invalid(
                "safeword",
                "The safeword can't be empty: everyone needs one word that stops everything.",
            ));
        }
        for (member, text) in aftercare {
            let text = clean(
                "aftercare",
                "Aftercare",
                text,
                0,
                MAX_AFTERCARE_CHARS,
                Lines::Multi,
            )?;
            if !text.is_empty() {
                out.aftercare.insert(member.clone(), text);
            }
        }
        Ok(out)
    }

    /// The text of one section, or "" when it is empty.
    pub fn section(&self, section: Section) -> &str {
        self.sections
            .get(&section)
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agreement_needs_a_safeword() {
        let err = Agreement::parse(&[(Section::CodeOfConduct, "Kindness")], &[]).unwrap_err();
        assert_eq!(err.field(), "safeword");
        let err = Agreement::parse(&[(Section::Safeword, "   ")], &[]).unwrap_err();
        assert_eq!(err.field(), "safeword");
        assert!(Agreement::parse(&[(Section::Safeword, "red")], &[]).is_ok());
    }

    #[test]
    fn sections_have_limits_and_the_safeword_is_one_line() {
        let long = "x".repeat(MAX_SECTION_CHARS + 1);
        let err = Agreement::parse(
            &[(Section::Safeword, "red"), (Section::SharedValues, &long)],
            &[],
        )
        .unwrap_err();
        assert_eq!(err.field(), "shared_values");
        let err = Agreement::parse(&[(Section::Safeword, "red\nblue")], &[]).unwrap_err();
        assert_eq!(err.field(), "safeword");
    }

    #[test]
    fn every_section_has_a_prompt_and_a_unique_key() {
        for s in SECTIONS {
            assert!(s.prompt().len() > 40);
            assert_eq!(Section::from_key(s.key()), Some(s));
        }
    }
}
