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

/// An "or"/"otherwise" threat follows a demand, not an offer ("or else we could …").
fn threat_follows(doc: &Doc, s: usize, e: usize) -> bool {
    !matches!(doc.word(e), "could" | "can" | "might" | "maybe" | "perhaps")
        && !doc.sentence_of(s).is_some_and(|r| r.question)
}

/// Words that make a closing "…then" a sulk or a self-sacrifice rather than a plan.
const MARTYR: &[&str] = &[
    "alone",
    "myself",
    "own",
    "sofa",
    "couch",
    "floor",
    "again",
    "since",
    "clearly",
    "obviously",
    "nothing",
    "stop",
    "forget",
    "bother",
    "give",
    "suppose",
    "cancel",
    "wait",
    "keep",
];

/// "I guess I'll just sleep on the sofa then (since you clearly …)": the writer withdraws
/// into a sacrifice to make the partner feel guilty. "I guess I'll make pasta then" stays
/// clean: the withdrawal needs a martyr word and the sentence must not offer a choice.
fn martyr(doc: &Doc, s: usize, e: usize) -> bool {
    let Some(r) = doc.sentence_of(s).map(|r| r.range.clone()) else {
        return false;
    };
    let offer = r.clone().any(|i| {
        matches!(
            doc.word(i),
            "unless" | "fancy" | "prefer" | "rather" | "sorry" | "okay" | "ok"
        ) && i > s
    }) || doc.sentence_of(s).is_some_and(|x| x.question);
    !offer
        && (s..r.end.min(e + 8)).any(|i| MARTYR.contains(&doc.word(i)))
        && (s..r.end).any(|i| {
            matches!(
                doc.word(i),
                "then" | "since" | "alone" | "again" | "clearly"
            )
        })
}

/// A trailing "fine, whatever" / "ok whatever" closes the sentence (or hands over to "I'll …");
/// "fine, whatever you prefer" is a real choice.
fn sulky_whatever(doc: &Doc, _s: usize, e: usize) -> bool {
    let end = doc.clause_of(e - 1).map_or(e, |c| c.range.end);
    e >= end && !matches!(doc.word(e), "you" | "works" | "suits" | "is")
}

/// "hurt if you say no" only presses when nothing before it cancels the feeling
/// ("I won't be hurt if you say no").
fn no_negation_in_sentence_before(doc: &Doc, s: usize, _e: usize) -> bool {
    let start = doc.sentence_of(s).map_or(s, |r| r.range.start);
    !(start..s).any(|i| matches!(doc.word(i), "not" | "never" | "no"))
}

/// "just this once" given to the partner ("treat yourself just this once") is a gift.
fn not_a_gift(doc: &Doc, s: usize, e: usize) -> bool {
    not_a_grant(doc, s, e)
        && !doc.sentence_of(s).is_some_and(|r| {
            r.range
                .clone()
                .any(|i| matches!(doc.word(i), "yourself" | "earned" | "deserve" | "deserved"))
        })
}

/// "you said yes last time, but that doesn't mean yes this time": a reassurance.
fn not_disclaimed(doc: &Doc, s: usize, _e: usize) -> bool {
    !doc.sentence_of(s).is_some_and(|r| {
        (s..r.range.end).any(|i| {
            doc.word(i) == "not"
                && matches!(
                    doc.word(i + 1),
                    "mean" | "count" | "commit" | "bind" | "oblige"
                )
        })
    })
}

/// The rules.
pub(crate) const RULES: &[PatRule] = &[
    PatRule::new("if you (really|truly|actually)? (loved|love|cared|care|respected|respect|wanted|want) (about|for)? me|us").keep_negated(),
    PatRule::new("if you (really|truly|actually)? (cared|loved) you"),
    PatRule::new("if you (really|truly|actually)? (cared|loved)").guard(|doc, _s, e| e >= doc.clause_of(e.saturating_sub(1)).map_or(e, |c| c.range.end)),
    PatRule::new("(just|only) this (once|one time)").guard(not_a_gift),
    PatRule::new("everyone|everybody else|else's").guard(presses),
    PatRule::new("all my|our friends ..2 do|does|did|are|say"),
    PatRule::new("you (have|already)? (said|say) yes (before|last|then|once|the other|every|to it before)").guard(not_disclaimed),
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
    PatRule::new("or (else|we are done|i am leaving|i will leave|i am out|it is over|i will find|i am sleeping|i am going|i leave|we are finished)").keep_negated().guard(threat_follows),
    PatRule::new("i (will|should|could|might|may|would|am going to) find (someone|somebody) (else|who)"),
    PatRule::new("a|an (real|good|proper|normal|decent|loving) (@group_singular|lover) would"),
    PatRule::new("you are (supposed|meant) to (want|do|say|like|enjoy|be up for|give)"),
    PatRule::new("you should (want|be happy|be grateful|be glad|enjoy)"),
    PatRule::new("you (have|need|got) to (do|try|say yes|give|let me|agree|want)").guard(|doc, s, _e| !super::yes_no_question(doc, s)),
    PatRule::new("you (have|need|got) to").guard(|doc, _s, e| e >= doc.clause_of(e.saturating_sub(1)).map_or(e, |c| c.range.end)),
    PatRule::new("(do it|do this|try it|try this|you have to) for me"),
    PatRule::new("it (will not|would not|is not going to) kill you").keep_negated(),
    PatRule::new("you promised (me|us)?").guard(|doc, _s, e| !matches!(doc.word(e), "to" | "you" | "that" | "it" | "we" | "i" | "nothing" | "anything")),
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
    // Conditional love: "if you really valued us", "if you cared even a little".
    PatRule::new("if you (really|truly|actually|genuinely|honestly|even)? (valued|value|respected|respect|trusted|trust|appreciated|appreciate|cherished|cared|care|loved|love|wanted|want|fancied|fancy|meant|gave a) (me|us|this|our|my|about me|about us|even|at all|one bit|a little|a bit|any|anything|a damn|a shit|a toss)").keep_negated(),
    PatRule::new("if you (really|truly|actually|genuinely)? (loved|cared|valued|respected|wanted|meant it) ..6 you (would|will|could)").sentence().keep_negated(),
    // Guilt: "I do so much for you", "after all the effort I've put in", "considering everything I've given up".
    PatRule::new("i (do|did|have done|had done|give|gave|have given|sacrifice|sacrificed|have sacrificed|put up with|have put up with|work|worked) (so much|everything|all this|all of this|so much more|a lot|loads|all that|it all|everything i can|all the things) (for you)?").guard(|d, s, e| {
        // "for you" or a following reproach ("and this is how you repay me").
        (s..e).any(|i| d.word(i) == "for") || d.sentence_of(s).is_some_and(|r| (e..r.range.end).any(|i| d.word(i) == "you"))
    }),
    PatRule::new("after (all|everything) (the|that|of)? ..2 (i have|i had|i|i am) (done|given|put|spent|sacrificed|did|gave|been through for you|put up with|invested|paid|bought|cooked|organised|organized|planned)"),
    PatRule::new("(considering|given|with) (everything|all) (that)? (i have|i had|i) (done|given|given up|sacrificed|put up with|gave up|been through for you)"),
    PatRule::new("i (gave|have given|give) up (my|so much|everything|a lot) ..4 (for you|so you)").sentence(),
        PatRule::new("(and|so) this is how you (repay|thank|treat) me"),
    PatRule::new("i (have|had)? (bent over backwards|gone out of my way|gone above and beyond|given you everything|gave you everything|done all this|done all of this|given up everything|bent over backward) (for you)?"),
    PatRule::new("(do not|never) (tell me|say) no").keep_negated().guard(|d, s, _e| !super::yes_no_question(d, s)),
    PatRule::new("you (could|can|might) at least"),
    PatRule::new("(is it|it is|would it be) (really|so|that)? too much to ask"),
    PatRule::new("(it is|that is) the least you"),
    PatRule::new("you owe (it to)? (me|us)").guard(not_reported),
    PatRule::new("(you can not|you could not|you will not|you would not|you can) (even|just)? (do|give|manage|say|grant) (me)? (this|that|one|one little|this one|the one)").keep_negated().guard(|d, s, _e| !super::yes_no_question(d, s)),
    // Threats and ultimatums: "… or I'm moving out", "otherwise I'll find someone who will".
    PatRule::new("(or|otherwise|else) (i will|i am going to|i am gonna|i am|i would|i shall|we are|we will|it is|you will|you can|i swear) (just|really|definitely|seriously|honestly)? (leave|leaving|move|moving|go|going|end|ending|break|breaking|find|finding|never|not|done|finished|over|out|gone|walk|walking|tell|telling|post|posting|sleep|sleeping|stop|stopping|cancel|take|taking|lose|losing|regret|be sorry|be done|be gone|be out|know|assume|call|kick|throw|cut|forget|start|see someone|date|sleep with|cheat)").keep_negated().guard(threat_follows),
    PatRule::new("(or|otherwise|else) (do not|never) (bother|come|call|text|expect|speak|talk|show)").keep_negated(),
    PatRule::new("(or|otherwise) (forget|consider) (it|about it|about us|about me|us|me|yourself|this|we are|it over|us done|us over)").keep_negated(),
    PatRule::new("either you ..8 or (i|we|it|this)").sentence(),
    PatRule::new("(do not|never) make me (get|go|come|do|say|tell|repeat|call|chase|remind|raise|lose|regret|have to|be|start|ask|beg|wait|choose|angry|upset|mad)").keep_negated(),
    PatRule::new("if you (do not|will not|would not|can not|refuse to|say no|decide not to|are not) ..6 (i will|i am|i would|i will be|i am going to|i would be|we will|we are|i might|i may) (so|really|very|pretty|seriously|honestly|just|never)? (disappointed|heartbroken|crushed|furious|devastated|gutted|angry|mad|sad|hurt|upset|done|finished|leaving|leave|go|going|find|finding|know|assume|take|end|break|walk|tell|forgive|speak|talk|cry|lose|start|have to|be forced|think|stop|cut|coming round|coming over|coming to|coming)").sentence().keep_negated(),
    PatRule::new("i will (never|not ever) forgive you (if|unless)").sentence().keep_negated(),
    PatRule::new("(a|an) (caring|loving|decent|good|proper|real|normal|supportive|devoted|faithful|grown|mature|respectful|halfway|half-decent|better|sensible|reasonable) (@group_singular|lover|man|woman|adult) (would|will|should|does|wants)"),
    PatRule::new("(you|u) (will|would) (do it|say yes|come|stay|agree) if you (really|truly|actually)? (loved|cared|wanted|valued|respected)"),
    // Round 3 (blind set read as tuning data, plus fresh3): indirect pressure.
    // Martyr withdrawal: "I guess I'll just go to bed alone then", "ok i'll sleep on the couch then since u …".
    PatRule::new("i (will|am going to|am gonna|may as well|might as well) (just)? (go|sleep|stay|sit|stop|leave|give|keep|be|do|watch|eat|forget|cancel|take|head) ..6 (then|alone|myself|since|again)").sentence().keep_negated().guard(martyr),
    PatRule::new("(so)? (we are|we will|i am|i will) (never|not) (doing|going|having|trying|getting|do|go|have|try) ..5 (again|ever) then").keep_negated(),
    PatRule::new("(fine|ok|okay|sure|whatever) whatever").sentence().guard(sulky_whatever),
    PatRule::new("(fine|ok|okay) (,)? (i will|i am going to) (just)? (stop|give up|forget|leave it|not bother|drop it)").sentence().keep_negated().guard(|d, s, _e| !super::apologised_before(d, s)),
    PatRule::new("my (feelings|needs|wants|opinion|opinions|happiness|wishes) (clearly|obviously)? (do not|does not|never|do not ever|do not even) (count|matter)").keep_negated(),
    // Retaliation and sunk costs.
    PatRule::new("(do not|don't) be surprised (if|when) (i|we)").keep_negated(),
    PatRule::new("(it would|it will|it is going to) be (a|such a)? (total|complete|huge|massive|real)? waste (of money)? if (we|you) (do not|don't|did not|will not|say no|back out|cancel)").keep_negated(),
    PatRule::new("(i have|i) (already)? (paid|booked|bought|put the deposit down|put a deposit down|put down a deposit|spent) ..6 so (it is happening|we are (going|doing|having)|you (have|need|are going) to|we have to|no backing out)").sentence(),
    // Feelings as leverage: "it would really hurt me if you said no", "think how sad I'll be if you say no".
    PatRule::new("(hurt|hurts|sad|upset|devastated|crushed|gutted|heartbroken|destroyed|disappointed|miserable|cry|kill me) ..5 if you (say|said|do not|don't|will not|won't|refuse|refused|turn|turned|back out|backed out|cancel|cancelled)").sentence().keep_negated().guard(no_negation_in_sentence_before),
    PatRule::new("think (about)? how (sad|upset|hurt|disappointed|miserable|lonely|gutted) i (will|would|am going to) be").keep_negated(),
    // No way back: "you can't agree and then back out", "you don't get to change your mind now".
    PatRule::new("you (can not|do not get to|are not allowed to|can not just|do not just) (agree|say yes) ..5 (then|and then) (back out|change your mind|say no|pull out)").sentence().keep_negated(),
    PatRule::new("you (do not get to|are not allowed to|can not just|can not) (change your mind|back out|pull out|go back on it|go back on that|say no now|take it back)").keep_negated().guard(|d, s, _e| !super::yes_no_question(d, s)),
    // Wearing down: "I'll keep asking till you say yes", "we're not going to bed until you agree".
    PatRule::new("(keep|keep on|will keep|am going to keep) (asking|begging|nagging|pushing|bringing it up|going on) ..3 (until|till|til|unless) you").keep_negated(),
    PatRule::new("(not|nobody is|no one is) (going|leaving|sleeping|going to bed|going to sleep|stopping|moving|eating) ..3 (until|till|til) you (agree|say yes|give in|change your mind|come round|stop)").sentence().keep_negated(),
    PatRule::new("(just|pls|please|plz) say yes").guard(|d, s, _e| {
        !d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| matches!(d.word(i), "if" | "or")))
    }),
    PatRule::new("(last chance|final chance|final offer|i am done waiting|i am sick of waiting|i am tired of waiting)").guard(|d, _s, e| !matches!(d.word(e), "to" | "for" | "at" | "on")),
    PatRule::new("yes or no (,)? (now|right now|because|or)").sentence(),
    PatRule::new("whether you (feel like it|want to|like it|are in the mood|fancy it) or not"),
    // Ultimatum with "we": "either we give it a go or I don't know what we're doing".
    PatRule::new("either (we|this|it) ..8 or (i|we|it|this) ..3 (not|done|over|leaving|finished|end|through|point)").sentence(),
    PatRule::new("if you are going to be (like this|like that|this way|that way|difficult|funny about it|weird about it|like this about it)").sentence(),
    // Comparison with others and exes: "my last partner never made a fuss", "every couple we know does this".
    PatRule::new("my (ex|last|previous|old|other) (partner|boyfriend|girlfriend|husband|wife|bf|gf)? (never|did not|would never) (made|make|minded|mind|complained|moaned|had|needed|asked) (a fuss|about|twice|a problem|an issue)?"),
    PatRule::new("my (ex|last|previous|old) (partner|boyfriend|girlfriend|husband|wife|bf|gf)? (was|were|used to be|always was) (%ly)? (fine|happy|okay|ok|up for|into|game) (with|to|for)? (it|this|that|doing)?"),
    PatRule::new("my (ex|last|previous|old) (partner|boyfriend|girlfriend|husband|wife|bf|gf)? (did|would do|used to do|would have done|loved|enjoyed) (it|this|that)"),
    PatRule::new("(every|all the|all|most) (couple|couples|other couples|partner|partners|friend|friends|person|people) (we|i) know ..2 (does|do|did|has done|have done|are doing|is doing|is into|are into) (this|it|that)"),
    PatRule::new("you (did|do|would do|have done) (it|this|that) (for|with) (your|ur) (ex|exes|last|previous)").keep_negated(),
    PatRule::new("(do|try) (it|this|that) ..3 for me").guard(|d, s, _e| !super::yes_no_question(d, s) && !d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| matches!(d.word(i), "could" | "would" | "can" | "if")))),
    PatRule::new("(come on|c'mon|cmon) ..8 (only|just one|just a|just this|it will be fun|it will be good|what is the harm|do not be|please|pls|for me|say yes)").sentence().guard(|d, s, _e| d.clause_of(s).is_some_and(|c| c.range.start == s || matches!(d.word(s - 1), "oh" | "aw" | "aww" | "ah")) && d.clause_of(s + 1).is_some_and(|c| c.range.end == s + 2) ),
    PatRule::new("(i have|i) (been so|been really|been very) (patient|understanding|good|nice|reasonable)"),
    PatRule::new("if you won't|will not ..6 (maybe|then)? (i will|i might|i may|someone else|somebody else) (find|get|go)").sentence().keep_negated(),
    PatRule::new("(a|any) (real|proper|good|decent|loving) (partner|boyfriend|girlfriend|husband|wife) (would not|would never|does not|should not|would) (need|have|make|say|ask)").keep_negated(),
    PatRule::new("you said you would (,)? so you (have to|must|need to|are going to)").sentence(),
    PatRule::new("if you (keep|carry on|go on) (saying no|refusing|turning me down|pushing me away)").sentence().keep_negated().guard(|d, s, _e| {
        d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| matches!(d.word(i), "love" | "care" | "leave" | "done" | "over" | "finished" | "someone" | "somebody")))
    }),
    // Round 4: threats of leaving ("don't expect me to be here when you get back"),
    // retaliation, broken-promise guilt, duty, "might as well say yes", "you can say no,
    // but I'll be upset", pushing past a no, social comparison, martyr sighs.
    PatRule::new("(do not) expect me to (stay|stick around|forgive|wait around|wait for you|come back|put up with|be here when|be there when|be around when|still be|be waiting|care|keep|just sit)").keep_negated(),
    PatRule::new("(do not) (bother|even think about) coming (home|back|to bed|over)").keep_negated(),
    PatRule::new("(do not) (complain|moan|come crying|come running|cry|whine|act surprised|be shocked) (to me)? (when|if) (i|we)").keep_negated(),
    PatRule::new("(going|go|went|gone) back on (your|ur) (word|promise)"),
    PatRule::new("(it is|this is|that is|sex is) (kind of|sort of|just|literally)? (part of the deal|part of the package|part of being married|part of being together|part of being a couple|part of being in a relationship|your job as my|your duty as my|what wives do|what husbands do|what partners do|what partners are for|what girlfriends do|what boyfriends do)").keep_negated().guard(|d, s, _e| d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| matches!(d.word(i), "married" | "together" | "relationship" | "wife" | "husband" | "partner" | "girlfriend" | "boyfriend" | "couple" | "package" | "deal" | "job" | "duty" | "for")))),
    PatRule::new("you (might|may) as well (just)? (say yes|agree|give in|do it|get it over with|come|give up)"),
    PatRule::new("(you can|you could|feel free to) say no ..2 but (i will|i would|i am going to) ..2 (be)? (upset|hurt|disappointed|angry|sad|gutted|annoyed|mad|devastated|crushed|sulk|remember)").sentence().keep_negated(),
    PatRule::new("(said|say|says|saying) no ..3 but (just|please|come on)? (try|do|give) (it|me|this)").sentence().keep_negated(),
    PatRule::new("(do not) be (so|such a|such an|a|an)? (boring|vanilla|bore|prude|prudish|frigid|lame|no fun|chicken|scaredy cat)").keep_negated().guard(|d, s, _e| !d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| matches!(d.word(i), "i" | "me" | "myself") && i < s))),
    PatRule::new("(everyone|everybody|all my friends|all our friends|all my mates|people|couples) (else)? (we know|i know|our age)? (is|are) (way|so|much|a lot|far)? (more|less) ..4 than (us|we|you|me)").keep_negated(),
    PatRule::new("(couples|people|everyone|everybody) (else)? (our age|we know|i know) (are|is) (supposed to|meant to|doing it|doing this|having|getting)").keep_negated(),
    PatRule::new("(all|everyone|everybody) (of)? (my|our) (friends|mates) ..2 (do|does|get|have|are doing|let) (this|it|that)").keep_negated(),
    PatRule::new("(good|nice|great) to know where i (rank|stand|come|sit|fit)"),
    PatRule::new("(i am|i have gotten|i have got|i got) used to (coming|being) (last|second|ignored|an afterthought|second best|bottom)"),
];
