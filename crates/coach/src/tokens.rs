//! Tokeniser: sentences, clauses and normalised words with character offsets.

use crate::contractions;
use std::ops::Range;

/// One normalised word (a contraction yields several sharing one span).
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Byte range of the normalised word inside [`Doc::buf`].
    norm: Range<usize>,
    /// Char offset where the original word starts.
    pub start: usize,
    /// Char offset just past the original word.
    pub end: usize,
    /// Index of the clause holding this word.
    pub clause: usize,
}

/// A run of words between commas, conjunctions, quotes and sentence ends.
#[derive(Debug, Clone)]
pub(crate) struct Clause {
    /// Token indices.
    pub range: Range<usize>,
    /// Index of the enclosing sentence.
    pub sentence: usize,
    /// True when the clause sits inside quotation marks.
    pub quoted: bool,
}

/// A sentence: a run of clauses ended by `.`, `!`, `?` or a line break.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// Token indices.
    pub range: Range<usize>,
    /// True when the sentence ends with a question mark.
    pub question: bool,
}

/// The tokenised text.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    buf: String,
    /// The original text as chars (offsets index into this).
    pub chars: Vec<char>,
    /// All words in order.
    pub toks: Vec<Tok>,
    /// All clauses in order.
    pub clauses: Vec<Clause>,
    /// All sentences in order.
    pub sentences: Vec<Sentence>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`')
}

fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' | '\u{201E}'
    )
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\n' | '\r' | '\u{2026}' | '\u{203D}')
}

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '\u{2014}' | '\u{2013}' | '(' | ')' | '[' | ']' | '{' | '}' | '/' | '|'
    )
}

/// Words that open a new clause when they follow other words.
const CLAUSE_WORDS: &[&str] = &[
    "but",
    "though",
    "although",
    "however",
    "yet",
    "whereas",
    "otherwise",
];

/// After "and"/"so"/"or", these words start a new clause.
const SUBJECTS: &[&str] = &[
    "i",
    "you",
    "we",
    "it",
    "that",
    "this",
    "she",
    "he",
    "they",
    "everyone",
    "everybody",
];

/// Words after which texting "ur" means "your".
const POSSESSIVE_BEFORE: &[&str] = &[
    "on", "in", "at", "with", "for", "to", "of", "about", "from", "by", "into", "over", "off",
    "check", "checking", "checked", "checks", "all", "leave", "left", "love", "hate", "miss",
    "get", "got", "take", "took", "make", "made", "do", "did", "is", "was", "ruin", "ruined",
    "ruining", "through", "up", "out", "than", "keep", "kept", "lost", "lose", "forgot", "forget",
    "after", "before", "under", "behind", "around", "round", "near", "tell", "told", "call",
    "called", "text", "texted", "see", "saw", "meet", "met", "bring", "brought", "drop", "dropped",
    "use", "used", "pick", "picked", "clean", "tidy", "wash", "fix", "put", "touch", "open",
    "close", "charge", "answer", "answered", "ignore", "ignored",
];

/// Marks which chars are real quotation marks (paired) and which chars lie inside quotes.
fn quote_map(chars: &[char]) -> (Vec<bool>, Vec<bool>) {
    let n = chars.len();
    let mut delim = vec![false; n];
    let mut inside = vec![false; n];
    let alnum = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    let mut double_open: Option<usize> = None;
    let mut single_open: Option<usize> = None;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if is_double_quote(c) {
            match double_open {
                None if c != '\u{201D}' && c != '\u{00BB}' => double_open = Some(i),
                Some(o) if c != '\u{201C}' && c != '\u{00AB}' => {
                    pairs.push((o, i));
                    double_open = None;
                }
                _ => {}
            }
        } else if is_apostrophe(c) && c != '`' {
            let prev_alnum = i > 0 && alnum(i - 1);
            let next_alnum = alnum(i + 1);
            if !prev_alnum && next_alnum && single_open.is_none() && c != '\u{2019}' {
                single_open = Some(i);
            } else if (prev_alnum || (i > 0 && matches!(chars[i - 1], '.' | '!' | '?' | ',')))
                && !next_alnum
                && let Some(o) = single_open
            {
                pairs.push((o, i));
                single_open = None;
            }
        }
    }
    for (o, c) in pairs {
        delim[o] = true;
        delim[c] = true;
        for slot in inside.iter_mut().take(c).skip(o + 1) {
            *slot = true;
        }
    }
    (delim, inside)
}

struct Builder {
    doc: Doc,
    clause_start: usize,
    clause_quoted: bool,
    sentence_start: usize,
    word: String,
    word_start: usize,
    word_quoted: bool,
}

impl Builder {
    fn push_norm(&mut self, w: &str, start: usize, end: usize) {
        let a = self.doc.buf.len();
        self.doc.buf.push_str(w);
        let b = self.doc.buf.len();
        let clause = self.doc.clauses.len();
        self.doc.toks.push(Tok {
            norm: a..b,
            start,
            end,
            clause,
        });
    }

    fn flush_word(&mut self, end: usize, quoted: bool) {
        if self.word.is_empty() {
            return;
        }
        if quoted != self.clause_quoted {
            self.end_clause();
            self.clause_quoted = quoted;
        }
        let w = std::mem::take(&mut self.word);
        let trimmed = w.trim_end_matches(['\'', '-']);
        let starts_clause = self.doc.toks.len() > self.clause_start;
        if starts_clause {
            let prev = self.doc.toks.last().map(|t| t.norm.clone());
            let prev_word = prev.map(|r| &self.doc.buf[r]).unwrap_or("");
            let head = contractions::expand(trimmed).map_or(trimmed, |p| p[0]);
            let splits = CLAUSE_WORDS.contains(&trimmed)
                || (matches!(prev_word, "and" | "so" | "or") && SUBJECTS.contains(&head));
            if splits {
                if matches!(prev_word, "and" | "so" | "or") {
                    // Move the conjunction out of the old clause by ending before it.
                    let conj = self.doc.toks.pop();
                    self.end_clause();
                    if let Some(mut c) = conj {
                        c.clause = self.doc.clauses.len();
                        self.doc.toks.push(c);
                    }
                } else {
                    self.end_clause();
                }
            }
        }
        let start = self.word_start;
        // Texting "ur" is "your" after a verb or preposition ("check ur phone") and
        // "you are" elsewhere ("ur so selfish", "i think ur lying").
        if trimmed == "ur" && self.doc.toks.len() > self.clause_start {
            let prev = self.doc.toks.last().map(|t| t.norm.clone());
            let prev_word = prev.map(|r| &self.doc.buf[r]).unwrap_or("");
            if POSSESSIVE_BEFORE.contains(&prev_word) {
                self.push_norm("your", start, end);
                self.word = w;
                self.word.clear();
                return;
            }
        }
        match contractions::expand(trimmed) {
            Some(parts) => {
                for p in parts {
                    self.push_norm(p, start, end);
                }
            }
            None => {
                let s = if trimmed.is_empty() {
                    w.as_str()
                } else {
                    trimmed
                };
                self.push_norm(s, start, end);
            }
        }
        self.word = w;
        self.word.clear();
    }

    fn end_clause(&mut self) {
        let n = self.doc.toks.len();
        if n > self.clause_start {
            self.doc.clauses.push(Clause {
                range: self.clause_start..n,
                sentence: self.doc.sentences.len(),
                quoted: self.clause_quoted,
            });
        }
        self.clause_start = n;
    }

    fn end_sentence(&mut self, question: bool) {
        self.end_clause();
        let n = self.doc.toks.len();
        if n > self.sentence_start {
            self.doc.sentences.push(Sentence {
                range: self.sentence_start..n,
                question,
            });
        }
        self.sentence_start = n;
    }
}

impl Doc {
    /// Tokenises `text`. Offsets are counted in `char`s.
    pub(crate) fn new(text: &str) -> Doc {
        let chars: Vec<char> = text.chars().collect();
        let (delim, inside) = quote_map(&chars);
        let mut b = Builder {
            doc: Doc {
                buf: String::with_capacity(text.len() + 16),
                toks: Vec::with_capacity(chars.len() / 4 + 4),
                ..Doc::default()
            },
            clause_start: 0,
            clause_quoted: false,
            sentence_start: 0,
            word: String::new(),
            word_start: 0,
            word_quoted: false,
        };
        let alnum = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
        for (i, &c) in chars.iter().enumerate() {
            let in_word = !b.word.is_empty();
            if c.is_alphanumeric() {
                if !in_word {
                    b.word_start = i;
                    b.word_quoted = inside[i];
                }
                b.word.extend(c.to_lowercase());
                continue;
            }
            if in_word && !delim[i] && (is_apostrophe(c) || c == '-') && alnum(i + 1) {
                b.word.push(if c == '-' { '-' } else { '\'' });
                continue;
            }
            if in_word && c == '.' && i > 0 && chars[i - 1].is_ascii_digit() && alnum(i + 1) {
                b.word.push('.');
                continue;
            }
            b.flush_word(i, b.word_quoted);
            if delim[i] {
                b.end_clause();
            } else if is_sentence_end(c) {
                b.end_sentence(c == '?' || c == '\u{203D}');
            } else if is_clause_break(c) || (c == '-' && !alnum(i + 1)) {
                b.end_clause();
            }
        }
        b.flush_word(chars.len(), b.word_quoted);
        b.end_sentence(false);
        b.doc.chars = chars;
        b.doc
    }

    /// The normalised word at token index `i` ("" when out of range).
    pub(crate) fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.buf.get(t.norm.clone()))
            .unwrap_or("")
    }

    /// The clause holding token `i`.
    pub(crate) fn clause_of(&self, i: usize) -> Option<&Clause> {
        self.toks.get(i).and_then(|t| self.clauses.get(t.clause))
    }

    /// The sentence holding token `i`.
    pub(crate) fn sentence_of(&self, i: usize) -> Option<&Sentence> {
        self.clause_of(i)
            .and_then(|c| self.sentences.get(c.sentence))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(d: &Doc) -> Vec<&str> {
        (0..d.toks.len()).map(|i| d.word(i)).collect()
    }

    #[test]
    fn contractions_are_split_and_share_a_span() {
        let d = Doc::new("You're so");
        assert_eq!(words(&d), ["you", "are", "so"]);
        assert_eq!((d.toks[1].start, d.toks[1].end), (0, 6));
    }

    #[test]
    fn quotes_make_their_own_clause() {
        let d = Doc::new("She said \"you never listen\" and I cried.");
        let quoted: Vec<bool> = d.clauses.iter().map(|c| c.quoted).collect();
        assert_eq!(quoted, [false, true, false]);
    }

    #[test]
    fn but_starts_a_new_clause() {
        let d = Doc::new("I love you but you never call");
        assert_eq!(d.clauses.len(), 2);
    }
}
