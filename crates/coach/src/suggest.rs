//! Builds a gentler I-statement from the flagged text.

use crate::FlagKind;
use crate::lexicon::AUX;
use crate::rules::Hit;
use crate::tokens::Doc;

/// Which flag the suggestion addresses first when several are present.
const PRIORITY: [FlagKind; 6] = [
    FlagKind::Pressure,
    FlagKind::Blame,
    FlagKind::Dismissive,
    FlagKind::MindReading,
    FlagKind::Absolute,
    FlagKind::Generalisation,
];

/// Words dropped when restating a mind-reading claim as a question.
const CERTAINTY: &[&str] = &[
    "obviously",
    "clearly",
    "secretly",
    "evidently",
    "plainly",
    "really",
    "actually",
    "only",
    "just",
    "deep",
    "down",
    "even",
];

/// Re-renders original text for tokens `from..to`, dropping words for which `drop` is true
/// and replacing words for which `swap` returns something. Keeps the original spacing.
fn render(
    doc: &Doc,
    from: usize,
    to: usize,
    drop: impl Fn(usize, &str) -> bool,
    swap: impl Fn(usize, &str) -> Option<&'static str>,
) -> String {
    let mut out = String::new();
    let mut last_span: Option<(usize, usize)> = None;
    let mut prev_end: Option<usize> = None;
    for i in from..to.min(doc.toks.len()) {
        let t = &doc.toks[i];
        if last_span == Some((t.start, t.end)) {
            continue;
        }
        last_span = Some((t.start, t.end));
        let w = doc.word(i);
        if drop(i, w) {
            if prev_end.is_none() {
                continue;
            }
            prev_end = Some(t.end);
            continue;
        }
        if let Some(p) = prev_end {
            let gap: String = doc.chars.get(p..t.start).unwrap_or(&[]).iter().collect();
            let gap = gap.trim();
            if gap.is_empty() {
                out.push(' ');
            } else {
                out.push_str(gap);
                out.push(' ');
            }
        }
        match swap(i, w) {
            Some(s) => out.push_str(s),
            None => out.extend(doc.chars.get(t.start..t.end).unwrap_or(&[]).iter()),
        }
        prev_end = Some(t.end);
    }
    let trimmed =
        out.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
    lower_first(trimmed)
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        // Keep "I" and "I'm" capitalised.
        Some('I') if s.len() == 1 || s[1..].starts_with([' ', '\'', '\u{2019}']) => s.to_owned(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn clause_end(doc: &Doc, i: usize) -> usize {
    doc.clause_of(i).map_or(i + 1, |c| c.range.end)
}

fn sentence_end(doc: &Doc, i: usize) -> usize {
    doc.sentence_of(i).map_or(i + 1, |s| s.range.end)
}

/// True when the verb after `i` (past softeners) looks like a past tense ("never once asked").
fn past_tense_after(doc: &Doc, i: usize) -> bool {
    let mut j = i + 1;
    while matches!(doc.word(j), "once" | "even" | "ever" | "really" | "just") {
        j += 1;
    }
    doc.word(j).ends_with("ed")
}

fn absolute(doc: &Doc, h: &Hit) -> String {
    let closing = "could we talk about what would help?";
    if doc.word(h.first) == "every" {
        let from = if doc.word(h.first + 1) == "single" {
            h.first + 3
        } else {
            h.first + 2
        };
        let rest = render(
            doc,
            from,
            sentence_end(doc, h.first),
            |_, _| false,
            |_, _| None,
        );
        let rest = rest.replacen(", ", " and ", 1);
        return format!("I feel hurt when {rest}; {closing}");
    }
    let you = (h.first..=h.last)
        .find(|&i| doc.word(i) == "you")
        .unwrap_or(h.first);
    let inverted = you > h.first && matches!(doc.word(h.first), "are" | "were");
    let aux_before = |i: usize| i > 0 && AUX.contains(&doc.word(i - 1));
    let body = render(
        doc,
        you,
        clause_end(doc, you),
        |_, w| matches!(w, "always" | "constantly" | "continually" | "forever"),
        |i, w| {
            if w != "never" {
                return None;
            }
            if aux_before(i) {
                Some("not")
            } else if past_tense_after(doc, i) {
                Some("haven't")
            } else {
                Some("don't")
            }
        },
    );
    let body = if inverted {
        body.replacen("you", &format!("you {}", doc.word(h.first)), 1)
    } else {
        body
    };
    format!("I feel hurt when {body}; {closing}")
}

fn blame(doc: &Doc, h: &Hit) -> String {
    let end = clause_end(doc, h.first);
    let verb = (h.first..=h.last).find(|&i| {
        let w = doc.word(i);
        ["ruin", "wreck", "spoil", "destroy"]
            .iter()
            .any(|p| w.starts_with(p))
    });
    if let Some(v) = verb
        && v + 1 < end
    {
        let what = render(doc, v + 1, end, |_, _| false, |_, _| None);
        return format!(
            "I felt really let down about {what}; could we talk about what happened for each of us?"
        );
    }
    if doc.word(h.last) == "fault" && h.last + 1 < end {
        let what = render(doc, h.last + 1, end, |_, _| false, |_, _| None);
        return format!(
            "I'm upset that {what}; could we work out together what to do differently?"
        );
    }
    "I'm feeling hurt, and I'd like to tell you what happened for me; could we talk about it together?"
        .to_owned()
}

fn mind_reading(doc: &Doc, h: &Hit) -> String {
    let end = clause_end(doc, h.first);
    let you = (h.first..end).find(|&i| doc.word(i) == "you");
    match you {
        Some(y) => {
            let body = render(doc, y, end, |_, w| CERTAINTY.contains(&w), |_, _| None);
            format!("I'm wondering whether {body}; could you tell me how it really is for you?")
        }
        None => "I'm not sure what you're feeling; could you tell me how it is for you?".to_owned(),
    }
}

/// The suggestion for the highest-priority hit, or `None` without hits.
pub(crate) fn suggestion(doc: &Doc, hits: &[Hit]) -> Option<String> {
    let h = PRIORITY
        .iter()
        .find_map(|k| hits.iter().find(|h| h.kind == *k))?;
    Some(match h.kind {
        FlagKind::Absolute => absolute(doc, h),
        FlagKind::Blame => blame(doc, h),
        FlagKind::MindReading => mind_reading(doc, h),
        FlagKind::Pressure => {
            "I'd really like this, and I want your answer to be free either way; how do you feel about it?"
                .to_owned()
        }
        FlagKind::Generalisation => {
            "I'd like us to talk about what feels right for the two of us rather than what others do; what do you think?"
                .to_owned()
        }
        FlagKind::Dismissive => {
            "I can see this matters to you; could you tell me more about how it feels?".to_owned()
        }
    })
}
