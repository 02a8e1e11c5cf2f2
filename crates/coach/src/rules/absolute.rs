//! Absolutes ("always", "never", "every time", "constantly") about the partner's behaviour.

use super::{Hit, PatRule, apologised_before, yes_no_question};
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
    // "find a reason to cancel", "manage to forget", "have a way of twisting": judge the
    // verb that follows the frame.
    let frame = match (doc.word(i), doc.word(i + 1), doc.word(i + 2)) {
        (f, "something" | "a" | "an" | "reasons" | "excuses" | "ways", _)
            if f.starts_with("find") =>
        {
            let mut j = i + 2;
            while j < end && j < i + 5 && !matches!(doc.word(j), "to" | "about" | "for") {
                j += 1;
            }
            (j < end && doc.word(j) == "to").then_some(j + 1)
        }
        ("manage" | "manages" | "managed", "to", _) => Some(i + 2),
        ("seem" | "seems" | "seemed", "to", _) => Some(i + 2),
        _ => None,
    };
    if let Some(j) = frame
        && j < end
    {
        return polarity(doc, j, end);
    }
    // "made me feel like my limits were a burden": judge the feeling, not the verb.
    if matches!(doc.word(i), "make" | "made" | "makes" | "making")
        && doc.word(i + 1) == "me"
        && matches!(doc.word(i + 2), "feel" | "felt")
    {
        let last = (i + 3..end.min(i + 11)).find(|&j| {
            let w = doc.word(j);
            crate::lexicon::is_neg_feeling(w)
                || crate::lexicon::is_trait(w)
                || matches!(
                    w,
                    "burden"
                        | "bad"
                        | "small"
                        | "stupid"
                        | "guilty"
                        | "silly"
                        | "wrong"
                        | "judged"
                        | "rushed"
                        | "pressured"
                        | "pressure"
                        | "ashamed"
                        | "unwanted"
                        | "weird"
                        | "dirty"
                        | "unsafe"
                        | "ugly"
                        | "worthless"
                        | "invisible"
                        | "crazy"
                )
        });
        return match last {
            Some(j) => Polarity::Unwelcome(j + 1),
            None => Polarity::Other,
        };
    }
    // A scare-quoted word right after the frame ("you're "busy"", "you always "forget"")
    // is sarcasm: the writer disbelieves it.
    if i >= end && scare_quoted(doc, end) {
        return Polarity::Unwelcome(end);
    }
    match lists().neg.match_at(doc, i, end) {
        Some(e) if e > i => Polarity::Unwelcome(e),
        _ => Polarity::Other,
    }
}

/// True when the clause starting at token `i` is a short quoted one (one to three words).
fn scare_quoted(doc: &Doc, i: usize) -> bool {
    doc.clause_of(i)
        .is_some_and(|c| c.quoted && c.range.start == i && c.range.len() <= 3)
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
            // "I love how you never let me …": admiration, not a complaint.
            if before == "how"
                && j >= clause_start + 2
                && matches!(
                    doc.word(j - 2),
                    "love" | "adore" | "like" | "admire" | "appreciate" | "loved" | "liked"
                )
            {
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
        // "you always "forget"": sarcasm in scare quotes.
        if w != "never" && scare_quoted(doc, end) {
            return Some(Hit {
                kind: FlagKind::Absolute,
                first: span_start(doc, you, clause_start),
                last: end - 1,
            });
        }
        // "you always?" / "you never" on its own: only "never" reads as a complaint.
        return None;
    }
    let hit = |last: usize| Hit {
        kind: FlagKind::Absolute,
        first: span_start(doc, you, clause_start),
        last,
    };
    // "I know you're always busy on Thursdays": an acknowledged state, not a complaint.
    if w != "never"
        && you > clause_start
        && matches!(
            doc.word(you - 1),
            "know" | "knew" | "understand" | "realise" | "realize"
        )
        && matches!(
            doc.word(p),
            "busy" | "tired" | "working" | "stressed" | "exhausted"
        )
    {
        return None;
    }
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
            Polarity::Other if w == "always" && !praise_in(doc, p, end) => {
                // "you ALWAYS pick up", "you always invite him without asking me": a shouted
                // adverb or a complaint tail makes a neutral habit a grievance.
                if super::dismissive::shouted(doc, i) {
                    Some(hit(end - 1))
                } else {
                    complaint_tail(doc, p, end).map(hit)
                }
            }
            Polarity::Other => None,
        }
    }
}

/// Praise or a warm verb in the predicate ("you ALWAYS make me smile", "you always know").
fn praise_in(doc: &Doc, p: usize, end: usize) -> bool {
    matches!(
        doc.word(p),
        "know"
            | "knows"
            | "love"
            | "look"
            | "looks"
            | "smell"
            | "help"
            | "listen"
            | "support"
            | "remember"
            | "understand"
            | "care"
            | "believe"
            | "find"
            | "have"
            | "bring"
            | "save"
            | "say"
            | "cheer"
            | "manage"
            | "put"
    ) || (p..end).any(|j| {
        matches!(
            doc.word(j),
            "laugh"
                | "smile"
                | "safe"
                | "loved"
                | "lovely"
                | "good"
                | "great"
                | "best"
                | "beautiful"
                | "amazing"
                | "kind"
                | "sweet"
                | "happy"
                | "cute"
                | "gorgeous"
                | "special"
                | "better"
                | "thoughtful"
                | "patient"
                | "proud"
                | "nice"
                | "love"
                | "warm"
                | "calm"
                | "wonderful"
                | "perfect"
                | "funny"
                | "generous"
                | "thank"
                | "thanks"
        )
    })
}

/// "… without asking me", "… over me", "… like it's my job", "… and leave me to …": the
/// tail of a habit that names what it costs the writer. Returns the tail's last index.
fn complaint_tail(doc: &Doc, p: usize, end: usize) -> Option<usize> {
    (p + 1..end).find_map(|j| {
        let (w, n) = (doc.word(j), doc.word(j + 1));
        let hit = (w == "without"
            && matches!(
                n,
                "asking"
                    | "checking"
                    | "telling"
                    | "talking"
                    | "consulting"
                    | "saying"
                    | "thinking"
            ))
            || (w == "over" && n == "me" && (j + 2 >= end || doc.word(j + 2) != "to"))
            || (w == "instead" && n == "of")
            || (w == "like" && matches!(n, "it" | "its") && doc.word(j + 3) == "my")
            || (w == "to" && n == "me" && doc.word(j + 2) == "like")
            || (w == "and" && matches!(n, "leave" | "leaves" | "expect" | "expects"));
        hit.then_some((j + 1).min(end - 1))
    })
}

/// "every (single) time …, you <unwelcome>".
fn check_every_time(doc: &Doc, i: usize, sentence_end: usize) -> Option<Hit> {
    let mut j = i + 2;
    if doc.word(i + 1) == "single" {
        j += 1;
    }
    if doc.word(i) == "whenever" {
        j = i + 1;
    }
    if doc.word(i) == "each" && doc.word(i + 1) == "and" {
        // "each and every argument we have, you …"
        j = i + 4;
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
                    last: e.saturating_sub(1).max(i),
                });
            }
        }
        j += 1;
    }
    None
}

/// A "you" subject that states a claim (not "if you", "when you", "I know you").
fn claiming_you(doc: &Doc, j: usize) -> bool {
    doc.word(j) == "you"
        && doc.clause_of(j).is_some_and(|c| !c.quoted)
        && super::main_claim(doc, j)
        && !matches!(doc.word(j + 1), "know" | "said" | "told" | "asked")
}

/// The unwelcome predicate after a "you" subject at `j`, if any: returns its last index.
fn unwelcome_after_you(doc: &Doc, j: usize) -> Option<usize> {
    let end = doc.clause_of(j).map_or(j + 1, |c| c.range.end);
    let mut p = j + 1;
    while p < end
        && (AUX.contains(&doc.word(p))
            || FILLER.contains(&doc.word(p))
            || matches!(doc.word(p), "been" | "being"))
    {
        p += 1;
    }
    match polarity(doc, p, end) {
        Polarity::Unwelcome(e) => Some(e - 1),
        Polarity::Other => None,
    }
}

/// "as usual", "yet again", "once again", "like always", "again": a sentence that says an
/// unwelcome thing the partner did is a pattern, not a one-off.
fn check_repeat_marker(doc: &Doc, sentence: usize, out: &mut Vec<Hit>) -> bool {
    let Some(s) = doc.sentences.get(sentence) else {
        return false;
    };
    let r = s.range.clone();
    let marker = r.clone().find(|&i| {
        let (w, next) = (doc.word(i), doc.word(i + 1));
        let prev = if i > r.start { doc.word(i - 1) } else { "" };
        (w == "usual" && prev == "as")
            || (w == "again" && matches!(prev, "yet" | "once") && !matches!(next, "and" | "soon"))
            || (w == "again" && prev == "and" && i >= r.start + 2 && doc.word(i - 2) == "again")
            || (w == "per" && next == "usual")
            || (w == "always" && matches!(prev, "like" | "as") && next.is_empty())
            || (w == "over" && prev == "and" && i >= r.start + 2 && doc.word(i - 2) == "over")
            || (w == "again" && prev == "and" && i >= r.start + 2 && doc.word(i - 2) == "time")
            || (w == "time" && prev == "after" && i >= r.start + 2 && doc.word(i - 2) == "time")
            || (w == "time" && prev == "the" && i >= r.start + 2 && doc.word(i - 2) == "all")
            || (prev == "every"
                && !matches!(
                    w,
                    "time" | "one" | "body" | "thing" | "where" | "single" | "other"
                )
                && i >= r.start + 2
                && doc.word(i - 2) != "and")
            || (w == "time" && prev == "single" && i >= r.start + 2 && doc.word(i - 2) == "every")
            || (matches!(w, "constantly" | "continually" | "nonstop" | "24/7")
                && (next.is_empty() || doc.clause_of(i).is_none_or(|c| c.range.end <= i + 1)))
            || (matches!(
                w,
                "day" | "night" | "morning" | "weekend" | "week" | "evening"
            ) && (prev == "every"
                || prev == "each"
                || (prev == "single" && i >= r.start + 2 && doc.word(i - 2) == "every")))
    });
    let Some(m) = marker else {
        return false;
    };
    if s.question || doc.clause_of(m).is_some_and(|c| c.quoted) {
        return false;
    }
    for j in r.clone() {
        if claiming_you(doc, j)
            && !apologised_before(doc, j)
            && let Some(last) = unwelcome_after_you(doc, j)
        {
            out.push(Hit {
                kind: FlagKind::Absolute,
                first: span_start(doc, j, doc.clause_of(j).map_or(j, |c| c.range.start)),
                last,
            });
            return true;
        }
    }
    false
}

/// "Not once have you asked", "you have not once said thank you", "never once": these
/// read like "never" (a complaint unless the predicate is unwelcome).
fn check_not_once(doc: &Doc, i: usize, start: usize, end: usize) -> Option<Hit> {
    // i is "once", preceded by "not".
    let you = if i > start && i - 1 == start {
        // "Not once have/did you …", also past a time phrase ("not once this whole year
        // have you …").
        let mut j = i + 1;
        while j < end.min(i + 6) && TIME_PHRASE.contains(&doc.word(j)) {
            j += 1;
        }
        while j < end && AUX.contains(&doc.word(j)) {
            j += 1;
        }
        (doc.word(j) == "you").then_some(j)?
    } else {
        you_subject(doc, i - 1, start).or_else(|| {
            // "you have not once" — you_subject stops at "not".
            let mut j = i - 1;
            let mut steps = 0;
            while j > start && steps < 4 {
                j -= 1;
                steps += 1;
                if doc.word(j) == "you" {
                    return Some(j);
                }
                if !AUX.contains(&doc.word(j)) && doc.word(j) != "not" {
                    return None;
                }
            }
            None
        })?
    };
    let from = if you > i { you + 1 } else { i + 1 };
    let mut p = skip_fillers(doc, from, end);
    while p < end && AUX.contains(&doc.word(p)) {
        p += 1;
    }
    if p >= end || lists().reassure.match_at(doc, p, end).is_some() {
        return None;
    }
    match polarity(doc, p, end) {
        Polarity::Unwelcome(_) => None,
        Polarity::Other => Some(Hit {
            kind: FlagKind::Absolute,
            first: you.min(i - 1),
            last: p,
        }),
    }
}

/// Words of a time phrase between "not once" and "have you" ("this whole year", "in the
/// last month").
const TIME_PHRASE: &[&str] = &[
    "this",
    "that",
    "whole",
    "entire",
    "year",
    "month",
    "week",
    "summer",
    "weekend",
    "in",
    "the",
    "last",
    "past",
    "since",
    "all",
    "our",
    "relationship",
    "marriage",
    "time",
    "six",
    "few",
    "months",
    "years",
    "weeks",
    "two",
    "three",
    "christmas",
    "holiday",
];

/// "For once (in your life) could you …": demands a change from an implied pattern.
fn check_for_once(doc: &Doc, i: usize, sentence_end: usize) -> Option<Hit> {
    // i is "once", preceded by "for".
    let next = doc.word(i + 1);
    if matches!(next, "i" | "we" | "it" | "this" | "the") {
        return None;
    }
    let you = (i + 1..sentence_end.min(i + 9))
        .find(|&j| doc.word(j) == "you" || doc.word(j) == "your")?;
    if doc.word(you) == "your" && doc.word(you + 1) == "life" {
        let j = (you + 2..sentence_end.min(you + 6)).find(|&j| doc.word(j) == "you")?;
        return Some(Hit {
            kind: FlagKind::Absolute,
            first: i - 1,
            last: j,
        });
    }
    Some(Hit {
        kind: FlagKind::Absolute,
        first: i - 1,
        last: you,
    })
}

/// "you once did" / "for once you" reversed: "could you for once …".
fn for_once_after_you(doc: &Doc, i: usize, start: usize) -> bool {
    (start..i).any(|j| doc.word(j) == "you")
}

/// Adds absolute hits for every clause.
pub(crate) fn run(doc: &Doc, out: &mut Vec<Hit>) {
    let before = out.len();
    for clause in doc.clauses.iter().filter(|c| !c.quoted) {
        let (start, end) = (clause.range.start, clause.range.end);
        let sentence_end = doc
            .sentences
            .get(clause.sentence)
            .map_or(end, |s| s.range.end);
        for i in start..end {
            let prev = if i > start { doc.word(i - 1) } else { "" };
            let hit = match (prev, doc.word(i)) {
                ("not" | "never", "once") => check_not_once(doc, i, start, end),
                // "Not one time have you …" reads like "not once".
                ("one", "time") if i >= start + 2 && doc.word(i - 2) == "not" => {
                    check_not_once(doc, i, start + 1, end)
                }
                // "Not a single time have you …" too.
                ("single", "time")
                    if i >= start + 3 && doc.word(i - 2) == "a" && doc.word(i - 3) == "not" =>
                {
                    check_not_once(doc, i, start + 2, end)
                }
                ("for", "once")
                    if !super::yes_no_question(doc, i) || for_once_after_you(doc, i, start) =>
                {
                    check_for_once(doc, i, sentence_end).or_else(|| {
                        for_once_after_you(doc, i, start).then(|| Hit {
                            kind: FlagKind::Absolute,
                            first: i - 1,
                            last: i,
                        })
                    })
                }
                ("without", "fail") => {
                    let j = i + 1;
                    if doc.word(j) == "you" {
                        unwelcome_after_you(doc, j).map(|last| Hit {
                            kind: FlagKind::Absolute,
                            first: i - 1,
                            last,
                        })
                    } else {
                        None
                    }
                }
                ("each", "time") => check_every_time(doc, i - 1, sentence_end),
                ("and", "every") if i >= start + 2 && doc.word(i - 2) == "each" => {
                    check_every_time(doc, i - 2, sentence_end)
                }
                (_, "whenever") if doc.word(i + 1) != "you" => {
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
    for si in 0..doc.sentences.len() {
        let covered = out[before..]
            .iter()
            .any(|h| doc.clause_of(h.first).is_some_and(|c| c.sentence == si));
        if !covered {
            check_repeat_marker(doc, si, out);
        }
    }
    run_adverbs(doc, out);
}

/// Adds hits for "always", "never", "constantly", "every time".
fn run_adverbs(doc: &Doc, out: &mut Vec<Hit>) {
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

/// Phrase rules for absolutes that have no "always"/"never" word to hang on.
pub(crate) const RULES: &[PatRule] = &[
    // "all you ever do is scroll", "you only ever make an effort after a row".
    PatRule::new("all you (ever)? (do|want|care about|think about|talk about|say|seem to do) (is|about)?").guard(|d, s, _e| !yes_no_question(d, s) && super::main_claim(d, s)),
    PatRule::new("you only ever (_)").guard(|d, s, e| {
        !yes_no_question(d, s)
            && super::main_claim(d, s)
            && !matches!(d.word(e - 1), "need" | "have" | "had" | "want" | "wanted" | "get" | "mean" | "meant")
    }),
    // "I shouldn't have to spell it out every single time", "why do I always have to ask".
    PatRule::new("(i should not have to|i should not need to|why do i have to|why should i have to|i always have to|why must i) ..8 (every time|every single time|all the time|again and again|over and over|each time|every day|every night)").sentence().keep_negated(),
    PatRule::new("why do i (always)? have to (be the one|ask|remind|beg|chase|spell)").keep_negated().guard(|d, s, _e| d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| matches!(d.word(i), "always" | "every" | "again")))),
    PatRule::new("(it is|it has been) the same (story|thing|routine|old story|every time) (every time|each time|with you|again|all the time)?").guard(|d, s, _e| d.sentence_of(s).is_some_and(|r| (s..r.range.end).any(|i| d.word(i) == "you"))),
    PatRule::new("(funny|strange|weird|amazing|interesting|convenient) how you (always|never|are always|are never|only|suddenly|conveniently)"),
    // Round 4: rhetorical "why can't you ever …", "it's every time with you", "every
    // check-in turns into you listing my mistakes".
    PatRule::new("why (can not|will not|do not|does not|could not|would not) you (ever|once)").keep_negated(),
    PatRule::new("(it is|that is) every (single)? time with you").keep_negated(),
    PatRule::new("every (single)? _ (_)? (turns|ends|turned|ended|becomes|gets turned) (into|with|in|up with) (you|a fight|an argument|a row|us fighting|a lecture|a fight about|another fight|you listing|you sulking|you shouting)").sentence().guard(|d, s, _e| super::main_claim(d, s)),
    PatRule::new("you (are|were) (always|forever|constantly) (so|too|really|way too|such a)? (dramatic|sensitive|negative|moody|grumpy|late|tired|busy|distracted|angry|defensive|critical|difficult|touchy|jealous|needy|cold|distant|stressed)").guard(|d, s, _e| !yes_no_question(d, s) && super::main_claim(d, s)),
];
