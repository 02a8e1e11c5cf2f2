//! A tiny phrase-pattern language over normalised words, compiled once.
//!
//! Syntax: elements separated by spaces. `a|b` is one word out of several;
//! `(a b|c)` is one phrase out of several; a trailing `?` makes an element optional;
//! `@name` is any phrase from a lexicon list; `..N` skips up to N words; `_` is any word;
//! a word ending in `*` matches by prefix; `%name` is any word accepted by a word class
//! (a predicate over one word, e.g. `%trait` for "selfish", "self-obsessed", "callous").

use crate::lexicon;
use crate::tokens::Doc;

#[derive(Debug)]
enum Word {
    Exact(&'static str),
    Prefix(&'static str),
    Class(fn(&str) -> bool),
    Any,
}

#[derive(Debug)]
enum Elem {
    Alt {
        alts: Vec<Vec<Word>>,
        optional: bool,
    },
    Gap(usize),
}

/// A compiled pattern.
#[derive(Debug)]
pub(crate) struct Pattern {
    elems: Vec<Elem>,
    /// True when the pattern itself spells out a negation ("not", "never", "no").
    pub has_negation: bool,
}

fn word(w: &'static str) -> Word {
    if w == "_" {
        Word::Any
    } else if let Some(name) = w.strip_prefix('%') {
        Word::Class(lexicon::class(name))
    } else if let Some(p) = w.strip_suffix('*') {
        Word::Prefix(p)
    } else {
        Word::Exact(w)
    }
}

/// One phrase; an `@name` word inside it expands into every entry of that list
/// (one level deep), so a phrase may yield several alternatives.
fn phrases(p: &'static str) -> Vec<Vec<Word>> {
    let mut out: Vec<Vec<&'static str>> = vec![Vec::new()];
    for w in p.split_whitespace() {
        match w.strip_prefix('@') {
            Some(name) => {
                let entries = lexicon::set(name);
                out = out
                    .iter()
                    .flat_map(|prefix| {
                        entries.iter().map(move |e| {
                            let mut v = prefix.clone();
                            v.extend(e.split_whitespace());
                            v
                        })
                    })
                    .collect();
            }
            None => out.iter_mut().for_each(|v| v.push(w)),
        }
    }
    out.into_iter()
        .map(|v| v.into_iter().map(word).collect())
        .collect()
}

/// Splits at spaces that are not inside parentheses.
fn top_level(src: &'static str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    for (i, c) in src.char_indices() {
        match c {
            '(' => {
                depth += 1;
                start.get_or_insert(i);
            }
            ')' => depth = depth.saturating_sub(1),
            ' ' if depth == 0 => {
                if let Some(s) = start.take() {
                    out.push(&src[s..i]);
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if let Some(s) = start {
        out.push(&src[s..]);
    }
    out
}

impl Pattern {
    /// Compiles a pattern; see the module docs for the syntax.
    pub(crate) fn compile(src: &'static str) -> Pattern {
        let mut elems = Vec::new();
        for piece in top_level(src) {
            if let Some(n) = piece.strip_prefix("..") {
                elems.push(Elem::Gap(n.parse().unwrap_or(3)));
                continue;
            }
            let (body, optional) = match piece.strip_suffix('?') {
                Some(b) => (b, true),
                None => (piece, false),
            };
            let alts: Vec<Vec<Word>> = if let Some(name) = body.strip_prefix('@') {
                lexicon::set(name).iter().flat_map(|p| phrases(p)).collect()
            } else if let Some(inner) = body.strip_prefix('(').and_then(|b| b.strip_suffix(')')) {
                let mut alts = Vec::new();
                for alt in inner.split('|') {
                    match alt.strip_prefix('@') {
                        Some(name) => {
                            alts.extend(lexicon::set(name).iter().flat_map(|p| phrases(p)))
                        }
                        None => alts.extend(phrases(alt)),
                    }
                }
                alts
            } else {
                body.split('|').map(|w| vec![word(w)]).collect()
            };
            elems.push(Elem::Alt { alts, optional });
        }
        let has_negation = src
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "not" | "never" | "no" | "nobody" | "nothing" | "none"));
        Pattern {
            elems,
            has_negation,
        }
    }

    /// The words a match must start with, when the first element is a required set of
    /// exact words; `None` when a match may start with anything (prefix, class, `_`,
    /// an optional first element or a gap). Used to index rules by their first word.
    pub(crate) fn first_words(&self) -> Option<Vec<&'static str>> {
        match self.elems.first()? {
            Elem::Alt {
                alts,
                optional: false,
            } => alts
                .iter()
                .map(|a| match a.first() {
                    Some(Word::Exact(w)) => Some(*w),
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    }

    /// Matches starting exactly at token `pos`, never reading at or past `limit`.
    /// Returns the end (exclusive) of the match.
    pub(crate) fn match_at(&self, doc: &Doc, pos: usize, limit: usize) -> Option<usize> {
        self.step(doc, 0, pos, limit, 0)
    }

    /// First match starting in `starts`, reading no further than `limit`;
    /// returns `(start, end_exclusive)`.
    #[cfg(test)]
    pub(crate) fn find(
        &self,
        doc: &Doc,
        starts: std::ops::Range<usize>,
        limit: usize,
    ) -> Option<(usize, usize)> {
        starts.into_iter().find_map(|s| {
            self.match_at(doc, s, limit)
                .filter(|&e| e > s)
                .map(|e| (s, e))
        })
    }

    fn step(&self, doc: &Doc, k: usize, pos: usize, limit: usize, depth: usize) -> Option<usize> {
        let Some(elem) = self.elems.get(k) else {
            return Some(pos);
        };
        if depth > 64 {
            return None;
        }
        match elem {
            Elem::Gap(n) => (0..=*n)
                .take_while(|g| pos + g <= limit)
                .find_map(|g| self.step(doc, k + 1, pos + g, limit, depth + 1)),
            Elem::Alt { alts, optional } => {
                for alt in alts {
                    if let Some(p) = seq(doc, alt, pos, limit)
                        && let Some(e) = self.step(doc, k + 1, p, limit, depth + 1)
                    {
                        return Some(e);
                    }
                }
                if *optional {
                    self.step(doc, k + 1, pos, limit, depth + 1)
                } else {
                    None
                }
            }
        }
    }
}

fn seq(doc: &Doc, words: &[Word], pos: usize, limit: usize) -> Option<usize> {
    if pos + words.len() > limit {
        return None;
    }
    for (i, w) in words.iter().enumerate() {
        let t = doc.word(pos + i);
        let ok = match w {
            Word::Exact(x) => t == *x,
            Word::Prefix(p) => t.starts_with(p),
            Word::Class(f) => !t.is_empty() && f(t),
            Word::Any => true,
        };
        if !ok {
            return None;
        }
    }
    Some(pos + words.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &'static str, text: &str) -> Option<(usize, usize)> {
        let d = Doc::new(text);
        Pattern::compile(p).find(&d, 0..d.toks.len(), d.toks.len())
    }

    #[test]
    fn optional_alternatives_and_prefixes_match() {
        assert_eq!(
            m("you are (so|such a)? selfish*", "you're such a selfish"),
            Some((0, 5))
        );
        assert_eq!(m("you ruin*", "well you ruined it"), Some((1, 3)));
        assert_eq!(m("if you ..3 me", "if you really loved me"), Some((0, 5)));
        assert_eq!(m("you owe me", "you do not owe me"), None);
    }
}
