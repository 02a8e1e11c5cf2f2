//! Debriefs (F4) and the desire log (F5): the questions, the "good debrief" rule used by
//! gradual progression, the sealing rule, and the log's kinds.

use std::collections::BTreeSet;

use crate::DomainError;

/// The longest debrief answer or desire-log line, in characters.
pub const MAX_DEBRIEF_CHARS: usize = 2000;
/// The longest desire-log line, in characters.
pub const MAX_LOG_CHARS: usize = 2000;
/// The longest follow-up, in characters.
pub const MAX_FOLLOW_UP_CHARS: usize = 500;
/// An aftercare answer at or above this (of 5) counts as "enough" for gradual progression.
pub const GOOD_AFTERCARE: u8 = 4;

/// One debrief question (F4). The words are ours.
#[derive(Debug, Clone, Copy)]
pub struct DebriefQuestion {
    /// The field name in forms and the API.
    pub key: &'static str,
    /// The question.
    pub question: &'static str,
    /// A gentle hint.
    pub hint: &'static str,
}

/// The written questions, in order. The aftercare scale comes after them.
pub const QUESTIONS: [DebriefQuestion; 4] = [
    DebriefQuestion {
        key: "exciting",
        question: "What felt exciting or good?",
        hint: "Moments, words, sensations: whatever stayed with you.",
    },
    DebriefQuestion {
        key: "doubt",
        question: "What caused doubt or discomfort?",
        hint: "Small things count. Naming them now makes next time easier.",
    },
    DebriefQuestion {
        key: "refine",
        question: "What would you change or refine?",
        hint: "Slower, shorter, different order, more check-ins along the way…",
    },
    DebriefQuestion {
        key: "feel_now",
        question: "How do you feel now?",
        hint: "In your body and in your mood. Both can change over a day or two.",
    },
];

/// The aftercare question, answered 1–5.
pub const AFTERCARE_QUESTION: &str = "Was the aftercare enough for you?";
/// What the ends of the aftercare scale mean.
pub const AFTERCARE_SCALE: &str = "1 not at all · 5 fully";

/// Checks an aftercare answer (1–5).
pub fn aftercare_scale(value: i64) -> Result<u8, DomainError> {
    match u8::try_from(value) {
        Ok(v @ 1..=5) => Ok(v),
        _ => Err(DomainError::invalid(
            "aftercare",
            "Choose a number from 1 to 5 for aftercare.",
        )),
    }
}

/// Whether a set of debriefs is "good" for gradual progression (F2): everyone answered the
/// aftercare question with [`GOOD_AFTERCARE`] or more. An unanswered question is not good.
pub fn debriefs_good(aftercare: &[Option<u8>]) -> bool {
    !aftercare.is_empty()
        && aftercare
            .iter()
            .all(|a| a.is_some_and(|v| v >= GOOD_AFTERCARE))
}

/// Whose debriefs `viewer` may read (invariant 5): their own always; everyone else's only once
/// every member has submitted.
pub fn debriefs_visible_to<'a>(
    viewer: &str,
    members: &BTreeSet<String>,
    submitted: &'a BTreeSet<String>,
) -> BTreeSet<&'a str> {
    let revealed = everyone_debriefed(members, submitted);
    submitted
        .iter()
        .map(String::as_str)
        .filter(|m| revealed || *m == viewer)
        .collect()
}

/// Whether every member has submitted a debrief.
pub fn everyone_debriefed(members: &BTreeSet<String>, submitted: &BTreeSet<String>) -> bool {
    !members.is_empty() && members.is_subset(submitted)
}

/// What a desire-log line is about (F5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogKind {
    /// What worked.
    Worked,
    /// What did not.
    DidNot,
    /// What surprised us.
    Surprised,
}

impl LogKind {
    /// All kinds, in the order they are shown.
    pub const ALL: [LogKind; 3] = [LogKind::Worked, LogKind::DidNot, LogKind::Surprised];

    /// Parses `worked`, `did_not` or `surprised`.
    pub fn parse(s: &str) -> Result<LogKind, DomainError> {
        LogKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| {
                DomainError::invalid(
                    "kind",
                    "Choose whether this worked, did not work, or surprised you.",
                )
            })
    }

    /// The name used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            LogKind::Worked => "worked",
            LogKind::DidNot => "did_not",
            LogKind::Surprised => "surprised",
        }
    }

    /// How it reads on the page.
    pub fn label(self) -> &'static str {
        match self {
            LogKind::Worked => "Worked",
            LogKind::DidNot => "Didn't work",
            LogKind::Surprised => "Surprised us",
        }
    }
}
