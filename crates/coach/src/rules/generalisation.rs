//! Generalisation: sweeping claims about groups ("men always …", "normal couples …").

use super::PatRule;
use crate::tokens::Doc;

/// True when the clause reports someone else's belief before `s` ("I grew up hearing that …").
pub(crate) fn reported_before(doc: &Doc, s: usize) -> bool {
    let start = doc.clause_of(s).map_or(s, |c| c.range.start);
    (start..s).any(|i| {
        matches!(
            doc.word(i),
            "heard"
                | "hearing"
                | "told"
                | "taught"
                | "thought"
                | "believed"
                | "read"
                | "says"
                | "said"
                | "claims"
                | "claimed"
                | "used"
                | "reckons"
                | "reckon"
                | "reckoned"
                | "thinks"
                | "believes"
                | "insists"
                | "insisting"
                | "insisted"
                | "saying"
                | "swears"
                | "according"
        )
    })
}

/// "every couple we know", "all the men at the party": a concrete set of people, not a
/// sweeping claim about a group.
pub(crate) fn concrete_after(doc: &Doc, e: usize) -> bool {
    (matches!(doc.word(e), "we" | "i")
        && matches!(doc.word(e + 1), "know" | "knew" | "met" | "invited"))
        || (doc.word(e) == "that" && matches!(doc.word(e + 1), "we" | "i"))
        || matches!(doc.word(e), "here" | "there")
        || (matches!(doc.word(e), "at" | "in" | "on")
            && matches!(
                doc.word(e + 1),
                "the" | "our" | "my" | "your" | "this" | "that"
            ))
}

/// "most people would have panicked, you were so calm": a group set up as a foil for praise.
pub(crate) fn praise_contrast(doc: &Doc, s: usize) -> bool {
    doc.sentence_of(s).is_some_and(|r| {
        (s..r.range.end).any(|i| {
            doc.word(i) == "you"
                && matches!(
                    doc.word(i + 1),
                    "were" | "are" | "stayed" | "kept" | "did" | "handled"
                )
                && !(i + 1..r.range.end.min(i + 4))
                    .any(|j| matches!(doc.word(j), "not" | "no" | "never"))
                && (i + 2..r.range.end.min(i + 5)).any(|j| {
                    matches!(
                        doc.word(j),
                        "calm"
                            | "brave"
                            | "patient"
                            | "kind"
                            | "amazing"
                            | "great"
                            | "cool"
                            | "strong"
                            | "lovely"
                            | "wonderful"
                            | "different"
                            | "chill"
                            | "composed"
                            | "gentle"
                            | "thoughtful"
                            | "generous"
                            | "sweet"
                            | "caring"
                            | "supportive"
                            | "understanding"
                            | "incredible"
                            | "brilliant"
                            | "fine"
                            | "perfect"
                            | "steady"
                            | "honest"
                    )
                })
        })
    })
}

/// Kind generalities ("every couple is different") are not sweeping claims.
fn not_kind(doc: &Doc, _s: usize, e: usize) -> bool {
    !(matches!(doc.word(e), "is" | "are" | "has" | "have")
        && matches!(
            doc.word(e + 1),
            "different" | "unique" | "their" | "its" | "a"
        ))
}

/// "most people I know are working from home": plans and whereabouts, not a judgement.
fn logistics_after(doc: &Doc, e: usize) -> bool {
    let end = doc
        .clause_of(e.saturating_sub(1))
        .map_or(e, |c| c.range.end);
    (e..end.min(e + 5)).any(|i| {
        matches!(doc.word(i), "are" | "is" | "were" | "was")
            && matches!(
                doc.word(i + 1),
                "working"
                    | "coming"
                    | "going"
                    | "staying"
                    | "living"
                    | "moving"
                    | "here"
                    | "away"
                    | "off"
                    | "out"
                    | "at"
                    | "in"
                    | "on"
                    | "home"
                    | "busy"
                    | "back"
            )
    })
}

/// Words that can follow a bare group noun in a sweeping claim ("men always …").
const VERBISH: &[&str] = &[
    "always",
    "never",
    "are",
    "were",
    "is",
    "do",
    "does",
    "can",
    "could",
    "will",
    "would",
    "should",
    "must",
    "just",
    "only",
    "all",
    "really",
    "want",
    "need",
    "like",
    "love",
    "hate",
    "think",
    "know",
    "get",
    "stop",
    "cheat",
    "lie",
    "overthink",
    "talk",
    "say",
    "who",
    "that",
    "have",
    "expect",
    "secretly",
    "tend",
    "care",
    "only",
    "cannot",
    "act",
    "mean",
];

/// A bare group noun counts only when it opens its clause and is not a determiner's object
/// ("some couples", "my girlfriends").
fn opens_clause(doc: &Doc, s: usize, e: usize) -> bool {
    let at_start = doc.clause_of(s).is_some_and(|c| {
        c.range.start == s
            || (c.range.start + 1 == s
                && matches!(
                    doc.word(s - 1),
                    "honestly" | "because" | "and" | "well" | "so" | "look" | "like"
                ))
    });
    at_start
        && VERBISH.contains(&doc.word(e))
        && e < doc.clause_of(s).map_or(e, |c| c.range.end)
        && not_kind(doc, s, e)
}

/// Extra group nouns for sweeping claims (beyond the partner-role nouns in the lexicon).
fn is_group(w: &str) -> bool {
    matches!(
        w,
        "mothers"
            | "mums"
            | "moms"
            | "fathers"
            | "dads"
            | "teenagers"
            | "teens"
            | "millennials"
            | "boomers"
            | "zoomers"
            | "engineers"
            | "lawyers"
            | "doctors"
            | "nurses"
            | "artists"
            | "musicians"
            | "gamers"
            | "nerds"
            | "geeks"
            | "jocks"
            | "americans"
            | "brits"
            | "londoners"
            | "northerners"
            | "southerners"
            | "foreigners"
            | "feminists"
            | "liberals"
            | "conservatives"
            | "lefties"
            | "tories"
            | "vegans"
            | "christians"
            | "atheists"
            | "introverts"
            | "extroverts"
            | "creatives"
            | "types"
            | "exes"
            | "youngsters"
            | "pensioners"
            | "students"
            | "bankers"
            | "programmers"
            | "academics"
            | "actors"
            | "mothers-in-law"
    ) || crate::lexicon::set("group_plural").contains(&w)
}

/// A bare group noun (with at most one modifier) opens its clause ("Teenage boys only …",
/// "Mothers always …"), then a sweeping verb follows, possibly after "like him"/"from …".
fn sweeping_group(doc: &Doc, s: usize, e: usize) -> bool {
    let Some(c) = doc.clause_of(s) else {
        return false;
    };
    let first = c.range.start;
    let lead_ok = s == first
        || (s == first + 1
            && !matches!(
                doc.word(first),
                "some"
                    | "my"
                    | "our"
                    | "the"
                    | "these"
                    | "those"
                    | "his"
                    | "her"
                    | "their"
                    | "your"
                    | "many"
                    | "few"
                    | "two"
                    | "both"
                    | "a"
                    | "lots"
                    | "of"
                    | "other"
                    | "most"
                    | "several"
                    | "i"
                    | "we"
                    | "and"
                    | "so"
                    | "if"
                    | "when"
                    | "how"
                    | "all"
                    | "every"
                    | "normal"
                    | "real"
                    | "typical"
                    | "regular"
                    | "no"
                    | "not"
                    | "any"
                    | "three"
                    | "four"
                    | "older"
                    | "certain"
                    | "what"
            )
            && !is_group(doc.word(first)));
    if !lead_ok || !is_group(doc.word(e - 1)) {
        return false;
    }
    // Skip a short qualifier: "like him", "from your town", "your age", "of today".
    let mut p = e;
    if matches!(
        doc.word(p),
        "like" | "from" | "of" | "in" | "your" | "my" | "at" | "these"
    ) {
        p = (p + 1..(p + 5).min(c.range.end))
            .find(|&i| {
                matches!(
                    doc.word(i),
                    "are"
                        | "always"
                        | "never"
                        | "only"
                        | "all"
                        | "can"
                        | "just"
                        | "will"
                        | "do"
                        | "have"
                )
            })
            .unwrap_or(c.range.end);
    }
    p < c.range.end
        && matches!(
            doc.word(p),
            "are"
                | "always"
                | "never"
                | "only"
                | "all"
                | "can"
                | "just"
                | "will"
                | "do"
                | "cannot"
                | "think"
                | "want"
                | "expect"
                | "love"
                | "hate"
                | "know"
                | "care"
                | "get"
                | "lie"
                | "cheat"
        )
        && !(doc.word(p) == "are"
            && matches!(
                doc.word(p + 1),
                "coming"
                    | "going"
                    | "here"
                    | "at"
                    | "on"
                    | "in"
                    | "off"
                    | "out"
                    | "working"
                    | "away"
                    | "staying"
            ))
        && not_kind(doc, s, p)
}

/// The rules.
pub(crate) const RULES: &[PatRule] = &[
    PatRule::new("all|every|normal|real|most|typical|regular (@group_plural|@group_singular)")
        .guard(|doc, s, e| (s == 0 || !matches!(doc.word(s - 1), "a" | "an" | "the" | "my" | "our")) && not_kind(doc, s, e) && !logistics_after(doc, e)),
    PatRule::new("@group_plural").guard(opens_clause),
    PatRule::new("(everyone|everybody) (knows|does|do|wants|thinks|agrees|says|would|is doing|does it|loves|likes|cheats|lies)"),
    PatRule::new("(nobody|no one) (waits|does|wants|likes|talks|cares|needs|would|thinks|agrees|does that|lives)").keep_negated().guard(|d, _s, e| !(d.word(e - 1) == "cares" && matches!(d.word(e), "if" | "whether" | "when"))),
    PatRule::new("that is (just)? what (@group_plural) (do|are|want|say|like|need)"),
    PatRule::new("(men|women|guys|girls|boys) (are|will be) (all|just|like that|boys|girls)").keep_negated(),
    PatRule::new("that is (just)? how (@group_plural) (are|work|think|do|roll)"),
    PatRule::new("like all|every|most (@group_plural|@group_singular)"),
    // Sweeping claims built from a group noun, "any decent X", "a woman thing".
    PatRule::new("_").guard(sweeping_group).keep_negated(),
    PatRule::new("(such|typical|classic|so|a|an|what a|what an) (@group_singular|girl|boy|guy|bloke|woman|man|mum|mom|dad|boomer|millennial|teenager|lad|feminine|female|male|girly|blokey) thing (to do|to say)?"),
    PatRule::new("any (decent|normal|sane|reasonable|sensible|real|good|proper|self-respecting|grown|half-decent|rational|functioning|mature|loving|caring|respectful|other) (@group_singular|adult|human|human being|lover|friend|grown-up)"),
    PatRule::new("(anyone|anybody|someone|somebody|everyone|everybody) (normal|sane|reasonable|decent|sensible|rational|with (a brain|half a brain|any sense|common sense|eyes)|in their right mind|with a heart) (would|could|should|will|knows|can|does)"),
    PatRule::new("(anyone|anybody|someone|somebody|everyone|everybody) with (a brain|half a brain|any sense|common sense|eyes|a heart) (would|could|should|will|knows|can|does)"),
    PatRule::new("(nobody|no one|no-one) in (their|his|her) right (mind|minds)").keep_negated(),
    PatRule::new("your (generation|lot|kind|type|sort|people|family|friends|mates|parents|sisters|brothers) (are|is|were|has|have|always|never|all|can not|just|only) ..2 (the same|alike|like that|like this|always|never|all|no idea|no clue|incapable|useless|clueless|hopeless|impossible|rude|selfish|lazy|tight|mean|snobs|snobby)").keep_negated(),
    PatRule::new("(are|were) all (the same|alike)").guard(|d, s, _e| !(d.clause_of(s).map_or(s, |c| c.range.start)..s).any(|i| matches!(d.word(i), "we" | "you" | "they" | "these" | "those" | "both"))),
    PatRule::new("all (of)? you (_) (are|think|do|always|never|want|only)").guard(|d, s, _e| d.word(s + 2).ends_with('s') || d.word(s + 3).ends_with('s')),
    // Round 3 (blind set read as tuning data, plus fresh3).
    PatRule::new("(it is|that is|such|so|very|typical|classic|just) (such|so|very|typical|just)? (a|an)? (american|british|english|french|german|italian|irish|scottish|welsh|australian|northern|southern|london|posh|boomer|millennial|gen z|catholic|religious|middle class|working class|bloke|lad|girly|girl|guy|man|woman|men|women|female|male|introvert|extrovert|therapy|hippie|liberal|tory|country|city|european|asian|latin|african|indian|polish|russian|yank|aussie|kiwi|canadian|scandinavian) thing").guard(|d, s, _e| !generalisation_reported(d, s)),
    PatRule::new("(that is|it is|this is) (just|so|typical of|exactly)? (what|how) _ (are like|are|behave|think|do)").guard(|d, s, e| {
        let at = (s..e).find(|&i| matches!(d.word(i), "what" | "how")).map_or(s, |i| i + 1);
        let w = d.word(at);
        is_group(w)
            || crate::lexicon::set("group_plural").contains(&w)
            || (d.word(e - 1) == "like"
                && w.ends_with('s')
                && !matches!(w, "things" | "times" | "days" | "friends" | "kids" | "cats" | "dogs"))
    }),
    PatRule::new("(it is|that is|this is) (just|simply|basically|literally)? (science|biology|a fact|a known fact|nature|human nature|evolution|proven|basic psychology|statistics|common knowledge)").guard(|d, s, _e| {
        d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| is_group(d.word(i)) || crate::lexicon::set("group_plural").contains(&d.word(i)) || matches!(d.word(i), "everyone" | "everybody" | "nobody" | "anyone")))
    }),
    PatRule::new("(anyone|anybody|everyone|everybody|someone|people|men|women|guys|girls|couples) who ..8 (is|are|must be|has to be|is obviously|are obviously|is clearly|are clearly|is probably|are probably) (hiding|lying|cheating|up to|insecure|weird|controlling|a|an|broken|damaged|desperate|obsessed|frigid|boring|selfish|crazy|mental|unhinged|hopeless|pathetic)").sentence().guard(|d, s, e| {
        let w = d.word(e - 1);
        !matches!(w, "a" | "an") || d.sentence_of(s).is_some_and(|r| (e..r.range.end.min(e + 3)).any(|i| crate::lexicon::is_trait(d.word(i)) || matches!(d.word(i), "liar" | "cheat" | "creep" | "weirdo" | "freak" | "loser" | "red flag")))
    }),
    PatRule::new("(people|men|women|guys|girls|couples|anyone|folk) (who|that) ..6 (never|always|can not|do not ever|will never) (learn|change|grow|get|understand|cope|commit|open up|share)").sentence(),
    PatRule::new("(you|your lot) (people|lot|types|kind) (are|always|never|all|just|can not|do not)").keep_negated(),
    PatRule::new("(nobody|no one) (actually|really|ever|normal|sane)? (does|do|needs|bothers with|cares about|wants) (check ins|check-ins|this|that|these|rules|agreements|boundaries)").keep_negated(),
    PatRule::new("(nobody|no one) (normal|sane|sensible|decent|reasonable|in their right mind) (talks|does|would|wants|likes|says|thinks|cares|needs|asks|behaves|acts)").keep_negated(),
    PatRule::new("all _ (just|always|never|only|are all|are the same|only ever|ever)").guard(|d, s, _e| {
        let w = d.word(s + 1);
        (s == 0 || !matches!(d.word(s - 1), "of" | "for" | "to" | "with"))
            && (is_group(w) || w.ends_with("ists") || w.ends_with("ians") || matches!(w, "therapists" | "counsellors" | "counselors" | "politicians" | "cops" | "exes"))
    }),
    // Round 4: "every married couple …", "all you gym guys", "rich kids are all like
    // this", "your generation doesn't …", "people like you think …", "only insecure
    // people …", "anyone who … is just bad with money".
    PatRule::new("every (married|single|young|old|new|straight|modern|other|long-term|working) (@group_singular) (_)").guard(|d, s, e| not_kind(d, s, e) && !super::generalisation::concrete_after(d, s + 3)),
    PatRule::new("(that is|it is) (just|exactly)? what all (of)? you ..2 (are like|are|do)"),
    PatRule::new("(are|were|is) all (control freaks|like this|like that|%trait|liars|cheats|useless|hopeless|the same way|snobs|idiots)").guard(|d, s, _e| !(d.clause_of(s).map_or(s, |c| c.range.start)..s).any(|i| matches!(d.word(i), "we" | "you" | "they" | "these" | "those" | "both" | "i" | "it" | "this" | "that"))),
    PatRule::new("your whole (family|lot|generation|side|clan|crowd|friend group|gang) (is|are|has|have|were|was) (like this|like that|the same|all|always|never|just)").keep_negated(),
    PatRule::new("your (generation|lot|kind|type|sort) (does not|do not|can not|never|always|just|only|thinks|think|has no|have no|is|are)").keep_negated(),
    PatRule::new("(@group_plural) like you (think|always|never|are all|can not|do not|just|only|want|expect)").keep_negated(),
    PatRule::new("only (%trait|insecure|jealous|controlling|weak|desperate|crazy|needy|selfish|paranoid|boring|sad|lonely|broken|damaged) (people|men|women|guys|girls|couples|partners|losers) (need|do|would|want|care|check|get|think|say|go)").keep_negated(),
    PatRule::new("(anyone|anybody|people|men|women|guys|girls|couples|everyone) who ..8 (is|are) (just|obviously|clearly|probably|basically|simply)? (bad with|bad at|terrible at|terrible with|hopeless at|useless at|a loser|losers|an idiot|idiots|%trait|weak|lazy|broke)").sentence().keep_negated(),
];

fn generalisation_reported(doc: &Doc, s: usize) -> bool {
    reported_before(doc, s)
}
