//! Hashed features of one sentence (or clause) for the classifier.
//!
//! Everything is read from the coach's own tokens, so contractions and texting spellings
//! are already normalised ("ur" → "you are", "dont" → "do not"). Quoted clauses are
//! skipped: words inside quotation marks are someone else's.

use crate::lexicon::{self, APOLOGY, NEGATORS, PRAISE};
use crate::tokens::Doc;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// The coach's own word classes, looked up by exact word (built once).
fn listed() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        // Earlier entries win.
        let lists: [(&str, &[&str]); 13] = [
            ("2P", SECOND),
            ("1P", &["i", "me", "my", "myself", "mine"]),
            ("NEG", NEGATORS),
            (
                "ABS",
                &[
                    "always",
                    "never",
                    "constantly",
                    "forever",
                    "every",
                    "each",
                    "again",
                ],
            ),
            ("GROUP", lexicon::set("group_plural")),
            ("GROUP", lexicon::set("group_singular")),
            ("LABEL", lexicon::set("label")),
            ("PRAISE", PRAISE),
            ("NEGFEEL", lexicon::set("neg_feeling")),
            ("FEEL", lexicon::set("feeling")),
            ("REASSURE", lexicon::set("reassure")),
            ("NEGPRED", lexicon::set("neg_pred")),
            ("NEGSTATE", lexicon::set("neg_state")),
        ];
        for (tag, words) in lists {
            for w in words {
                m.entry(*w).or_insert(tag);
            }
        }
        m
    })
}

/// The word class of `w`, if the coach's lexicon has one for it.
fn tag(w: &str) -> Option<&'static str> {
    if let Some(t) = listed().get(w) {
        return Some(t);
    }
    if w.len() < 3 {
        None
    } else if lexicon::is_act(w) {
        Some("ACT")
    } else if lexicon::is_trait(w) {
        Some("TRAIT")
    } else if lexicon::is_dismiss(w) {
        Some("DISM")
    } else {
        None
    }
}

/// Second-person words.
const SECOND: &[&str] = &["you", "your", "yours", "yourself", "ya", "u"];

/// FNV-1a over a namespace byte and the given parts.
fn hash(ns: u8, parts: &[&[u8]]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    };
    eat(ns);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            eat(b' ');
        }
        for &b in *p {
            eat(b);
        }
    }
    h
}

/// Collects feature hashes for the unquoted tokens in `range` into `out` (cleared first).
/// `question` says whether the enclosing sentence ends with a question mark.
pub(crate) fn extract(doc: &Doc, range: Range<usize>, question: bool, out: &mut Vec<u32>) {
    out.clear();
    let words: Vec<&str> = range
        .clone()
        .filter(|&i| doc.clause_of(i).is_none_or(|c| !c.quoted))
        .map(|i| doc.word(i))
        .collect();
    extract_words(&words, question, out);
    // Scare quotes: one to three quoted words inside the writer's own sentence
    // (your "headache", I "hurt" you) are usually sarcasm, not someone else's speech.
    if !words.is_empty() {
        for i in range {
            if let Some(c) = doc.clause_of(i)
                && c.quoted
                && c.range.len() <= 3
            {
                out.push(hash(36, &[b"scare"]));
                out.push(hash(37, &[doc.word(i).as_bytes()]));
            }
        }
    }
}

/// Features of sentence `range` followed by `context` ([`context`] of the same message,
/// built once per message): what the model scores for one sentence. Training sees each
/// labelled line as one unit with the same context, so the two agree on one-sentence
/// messages.
pub(crate) fn extract_in_message(
    doc: &Doc,
    range: Range<usize>,
    question: bool,
    context: &[u32],
    out: &mut Vec<u32>,
) {
    extract(doc, range, question, out);
    out.extend_from_slice(context);
}

/// Message-level features, in their own namespaces: every unquoted word of the whole
/// message, and whether it holds an apology or warm words anywhere. "Most people would
/// have walked out on me. You didn't." reads differently from its first sentence alone.
pub(crate) fn context(doc: &Doc) -> Vec<u32> {
    let mut out = Vec::new();
    let mut apology = false;
    let mut warm = false;
    for i in 0..doc.toks.len() {
        if doc.clause_of(i).is_some_and(|c| c.quoted) {
            continue;
        }
        let w = doc.word(i);
        out.push(hash(40, &[w.as_bytes()]));
        apology |= APOLOGY.contains(&w);
        warm |= PRAISE.contains(&w) || super::veto::is_warm(w);
    }
    for (name, on) in [(&b"apology"[..], apology), (b"warm", warm)] {
        if on {
            out.push(hash(41, &[name]));
        }
    }
    out
}

/// Features of a word sequence (used directly by tests and by [`extract`]).
pub(crate) fn extract_words(words: &[&str], question: bool, out: &mut Vec<u32>) {
    out.push(hash(0, &[b"bias"]));
    // Word unigrams and bigrams with sentence boundaries.
    let mut prev: &str = "<s>";
    for w in words.iter().copied().chain(std::iter::once("</s>")) {
        if w != "</s>" {
            out.push(hash(1, &[w.as_bytes()]));
        }
        out.push(hash(2, &[prev.as_bytes(), w.as_bytes()]));
        prev = w;
    }
    // Character 3–5-grams over the normalised words.
    let mut s: Vec<u8> = Vec::with_capacity(words.iter().map(|w| w.len() + 1).sum::<usize>() + 1);
    s.push(b' ');
    for w in words {
        s.extend_from_slice(w.as_bytes());
        s.push(b' ');
    }
    for n in 3..=5usize {
        for g in s.windows(n) {
            out.push(hash(3 + n as u8, &[g]));
        }
    }
    // The same sentence with words replaced by their lexicon class where they have one:
    // "you are TRAIT", "2P ACT", "GROUP ABS" generalise past the listed wording.
    let abs: Vec<(&str, bool)> = words
        .iter()
        .map(|w| tag(w).map_or((*w, false), |t| (t, true)))
        .collect();
    for (i, &(a, tagged)) in abs.iter().enumerate() {
        if tagged {
            out.push(hash(30, &[a.as_bytes()]));
        }
        if let Some(&(b, tb)) = abs.get(i + 1) {
            if tagged || tb {
                out.push(hash(31, &[a.as_bytes(), b.as_bytes()]));
            }
            if let Some(&(c, tc)) = abs.get(i + 2)
                && (tagged || tb || tc)
            {
                out.push(hash(32, &[a.as_bytes(), b.as_bytes(), c.as_bytes()]));
            }
        }
        // Class pairs a few words apart ("2P … TRAIT", "GROUP … ABS").
        if tagged {
            for &(b, tb) in abs.iter().skip(i + 2).take(3) {
                if tb {
                    out.push(hash(33, &[a.as_bytes(), b.as_bytes()]));
                }
            }
        }
    }
    // Word pairs with one or two words between them ("you … ruin", "just … once").
    for (i, a) in words.iter().enumerate() {
        for b in words.iter().skip(i + 2).take(2) {
            out.push(hash(35, &[a.as_bytes(), b.as_bytes()]));
        }
    }
    // Grammar cues.
    let has = |set: &[&str]| words.iter().any(|w| set.contains(w));
    let second = has(SECOND);
    let second_subject = words
        .windows(2)
        .any(|p| p[0] == "you" && !matches!(p[1], "and" | "too" | "know" | "guys"))
        || words.first() == Some(&"you");
    let first_person = has(&["i", "me", "my", "myself"]);
    let negation = has(NEGATORS);
    let apology = has(APOLOGY);
    let cues: [(&[u8], bool); 8] = [
        (b"second", second),
        (b"second_subject", second_subject),
        (b"no_second", !second),
        (b"first_only", first_person && !second),
        (b"negation", negation),
        (b"second_negated", second_subject && negation),
        (b"question", question),
        (b"apology", apology),
    ];
    for (name, on) in cues {
        if on {
            out.push(hash(20, &[name]));
        }
    }
    if question && let Some(w) = words.first() {
        out.push(hash(21, &[w.as_bytes()]));
    }
}
