//! The check-in forum (E1–E4): cadence, prompts, ground rules, when a round is sealed, who may
//! see whose answers, and when a gap between members is worth a gentle word.

use std::collections::BTreeSet;

use crate::DomainError;

/// How often the space checks in (E1), chosen together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    /// Every 7 days.
    Weekly,
    /// Every 14 days.
    Fortnightly,
    /// Every 30 days.
    Monthly,
}

impl Cadence {
    /// The rhythm a space starts with until everyone chooses another.
    pub const DEFAULT: Cadence = Cadence::Fortnightly;
    /// Every cadence, shortest first.
    pub const ALL: [Cadence; 3] = [Cadence::Weekly, Cadence::Fortnightly, Cadence::Monthly];

    /// Parses `weekly`, `fortnightly` or `monthly`.
    pub fn parse(s: &str) -> Result<Cadence, DomainError> {
        match s {
            "weekly" => Ok(Cadence::Weekly),
            "fortnightly" => Ok(Cadence::Fortnightly),
            "monthly" => Ok(Cadence::Monthly),
            _ => Err(DomainError::invalid(
                "cadence",
                "Choose weekly, fortnightly or monthly.",
            )),
        }
    }

    /// The wire form.
    pub fn as_str(self) -> &'static str {
        match self {
            Cadence::Weekly => "weekly",
            Cadence::Fortnightly => "fortnightly",
            Cadence::Monthly => "monthly",
        }
    }

    /// How it reads in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Cadence::Weekly => "every week",
            Cadence::Fortnightly => "every two weeks",
            Cadence::Monthly => "every month (30 days)",
        }
    }

    /// The length of one round in seconds.
    pub fn secs(self) -> i64 {
        let days = match self {
            Cadence::Weekly => 7,
            Cadence::Fortnightly => 14,
            Cadence::Monthly => 30,
        };
        days * 24 * 60 * 60
    }
}

/// The window `(starts_at, closes_at)` of the next round after one that closed at `previous`.
/// Rounds follow each other; after a long gap the next one starts now.
pub fn next_window(previous: Option<i64>, now: i64, cadence: Cadence) -> (i64, i64) {
    let len = cadence.secs();
    match previous {
        Some(closed) if closed <= now && now < closed + len => (closed, closed + len),
        _ => (now, now + len),
    }
}

/// Whether a round's answers can be shown: everyone submitted, or the round has closed.
pub fn is_revealed(revealed_at: Option<i64>, closes_at: i64, now: i64) -> bool {
    revealed_at.is_some() || now >= closes_at
}

/// Whose answers `viewer` may see in a round (E2, invariant 5): their own always; everyone
/// else's only once the round is revealed.
pub fn visible_to<'a>(
    viewer: &str,
    submitted: &'a BTreeSet<String>,
    revealed: bool,
) -> BTreeSet<&'a str> {
    submitted
        .iter()
        .map(String::as_str)
        .filter(|m| revealed || *m == viewer)
        .collect()
}

/// Whether every member has submitted (so the round reveals at once).
pub fn everyone_submitted(members: &BTreeSet<String>, submitted: &BTreeSet<String>) -> bool {
    !members.is_empty() && members.is_subset(submitted)
}

/// The kind of answer a prompt takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// 1 to 5.
    Scale,
    /// Free text.
    Text,
}

/// One check-in prompt (E1). The words are ours.
#[derive(Debug, Clone, Copy)]
pub struct Prompt {
    /// Stable id used in the API.
    pub id: &'static str,
    /// Scale or text.
    pub kind: PromptKind,
    /// The question.
    pub question: &'static str,
    /// A short hint under it (for scales, what 1 and 5 mean).
    pub hint: &'static str,
}

/// The prompts of every check-in, in order.
pub const PROMPTS: &[Prompt] = &[
    Prompt {
        id: "comfort",
        kind: PromptKind::Scale,
        question: "How comfortable have you felt with us lately?",
        hint: "1 not very · 5 very",
    },
    Prompt {
        id: "alignment",
        kind: PromptKind::Scale,
        question: "How in step do our wishes feel right now?",
        hint: "1 far apart · 5 close together",
    },
    Prompt {
        id: "impact",
        kind: PromptKind::Text,
        question: "How has it felt for you, inside?",
        hint: "A few words about your feelings is plenty.",
    },
    Prompt {
        id: "good",
        kind: PromptKind::Text,
        question: "What has felt good?",
        hint: "Something small counts.",
    },
    Prompt {
        id: "trust",
        kind: PromptKind::Text,
        question: "What would shake your trust?",
        hint: "Only if you want to say it.",
    },
    Prompt {
        id: "limits",
        kind: PromptKind::Text,
        question: "Which limits would you like to keep as they are?",
        hint: "Limits can stay, loosen or tighten. Naming them here changes nothing by itself.",
    },
    Prompt {
        id: "heard",
        kind: PromptKind::Scale,
        question: "Did you feel heard?",
        hint: "1 not at all · 5 fully",
    },
    Prompt {
        id: "fair_say",
        kind: PromptKind::Scale,
        question: "Did you have a fair say in what we decided?",
        hint: "1 not at all · 5 fully",
    },
    Prompt {
        id: "raise",
        kind: PromptKind::Text,
        question: "Anything you'd like to bring up?",
        hint: "You can also leave this empty.",
    },
];

/// The ground rules shown while writing (E3).
pub const GROUND_RULES: &[&str] = &[
    "Speak from your own experience: \"I felt…\", \"I'd like…\".",
    "Skip \"always\" and \"never\"; talk about this time.",
    "When you read the other answers, check you understood before you reply.",
];

/// The longest text answer, in characters.
pub const MAX_ANSWER_CHARS: usize = 2000;

/// Checks a 1–5 scale answer.
pub fn scale(field: &'static str, value: i64) -> Result<u8, DomainError> {
    match u8::try_from(value) {
        Ok(v @ 1..=5) => Ok(v),
        _ => Err(DomainError::invalid(field, "Choose a number from 1 to 5.")),
    }
}

/// Whether members' answers on one scale are far enough apart to mention gently: two or more
/// points between the lowest and the highest.
pub fn notable_gap(values: &[u8]) -> bool {
    match (values.iter().min(), values.iter().max()) {
        (Some(lo), Some(hi)) => hi - lo >= 2,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_follow_each_other_until_a_long_gap() {
        let week = Cadence::Weekly.secs();
        assert_eq!(next_window(None, 50, Cadence::Weekly), (50, 50 + week));
        assert_eq!(
            next_window(Some(100), 120, Cadence::Weekly),
            (100, 100 + week)
        );
        assert_eq!(
            next_window(Some(100), 100 + week + 5, Cadence::Weekly),
            (100 + week + 5, 100 + 2 * week + 5)
        );
    }

    #[test]
    fn a_gap_of_two_points_is_notable() {
        assert!(notable_gap(&[2, 4]));
        assert!(!notable_gap(&[3, 4]));
        assert!(!notable_gap(&[]));
    }

    #[test]
    fn prompt_ids_are_unique() {
        let ids: BTreeSet<_> = PROMPTS.iter().map(|p| p.id).collect();
        assert_eq!(ids.len(), PROMPTS.len());
    }
}
