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
        || !matches!(
            doc.word(e - 1),
            "crazy" | "mad" | "nuts" | "insane" | "obsessive" | "possessive" | "jealous"
        )
}

/// "…because you wouldn't get up": blame only when the sentence reports a loss first.
fn loss_before(doc: &Doc, s: usize, _e: usize) -> bool {
    const LOSS: &[&str] = &[
        "missed",
        "late",
        "lost",
        "ruined",
        "broke",
        "broken",
        "wasted",
        "fight",
        "fighting",
        "argued",
        "cried",
        "crying",
        "upset",
        "stuck",
        "failed",
        "cancelled",
        "canceled",
        "mess",
        "disaster",
        "miserable",
        "embarrassed",
        "humiliated",
        "exhausted",
        "wrong",
        "spoilt",
        "spoiled",
        "ended",
        "over",
        "broke",
        "skint",
        "debt",
        "trouble",
        "hurt",
    ];
    let start = doc.sentence_of(s).map_or(s, |r| r.range.start);
    (start..s).any(|i| LOSS.contains(&doc.word(i)))
}

/// An "always"/"every time" sentence is the absolute rule's business.
fn absolute_in_sentence(doc: &Doc, s: usize) -> bool {
    doc.sentence_of(s).is_some_and(|r| {
        r.range.clone().any(|i| {
            matches!(
                doc.word(i),
                "always"
                    | "constantly"
                    | "continually"
                    | "forever"
                    | "never"
                    | "every"
                    | "each"
                    | "usual"
                    | "again"
            )
        })
    })
}

/// The partner is the subject of a plain claim ("You sabotaged it", not "when you …").
fn claim(doc: &Doc, s: usize, _e: usize) -> bool {
    super::main_claim(doc, s)
}

/// "your stubbornness" is fond when loved, admired or missed.
fn not_fond_of(doc: &Doc, s: usize, _e: usize) -> bool {
    let start = doc.clause_of(s).map_or(s, |c| c.range.start);
    !(start..s).any(|i| {
        matches!(
            doc.word(i),
            "love"
                | "like"
                | "adore"
                | "admire"
                | "miss"
                | "appreciate"
                | "understand"
                | "get"
                | "forgive"
                | "respect"
                | "when"
                | "if"
                | "about"
        )
    }) && super::main_claim(doc, s)
}

/// "it's down to you whether …" hands over a choice.
fn not_a_choice(doc: &Doc, _s: usize, e: usize) -> bool {
    !matches!(
        doc.word(e),
        "whether" | "if" | "to" | "now" | "what" | "which" | "how" | "when" | "where"
    )
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
        PatRule::new("(is|was) (all)? your (own)? doing"),
    PatRule::new("(you are|you were) the %trait").guard(claim),
    PatRule::new("(you are|you have been|you were) nothing but (a|an)? (%trait|trouble|a pain|grief|hassle)").keep_negated().sentence(),
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
    // Second person + evaluative predicate: "you're so callous", "you were a complete snob".
    PatRule::new("(you are|you were|you have been|you had been|you can be|you are being|you were being|you have become|you become|you sound|you seem|you look|you act|you are acting) (@label_adv)? (@label_adv)? (@label_adv)? (a|an)? (real|total|complete|absolute|massive|huge|proper|right|such|utter|bloody|fucking)? %trait").guard(|d, s, e| not_fond(d, s, e) && claim(d, s, e) && !crate::lexicon::is_dismiss(d.word(e - 1))),
    PatRule::new("(you are|you were) (the|a) (most|biggest|worst|least) ..2 %trait").guard(claim),
    PatRule::new("(you are|you were) the (worst|least) (_)? (partner|boyfriend|girlfriend|husband|wife|person|listener|communicator)").guard(claim),
    // Second person + unwelcome action: "you sabotaged …", "you've turned … against me".
    PatRule::new("you (have|had)? (just|really|totally|completely|literally|actually|even|also|again|deliberately|purposely|basically|pretty much|seriously)? %act").guard(|d, s, e| claim(d, s, e) && !absolute_in_sentence(d, s)),
    PatRule::new("you (have|had)? (just|really|totally|completely|literally|actually)? (killed|kill|killing|murdered) (the|my|our|any|every)? (mood|vibe|evening|night|moment|fun|romance|it|everything|weekend|holiday|trip|day|relationship)").guard(claim),
    PatRule::new("you (have|had)? (just|really|completely)? (turned|turn|turning|set|setting|poisoned) ..4 against (me|us)").guard(claim),
    PatRule::new("you (have|had)? (just|really|totally)? (let|lets|letting) ..4 down").guard(claim),
    PatRule::new("you (have|had)? (just|really)? (lost|broke|broken|blew|blown|missed|forgot|skipped|smashed|dropped) (my|our|the) ..3 (again|money|savings|keys|phone|ring|vase|trust|birthday|anniversary|chance|recital|show|game|flight|train|appointment|deadline|dinner|party)").guard(claim),
    PatRule::new("you (have|had)? (just|really)? (showed|show|shown) me up").guard(claim),
    PatRule::new("you (have|had)? (just|really)? (put|puts|putting) me down").guard(claim),
    PatRule::new("you (talk|talked|talking) down to me").guard(claim),
    PatRule::new("you (made|make|makes|making) me (feel)? (so|really|look)? (miss|lose|look|doubt|hate|regret|question|second-guess|dread|apologise|apologize|beg|wait|late|late for|stupid|an idiot|like an idiot|a fool|like a fool|feel|%negfeel)").guard(|d, s, e| claim(d, s, e) && !matches!(d.word(e), "good" | "safe" | "loved" | "special" | "better" | "welcome" | "seen" | "heard" | "happy" | "whole" | "beautiful" | "sexy" | "wanted" | "so" | "like" | "proud" | "calm" | "calmer" | "comfortable" | "valued" | "cared" | "understood" | "normal" | "amazing" | "young" | "alive" | "lucky" | "human" | "brave" | "strong" | "confident" | "relaxed" | "secure")),
    // "It's all down to you", "your selfishness is exhausting", "…because you wouldn't …".
    PatRule::new("(is|was|are|were) (all|entirely|totally|completely|squarely)? (down to|because of) you").guard(not_a_choice),
    PatRule::new("your (own)? (constant|endless|stupid|bloody|fucking|childish|selfish|pathetic|awful|terrible|ridiculous)? %vice").guard(not_fond_of),
    PatRule::new("because you (would not|could not|did not|will not|refused|insisted|had to|forgot|wanted|took|were|are|never|always|can not|just|kept)").guard(loss_before),
    PatRule::new("(you are|you were) responsible for (this|that|the) (mess|fight|argument|disaster|whole)"),
    PatRule::new("(look|see) what you (have)? (did|done|made me do)"),
];
