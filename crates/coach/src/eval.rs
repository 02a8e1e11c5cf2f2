//! Precision and recall of [`check`](crate::check) over labelled sentences.

use crate::{Advice, FlagKind, check};
use std::collections::HashSet;
use std::path::Path;

/// The sets the hand-written rules were tuned on, in training order.
pub const TUNED_BY_RULES: &[&str] = &[
    "dev", "holdout", "fresh", "fresh2", "fresh3", "blind", "fresh4", "blind2",
];

/// The sets the hand-written rules were never tuned on (each written by someone who never
/// saw the rules), in training order. Leaving one of them out of training gives an honest
/// out-of-set figure for rules + model together.
pub const UNSEEN_BY_RULES: &[&str] = &[
    "blind3",
    "texting",
    "subtle",
    "forms",
    "lookalikes",
    "heated",
    "voices",
    "everyday",
    "unspoken",
    "aftermath",
    "blind4",
    "blind5",
    "hard_blame",
    "hard_words",
    "hard_mix",
    "hard_hidden",
    "blind6",
    "blind7",
    "hard2_irony",
    "hard2_kindwrap",
    "hard2_hidden",
    "hard2_mixed",
    "blind8",
    "blind9",
    "blind10",
    "blind11",
    "blind12",
];

/// Sealed sets, each written by an engineer who wrote nothing else and scored exactly once
/// by the shipped coach (round 9) before anyone read them. They are kept out of [`sets`], so
/// the shipped weights are the ones these figures measured; the next training round adds them.
pub const SCORED_NOT_TRAINED: &[&str] = &["blind13", "blind14", "blind15"];

/// Every labelled set under `tests/data/`, in training order (the shipped model is trained
/// on all of them; the report and cross-validation read the same list).
pub fn sets() -> impl Iterator<Item = &'static str> {
    TUNED_BY_RULES.iter().chain(UNSEEN_BY_RULES).copied()
}

/// Reads set `name` (`{dir}/{name}.tsv`).
pub fn load_set(dir: &Path, name: &str) -> std::io::Result<Vec<Example>> {
    Ok(parse_tsv(&std::fs::read_to_string(
        dir.join(format!("{name}.tsv")),
    )?))
}

/// One labelled sentence: the kinds it should carry (empty for clean) and its text.
#[derive(Debug, Clone)]
pub struct Example {
    /// Expected kinds; empty means the sentence should not be flagged.
    pub kinds: HashSet<FlagKind>,
    /// The sentence.
    pub text: String,
}

/// Parses `label<TAB>text` lines; `label` is `clean` or comma-separated kinds.
/// Blank lines and lines starting with `#` are skipped.
pub fn parse_tsv(src: &str) -> Vec<Example> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (label, text) = l.split_once('\t')?;
            let kinds = if label.trim() == "clean" {
                HashSet::new()
            } else {
                label.split(',').filter_map(FlagKind::parse).collect()
            };
            Some(Example {
                kinds,
                text: text.to_owned(),
            })
        })
        .collect()
}

/// True/false positive and false negative counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Flagged and should be.
    pub tp: usize,
    /// Flagged but should not be.
    pub fp: usize,
    /// Not flagged but should be.
    pub fn_: usize,
}

impl std::ops::AddAssign for Counts {
    /// Pools another set's counts into these.
    fn add_assign(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

impl Counts {
    /// Precision (1.0 when nothing was flagged).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    /// Recall (1.0 when nothing should have been flagged).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    fn add(&mut self, expected: bool, got: bool) {
        match (expected, got) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }
}

/// Scores for one data set.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Per kind: does the sentence carry that kind.
    pub per_kind: Vec<(FlagKind, Counts)>,
    /// Sentence level: should this be flagged at all.
    pub overall: Counts,
    /// Sentences whose predicted kinds differ from the labels: (expected, got, text).
    pub mistakes: Vec<(Vec<FlagKind>, Vec<FlagKind>, String)>,
}

fn sorted(set: &HashSet<FlagKind>) -> Vec<FlagKind> {
    FlagKind::ALL
        .into_iter()
        .filter(|k| set.contains(k))
        .collect()
}

/// Runs [`check`] over every example and counts.
pub fn score(examples: &[Example]) -> Scores {
    score_with(examples, check)
}

/// Runs `coach` over every example and counts.
pub fn score_with(examples: &[Example], coach: impl Fn(&str) -> Advice) -> Scores {
    let mut per_kind: Vec<(FlagKind, Counts)> = FlagKind::ALL
        .iter()
        .map(|k| (*k, Counts::default()))
        .collect();
    let mut overall = Counts::default();
    let mut mistakes = Vec::new();
    for ex in examples {
        let got: HashSet<FlagKind> = coach(&ex.text).flags.iter().map(|f| f.kind).collect();
        for (k, c) in per_kind.iter_mut() {
            c.add(ex.kinds.contains(k), got.contains(k));
        }
        overall.add(!ex.kinds.is_empty(), !got.is_empty());
        if got != ex.kinds {
            mistakes.push((sorted(&ex.kinds), sorted(&got), ex.text.clone()));
        }
    }
    Scores {
        per_kind,
        overall,
        mistakes,
    }
}
