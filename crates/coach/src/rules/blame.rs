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
        "whether"
            | "if"
            | "to"
            | "now"
            | "what"
            | "which"
            | "how"
            | "when"
            | "where"
            | "tonight"
            | "today"
            | "this"
            | "next"
            | "tomorrow"
    )
}

/// Words the dismissive rules leave alone that still label the partner's character.
const CHARACTER_DISM: &[&str] = &[
    "needy",
    "clingy",
    "childish",
    "moody",
    "grumpy",
    "sulky",
    "stroppy",
    "mardy",
    "difficult",
    "uptight",
    "prudish",
    "fussy",
    "whiny",
    "whingy",
];

/// Sarcastic praise: "well done", "nice one", "great job", "cheers for", "thanks for".
const SARCASM: &[&str] = &[
    "done",
    "one",
    "job",
    "cheers",
    "thanks",
    "great",
    "brilliant",
    "classic",
    "typical",
    "congratulations",
    "congrats",
    "bravo",
    "nice",
];

/// A sarcasm opener earlier in the sentence ("well done, you managed to …").
fn sarcastic_before(doc: &Doc, s: usize) -> bool {
    let start = doc.sentence_of(s).map_or(s, |r| r.range.start);
    (start..s).any(|i| SARCASM.contains(&doc.word(i)))
}

/// Laughter or love in the sentence's raw text ("😂", "lol", "in the best way").
pub(crate) fn fond_text(doc: &Doc, s: usize) -> bool {
    let Some(r) = doc.sentence_of(s) else {
        return false;
    };
    let from = doc.toks.get(r.range.start).map_or(0, |t| t.start);
    let to = doc
        .toks
        .get(r.range.end)
        .map_or(doc.chars.len(), |t| t.start)
        .min(doc.chars.len());
    let text: String = doc.chars[from.min(to)..to]
        .iter()
        .collect::<String>()
        .to_lowercase();
    [
        "\u{1F602}",
        "\u{1F923}",
        "\u{1F60D}",
        "\u{2764}",
        "\u{1F970}",
        "lol",
        "haha",
        "best way",
    ]
    .iter()
    .any(|m| text.contains(m))
}

/// A ruin verb whose object is the writer and whose sentence laughs or swoons
/// ("you ruined me with that lasagne 😂", "you've ruined me for anyone else") is praise;
/// a reported one ("when I said you ruined it") is not a claim.
fn not_playful_ruin(doc: &Doc, s: usize, e: usize) -> bool {
    let start = doc.clause_of(s).map_or(s, |c| c.range.start);
    let reported = (start..s).any(|i| {
        matches!(
            doc.word(i),
            "said"
                | "says"
                | "told"
                | "hearing"
                | "heard"
                | "felt"
                | "feel"
                | "if"
                | "when"
                | "whether"
                | "think"
                | "thought"
                | "worry"
                | "worried"
                | "afraid"
                | "that"
        )
    });
    let adoring = fond_text(doc, s)
        && doc.sentence_of(s).is_some_and(|r| {
            r.range
                .clone()
                .any(|i| matches!(doc.word(i), "love" | "adore"))
        });
    !reported
        && !adoring
        && !(doc.word(e) == "me" && (matches!(doc.word(e + 1), "for") || fond_text(doc, s)))
}

/// The rules.
pub(crate) const RULES: &[PatRule] = &[
    PatRule::new(
        "you (always|constantly|just|really|totally|completely|literally|actually|have|had|even)? ruin*|wreck*|spoil*|spoilt|destroy*",
    ).guard(not_playful_ruin),
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
    PatRule::new("(this|that|it|everything) ..3 is|was (all)? on you").guard(not_a_choice),
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
    PatRule::new("(you are|you were|you have been|you had been|you can be|you are being|you were being|you have become|you become|you sound|you seem|you look|you act|you are acting) (@label_adv)? (@label_adv)? (@label_adv)? (a|an)? (real|total|complete|absolute|massive|huge|proper|right|such|utter|bloody|fucking)? %trait").guard(|d, s, e| not_fond(d, s, e) && claim(d, s, e) && (!crate::lexicon::is_dismiss(d.word(e - 1)) || CHARACTER_DISM.contains(&d.word(e - 1)))),
    PatRule::new("(you are|you were) (the|a) (most|biggest|worst) ..2 %trait").guard(claim),
    PatRule::new("(you are|you were) the (worst|least) (_)? (partner|boyfriend|girlfriend|husband|wife|person|listener|communicator)").guard(|d, s, e| claim(d, s, e) && !(d.word(s + 3) == "least" && crate::lexicon::is_trait(d.word(s + 4)))),
    // Second person + unwelcome action: "you sabotaged …", "you've turned … against me".
    PatRule::new("you (have|had)? (just|really|totally|completely|literally|actually|even|also|again|deliberately|purposely|basically|pretty much|seriously)? %act").guard(|d, s, e| claim(d, s, e) && !absolute_in_sentence(d, s) && not_playful_ruin(d, s, e)),
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
    // Round 3 (blind set read as tuning data, plus fresh3): sarcasm, counterfactuals,
    // comparisons, "no wonder".
    PatRule::new("you (have|had)? (managed|found a way|had|just had|went|go|had to go|have to go) (to|and)? (go and)? (%act|ruin*|wreck*|spoil*|spoilt|destroy*|kill the mood|make us late|make me late)").guard(|d, s, _e| super::main_claim(d, s) || sarcastic_before(d, s)),
    PatRule::new("(typical|classic|so typical of|that is so) (you|of you)").guard(|d, s, e| {
        let end = d.clause_of(s).map_or(e, |c| c.range.end);
        (e >= end || matches!(d.word(e), "to" | "leaving" | "making" | "forgetting" | "ruining" | "being"))
            && !d.sentence_of(s).is_some_and(|r| r.question)
            && !(s > 0 && matches!(d.word(s - 1), "not" | "so" | "how"))
            && !fond_text(d, s)
    }),
    PatRule::new("you (have|had)? (made|make|making) (us|me|everyone) (late|miss|lose|look bad|look stupid|look like idiots|the bad guy|the villain|the bad one)").guard(|d, s, _e| super::main_claim(d, s) || sarcastic_before(d, s)),
    PatRule::new("(making|made|make) me (look like)? (the|a) (bad guy|villain|bad one|baddie|monster|idiot|fool|liar)").guard(|d, s, _e| sarcastic_before(d, s) || (d.sentence_of(s).map_or(s, |r| r.range.start)..s).any(|i| d.word(i) == "you")),
    PatRule::new("(the|only) (reason|problem|issue|trouble) ..6 (is|was) (you|your|all you)").sentence().guard(|d, s, e| {
        (s..e).any(|i| matches!(d.word(i), "problem" | "issue" | "trouble" | "flat" | "wrong" | "failed" | "ruined" | "fight" | "fighting" | "argue" | "arguing" | "unhappy" | "miserable")) || gloomy_rest(d, s, s + 1)
    }),
    PatRule::new("if you (had not|did not|had|would have|would not have) ..8 (we|i|it|this|everything) (would not|would never|would not have|would have been fine|would be fine|would still)").sentence().keep_negated().guard(|d, s, _e| {
        d.sentence_of(s).is_some_and(|r| (s..r.range.end).any(|i| GLOOM.contains(&d.word(i)) && d.word(i) != "not" && d.word(i) != "never" || matches!(d.word(i), "mess" | "argument" | "row")))
    }),
    PatRule::new("(you are|you were) (just|exactly|literally)? (like|as bad as|no better than|the same as) your (dad|mum|mom|mother|father|ex|brother|sister|family|parents)").guard(|d, s, e| {
        d.word(e - 2) != "like" || d.sentence_of(s).is_some_and(|r| (e..r.range.end).any(|i| crate::lexicon::is_trait(d.word(i))))
    }),
    PatRule::new("no wonder your (ex|exes|ex-boyfriend|ex-girlfriend|ex-wife|ex-husband|friends|family|mates|kids) (left|hate|avoid|do not|can not|never|stopped|dumped|cheated|gave up)"),
    PatRule::new("no wonder (nobody|no one) (likes|wants|stays|can stand|puts up with|loves|dates) (you|with you)").keep_negated(),
    PatRule::new("no wonder you are (single|alone|lonely|divorced|on your own)"),
    PatRule::new("(it is|that is|you are) (so|really|honestly|frankly|just)? (exhausting|draining|tiring|a nightmare|unbearable|hard work|impossible|miserable) (to be around|being around|to live with|living with|dealing with|to deal with|being with|to be with)").sentence().guard(|d, s, _e| d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| d.word(i) == "you"))),
    PatRule::new("(disappointed|ashamed|gutted|surprised|shocked) (that)? you (would|could|can) do (this|that|something like this|something like that) to (me|us)").keep_negated(),
    PatRule::new("you (would|could) (do|say) (this|that|something like this|something like that) to (me|us)").guard(|d, s, _e| super::main_claim(d, s) || (d.sentence_of(s).map_or(s, |r| r.range.start)..s).any(|i| matches!(d.word(i), "disappointed" | "ashamed" | "believe"))),
    PatRule::new("(what kind of|what sort of) (person|partner|boyfriend|girlfriend|husband|wife|man|woman|adult|friend) (forgets|does|says|leaves|treats|ignores|lies|cheats|would)"),
    PatRule::new("(you are|you were|you have become|you have turned into|you turned into) (a|such a|an) (_)? (liar|coward|nag|bully|hypocrite|cheat|fraud|manipulator|narcissist|control freak|child|baby|mess|disappointment|joke|waste of space|nightmare|pain|user)").guard(claim),
    PatRule::new("you (drove|drive|pushed|push|forced|force) me (to this|to it|to do|into this|into it|away|to drink|to the edge|over the edge|mad|crazy)").guard(claim),
    PatRule::new("you (humiliated|embarrassed|shamed|mortified|belittled|disrespected|abandoned|betrayed|ditched) me").guard(claim),
    PatRule::new("(you are|you were|you can be) (%ly)? (useless|hopeless|a disaster|clueless|incompetent|terrible|awful|rubbish|pathetic|a nightmare) (with|at|around)").guard(claim),
    PatRule::new("(great|good|nice|brilliant|fantastic|amazing|excellent) (job|work|going|one) (,)? (ruining|wrecking|spoiling|destroying|killing|making me|forgetting|embarrassing|with the)").sentence(),
    PatRule::new("must be nice (to|being)").sentence().guard(|d, s, e| d.sentence_of(s).is_some_and(|r| (e..r.range.end).any(|i| d.word(i) == "you") && (e..r.range.end).any(|i| matches!(d.word(i), "me" | "i")))),
    PatRule::new("(that is|it is|and that is) (exactly|precisely)? why (we are|we have|i am|everything|this|it) ..3 (mess|fighting|arguing|falling apart|here|trouble|unhappy|miserable|broken)").guard(|d, s, _e| d.sentence_of(s).is_some_and(|r| (r.range.start..s).any(|i| d.word(i) == "you"))),
    // Round 4: sarcastic thanks and congratulations for an unwelcome act, "way to ruin
    // it", counterfactual labels ("if you weren't so cheap"), costs pinned on the partner.
    PatRule::new("(thanks|thank you|cheers|congrats|congratulations) (a lot|so much|very much|so very much|again)? (for|on) (%act|making me cry|making me feel|making me look|making us late|making me late|making my|leaving me|ditching me|letting me down|nothing|absolutely nothing)").keep_negated().guard(|d, s, _e| d.clause_of(s).is_some_and(|c| c.range.start == s || matches!(d.word(s - 1), "oh" | "well" | "so" | "yeah" | "gee" | "wow" | "great"))),
    PatRule::new("(thanks|thank you|cheers) (a lot|so much|very much)? for telling ..4 (everything|our business|my secret|my secrets|everyone|the whole)"),
    PatRule::new("(way|nice way|great way) to (go)? %act").guard(|d, s, _e| d.clause_of(s).is_some_and(|c| c.range.start == s || matches!(d.word(s - 1), "oh" | "well" | "wow" | "yeah" | "great"))),
    PatRule::new("you (have|had)? (managed|found a way|had) to (make|made) (me|us|my|her|him|everyone|them) (_)? (_)? (cry|upset|angry|miserable|furious|hate)").guard(|d, s, _e| super::main_claim(d, s) || sarcastic_before(d, s)),
    PatRule::new("must be nice (having|to have) (a|someone|somebody|a partner|people)").sentence().guard(|d, s, _e| d.clause_of(s).is_some_and(|c| c.range.start == s)),
    PatRule::new("if you (were not|was not|were not being|had not been) (so|such a|such an|a|an)? %trait").keep_negated(),
    PatRule::new("you (made|make) me (cancel|give up|quit|drop|stop seeing|lose|miss out|walk away from|leave)").guard(claim),
    PatRule::new("because you (could not|can not|did not|would not|never) (even)? (be bothered|bother)").keep_negated(),
];
