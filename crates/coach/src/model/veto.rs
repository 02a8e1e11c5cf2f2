//! The rules' precision guards, applied to flags only the model raised.
//!
//! The rules carry these guards inside each phrase rule; a model-only flag has no phrase,
//! so the same ideas are checked on the whole sentence instead. Each veto can be switched
//! off on its own so the cross-validation report can show what it costs and saves.

use crate::FlagKind;
use crate::lexicon::APOLOGY;
use crate::tokens::{Doc, Sentence};

/// One guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Veto {
    /// "I'm sorry I never asked": an apology anywhere in the sentence.
    Apology = 1,
    /// "I always rush": the writer talks about themself, nobody else is named.
    SelfReference = 2,
    /// "I love how you never judge me", "you ruined me for other pizza 😂": love, thanks,
    /// pride, gratitude or laughter in the sentence.
    Affection = 4,
    /// "No, and I don't want to discuss it tonight": the writer states their own limit.
    OwnLimit = 8,
    /// Everything in the sentence sits inside quotation marks.
    Quoted = 16,
    /// "I'll wait until you're ready", "no rush": patience and reassurance.
    Reassurance = 32,
    /// "It'd be fun!": nobody is named (no I, you or we), so there is no one to blame,
    /// pressure or read; dismissal and group claims are exempt ("It's not a big deal").
    Impersonal = 64,
}

impl Veto {
    /// Every veto, in a fixed order.
    pub const EVERY: [Veto; 7] = [
        Veto::Apology,
        Veto::SelfReference,
        Veto::Affection,
        Veto::OwnLimit,
        Veto::Quoted,
        Veto::Reassurance,
        Veto::Impersonal,
    ];

    /// A short name for reports.
    pub fn name(self) -> &'static str {
        match self {
            Veto::Apology => "apology",
            Veto::SelfReference => "self-reference",
            Veto::Affection => "affection",
            Veto::OwnLimit => "own limit",
            Veto::Quoted => "quoted",
            Veto::Reassurance => "reassurance",
            Veto::Impersonal => "impersonal",
        }
    }
}

/// All vetoes on.
pub const ALL: u8 = 127;

const SECOND: &[&str] = &["you", "your", "yours", "yourself", "ya", "u"];
const FIRST: &[&str] = &["i", "me", "my", "myself"];
const WARM: &[&str] = &[
    "love",
    "thank",
    "thanks",
    "grateful",
    "appreciate",
    "proud",
    "adore",
    "lucky",
    "gem",
    "sweetheart",
    "amazing",
    "wonderful",
    "brilliant",
    "blush",
    "unbeatable",
    "darling",
    "sweetest",
    "kindest",
    "thoughtful",
    "hero",
];

/// An apology by the writer: an apology word that is not reported or demanded ("you only
/// said sorry", "I want an apology", "you never apologise").
fn own_apology(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        APOLOGY.contains(w)
            && !i.checked_sub(1).is_some_and(|p| {
                matches!(
                    words[p],
                    "said" | "say" | "says" | "saying" | "you" | "an" | "no" | "never" | "hear"
                )
            })
            // "Sorry you feel that way", "sorry if you were hurt": regret aimed at the
            // other's feelings, not the writer's own doing.
            && !words.get(i + 1).is_some_and(|n| matches!(*n, "you" | "if"))
    })
}

fn has_seq(words: &[&str], seq: &[&str]) -> bool {
    words.windows(seq.len()).any(|w| w == seq)
}

/// True for a word the affection veto counts as warm.
pub(crate) fn is_warm(w: &str) -> bool {
    WARM.contains(&w)
}

/// True when a model-only flag of `kind` on sentence `s` should be dropped.
pub(crate) fn vetoed(doc: &Doc, s: &Sentence, kind: FlagKind, mask: u8) -> bool {
    let on = |v: Veto| mask & v as u8 != 0;
    let words: Vec<&str> = s
        .range
        .clone()
        .filter(|&i| doc.clause_of(i).is_none_or(|c| !c.quoted))
        .map(|i| doc.word(i))
        .collect();
    let has = |set: &[&str]| words.iter().any(|w| set.contains(w));
    (on(Veto::Quoted) && words.is_empty())
        || (on(Veto::Apology) && own_apology(&words))
        || (on(Veto::SelfReference)
            && kind != FlagKind::Generalisation
            && has(FIRST)
            && !has(SECOND))
        || (on(Veto::Affection)
            && (has(WARM) || crate::rules::blame::fond_text(doc, s.range.start)))
        || (on(Veto::Reassurance)
            && (has_seq(&words, &["until", "you", "are", "ready"])
                || has_seq(&words, &["when", "you", "are", "ready"])
                || has_seq(&words, &["take", "your", "time"])
                || has_seq(&words, &["no", "rush"])
                || has_seq(&words, &["no", "pressure"]))
            // "No pressure, but I've already booked it" is pressure after all.
            && !words.contains(&"but"))
        || (on(Veto::Impersonal)
            && !matches!(kind, FlagKind::Dismissive | FlagKind::Generalisation)
            && !has(FIRST)
            && !has(SECOND)
            && !has(&["we", "us", "our"]))
        || (on(Veto::OwnLimit)
            && ((words.first() == Some(&"no")
                && !words.get(1).is_some_and(|w| {
                    matches!(
                        *w,
                        "matter" | "pressure" | "offence" | "offense" | "way" | "point" | "wonder"
                    )
                }))
                || has_seq(&words, &["i", "do", "not", "want"])
                || has_seq(&words, &["i", "would", "rather", "not"])
                || has_seq(&words, &["i", "am", "not", "ready"])
                || has_seq(&words, &["i", "am", "not", "comfortable"])))
}
