//! Runs every rule over a tokenised text and merges the hits.

mod absolute;
mod blame;
mod dismissive;
mod generalisation;
mod mind_reading;
mod pressure;

use crate::FlagKind;
use crate::lexicon::{APOLOGY, NEGATORS};
use crate::pattern::Pattern;
use crate::tokens::Doc;
use std::sync::OnceLock;

/// A rule hit: token indices (inclusive) of the flagged words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The kind of wording.
    pub kind: FlagKind,
    /// First flagged token.
    pub first: usize,
    /// Last flagged token (inclusive).
    pub last: usize,
}

/// Where a pattern may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Within one clause.
    Clause,
    /// Across the clauses of one sentence (quoted clauses still excluded at the start).
    Sentence,
}

/// An extra check on a match; returns false to drop it.
pub(crate) type Guard = fn(&Doc, usize, usize) -> bool;

/// A phrase rule written in the pattern language.
#[derive(Clone, Copy)]
pub(crate) struct PatRule {
    /// The pattern source.
    pub pat: &'static str,
    /// Where it may match.
    pub scope: Scope,
    /// Whether a negation shortly before the match cancels it.
    pub negatable: bool,
    /// Optional extra check on `(start, end_exclusive)`.
    pub guard: Option<Guard>,
}

impl PatRule {
    /// A clause-level, negatable rule without guard.
    pub(crate) const fn new(pat: &'static str) -> PatRule {
        PatRule {
            pat,
            scope: Scope::Clause,
            negatable: true,
            guard: None,
        }
    }

    /// Same rule matching across a whole sentence.
    pub(crate) const fn sentence(self) -> PatRule {
        PatRule {
            scope: Scope::Sentence,
            ..self
        }
    }

    /// Same rule, not cancelled by an earlier negation.
    pub(crate) const fn keep_negated(self) -> PatRule {
        PatRule {
            negatable: false,
            ..self
        }
    }

    /// Same rule with an extra check.
    pub(crate) const fn guard(self, g: Guard) -> PatRule {
        PatRule {
            guard: Some(g),
            ..self
        }
    }
}

struct Compiled {
    kind: FlagKind,
    rule: PatRule,
    pattern: Pattern,
}

fn compiled() -> &'static [Compiled] {
    static RULES: OnceLock<Vec<Compiled>> = OnceLock::new();
    RULES.get_or_init(|| {
        let tables: [(FlagKind, &[PatRule]); 5] = [
            (FlagKind::Blame, blame::RULES),
            (FlagKind::Pressure, pressure::RULES),
            (FlagKind::MindReading, mind_reading::RULES),
            (FlagKind::Generalisation, generalisation::RULES),
            (FlagKind::Dismissive, dismissive::RULES),
        ];
        tables
            .iter()
            .flat_map(|(kind, rules)| {
                rules.iter().map(move |r| Compiled {
                    kind: *kind,
                    rule: *r,
                    pattern: Pattern::compile(r.pat),
                })
            })
            .collect()
    })
}

/// True when a negator sits within a few words before `start` in the same clause.
pub(crate) fn negated_before(doc: &Doc, start: usize) -> bool {
    let Some(clause) = doc.clause_of(start) else {
        return false;
    };
    let from = start.saturating_sub(5).max(clause.range.start);
    (from..start).any(|i| {
        let w = doc.word(i);
        NEGATORS.contains(&w)
            && !(w == "not"
                && matches!(doc.word(i + 1), "believe" | "wait" | "stand" | "help")
                && matches!(doc.word(i.wrapping_sub(1)), "can" | "could"))
            && !(w == "never" && doc.word(i + 1) == "mind")
            // "say no" names an answer; it negates nothing.
            && !(w == "no"
                && matches!(doc.word(i.wrapping_sub(1)), "say" | "says" | "said" | "saying" | "a" | "the" | "your" | "my"))
            // "can't you …?" / "won't you …?" is rhetorical, not a negation.
            && !(w == "not" && doc.word(i + 1) == "you")
    })
}

/// True when the clause apologises before `start` ("I'm sorry I said …").
pub(crate) fn apologised_before(doc: &Doc, start: usize) -> bool {
    let Some(clause) = doc.clause_of(start) else {
        return false;
    };
    (clause.range.start..start).any(|i| APOLOGY.contains(&doc.word(i)))
}

/// True when the sentence holding `i` is a yes/no question ("Do you …?").
pub(crate) fn yes_no_question(doc: &Doc, i: usize) -> bool {
    doc.sentence_of(i).is_some_and(|s| {
        s.question
            && matches!(
                doc.word(s.range.start),
                "do" | "does"
                    | "did"
                    | "are"
                    | "is"
                    | "would"
                    | "could"
                    | "can"
                    | "will"
                    | "have"
                    | "were"
                    | "was"
                    | "am"
                    | "should"
            )
    })
}

/// For each clause, where a sentence-wide match must stop: the sentence end or the
/// next quoted clause, whichever comes first.
fn sentence_limits(doc: &Doc) -> Vec<usize> {
    let mut limits = vec![0; doc.clauses.len()];
    let mut next_stop = usize::MAX;
    let mut sentence = usize::MAX;
    for (i, c) in doc.clauses.iter().enumerate().rev() {
        if c.sentence != sentence {
            sentence = c.sentence;
            next_stop = doc
                .sentences
                .get(sentence)
                .map_or(c.range.end, |s| s.range.end);
        }
        limits[i] = next_stop;
        if c.quoted {
            next_stop = c.range.start;
        }
    }
    limits
}

fn run_patterns(doc: &Doc, out: &mut Vec<Hit>) {
    let limits = sentence_limits(doc);
    for c in compiled() {
        for (ci, clause) in doc.clauses.iter().enumerate().filter(|(_, c)| !c.quoted) {
            let limit = match c.rule.scope {
                Scope::Clause => clause.range.end,
                Scope::Sentence => limits[ci].max(clause.range.end),
            };
            let mut from = clause.range.start;
            while from < clause.range.end {
                let Some((s, e)) = c.pattern.find(doc, from..clause.range.end, limit) else {
                    break;
                };
                if s >= clause.range.end {
                    break;
                }
                from = s + 1;
                if c.rule.negatable && negated_before(doc, s) {
                    continue;
                }
                if c.rule.negatable
                    && !c.pattern.has_negation
                    && (s..e).any(|i| NEGATORS.contains(&doc.word(i)))
                {
                    continue;
                }
                if apologised_before(doc, s) {
                    continue;
                }
                if c.kind == FlagKind::Generalisation && generalisation::reported_before(doc, s) {
                    continue;
                }
                if c.kind == FlagKind::MindReading && mind_reading::tentative_before(doc, s) {
                    continue;
                }
                if let Some(g) = c.rule.guard
                    && !g(doc, s, e)
                {
                    continue;
                }
                out.push(Hit {
                    kind: c.kind,
                    first: s,
                    last: e - 1,
                });
                break;
            }
        }
    }
}

/// Runs all rules; hits come back sorted by position, one per kind per overlapping span.
pub(crate) fn run(doc: &Doc) -> Vec<Hit> {
    let mut hits = Vec::new();
    absolute::run(doc, &mut hits);
    run_patterns(doc, &mut hits);
    hits.sort_by_key(|h| (h.first, h.last, h.kind as u8));
    let mut merged: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if let Some(m) = merged
            .iter_mut()
            .rev()
            .find(|m| m.kind == h.kind && m.last >= h.first)
        {
            m.last = m.last.max(h.last);
        } else {
            merged.push(h);
        }
    }
    merged
}
