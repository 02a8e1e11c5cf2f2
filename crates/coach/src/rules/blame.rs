//! Blame: accusations and character labels aimed at the partner.

use super::PatRule;
use crate::tokens::Doc;

/// Words that make the rest of a "thanks to you" / "because of you" sentence a complaint.
const GLOOM: &[&str] = &[
    "barely",
    "hardly",
    "stopped",
    "stop",
    "quit",
    "nothing",
    "no",
    "disaster",
    "ruined",
    "late",
    "missed",
    "lost",
    "mess",
    "wasted",
    "awful",
    "terrible",
    "never",
    "not",
    "fight",
    "fighting",
    "can",
    "stuck",
    "broke",
    "broken",
    "gone",
    "over",
    "falling",
    "apart",
    "worse",
    "wrong",
    "miserable",
    "unhappy",
    "alone",
    "cry",
    "crying",
    "upset",
    "hurt",
    "exhausted",
    "sad",
];

/// "because of you" / "thanks to you" only blames when something went wrong.
fn gloomy_rest(doc: &Doc, _s: usize, e: usize) -> bool {
    let end = doc
        .sentence_of(e.saturating_sub(1))
        .map_or(e, |s| s.range.end);
    (e..end).any(|i| GLOOM.contains(&doc.word(i)))
}

/// "…make you feel like it's your fault" reflects the partner's feeling; it does not blame.
fn not_reflected(doc: &Doc, s: usize, _e: usize) -> bool {
    let start = doc.clause_of(s).map_or(s, |c| c.range.start);
    !(start..s).any(|i| {
        doc.word(i) == "you" && matches!(doc.word(i + 1), "feel" | "felt" | "think" | "thought")
    })
}

/// "crazy about me" is fondness, not a label.
fn not_fond(doc: &Doc, _s: usize, e: usize) -> bool {
    doc.word(e) != "about"
}

/// The rules.
pub(crate) const RULES: &[PatRule] = &[
    PatRule::new(
        "you (always|constantly|just|really|totally|completely|literally|actually|have|had|even)? ruin*|wreck*|spoil*|spoilt|destroy*",
    ),
    PatRule::new(
        "you (always|constantly|just|really|totally|completely|have|had)? (mess* up|messed up|screw* up|screwed up|mess* it up|mess* everything up|screw* everything up|f*cked up|fucked up|broke your promise|broke your word|broke my trust|let me down|let us down)",
    ),
    PatRule::new(
        "(it|this|that|everything|all) ..3 is|was (all|entirely|totally|completely)? (your|you are) fault",
    )
    .guard(not_reflected),
    PatRule::new("your (own)? fault").guard(not_reflected),
    PatRule::new("(this|that|it|everything) ..3 is|was (all)? on you"),
    PatRule::new("because of you").guard(gloomy_rest),
    PatRule::new("thanks to you").guard(gloomy_rest),
    PatRule::new(
        "you (always)? (made|make|makes|making) me (feel)? (so|really|feel)? (@neg_feeling|cry|angry|mad|lose my temper|say|do that|do it|so angry|sick|miserable|late|upset|furious)",
    ),
    PatRule::new("(you are|you were|your) (@label_adv)? (@label_adv)? @label").guard(not_fond),
    PatRule::new("you would not be (so|such a|such|this)? @label").keep_negated(),
    PatRule::new("you are the problem"),
    PatRule::new("you are the (reason|cause)").guard(gloomy_rest),
    PatRule::new("you are the one who (started|ruined|caused|messed|screwed|broke|lied|cheated|left|walked|hurt|pushed|wrecked|spoiled|spoilt|forgot|ignored|made this|made it)"),
    PatRule::new("you (screw*|mess*|fuck*|f*ck*) (it|this|that|everything|things|us) up"),
    PatRule::new("you (made a fool of|humiliated|embarrassed|shamed|belittled) me"),
    PatRule::new("what is wrong with you"),
    PatRule::new("shame on you"),
    PatRule::new("how could you"),
    PatRule::new("you should be ashamed"),
    PatRule::new("(i|we) blame you"),
    PatRule::new(
        "you (started|caused|began) (it|this|that|all this|the fight|the argument|everything)",
    ),
    PatRule::new("you destroyed|betrayed|broke"),
    PatRule::new("you are|were (acting|behaving) like a|an").guard(|d, _s, e| !matches!(d.word(e), "drama" | "baby")),
];
