//! A small linear classifier that backs up the rules on wording they were never shown.
//!
//! - [`features`]: hashed word, bigram, character n-gram and grammar-cue features.
//! - [`train`]: deterministic logistic-regression training (used by `examples/train.rs`,
//!   the cross-validation report and the tests).
//! - [`veto`]: the rules' guards that a model-only flag must also pass.
//!
//! The shipped weights live in `model/weights.bin` (written by `examples/train.rs`) and are
//! compiled in with `include_bytes!`, so nothing is downloaded or read at run time.
//! One "any" head decides whether a sentence should be flagged; six one-vs-rest heads pick
//! the kind for a flag the rules did not raise.

pub(crate) mod features;
pub mod train;
pub mod veto;

use crate::FlagKind;
use crate::rules::Hit;
use crate::tokens::{Doc, Sentence};
use std::sync::OnceLock;

/// The shipped weights (see `examples/train.rs`).
const SHIPPED: &[u8] = include_bytes!("../../model/weights.bin");

const MAGIC: &[u8; 4] = b"ATCM";
const VERSION: u8 = 2;

/// A trained model: hashed weights for the "any" head and one head per kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// log2 of the "any" head's bucket count.
    pub bits_any: u8,
    /// log2 of each kind head's bucket count.
    pub bits_kind: u8,
    /// A sentence the rules did not flag is flagged when the "any" probability reaches this.
    pub threshold: f32,
    /// A rule flag is kept only when its sentence's "any" probability reaches this
    /// (0 keeps every rule flag).
    pub keep: f32,
    /// Bit set of [`veto::Veto`]s applied to model-only flags.
    pub vetoes: u8,
    any: Vec<f32>,
    kinds: Vec<Vec<f32>>,
}

/// The model compiled into the crate, parsed once.
pub fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(SHIPPED)).as_ref()
}

/// True when hit `h` has a token inside sentence `s`.
fn overlaps(h: &Hit, s: &Sentence) -> bool {
    h.first < s.range.end && h.last >= s.range.start
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Per-example feature value: hashed counts are scaled so long sentences do not shout.
pub(crate) fn feature_value(n: usize) -> f32 {
    1.0 / (n.max(1) as f32).sqrt()
}

fn dot(w: &[f32], feats: &[u32]) -> f32 {
    let mask = w.len() - 1;
    let v = feature_value(feats.len());
    feats.iter().map(|&f| w[f as usize & mask]).sum::<f32>() * v
}

impl Model {
    pub(crate) fn new(bits_any: u8, bits_kind: u8, any: Vec<f32>, kinds: Vec<Vec<f32>>) -> Model {
        Model {
            bits_any,
            bits_kind,
            threshold: 0.5,
            keep: 0.0,
            vetoes: veto::ALL,
            any,
            kinds,
        }
    }

    /// Probability that a sentence with these features should be flagged.
    pub(crate) fn p_any(&self, feats: &[u32]) -> f32 {
        sigmoid(dot(&self.any, feats))
    }

    /// The most likely kind for a sentence with these features.
    pub(crate) fn best_kind(&self, feats: &[u32]) -> FlagKind {
        let mut best = (FlagKind::Blame, f32::NEG_INFINITY);
        for (k, w) in FlagKind::ALL.into_iter().zip(&self.kinds) {
            let z = dot(w, feats);
            if z > best.1 {
                best = (k, z);
            }
        }
        best.0
    }

    /// Probability that `text`'s most suspicious sentence should be flagged (rules ignored).
    pub fn probability(&self, text: &str) -> f32 {
        let doc = Doc::new(text);
        let mut feats = Vec::new();
        let ctx = features::context(&doc);
        doc.sentences
            .iter()
            .map(|s| self.p_sentence(&doc, s, &ctx, &mut feats))
            .fold(0.0, f32::max)
    }

    /// Probability that sentence `s`, read with its message (`ctx`, [`features::context`]),
    /// should be flagged; leaves the sentence's features in `feats`.
    fn p_sentence(&self, doc: &Doc, s: &Sentence, ctx: &[u32], feats: &mut Vec<u32>) -> f32 {
        features::extract_in_message(doc, s.range.clone(), s.question, ctx, feats);
        self.p_any(feats)
    }

    /// Probability and kind for sentence `s`, or `None` when the probability is below `floor`
    /// (the kind heads are then not run) or a veto drops it.
    fn judge(
        &self,
        doc: &Doc,
        s: &Sentence,
        ctx: &[u32],
        feats: &mut Vec<u32>,
        floor: f32,
    ) -> Option<(f32, FlagKind)> {
        let p = self.p_sentence(doc, s, ctx, feats);
        if p < floor {
            return None;
        }
        let kind = self.best_kind(feats);
        (!veto::vetoed(doc, s, kind, self.vetoes)).then_some((p, kind))
    }

    /// The highest probability over `text`'s sentences that no veto drops (rules ignored).
    /// A line is flagged by rules + model exactly when the rules flag it or this reaches
    /// [`Model::threshold`].
    pub fn vetted_probability(&self, text: &str) -> f32 {
        let doc = Doc::new(text);
        let mut feats = Vec::new();
        let ctx = features::context(&doc);
        doc.sentences
            .iter()
            .filter(|s| !s.range.is_empty())
            .filter_map(|s| self.judge(&doc, s, &ctx, &mut feats, 0.0))
            .map(|(p, _)| p)
            .fold(0.0, f32::max)
    }

    /// Probabilities of the sentences the rules flag in `text`, one per flagged sentence
    /// (empty when the rules flag nothing); used by cross-validation to sweep [`Model::keep`].
    pub fn rule_sentence_probabilities(&self, text: &str) -> Vec<f32> {
        let doc = Doc::new(text);
        let hits = crate::rules::run(&doc);
        let mut feats = Vec::new();
        let ctx = features::context(&doc);
        doc.sentences
            .iter()
            .filter(|s| hits.iter().any(|h| overlaps(h, s)))
            .map(|s| self.p_sentence(&doc, s, &ctx, &mut feats))
            .collect()
    }

    /// Lets the model revise the rules' hits in `doc`: drops those in sentences it finds very
    /// unlikely to need a hint (below [`Model::keep`]), then adds its own for sentences the
    /// rules left alone (at or above [`Model::threshold`]). The message context is built once.
    pub(crate) fn revise(&self, doc: &Doc, hits: &mut Vec<Hit>) {
        let ctx = features::context(doc);
        let mut feats = Vec::new();
        self.keep_likely(doc, &ctx, &mut feats, hits);
        self.add_hits(doc, &ctx, &mut feats, hits);
    }

    /// Drops rule hits in sentences the model finds very unlikely to need a hint
    /// (probability below [`Model::keep`]).
    fn keep_likely(&self, doc: &Doc, ctx: &[u32], feats: &mut Vec<u32>, hits: &mut Vec<Hit>) {
        if self.keep <= 0.0 || hits.is_empty() {
            return;
        }
        for s in &doc.sentences {
            if hits.iter().any(|h| overlaps(h, s))
                && self.p_sentence(doc, s, ctx, feats) < self.keep
            {
                hits.retain(|h| !overlaps(h, s));
            }
        }
    }

    /// Adds hits for sentences the rules left alone but the model flags.
    fn add_hits(&self, doc: &Doc, ctx: &[u32], feats: &mut Vec<u32>, hits: &mut Vec<Hit>) {
        let before = hits.len();
        for s in &doc.sentences {
            if s.range.is_empty() || hits[..before].iter().any(|h| overlaps(h, s)) {
                continue;
            }
            let Some((_, kind)) = self.judge(doc, s, ctx, feats, self.threshold) else {
                continue;
            };
            // The span: the unquoted clause of this sentence the model finds most suspicious.
            let mut span: Option<(usize, usize, f32)> = None;
            for c in doc
                .clauses
                .iter()
                .filter(|c| !c.quoted && !c.range.is_empty())
                .filter(|c| c.range.start >= s.range.start && c.range.end <= s.range.end)
            {
                // Unscaled evidence: the clause carrying the most positive weight wins, so a
                // short opener ("Typical,") does not beat the clause that says the thing.
                features::extract(doc, c.range.clone(), s.question, feats);
                let mask = self.any.len() - 1;
                let z: f32 = feats.iter().map(|&f| self.any[f as usize & mask]).sum();
                if span.is_none_or(|b| z > b.2) {
                    span = Some((c.range.start, c.range.end - 1, z));
                }
            }
            if let Some((first, last, _)) = span {
                hits.push(Hit { kind, first, last });
            }
        }
        if hits.len() > before {
            hits.sort_by_key(|h| (h.first, h.last, h.kind as u8));
        }
    }

    /// Serialises the model: magic, version, sizes, vetoes, threshold, keep, then per head a
    /// scale and little-endian `i16` weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, self.bits_any, self.bits_kind, self.vetoes]);
        out.extend_from_slice(&self.threshold.to_le_bytes());
        out.extend_from_slice(&self.keep.to_le_bytes());
        for head in std::iter::once(&self.any).chain(&self.kinds) {
            let max = head.iter().fold(0.0f32, |m, w| m.max(w.abs()));
            let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
            out.extend_from_slice(&scale.to_le_bytes());
            for w in head {
                let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Parses [`Model::to_bytes`] output; `None` when the bytes are not a model.
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < 16 || &b[..4] != MAGIC || b[4] != VERSION {
            return None;
        }
        let (bits_any, bits_kind, vetoes) = (b[5], b[6], b[7]);
        if !(4..=24).contains(&bits_any) || !(4..=24).contains(&bits_kind) {
            return None;
        }
        let threshold = f32::from_le_bytes(b[8..12].try_into().ok()?);
        let keep = f32::from_le_bytes(b[12..16].try_into().ok()?);
        let mut at = 16;
        let mut head = |bits: u8| -> Option<Vec<f32>> {
            let n = 1usize << bits;
            let scale = f32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?);
            at += 4;
            let raw = b.get(at..at + 2 * n)?;
            at += 2 * n;
            Some(
                raw.chunks_exact(2)
                    .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale)
                    .collect(),
            )
        };
        let any = head(bits_any)?;
        let kinds = (0..FlagKind::ALL.len())
            .map(|_| head(bits_kind))
            .collect::<Option<Vec<_>>>()?;
        if at != b.len() {
            return None;
        }
        Some(Model {
            bits_any,
            bits_kind,
            threshold,
            keep,
            vetoes,
            any,
            kinds,
        })
    }
}
