//! A member's boundary (C1): a *hard limit* holds always; a *soft limit* is negotiable and may
//! carry conditions (mood, context, place, pacing, emotional safety threshold).

use serde::{Deserialize, Serialize};

use crate::DomainError;
use crate::text::{Lines, clean};

/// The longest description of what a boundary is about, in characters.
pub const MAX_ABOUT_CHARS: usize = 200;
/// The longest single condition, in characters.
pub const MAX_CONDITION_CHARS: usize = 300;

/// How firm a boundary is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Firmness {
    /// Non-negotiable: holds always, has no conditions.
    Hard,
    /// Negotiable: holds unless its conditions are met.
    Soft,
}

impl Firmness {
    /// Parses `hard` or `soft`.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        match input.trim() {
            "hard" => Ok(Firmness::Hard),
            "soft" => Ok(Firmness::Soft),
            _ => Err(DomainError::invalid(
                "firmness",
                "Choose whether this is a hard limit or a soft limit.",
            )),
        }
    }

    /// `hard` or `soft`.
    pub fn as_str(self) -> &'static str {
        match self {
            Firmness::Hard => "hard",
            Firmness::Soft => "soft",
        }
    }
}

/// The kinds of condition a soft limit can carry, in the order they are shown.
pub const CONDITION_KINDS: [ConditionKind; 5] = [
    ConditionKind::Mood,
    ConditionKind::Context,
    ConditionKind::Place,
    ConditionKind::Pacing,
    ConditionKind::Safety,
];

/// One kind of condition on a soft limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConditionKind {
    /// How I need to be feeling.
    Mood,
    /// What else is going on (time, who else is around, what came before).
    Context,
    /// Where.
    Place,
    /// How fast, how gradually.
    Pacing,
    /// The emotional safety threshold: what has to be true for me to feel safe.
    Safety,
}

impl ConditionKind {
    /// The field name in forms and the API.
    pub fn key(self) -> &'static str {
        match self {
            ConditionKind::Mood => "mood",
            ConditionKind::Context => "context",
            ConditionKind::Place => "place",
            ConditionKind::Pacing => "pacing",
            ConditionKind::Safety => "safety",
        }
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            ConditionKind::Mood => "Mood",
            ConditionKind::Context => "Context",
            ConditionKind::Place => "Place",
            ConditionKind::Pacing => "Pacing",
            ConditionKind::Safety => "What I need to feel safe",
        }
    }

    /// A gentle hint shown under the field.
    pub fn hint(self) -> &'static str {
        match self {
            ConditionKind::Mood => "For example: only when I'm rested and in a playful mood.",
            ConditionKind::Context => "For example: not on a work night, not after we've argued.",
            ConditionKind::Place => "For example: only at home, with the door locked.",
            ConditionKind::Pacing => "For example: slowly, checking in with me along the way.",
            ConditionKind::Safety => {
                "For example: we've talked about it the day before, and I can stop at any moment."
            }
        }
    }
}

/// The conditions of a soft limit; each is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Conditions {
    /// How I need to be feeling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mood: Option<String>,
    /// What else is going on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// How fast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pacing: Option<String>,
    /// The emotional safety threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety: Option<String>,
}

impl Conditions {
    /// The condition of one kind.
    pub fn get(&self, kind: ConditionKind) -> Option<&str> {
        match kind {
            ConditionKind::Mood => self.mood.as_deref(),
            ConditionKind::Context => self.context.as_deref(),
            ConditionKind::Place => self.place.as_deref(),
            ConditionKind::Pacing => self.pacing.as_deref(),
            ConditionKind::Safety => self.safety.as_deref(),
        }
    }

    /// Sets (or clears, with `None`) the condition of one kind.
    pub fn set(&mut self, kind: ConditionKind, value: Option<String>) {
        let slot = match kind {
            ConditionKind::Mood => &mut self.mood,
            ConditionKind::Context => &mut self.context,
            ConditionKind::Place => &mut self.place,
            ConditionKind::Pacing => &mut self.pacing,
            ConditionKind::Safety => &mut self.safety,
        };
        *slot = value;
    }

    /// Whether no condition is set.
    pub fn is_empty(&self) -> bool {
        CONDITION_KINDS.iter().all(|k| self.get(*k).is_none())
    }
}

/// A declared boundary, as one version holds it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Boundary {
    /// Hard or soft.
    pub firmness: Firmness,
    /// What it is about, in the member's words.
    pub about: String,
    /// Conditions (soft limits only; always empty for a hard limit).
    #[serde(default)]
    pub conditions: Conditions,
}

impl Boundary {
    /// Checks a boundary as typed. Empty conditions are dropped; a hard limit with conditions is
    /// refused, because a hard limit holds always.
    pub fn parse(
        firmness: &str,
        about: &str,
        conditions: &[(ConditionKind, &str)],
    ) -> Result<Self, DomainError> {
        let firmness = Firmness::parse(firmness)?;
        let about = clean(
            "about",
            "What the boundary is about",
            about,
            1,
            MAX_ABOUT_CHARS,
            Lines::Single,
        )?;
        let mut parsed = Conditions::default();
        for (kind, text) in conditions {
            let text = clean(
                kind.key(),
                kind.label(),
                text,
                0,
                MAX_CONDITION_CHARS,
                Lines::Multi,
            )?;
            if !text.is_empty() {
                parsed.set(*kind, Some(text));
            }
        }
        if firmness == Firmness::Hard && !parsed.is_empty() {
            return Err(DomainError::invalid(
                "firmness",
                "A hard limit holds always, so it has no conditions. Make it a soft limit to add \
                 conditions, or clear the conditions.",
            ));
        }
        Ok(Boundary {
            firmness,
            about,
            conditions: parsed,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_limit_with_conditions_is_refused() {
        let err = Boundary::parse("hard", "Choking", &[(ConditionKind::Mood, "calm")]).unwrap_err();
        assert_eq!(err.field(), "firmness");
    }

    #[test]
    fn empty_conditions_are_dropped_and_text_is_trimmed() {
        let b = Boundary::parse(
            "soft",
            "  Marks that show ",
            &[
                (ConditionKind::Mood, "  "),
                (ConditionKind::Place, " home "),
            ],
        )
        .unwrap();
        assert_eq!(b.about, "Marks that show");
        assert_eq!(b.conditions.place.as_deref(), Some("home"));
        assert!(b.conditions.mood.is_none());
    }

    #[test]
    fn unknown_firmness_and_empty_about_are_refused() {
        assert_eq!(
            Boundary::parse("firm", "x", &[]).unwrap_err().field(),
            "firmness"
        );
        assert_eq!(
            Boundary::parse("soft", " ", &[]).unwrap_err().field(),
            "about"
        );
        let long = "x".repeat(MAX_ABOUT_CHARS + 1);
        assert_eq!(
            Boundary::parse("soft", &long, &[]).unwrap_err().field(),
            "about"
        );
    }
}
