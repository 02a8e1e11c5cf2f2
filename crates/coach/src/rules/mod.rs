//! Runs every rule over a tokenised text and merges the hits.

mod absolute;
pub(crate) mod blame;
mod dismissive;
mod generalisation;
mod mind_reading;
mod pressure;

use crate::FlagKind;
use crate::lexicon::{APOLOGY, NEGATORS};
use crate::pattern::Pattern;
use crate::tokens::Doc;
use std::collections::HashMap;
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

/// All pattern rules plus an index from a first word to the rules that can start with it.
struct Table {
    rules: Vec<Compiled>,
    /// Rules whose matches must start with one of a few exact words, by that word.
    by_first: HashMap<&'static str, Vec<usize>>,
    /// Rules that may start anywhere.
    anywhere: Vec<usize>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let tables: [(FlagKind, &[PatRule]); 6] = [
            (FlagKind::Absolute, absolute::RULES),
            (FlagKind::Blame, blame::RULES),
            (FlagKind::Pressure, pressure::RULES),
            (FlagKind::MindReading, mind_reading::RULES),
            (FlagKind::Generalisation, generalisation::RULES),
            (FlagKind::Dismissive, dismissive::RULES),
        ];
        let rules: Vec<Compiled> = tables
            .iter()
            .flat_map(|(kind, rules)| {
                rules.iter().map(move |r| Compiled {
                    kind: *kind,
                    rule: *r,
                    pattern: Pattern::compile(r.pat),
                })
            })
            .collect();
        let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::new();
        let mut anywhere = Vec::new();
        for (i, c) in rules.iter().enumerate() {
            match c.pattern.first_words() {
                Some(words) => {
                    for w in words {
                        let slot = by_first.entry(w).or_default();
                        if slot.last() != Some(&i) {
                            slot.push(i);
                        }
                    }
                }
                None => anywhere.push(i),
            }
        }
        Table {
            rules,
            by_first,
            anywhere,
        }
    })
}

/// True when a negator sits within a few words before `start` in the same clause.
pub(crate) fn negated_before(doc: &Doc, start: usize) -> bool {
    let Some(clause) = doc.clause_of(start) else {
        return false;
    };
    // "Not once this month have you made me feel rushed": a clause opening with "not once"
    // / "never once" / "not a single time" negates everything after it.
    let first = clause.range.start;
    if matches!(doc.word(first), "not" | "never")
        && matches!(doc.word(first + 1), "once" | "one" | "a")
        && first < start
    {
        return true;
    }
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

/// Words that make a following "you …" a scene-setter, a report or a worry rather than a
/// claim ("when you left", "I felt like you were", "glad you ignored that advice").
const SUBORDINATE: &[&str] = &[
    "when",
    "whenever",
    "if",
    "unless",
    "after",
    "before",
    "since",
    "while",
    "until",
    "that",
    "like",
    "feel",
    "felt",
    "feels",
    "think",
    "thought",
    "worry",
    "worried",
    "hope",
    "glad",
    "wish",
    "whether",
    "how",
    "what",
    "why",
    "who",
    "which",
    "said",
    "says",
    "told",
    "tells",
    "maybe",
    "perhaps",
    "might",
    "wonder",
    "wondering",
    "afraid",
    "scared",
    "fear",
    "sure",
    "notice",
    "noticed",
    "remember",
    "know",
    "knew",
    "thank",
    "thanks",
    "love",
    "loved",
    "appreciate",
    "appreciated",
    "where",
    "once",
    "as",
    "even",
    "though",
    "heard",
    "reason",
];

/// True when the clause states something about the partner as a claim: nothing before
/// `s` in its clause sets it up as a condition, time, report or feeling, and the
/// sentence is not a yes/no question.
pub(crate) fn main_claim(doc: &Doc, s: usize) -> bool {
    let Some(clause) = doc.clause_of(s) else {
        return false;
    };
    !yes_no_question(doc, s)
        && !(clause.range.start..s).any(|i| {
            SUBORDINATE.contains(&doc.word(i))
                && !(doc.word(i) == "once" && doc.word(i + 1) == "again")
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

/// Applies the shared guards and the rule's own guard to a match `(s, e)`.
fn accepted(doc: &Doc, c: &Compiled, s: usize, e: usize) -> bool {
    if c.rule.negatable && negated_before(doc, s) {
        return false;
    }
    if c.rule.negatable
        && !c.pattern.has_negation
        && (s..e).any(|i| NEGATORS.contains(&doc.word(i)))
    {
        return false;
    }
    if apologised_before(doc, s) {
        return false;
    }
    if c.kind == FlagKind::Generalisation
        && (generalisation::reported_before(doc, s)
            || generalisation::concrete_after(doc, e)
            || generalisation::praise_contrast(doc, s))
    {
        return false;
    }
    if c.kind == FlagKind::MindReading && mind_reading::tentative_before(doc, s) {
        return false;
    }
    c.rule.guard.is_none_or(|g| g(doc, s, e))
}

fn run_patterns(doc: &Doc, out: &mut Vec<Hit>) {
    let limits = sentence_limits(doc);
    let t = table();
    // (rule, start) candidates for one clause; reused across clauses.
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for (ci, clause) in doc.clauses.iter().enumerate().filter(|(_, c)| !c.quoted) {
        cands.clear();
        for s in clause.range.clone() {
            if let Some(rs) = t.by_first.get(doc.word(s)) {
                cands.extend(rs.iter().map(|&r| (r, s)));
            }
            cands.extend(t.anywhere.iter().map(|&r| (r, s)));
        }
        cands.sort_unstable();
        let mut done: Option<usize> = None;
        for &(r, s) in &cands {
            if done == Some(r) {
                continue;
            }
            let c = &t.rules[r];
            let limit = match c.rule.scope {
                Scope::Clause => clause.range.end,
                Scope::Sentence => limits[ci].max(clause.range.end),
            };
            let Some(e) = c.pattern.match_at(doc, s, limit).filter(|&e| e > s) else {
                continue;
            };
            if accepted(doc, c, s, e) {
                out.push(Hit {
                    kind: c.kind,
                    first: s,
                    last: e - 1,
                });
                done = Some(r);
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
