//! Attune's language coach: gentle, deterministic hints for text written to a partner.
//!
//! Table of contents:
//! - [`tokens`]: sentences, clauses and normalised words with character offsets.
//! - [`contractions`]: splitting "you're", "dont", "ur" into plain words.
//! - [`pattern`]: a tiny phrase-pattern language over normalised words.
//! - [`lexicon`]: hand-written word lists shared by the rules.
//! - [`rules`]: one module per flag kind plus shared guards (negation, apology, quotes).
//! - [`explain`]: the one-sentence explanation for each kind.
//! - [`suggest`]: an I-statement built from the flagged text.
//! - [`model`]: a small shipped classifier that backs up the rules on unseen wording.
//! - [`eval`]: precision/recall over labelled sentences (used by the report and tests).

#![forbid(unsafe_code)]

mod contractions;
pub mod eval;
mod explain;
mod lexicon;
pub mod model;
mod pattern;
mod rules;
mod suggest;
mod tokens;

use serde::{Deserialize, Serialize};

/// Longest input callers should pass; `check` still copes with longer text.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// What kind of wording a flag points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// "always" / "never" about the partner's behaviour.
    Absolute,
    /// Accusations and labels aimed at the partner.
    Blame,
    /// Guilt, obligation, threats and ultimatums.
    Pressure,
    /// Claiming to know the partner's wishes or motives.
    MindReading,
    /// Sweeping claims about groups of people.
    Generalisation,
    /// Belittling the partner's feelings or limits.
    Dismissive,
}

impl FlagKind {
    /// Every kind, in a fixed order.
    pub const ALL: [FlagKind; 6] = [
        FlagKind::Absolute,
        FlagKind::Blame,
        FlagKind::Pressure,
        FlagKind::MindReading,
        FlagKind::Generalisation,
        FlagKind::Dismissive,
    ];

    /// The snake_case name used in JSON and in the labelled data sets.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::Absolute => "absolute",
            FlagKind::Blame => "blame",
            FlagKind::Pressure => "pressure",
            FlagKind::MindReading => "mind_reading",
            FlagKind::Generalisation => "generalisation",
            FlagKind::Dismissive => "dismissive",
        }
    }

    /// Parses a snake_case name.
    pub fn parse(name: &str) -> Option<FlagKind> {
        FlagKind::ALL
            .into_iter()
            .find(|k| k.as_str() == name.trim())
    }
}

/// One hint: which words, what kind, and why it may land badly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// The kind of wording.
    pub kind: FlagKind,
    /// Start of the flagged words, in `char`s from the start of the text.
    pub start: usize,
    /// End (exclusive) of the flagged words, in `char`s.
    pub end: usize,
    /// A warm, one-sentence explanation.
    pub explanation: String,
}

/// All hints for one text plus an optional gentler rewording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice {
    /// Flags ordered by start offset.
    pub flags: Vec<Flag>,
    /// An I-statement suggestion, or `None` when nothing is flagged.
    pub suggestion: Option<String>,
}

/// Checks `text` and returns gentle hints.
///
/// Deterministic, offline, allocation-light. Never panics on any input. The rules flag
/// first, and a rule flag stays unless the shipped model finds its sentence very unlikely
/// to need a hint; a sentence the rules leave alone is flagged when the model is confident
/// and none of the rules' guards it ships with (apology, affection, own limit, reassurance,
/// quoting) objects.
pub fn check(text: &str) -> Advice {
    check_with(text, model::shipped())
}

/// [`check`] with the hand-written rules only (no model), for comparison.
pub fn check_rules_only(text: &str) -> Advice {
    check_with(text, None)
}

/// [`check`] with a given model (or none); used by cross-validation.
pub fn check_with(text: &str, model: Option<&model::Model>) -> Advice {
    let doc = tokens::Doc::new(text);
    let mut hits = rules::run(&doc);
    if let Some(m) = model {
        m.revise(&doc, &mut hits);
    }
    let flags: Vec<Flag> = hits
        .iter()
        .map(|h| Flag {
            kind: h.kind,
            start: doc.toks[h.first].start,
            end: doc.toks[h.last].end,
            explanation: explain::explanation(h.kind).to_owned(),
        })
        .collect();
    let suggestion = suggest::suggestion(&doc, &hits);
    Advice { flags, suggestion }
}
