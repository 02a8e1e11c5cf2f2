//! Mind reading: claiming to know the partner's wishes or motives.

use super::{PatRule, yes_no_question};
use crate::tokens::Doc;

/// A yes/no question asks rather than claims ("Do you secretly wish …?").
fn not_a_question(doc: &Doc, s: usize, _e: usize) -> bool {
    !yes_no_question(doc, s)
}

/// True when the clause is tentative before `s` ("I worry that you secretly …").
pub(crate) fn tentative_before(doc: &Doc, s: usize) -> bool {
    let start = doc.clause_of(s).map_or(s, |c| c.range.start);
    (start..s).any(|i| {
        matches!(
            doc.word(i),
            "worry"
                | "worries"
                | "worried"
                | "wonder"
                | "wondering"
                | "afraid"
                | "scared"
                | "fear"
                | "guess"
                | "guessing"
                | "maybe"
                | "perhaps"
                | "unsure"
                | "whether"
        )
    })
}

const fn r(pat: &'static str) -> PatRule {
    PatRule::new(pat).guard(not_a_question)
}

/// The rules.
pub(crate) const RULES: &[PatRule] = &[
    r("you (are|were)? (obviously|clearly|secretly|evidently|plainly)"),
    r(
        "(obviously|clearly) you (want|wanted|think|thought|do not|did not|hate|like|love|prefer|wish|are|were|would|just|only)",
    ),
    r("i know (that)? you (secretly|really|actually|only|just|deep down)"),
    r("i know (that)? you would (love|like|enjoy|want|prefer|rather)"),
    r("you are (only|just) (here|with me|staying|around|still here) (because|for)"),
    r("i know (exactly|full well|perfectly well)? what you (are)? (really)? (thinking|think|want|mean|are up to)"),
    r("i can (tell|see) (that)? you (do not|think|want|hate|are only|are just|would rather|wish)"),
    r(
        "you (only|just) (said|say|did|do|agreed|agree|went along|came|stayed|apologised|apologized|asked|offered|called|texted) (with it|along|that|it|this|yes)? (to|because|for|so)",
    )
    .sentence(),
    r("you are (just|only) (trying|looking|hoping) (to|for)"),
    r("you are (only|just) (saying|doing) (that|this|it|yes|no)? (to|because|so)"),
    r(
        "you are (only|just)? (doing|saying) (this|that|it) (to|because) (punish|hurt|get|make|spite|avoid|win|manipulate)",
    ),
    r("you (only|just) (want|wanted|care*) (to|me|an|a|attention|sex|your)"),
    r(
        "you are (only|just) (being|acting) (nice|sweet|kind|nice to me|affectionate|friendly|helpful|romantic) (because|to|so)",
    ),
    r("deep down you"),
    r("you (never|do not) (really|even|actually) (loved|wanted|liked|cared about|fancied) me"),
    r("i know (for a fact|for sure|exactly) (that)? you"),
    r("you (only|just) care about (yourself|your|sex|getting|winning|looking)"),
    r("(admit|just admit) (that)? you (want|wanted|like|liked|hate|are|were|do not|never)"),
    r("you (did|do|are doing|said) (it|that|this) on purpose"),
    r("you (do|did) not (even|really|actually|truly) (care|love|want|mean|like|enjoy|listen)"),
    r("you do not care (about|at all|what|how)"),
    r("you do not care").guard(|doc, s, e| {
        !yes_no_question(doc, s) && e >= doc.clause_of(s).map_or(e, |c| c.range.end)
    }),
    r("you do not (love|want|like|respect|fancy) me|us"),
    r("you are (just|only|clearly|obviously)? pretending"),
    r("you (just|only|simply)? (do not|never) want to (admit|hear|see|face|deal|accept|listen|talk about it)"),
    r("you must (think|believe)"),
    r("i bet you (would rather|wish|secretly|think|wanted|want|are|were|did not|do not|never)"),
    r("you know you (want|like|love|enjoy)"),
    r("you want (it|this|me) (too|as well|really)"),
    r("admit it").guard(|d, s, _e| s == 0 || !matches!(d.word(s - 1), "i" | "we" | "will" | "to")),
    r("you would (rather|prefer to) be with"),
    r("you are doing this to"),
    r("your body (wants|says)"),
];
