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

/// "you don't want me to be happy" claims a motive; "you don't want me to worry" is care.
fn unkind_wish(doc: &Doc, s: usize, e: usize) -> bool {
    not_a_question(doc, s, e)
        && !matches!(
            doc.word(e),
            "worry" | "stress" | "struggle" | "feel" | "be" | "get" | "suffer" | "hurt" | "panic"
        )
        || matches!(
            doc.word(e + 1),
            "happy" | "succeed" | "fun" | "friends" | "anything" | "free"
        )
}

/// Words after "be honest," / "don't lie," that make the next "you …" a claim about the
/// partner's inner state rather than an invitation ("be honest, you can tell me").
const INNER: &[&str] = &[
    "are", "were", "want", "wanted", "think", "thought", "hate", "hated", "like", "liked", "find",
    "found", "only", "just", "never", "do", "did", "would", "enjoy", "enjoyed", "love", "loved",
    "meant", "mean", "wish", "prefer", "fancy", "fancied", "secretly", "have", "had", "was",
    "still", "miss", "missed",
];

/// A "you" claim about inner state somewhere after the opener, in the same sentence.
fn inner_claim_follows(doc: &Doc, s: usize, e: usize) -> bool {
    not_a_question(doc, s, e)
        && doc.sentence_of(s).is_some_and(|r| {
            (e..r.range.end.min(e + 6)).any(|i| {
                doc.word(i) == "you"
                    && INNER.contains(&doc.word(i + 1))
                    && !matches!(doc.word(i + 2), "not" | "to")
                    || doc.word(i) == "you" && doc.word(i + 1) == "do" && doc.word(i + 2) == "not"
            })
        })
}

/// "so you'd have an excuse …": only when the partner is the one who acted.
fn partner_acted(doc: &Doc, s: usize, _e: usize) -> bool {
    let start = doc.sentence_of(s).map_or(s, |r| r.range.start);
    (start..s).any(|i| doc.word(i) == "you") && !(start..s).any(|i| doc.word(i) == "i")
}

/// "I know you don't want me to worry": a caring wish, not a claimed motive.
fn caring_wish(doc: &Doc, e: usize) -> bool {
    (e..e + 4).any(|i| {
        matches!(
            doc.word(i),
            "worry"
                | "stress"
                | "fuss"
                | "struggle"
                | "panic"
                | "suffer"
                | "feel"
                | "sad"
                | "hurt"
                | "upset"
                | "rush"
                | "pressured"
                | "pressure"
        )
    })
}

const fn r(pat: &'static str) -> PatRule {
    PatRule::new(pat).guard(not_a_question)
}

/// The rules.
pub(crate) const RULES: &[PatRule] = &[
    r("you (are|were)? (obviously|clearly|secretly|evidently|plainly)").guard(|d, s, e| {
        not_a_question(d, s, e)
            && !matches!(
                d.word(e),
                "put" | "worked" | "work" | "made" | "make" | "spent" | "tried" | "try" | "care"
                    | "cared" | "love" | "loved" | "know" | "knew" | "thought" | "mean" | "meant"
                    | "did" | "went" | "enjoyed" | "are" | "were"
            )
            && !crate::lexicon::PRAISE.contains(&d.word(e))
            && !crate::lexicon::PRAISE.contains(&d.word(e + 1))
            || matches!(d.word(e + 1), "not" | "bored" | "lying" | "annoyed" | "angry" | "sick" | "tired" | "fed" | "hiding" | "jealous")
    }),
    r(
        "(obviously|clearly) you (want|wanted|think|thought|do not|did not|hate|like|love|prefer|wish|are|were|would|just|only)",
    ),
    r("i know (that)? you (secretly|really|actually|only|just|deep down)"),
    r("i know (that)? you would (love|like|enjoy|want|prefer|rather)"),
    r("you are (only|just) (here|with me|staying|around|still here) (because|for)"),
    r("i know (exactly|full well|perfectly well)? what you (are)? (really)? (thinking|think|want|are up to)"),
    r("i know (exactly|full well|perfectly well) what you (are)? (really|actually|secretly) mean"),
    r("i can (tell|see) (that)? you (do not|think|want|hate|are only|are just|would rather|wish)"),
    r(
        "you (only|just) (said|say|did|do|agreed|agree|went along|came|stayed|apologised|apologized|asked|offered|called|texted) (with it|along|that|it|this|yes)? (to|because|for|so)",
    )
    .sentence(),
    r("you are (just|only) (trying|looking|hoping) (to|for)"),
        r("you are (only|just) (saying|doing) (that|this|it|yes|no)? (to|because|so)"),
    r("you are (only|just) (saying|doing|being) (_)? (_)? (to|because|so)").sentence().guard(|d, s, e| not_a_question(d, s, e) && !matches!(d.word(s + 3), "trying" | "going")),
    r("you (_) (it|that|this|yes|along)? (just|only) (to|so|because) (shut|keep|get|make|stop|avoid|please|end|win|look|spite|hurt|annoy|i|me)").sentence(),
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
    r("you do not (love|want|like|respect|fancy) me|us").guard(|d, s, e| not_a_question(d, s, e) && d.word(e) != "to"),
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
    // Claims about the partner's inner life: "I know you think …", "I can tell you're bored of me".
    r("i (know|can tell|can see|could tell|just know|bet) (that)? you (think|thought|believe|hate|hated|resent|resented|blame|wish|wished|prefer|preferred|would rather|are lying|were lying|are hiding|never|only|just|secretly)"),
    r("i (know|can tell|can see|could tell|just know|bet) (that)? you (do|did) not (love|care|want|like|mean|respect|trust|fancy|find|miss|listen)").guard(|d, s, e| not_a_question(d, s, e) && !caring_wish(d, e)),
    r("(you are|you were|you have been|you have got) (getting|so|just|totally|completely)? (bored|sick|tired|fed up|done) (of|with) (me|us|this relationship|our relationship|being with me|seeing me)"),
    r("(and)? (you know it|we both know it|you know that|you know you do|you know you are|you know you did)").guard(|d, s, _e| d.clause_of(s).is_some_and(|c| c.range.end >= _e) && !yes_no_question(d, s) && s > d.clause_of(s).map_or(s, |c| c.range.start) || d.word(s) == "and"),
    r("you (want|wanted) me to (fail|suffer|feel|look|give up|leave|beg|grovel|be miserable|be unhappy|struggle|lose|break|crack|mess up|screw up|apologise|apologize|chase|say sorry|get hurt|be jealous)"),
    r("the (real|actual|true) reason (you|why you|is that you)"),
    r("(do not|stop) (pretend|pretending|acting like|act like) (that)? (you|to)").keep_negated(),
    r("you (are)? (just|only)? (pretend|pretending|act like|acting like) (to|that|you)"),
    r("you are (just|only)? (waiting|looking|hoping|searching|angling) (for)? (an excuse|a reason|an opportunity|an opening|a way out|a chance)"),
    r("you are (just|only)? (waiting|hoping) for me to (fail|mess up|slip up|screw up|leave|give up)"),
    r("i know (exactly|full well|perfectly well)? (why|what) you (did|said|do|say|are doing|are saying|were doing|want|wanted|are after|are really|really|meant|are playing|are up to)"),
    r("you (did|said|do|say|are doing|are saying|texted|called|bought|came|stayed|left|cried|went|posted|mentioned|brought) (it|that|this|up|those|that up|it up)? (just|only)? (to|so you could|so that you could) (get back at|punish|hurt|spite|annoy|upset|wind me up|provoke|manipulate|control|guilt|humiliate|embarrass|look good|show off|win|test me|get attention|get out of|get your way|get sympathy|get back|avoid|make me)"),
    r("you only (ever)? _ (it|that|this|me|us|yes|no)? (because|to get|to make|so you)").guard(|d, s, e| {
        not_a_question(d, s, e) && !matches!(d.word(s + 2), "need" | "have" | "had" | "got" | "get" | "ever")
    }),
    r("you would (be happier|rather be|prefer to be|be better off|much rather be|sooner be) (with|without|anywhere|somewhere|alone|single)"),
    r("you (are|were) (only|just) (with me|here|staying|nice to me|being nice|doing this) (because|for|out of|to)"),
    // Round 3 (blind set read as tuning data, plus fresh3).
    // Confession demands: "don't lie, you were glad", "admit it, you find me boring", "be honest, you only …".
    PatRule::new("(do not lie|stop lying|be honest|admit it|just admit it|just be honest|you know it is true|do not pretend|quit lying|let us be honest)").sentence().guard(inner_claim_follows),
    r("we both know (that)? you (meant|mean|want|wanted|do not|did not|would rather|really|secretly|hate|never|only|just|are not|were not|can not)").keep_negated(),
    r("you (say|said|wrote|tell me|told me) (you are|that you are|you were|it is|it was|_) ..3 but (your face|your eyes|your body|your voice|i know|we both know|i can tell|really|actually|deep down|you do not|you clearly|you obviously)").sentence().keep_negated(),
    r("you (are|have been|were) (_)? (_)? (away|distant|cold|off|weird|quiet|secretive|different)? because of (someone|somebody|her|him|them|your ex|some guy|some girl|that guy|that girl|a guy|a girl)").sentence(),
    PatRule::new("so (that)? you (would|could|can|did not have to|would not have to|do not have to) (have an excuse|have a reason|get out of|avoid|not have to|get away with|be able to say no|say no|skip|dodge|look good|win|feel better|have the upper hand|control)").keep_negated().sentence().guard(partner_acted),
    r("you (only|just) (ever)? (_) ..5 (so|so that|because|to get|to avoid|to make|to keep|to shut|to stop|to win) (you|me|out|i|of)").sentence().guard(|d, s, e| {
        not_a_question(d, s, e) && !matches!(d.word(s + 2), "need" | "have" | "had" | "got" | "get" | "ever" | "want" | "wanted") && !super::negated_before(d, s)
    }),
    PatRule::new("you (just|simply|clearly|obviously|so clearly|honestly)? (do not|don't|did not|never) (want|wanted) me to").keep_negated().guard(unkind_wish),
    r("you (so|very|pretty)? (clearly|obviously) (do not|did not|never) (want|care|like|love|fancy|respect|trust|listen)").keep_negated(),
    r("you are (only|just) (asking|agreeing|helping|listening|apologising|apologizing|texting|calling|offering|pretending|nodding|smiling|staying|coming|being nice|cooking|cleaning) ..5 (so|to|because|so that)").sentence().guard(|d, s, e| not_a_question(d, s, e) && !matches!(d.word(e), "me" | "i") || matches!(d.word(e), "so")),
    r("you (secretly|deep down|actually|really) (enjoy|love|like|want|hate|resent|wish|liked|loved|enjoyed|wanted)").guard(|d, s, e| not_a_question(d, s, e) && super::main_claim(d, s) && d.word(s + 1) != "really" || matches!(d.word(e), "seeing" | "it" | "making" | "watching" | "hurting" | "me")),
    r("(i can see|i see) right through you"),
    r("you think (i am|im|that i am) (stupid|an idiot|thick|dumb|a fool|blind|naive|an idiot|born yesterday)"),
    r("you (find|found) me (boring|annoying|ugly|unattractive|disgusting|embarrassing|too much|a burden|repulsive|dull|tedious|pathetic)").guard(|d, s, e| not_a_question(d, s, e) && super::main_claim(d, s)),
    r("you do not (actually|really|even|honestly)? (want|wanna|love|like|fancy|care about) (to be with|being with|me|us) (,)? (do you)?").keep_negated().guard(|d, s, e| not_a_question(d, s, e) && d.word(e) != "to" && super::main_claim(d, s) && !d.sentence_of(s).is_some_and(|r| r.question && d.word(r.range.start) != "you")),
    r("(you are|you were|you have been) (obviously|clearly|still|so)? (hung up on|in love with|obsessed with|thinking about|dreaming about|into) (her|him|your ex|them|someone|somebody)").guard(|d, s, e| not_a_question(d, s, e) && super::main_claim(d, s)),
    r("you are (planning|trying|going|waiting|looking) (to leave|to dump|to break up|for an excuse|for a way|for a reason|for someone|to cheat)").sentence(),
    r("the only reason you (_)"),
    // Round 4: motives pinned on the partner ("you said no just to punish me"), excuses
    // read as cover stories, faces read like books.
    r("you ..6 (just|only|purely|simply)? to (punish|spite|hurt|upset|annoy|control|manipulate|guilt|guilt-trip|wind up|get at|get to|mess with|test|score points off) me").guard(|d, s, _e| super::main_claim(d, s)),
    r("you (said|say|says|saying) no ..3 (just|only|purely|simply)? to (punish|spite|hurt|upset|annoy|control|get at|test) me").guard(|d, s, _e| super::main_claim(d, s)),
    r("you are (just|only) (saying|using|making up|claiming|pretending) ..6 (because|so|to)").sentence(),
    r("because you (want|wanted|need|needed|are looking for|were looking for) (an excuse|a reason|an out|a way out|to win|to look good|to feel superior|to get out of|to avoid me|ammunition)"),
    r("i can (see|tell) (it)? (in|from|by|on) your (face|eyes|voice|look|expression) (that)? you (think|thought|want|wanted|hate|do not|did not|wish|would rather|resent|regret|are lying|are bored|are judging|are disgusted|find|are only|are just)"),
    r("(funny|strange|weird|convenient|interesting|amazing) how your ..3 (only|always|never|suddenly|conveniently)"),
    r("(is|are|was) (just|basically|obviously|clearly)? code for"),
    r("we both know (that|it)").guard(|d, s, e| d.clause_of(s).is_some_and(|c| e >= c.range.end) && d.sentence_of(s).is_some_and(|r| r.range.start < s)),
    r("you (just|only)? (like|love|want|enjoy) (having)? (something|an excuse|a reason) to (moan|complain|whine|cry|be upset|be angry|sulk|fight|argue) about"),
];
