//! Pressure: guilt, obligation, threats, ultimatums and "everyone else does".

use super::PatRule;
use crate::tokens::Doc;

/// "just this once" is pressure unless the writer grants something ("just this once I'll …").
fn not_a_grant(doc: &Doc, s: usize, e: usize) -> bool {
    let same_clause = doc
        .toks
        .get(e)
        .is_some_and(|t| Some(t.clause) == doc.toks.get(s).map(|t| t.clause));
    !(same_clause && doc.word(e) == "i")
}

/// "…feel you owe me" reports a worry about the partner's feelings, not a demand.
fn not_reported(doc: &Doc, s: usize, _e: usize) -> bool {
    s == 0
        || !matches!(
            doc.word(s - 1),
            "feel" | "felt" | "think" | "like" | "that" | "if"
        )
}

/// "everyone else does it" presses; "everyone else has left" is logistics.
fn presses(doc: &Doc, _s: usize, e: usize) -> bool {
    let next = doc.word(e);
    if doc.word(e - 1) == "else's" {
        return true;
    }
    matches!(
        next,
        "does"
            | "do"
            | "did"
            | "would"
            | "says"
            | "seems"
            | "manages"
            | "gets"
            | "has sex"
            | "enjoys"
            | "likes"
            | "loves"
            | "wants"
    ) || e >= doc.clause_of(e - 1).map_or(e, |c| c.range.end)
        || (matches!(next, "is" | "was" | "seems")
            && matches!(
                doc.word(e + 1),
                "doing" | "fine" | "okay" | "ok" | "into" | "happy" | "up"
            ))
}

/// The rules.
pub(crate) const RULES: &[PatRule] = &[
    PatRule::new("if you (really|truly|actually)? (loved|love|cared|care|respected|respect|wanted|want) (about|for)? me|us").keep_negated(),
    PatRule::new("if you (really|truly|actually)? (cared|loved) you"),
    PatRule::new("if you (really|truly|actually)? (cared|loved)").guard(|doc, _s, e| e >= doc.clause_of(e.saturating_sub(1)).map_or(e, |c| c.range.end)),
    PatRule::new("(just|only) this (once|one time)").guard(not_a_grant),
    PatRule::new("everyone|everybody else|else's").guard(presses),
    PatRule::new("all my|our friends ..2 do|does|did|are|say"),
    PatRule::new("you (have|already)? (said|say) yes (before|last|then|once|the other|every|to it before)"),
    PatRule::new("you (have|already)? (did|done) (it|this|that) (before|last|once)"),
    PatRule::new("you can not (back out|pull out|change your mind|say no) (now|at this point|after)").keep_negated(),
    PatRule::new("(i will|i am going to|i am gonna) (tell|show|post|send) ..3 if you"),
    PatRule::new("other (couples|people|partners|wives|husbands|girlfriends|boyfriends|women|men) (do|are doing|have|manage|say|seem)"),
    PatRule::new("you (agreed|liked|enjoyed|wanted) (to|to it|to this|to that|it|this|that)? (before|last time|last|once|then)"),
    PatRule::new("you owe me|us").guard(not_reported),
    PatRule::new("after (all|everything) (that)? i (have)? (do|did|done|give|gave|given|sacrifice*|sacrificed|put up with) (for you)?"),
    PatRule::new("if you (do|will|would) not ..5 (i am|i will|i would|we are|i am going to|i will be) (leaving|leave|done|gone|going|finding|find|out|break*|end*|sleeping|walking|tell*|so hurt|hurt|upset|really hurt|devastated)").sentence().keep_negated(),
    PatRule::new("if you (refuse|say no|keep saying no) ..5 (i am|i will|we are|i am going to) (leaving|leave|done|gone|going|finding|find|out|break*|end*)").sentence(),
    PatRule::new("(i am|i will|i will be|we are) (leaving|leave|done|so hurt|really hurt|hurt|upset|gone|out) if you").keep_negated(),
    PatRule::new("or (else|we are done|i am leaving|i will leave|i am out|it is over|i will find|i am sleeping|i am going|i leave|we are finished)").keep_negated(),
    PatRule::new("i (will|should|could|might|may|would|am going to) find (someone|somebody) (else|who)"),
    PatRule::new("a|an (real|good|proper|normal|decent|loving) (@group_singular|lover) would"),
    PatRule::new("you are (supposed|meant) to (want|do|say|like|enjoy|be up for|give)"),
    PatRule::new("you should (want|be happy|be grateful|be glad|enjoy)"),
    PatRule::new("you (have|need|got) to (do|try|say yes|give|let me|agree|want)").guard(|doc, s, _e| !super::yes_no_question(doc, s)),
    PatRule::new("you (have|need|got) to").guard(|doc, _s, e| e >= doc.clause_of(e.saturating_sub(1)).map_or(e, |c| c.range.end)),
    PatRule::new("(do it|do this|try it|try this|you have to) for me"),
    PatRule::new("it (will not|would not|is not going to) kill you").keep_negated(),
    PatRule::new("you promised (me|us)?").guard(|doc, _s, e| !matches!(doc.word(e), "to" | "you" | "that" | "it" | "we" | "i")),
    PatRule::new("you can not keep saying no").keep_negated(),
    PatRule::new("stop saying no").keep_negated(),
    PatRule::new("(do not|never) say no (to me)? again").keep_negated(),
    PatRule::new("prove (that|it)? (you|it)"),
    PatRule::new("the least you (can|could) do"),
    PatRule::new("(it is|that is|sex is) (part of|what) (being|a) (in a relationship|married|a couple|couples do|relationship)"),
    PatRule::new("(i need|i want) (you to say|a) yes"),
    PatRule::new("you (would|will) (do it|say yes) if you (really|truly)? (loved|cared|wanted)"),
    PatRule::new("(i will|i am going to|i am gonna) (leave|break up|walk out|go|find) ..4 (unless|if you do not|if you will not|if you say no)").keep_negated(),
    PatRule::new("(do not|never) (make|force) me (ask|beg|wait|choose)").keep_negated(),
    PatRule::new("how (long|much longer) (do|am) i (have to|supposed to|meant to) wait"),
    PatRule::new("(say|just say) yes (for once|already|this time)"),
    PatRule::new("(do not|did not) you (love|care about|want|trust) me").keep_negated(),
    PatRule::new("(do not|never) bother coming back").keep_negated(),
    PatRule::new("(it is|that is) your (job|role|place|responsibility) to"),
    PatRule::new("what is one more (time|go)"),
    PatRule::new("(we have|you have) done (it|this|that) (twice|before|loads of times|plenty of times|so many times)"),
    PatRule::new("(think about|remember|look at|after) (everything|all) (that)? i (have)? (done|did|do|given|gave|sacrificed) (for you)?"),
    PatRule::new("(you will|you would) regret"),
    PatRule::new("you (would|had)? better").guard(|doc, s, _e| {
        doc.clause_of(s).is_some_and(|c| c.range.start == s || matches!(doc.word(s - 1), "well" | "now" | "so" | "oh"))
    }),
    PatRule::new("do not make me beg").keep_negated(),
    PatRule::new("i am begging"),
    PatRule::new("take it or leave it"),
    PatRule::new("your duty"),
    PatRule::new("do not be like that").keep_negated(),
    PatRule::new("you can not say no").keep_negated(),
    PatRule::new("(we are|it is) (done|over|finished) if"),
    PatRule::new("i (have|had) (waited|been patient) (long enough|for months|so long)"),
    PatRule::new("i deserve (this|it|sex|more)"),
];
