//! Absolutes ("always", "never", "every time", "constantly") about the partner's behaviour.

use super::{Hit, apologised_before};
use crate::FlagKind;
use crate::lexicon::{AUX, FILLER, MODAL};
use crate::pattern::Pattern;
use crate::tokens::Doc;
use std::sync::OnceLock;

struct Lists {
    neg: Pattern,
    reassure: Pattern,
    turn: Pattern,
}

fn lists() -> &'static Lists {
    static L: OnceLock<Lists> = OnceLock::new();
    L.get_or_init(|| Lists {
        neg: Pattern::compile("@neg_pred"),
        reassure: Pattern::compile("@reassure"),
        turn: Pattern::compile("stop*|cease*|fail*"),
    })
}

/// How a predicate reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Polarity {
    /// Something unwelcome ("interrupt", "on your phone"); the match end is kept.
    Unwelcome(usize),
    /// Anything else.
    Other,
}

/// Skips softeners from `i`; returns the first content word index.
fn skip_fillers(doc: &Doc, mut i: usize, end: usize) -> usize {
    while i < end && FILLER.contains(&doc.word(i)) {
        // "have to"/"need to" must survive: only skip "to" after a skipped verb.
        i += 1;
    }
    i
}

fn polarity(doc: &Doc, i: usize, end: usize) -> Polarity {
    match lists().neg.match_at(doc, i, end) {
        Some(e) if e > i => Polarity::Unwelcome(e),
        _ => Polarity::Other,
    }
}

/// Walks left from the adverb at `i` past auxiliaries; returns the index of a "you" subject.
fn you_subject(doc: &Doc, i: usize, clause_start: usize) -> Option<usize> {
    let mut j = i;
    let mut steps = 0;
    while j > clause_start && steps < 4 {
        j -= 1;
        steps += 1;
        let w = doc.word(j);
        if w == "you" {
            // "if you never want to" is a condition, not a complaint.
            let before = if j > clause_start {
                doc.word(j - 1)
            } else {
                ""
            };
            if matches!(before, "if" | "unless" | "hope" | "whether" | "wish") {
                return None;
            }
            return Some(j);
        }
        if MODAL.contains(&w) || w == "not" {
            return None;
        }
        if AUX.contains(&w)
            || matches!(
                w,
                "just"
                    | "really"
                    | "also"
                    | "still"
                    | "literally"
                    | "honestly"
                    | "seriously"
                    | "so"
            )
        {
            continue;
        }
        return None;
    }
    None
}

/// The first token of the flagged span: "you", or an auxiliary just before it ("are you always").
fn span_start(doc: &Doc, you: usize, clause_start: usize) -> usize {
    if you > clause_start && AUX.contains(&doc.word(you - 1)) {
        you - 1
    } else {
        you
    }
}

fn check_adverb(doc: &Doc, i: usize, clause_start: usize, end: usize) -> Option<Hit> {
    let w = doc.word(i);
    let you = you_subject(doc, i, clause_start)?;
    let mut p = skip_fillers(doc, i + 1, end);
    if p >= end && end > i + 1 {
        // "you never even try": the last softener was the verb after all.
        p = end - 1;
    }
    if p >= end {
        // "you always?" / "you never" on its own: only "never" reads as a complaint.
        return None;
    }
    let hit = |last: usize| Hit {
        kind: FlagKind::Absolute,
        first: span_start(doc, you, clause_start),
        last,
    };
    if w == "never" {
        if lists().reassure.match_at(doc, p, end).is_some()
            || lists().reassure.match_at(doc, i + 1, end).is_some()
        {
            return None;
        }
        if lists().turn.match_at(doc, p, end).is_some() {
            let q = skip_fillers(doc, p + 1, end);
            return match polarity(doc, q, end) {
                Polarity::Unwelcome(e) => Some(hit(e - 1)),
                Polarity::Other => None,
            };
        }
        match polarity(doc, p, end) {
            Polarity::Unwelcome(_) => None,
            Polarity::Other => Some(hit(p)),
        }
    } else {
        match polarity(doc, p, end) {
            Polarity::Unwelcome(e) => Some(hit(e - 1)),
            Polarity::Other => None,
        }
    }
}

/// "every (single) time …, you <unwelcome>".
fn check_every_time(doc: &Doc, i: usize, sentence_end: usize) -> Option<Hit> {
    let mut j = i + 2;
    if doc.word(i + 1) == "single" {
        j += 1;
    }
    // "every time you say no, I …": that "you" only sets the scene.
    if doc.word(j) == "you" {
        j += 1;
    }
    while j < sentence_end {
        if doc.word(j) == "you" && doc.clause_of(j).is_some_and(|c| !c.quoted) {
            let end = doc.clause_of(j).map_or(sentence_end, |c| c.range.end);
            let mut p = j + 1;
            while p < end && (AUX.contains(&doc.word(p)) || FILLER.contains(&doc.word(p))) {
                p += 1;
            }
            if let Polarity::Unwelcome(e) = polarity(doc, p, end) {
                return Some(Hit {
                    kind: FlagKind::Absolute,
                    first: i,
                    last: e - 1,
                });
            }
        }
        j += 1;
    }
    None
}

/// Adds absolute hits for every clause.
pub(crate) fn run(doc: &Doc, out: &mut Vec<Hit>) {
    for clause in doc.clauses.iter().filter(|c| !c.quoted) {
        let (start, end) = (clause.range.start, clause.range.end);
        for i in start..end {
            let w = doc.word(i);
            let hit = match w {
                "always" | "never" | "constantly" | "continually" | "forever" => {
                    check_adverb(doc, i, start, end)
                }
                "every"
                    if doc.word(i + 1) == "time"
                        || (doc.word(i + 1) == "single" && doc.word(i + 2) == "time") =>
                {
                    let sentence_end = doc
                        .sentences
                        .get(clause.sentence)
                        .map_or(end, |s| s.range.end);
                    check_every_time(doc, i, sentence_end)
                }
                _ => None,
            };
            if let Some(h) = hit
                && !apologised_before(doc, h.first)
            {
                out.push(h);
                break;
            }
        }
    }
}
