//! Dismissive: belittling the partner's feelings or limits.

use super::PatRule;
use crate::tokens::Doc;

/// "no big deal if we skip" / "for me" is about plans, not the partner's feelings.
fn about_feelings(doc: &Doc, _s: usize, e: usize) -> bool {
    let end = doc
        .clause_of(e.saturating_sub(1))
        .map_or(e, |c| c.range.end);
    let sentence = doc
        .sentence_of(e.saturating_sub(1))
        .map(|s| s.range.clone());
    let conditional = sentence.is_some_and(|r| r.into_iter().any(|i| doc.word(i) == "if"));
    let own_plan = doc.clause_of(e.saturating_sub(1)).is_some_and(|c| {
        doc.clauses
            .iter()
            .find(|n| n.range.start >= c.range.end && n.sentence == c.sentence)
            .is_some_and(|n| matches!(doc.word(n.range.start), "i" | "we"))
    });
    !conditional
        && !own_plan
        && !(e..end.min(e + 4)).any(|i| matches!(doc.word(i), "if" | "for" | "to" | "either"))
}

/// An imperative at the start of its clause ("Calm down", "Just relax").
fn imperative(doc: &Doc, s: usize, _e: usize) -> bool {
    let Some(c) = doc.clause_of(s) else {
        return false;
    };
    (c.range.start..s).all(|i| {
        matches!(
            doc.word(i),
            "just"
                | "oh"
                | "ok"
                | "okay"
                | "hey"
                | "please"
                | "so"
                | "now"
                | "seriously"
                | "honestly"
                | "come"
                | "on"
                | "god"
                | "jeez"
                | "geez"
                | "look"
                | "babe"
                | "and"
                | "well"
                | "dude"
                | "for"
                | "goodness"
                | "sake"
                | "you"
                | "need"
                | "to"
                | "should"
                | "must"
                | "have"
                | "can"
                | "could"
                | "will"
                | "would"
                | "really"
                | "got"
                | "gotta"
        )
    }) && !(c.range.start..s).any(|i| {
        matches!(doc.word(i), "to")
            && matches!(doc.word(i.wrapping_sub(1)), "want" | "minute" | "time")
    })
}

/// The imperative ends its clause or is followed only by a softener ("Calm down, …",
/// "Relax already"), unlike "Relax your shoulders" or "Calm down is what I tell myself".
fn ends_clause(doc: &Doc, s: usize, e: usize) -> bool {
    let end = doc.clause_of(s).map_or(e, |c| c.range.end);
    e >= end
        || matches!(
            doc.word(e),
            "already"
                | "now"
                | "please"
                | "ok"
                | "okay"
                | "babe"
                | "seriously"
                | "will"
                | "would"
                | "man"
                | "dude"
                | "jeez"
                | "god"
                | "honestly"
                | "and"
                | "then"
                | "it"
                | "a"
                | "mate"
                | "love"
                | "hun"
                | "lol"
                | "haha"
        )
}

/// "sensitive to what I need" is a compliment, not a put-down.
fn not_to(doc: &Doc, _s: usize, e: usize) -> bool {
    doc.word(e) != "to"
}

/// "Oh please, you're fine." — a brush-off before a "you're fine".
fn shrugged_off(doc: &Doc, s: usize, e: usize) -> bool {
    let start = doc.sentence_of(s).map_or(s, |r| r.range.start);
    let end = doc.clause_of(s).map_or(e, |c| c.range.end);
    e >= end
        && s > start
        && (start..s).all(|i| {
            matches!(
                doc.word(i),
                "oh" | "please"
                    | "come"
                    | "on"
                    | "pfft"
                    | "ugh"
                    | "meh"
                    | "whatever"
                    | "seriously"
                    | "relax"
                    | "stop"
            )
        })
}

/// The sentence reacts to the partner's feelings ("why are you crying", "you're acting like").
fn reaction_in_sentence(doc: &Doc, s: usize, _e: usize) -> bool {
    doc.sentence_of(s).is_some_and(|r| {
        r.range.clone().any(|i| {
            matches!(
                doc.word(i),
                "crying"
                    | "cry"
                    | "upset"
                    | "fuss"
                    | "sulking"
                    | "sulk"
                    | "worked"
                    | "acting"
                    | "freaking"
                    | "freak"
                    | "panicking"
                    | "moaning"
                    | "whining"
                    | "stop"
                    | "overreacting"
                    | "drama"
                    | "dramatic"
                    | "world"
                    | "mad"
                    | "angry"
                    | "sad"
                    | "hurt"
                    | "offended"
                    | "bothered"
                    | "stressing"
                    | "stressed"
                    | "jealous"
                    | "tears"
                    | "relax"
                    | "chill"
                    | "calm"
                    | "deal"
                    | "breath"
                    | "jeez"
                    | "geez"
                    | "god"
                    | "seriously"
                    | "fine"
            )
        })
    })
}

/// "you're upset about THAT?": an incredulous echo of the partner's feeling — a statement
/// turned question that opens with "you" and ends on the thing it belittles.
fn incredulous(doc: &Doc, s: usize, e: usize) -> bool {
    doc.sentence_of(s).is_some_and(|r| {
        r.question
            && r.range.end == e
            && (r.range.start == s || doc.word(r.range.start) == "seriously")
    })
}

/// An emphatic all-caps word ("SO much harder") marks sarcasm.
pub(super) fn shouted(doc: &Doc, i: usize) -> bool {
    doc.toks.get(i).is_some_and(|t| {
        let w = &doc.chars[t.start..t.end];
        w.len() >= 2 && w.iter().all(|c| !c.is_lowercase()) && w.iter().any(|c| c.is_uppercase())
    })
}

/// "so dramatic telling that story": describes a performance, not a reaction to hurt.
fn performing(doc: &Doc, e: usize) -> bool {
    let w = doc.word(e);
    w.ends_with("ing")
        && !matches!(
            w,
            "crying"
                | "sulking"
                | "moaning"
                | "whining"
                | "complaining"
                | "getting"
                | "reacting"
                | "acting"
                | "carrying"
                | "freaking"
                | "making"
                | "being"
                | "going"
                | "about"
        )
}

/// "it was just a joke between us, you laughed too and it was lovely": fun both enjoyed.
fn shared_fun(doc: &Doc, s: usize) -> bool {
    doc.sentence_of(s).is_some_and(|r| {
        r.range.clone().any(|i| {
            matches!(
                doc.word(i),
                "lovely" | "laughed" | "enjoyed" | "loved" | "between" | "both" | "fun" | "sweet"
            )
        })
    })
}

/// The rules.
pub(crate) const RULES: &[PatRule] = &[
    PatRule::new("(you are|you were|your) (being|getting|so|too|way|just|really|always|acting)? (so|too|way too|really|a bit|just|kind of|totally|completely)? (overreacting|over-reacting|overreact*|dramatic|hysterical|paranoid|oversensitive|over-sensitive|sensitive|ridiculous|silly|petty|a baby|such a baby|overthinking|over-thinking|overdramatic|melodramatic|touchy|making a big deal|making a fuss|making a thing|making this into|making it into|making a mountain|imagining things|imagining it|blowing this|blowing it|hormonal|unreasonable|irrational)").guard(|d, s, e| not_to(d, s, e) && !performing(d, e)),
    PatRule::new("you (always|constantly|just)? (overreact*|over-react*|overthink*)"),
    PatRule::new("you (always|constantly|just|are)? (blow*|blew) (this|it|everything|things) (way|totally|completely)? out of (all)? proportion"),
    PatRule::new("you (always|constantly|just|really)? (make|makes|made) (a|such a)? (big deal|fuss|drama|mountain|huge deal|thing) (out of|about|over) (nothing|everything|every little thing|little things)"),
    PatRule::new("you are (making|reading) (way|far|much|so)? (too much|a lot|way too much) (of|into|out of)"),
    PatRule::new("(you are|are you) making (such)? (a|such a) (big deal|huge deal|fuss|drama|scene) (about|out of|over|of)"),
    PatRule::new("you are (getting|so|being)? (all|so)? (worked up|upset|angry|emotional|wound up|bent out of shape) (over|about) nothing"),
    PatRule::new("stop|quit (overreacting|over-reacting|crying|whining|moaning|complaining|sulking|making a fuss|making such a fuss|making a scene|making a big deal|being a drama queen|exaggerating|being sensitive|being so sensitive|being dramatic|being so dramatic|being a baby|being such a baby|being silly|being so silly|being ridiculous|being petty|being touchy|being so touchy|being so petty|being hysterical|being paranoid)").keep_negated(),
    PatRule::new("(it is|that is|this is|it was) (not|no) (a|such a)? big deal").keep_negated().guard(about_feelings),
    PatRule::new("no big deal").keep_negated().guard(|doc, s, e| about_feelings(doc, s, e) && doc.clause_of(s).is_some_and(|c| c.range.start == s)),
    PatRule::new("what is (the|such a) big deal"),
    PatRule::new("you are (fine|okay|ok|alright|all right)").guard(shrugged_off),
    PatRule::new("(you are|stop|quit|you keep) (being|getting)? (so|too)? (emotional|needy|clingy|precious|soft|hormonal|irrational) about"),
    PatRule::new("(it is|that is|it was) (not|hardly) (a|that much of a) (problem|thing|issue) (to get upset|to cry|worth)"),
    PatRule::new("(get|got) a grip"),
    PatRule::new("(deal|live) with it").guard(imperative),
    PatRule::new("(you are|stop) (whining|moaning|crying) (again|about)"),
    PatRule::new("nobody (else)? (would|could) (be|get) (upset|bothered|hurt|offended) (by|about|over)").keep_negated(),
    PatRule::new("(that is|it is) (so)? (pathetic|silly|dramatic) (of you)?").guard(|d, s, _e| d.clause_of(s).is_some_and(|c| c.range.start == s)),
    PatRule::new("(you are|you were) (being|acting like|such)? (a|such a)? drama queen"),
    PatRule::new("(it is|that is|it was) not (that|so) (bad|serious|big|deep|hard)").keep_negated().guard(|d, s, e| about_feelings(d, s, e) && !(d.word(e - 1) == "deep" && matches!(d.word(e), "a" | "an"))),
    PatRule::new("calm down").guard(|d, s, e| imperative(d, s, e) && ends_clause(d, s, e)),
    PatRule::new("(relax|chill out|chill|lighten up|toughen up|man up|grow up|settle down|get over it|get over yourself)").guard(|d, s, e| imperative(d, s, e) && ends_clause(d, s, e)),
    PatRule::new("it (was|is) (just|only) (a|some)? (joke|bit of fun|banter|teasing|a laugh|sex|kiss|hug|game)").guard(|d, s, _e| !shared_fun(d, s)),
    PatRule::new("it is (just|only) (sex|a kiss|a hug|a joke|a bit of fun|banter|a game|words|a photo)"),
    PatRule::new("(can not|could not) you take a joke").keep_negated(),
    PatRule::new("(it is|that is) (all)? in your head"),
    PatRule::new("you are imagining"),
    PatRule::new("who cares").guard(|d, s, e| !super::yes_no_question(d, s) && ends_clause(d, s, e)),
    PatRule::new("mountain out of a molehill"),
    PatRule::new("you (should not|should never|do not need to|have no reason to) (feel|be) (that way|like that|so|upset|hurt|angry|sad|bothered|@feeling)").keep_negated(),
    PatRule::new("there is no (reason|need) to (be|get|feel) (so)? (@feeling|like that|that way|worked up|emotional)").keep_negated(),
    PatRule::new("(do not|never) be (so|such a|such)? (baby|silly|ridiculous|dramatic|sensitive|a baby|childish|uptight|a prude|prudish|touchy|hysterical|paranoid|petty)").keep_negated(),
    PatRule::new("that is (a|such a)? (silly|stupid|ridiculous|petty|dumb) (thing|reason) to"),
    PatRule::new("it did not (even)? hurt (that much)?").keep_negated(),
    PatRule::new("you will (get over it|be fine|live)"),
    // Minimising: "it's just a dress, why are you crying", "nobody died", "hardly the end of the world".
    PatRule::new("(it is|that is|it was|this is|they are|it was only|it is only) (just|only|literally|merely)? (a|an|one|some|two|a few|a couple of)? _ (_)?").guard(|d, s, e| {
        matches!(d.word(s + 2), "just" | "only" | "literally" | "merely") && reaction_in_sentence(d, s, e) && !shared_fun(d, s)
    }),
        PatRule::new("(nobody|no one|no-one) (died|is dying|got hurt)"),
    PatRule::new("(it is|that is|it was) not (a|such a)? (big|huge) thing").keep_negated().guard(about_feelings),
    PatRule::new("(get|grow) (a)? (thicker|tougher) skin").guard(imperative),
    PatRule::new("you (always|constantly|just|really)? (blow*|blew) (things|it|this|everything|stuff) up (into|out of)"),
    PatRule::new("(hardly|not exactly) the end of the world").keep_negated(),
    PatRule::new("(acting|act|behaving|carrying on|crying|reacting) like (it is|it was|this is|someone|somebody)? (the end of the world|a tragedy|a disaster|a catastrophe|died)"),
    PatRule::new("(such|what) a (fuss|drama|song and dance|palaver|performance|scene) (over|about|for)"),
    PatRule::new("(over|about) nothing").guard(|d, s, e| reaction_in_sentence(d, s, e) || d.word(s.wrapping_sub(1)) == "fuss"),
    PatRule::new("(not|hardly|never) worth (getting|being|crying|losing|falling|making) (so|all)? (worked up|upset|angry|stressed|bothered|emotional|sleep|out|a fuss|tears|mad)").keep_negated(),
    PatRule::new("worked up (over|about)").guard(|d, s, _e| (d.clause_of(s).map_or(s, |c| c.range.start)..s).any(|i| d.word(i) == "you") || d.word(s.wrapping_sub(1)) == "getting"),
    PatRule::new("(you are|you were|you get|you got) (so|too|very|really|pretty|way too)? easily (offended|upset|hurt|triggered|wounded|bothered|rattled|annoyed|wound up|jealous)"),
        PatRule::new("(you are|you were) (honestly|just|really|literally|seriously|totally|actually)? (being|acting|getting)? (so|a bit|a little|really|way|just|kind of|sort of|pretty|too)? (a bit much|too much|extra|ott|over the top|%dism)").guard(|d, s, e| {
        not_to(d, s, e)
            && super::main_claim(d, s)
            && !performing(d, e)
            && !matches!(
                d.word(e - 1),
                "needy" | "clingy" | "childish" | "jealous" | "moody" | "grumpy" | "sulky" | "stroppy"
                    | "mardy" | "defensive" | "difficult" | "insecure" | "uptight" | "prudish"
                    | "fussy" | "whiny" | "whingy" | "weird" | "soft" | "serious"
            )
    }),
    PatRule::new("(stop|quit) (being|acting|getting)? (so|such a|such an|a|all)? %dism").keep_negated(),
    PatRule::new("(stop|quit) taking (it|this|that|things|everything|stuff|every little thing) (so)? personally").keep_negated(),
    PatRule::new("you take (it|this|that|things|everything|stuff|every little thing) (so|too)? personally").guard(|d, s, _e| super::main_claim(d, s)),
    PatRule::new("(do not|never) be (so|such a|such an|a|an|all)? (%dism|snowflake|wimp|wuss|killjoy|party pooper|spoilsport|buzzkill|downer|sourpuss|grump|crybaby|drama queen|big baby|princess)").keep_negated(),
    PatRule::new("you will (survive|live|cope|be fine|be okay|be ok|get over it|get over yourself)").guard(|d, s, e| ends_clause(d, s, e) && super::main_claim(d, s)),
    PatRule::new("why are you (so|getting|being|all)? (worked up|upset|bothered|stressed|angry|mad|crying|offended|sulking|jealous) (over|about) (a|one|such|some|nothing|a little|a tiny|a stupid|a silly|something so)"),
    PatRule::new("(take|have) a (chill pill|breather)").guard(imperative),
    PatRule::new("it (was|is) (just|only)? (one|a single) (comment|joke|remark|word|text|message|drink|mistake|night|kiss|time)").guard(|d, s, e| d.clause_of(s).is_some_and(|c| c.range.start == s) && reaction_in_sentence(d, s, e)),
    // Round 3 (blind set read as tuning data, plus fresh3).
    // Any -ly intensifier: "you're massively overreacting", "you're being wildly dramatic".
    PatRule::new("you are (being|getting|acting)? %ly (overreacting|over-reacting|overdramatic|melodramatic|dramatic|hysterical|oversensitive|sensitive|touchy|overthinking|paranoid|precious|petty)").guard(|d, s, e| not_to(d, s, e) && super::main_claim(d, s)),
    PatRule::new("here we go (again)? (with)? (the|your|all)? (feelings|tears|crying|drama|waterworks|sulking|moaning|whining|lecture)").sentence(),
    PatRule::new("you are taking (this|it|that|things|everything|stuff|life) (way|far|much|a bit|a little)? too seriously").keep_negated(),
    // Belittling a limit or rule: "that limit seems a bit ott", "your no-phones thing is a bit much".
    PatRule::new("(that|this|your|ur) ..4 (limit|limits|boundary|boundaries|rule|rules|thing|no|request|need|needs) (is|are|seems|seem|sounds|feels|is just|is getting) (a bit|a little|bit|so|really|way|kind of|pretty|just|quite|totally|completely)? (much|ott|over the top|extreme|excessive|silly|ridiculous|dramatic|unnecessary|petty|paranoid|precious|uptight|prudish|stupid|pointless|childish|a bit much|too much|overkill|insane|mental|crazy|unreasonable)"),
    PatRule::new("(learn to|learn how to|you can not|you never|you just can not) take (a joke|one|a bit of teasing|teasing|banter|a bit of banter)").keep_negated(),
    PatRule::new("who cares (if|that|whether) (i|we)"),
    PatRule::new("(you are|you were|stop) (acting|behaving|carrying on|reacting|looking at me) like (i|i have) (cheated|killed|murdered|committed|did something|have done something|kicked|slapped|hit|robbed|stabbed|burned|burnt|set|ran|run over|died|broke|left you)"),
    PatRule::new("you are (upset|angry|mad|crying|sulking|annoyed|hurt|offended|jealous|bothered|stressed|moody|sad) (about|over|because of) (that|this|it)").guard(incredulous),
    PatRule::new("(oh)? (sure|yeah|right|yeah right|of course) because (your|you)").sentence().guard(|d, s, e| {
        d.clause_of(s).is_some_and(|c| c.range.start == s) && d.sentence_of(s).is_some_and(|r| (e..r.range.end).any(|i| shouted(d, i) || matches!(d.word(i), "so" | "such")))
    }),
    PatRule::new("(are you|you are|why are you) (making|turning) (it|this|that|everything|a joke)? (into)? (a|such a|such)? (thing|big deal|huge deal|drama|issue|scene|fuss|big thing|whole thing|crisis|tragedy)"),
    PatRule::new("(do not|don't) (start|go|begin) (crying|whining|moaning|sulking|sobbing|getting upset|getting emotional|getting all|on about|off on one|with the)").keep_negated(),
    PatRule::new("(do not|don't) (cry|whine|moan|sulk|sob) (about it|again|over it|over this|about this)").keep_negated(),
    PatRule::new("(it is|that is|this is) getting (old|boring|tiresome|tedious)").guard(|d, s, _e| d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| matches!(d.word(i), "you" | "your" | "crying" | "again" | "drama" | "feelings")))),
    PatRule::new("you are not (actually|really|even|genuinely|truly)? (@feeling|hurt|upset|sad|angry|scared|offended|in pain|that hurt|that upset|jealous|tired) ..2 you are (just|only|simply|probably|actually|really)").sentence().keep_negated(),
    PatRule::new("(stop|quit) (overthinking|over-thinking|overanalysing|overanalyzing|catastrophising|catastrophizing) (it|this|everything|things)?").keep_negated(),
    PatRule::new("(it is|that is|it was) (nothing|no) to (cry|get upset|get worked up|be upset|make a fuss|be hurt|be sad) (about|over)").keep_negated(),
    PatRule::new("get over it (already)?").guard(|d, s, _e| d.clause_of(s).is_some_and(|c| c.range.start == s || matches!(d.word(s - 1), "just" | "oh" | "so" | "now" | "please"))),
    PatRule::new("(let it go|move on|drop it|let it drop) (already|now)?").guard(|d, s, e| {
        imperative(d, s, e) && ends_clause(d, s, e) && d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| matches!(d.word(i), "ages" | "already" | "years" | "months" | "weeks" | "past" | "over" | "done" | "old" | "again" | "seriously" | "jeez" | "god")))
    }),
    PatRule::new("your (feelings|reaction|tears|worries|fears|concerns) (about this|about that|about it|here|on this)? (are|is) (just|so|a bit|really|kind of|totally|completely)? (silly|ridiculous|stupid|irrational|pathetic|childish|dramatic|over the top|ott|unfounded|overblown|in your head|not my problem|not valid)"),
    PatRule::new("(who|what kind of person|what adult|what grown adult) (cries|gets upset|gets angry|sulks|freaks out) (over|about|because of)").keep_negated(),
    PatRule::new("(lol|haha|lmao|pfft) (relax|chill|calm down|chill out|settle down)"),
    PatRule::new("you are (blowing|blew|blown) (this|it|things|everything) (way|totally|completely|so|a bit|far)? out of (all)? proportion"),
    PatRule::new("why are you (even|actually|seriously) (upset|bothered|angry|mad|crying|sulking|offended|annoyed|jealous|hurt|stressed|worried) (about|over|by)?").guard(|d, s, _e| !d.sentence_of(s).is_some_and(|r| r.range.clone().any(|i| matches!(d.word(i), "sorry" | "help" | "tell")))),
    // Round 4: crying "over a tv show", "nothing even happened", "the whole feelings thing",
    // belittled limits and worries with any wording in between, sarcastic scare quotes.
    PatRule::new("you are (literally|actually|seriously|really|still|honestly) (crying|sulking|sobbing|upset|moping|pouting|sad|angry|mad|stressing|freaking out) (over|about|because of) (a|an|some|one|the|that|this)").guard(|d, s, _e| super::main_claim(d, s)),
    PatRule::new("nothing (even|really|actually)? happened").keep_negated().guard(reaction_in_sentence),
    PatRule::new("the whole (feelings|feeling|emotional|emotions|crying|tears|drama|therapy|boundaries|boundary|consent|aftercare|safe word|check-in|check in) (thing|routine|song and dance|business|speech|talk)").keep_negated(),
    PatRule::new("(that|this|your|ur|the) ..4 (limit|limits|boundary|boundaries|rule|rules|safe word|safeword|aftercare|anxiety|feelings|worry|worries|fears|fear|jealousy|hang-up|hang-ups|insecurity|insecurities|trauma|triggers) ..4 (is|are|seems|seem|sounds|sound|feels) ..4 (much|ott|over the top|silly|ridiculous|dramatic|unnecessary|petty|paranoid|precious|uptight|prudish|stupid|pointless|childish|overkill|excessive|extreme|unreasonable|mental|insane|crazy|laughable|absurd)").keep_negated().guard(|d, s, e| {
        // The limit's own wording may hold a "not" ("your rule about not texting exes");
        // only a negation next to the verdict, or before the whole frame, cancels it.
        !d.sentence_of(s).is_some_and(|r| r.question && matches!(d.word(r.range.start), "is" | "are" | "does" | "do"))
            && !super::negated_before(d, s)
            && !(e.saturating_sub(4)..e).any(|i| crate::lexicon::NEGATORS.contains(&d.word(i)))
    }),
    PatRule::new("(limits|boundaries|aftercare|safe words|safewords|check-ins) (seem|seems|are|sound) ..3 (much|silly|ridiculous|overkill|unnecessary|pointless|excessive|extreme|a bit much|too much)"),
    PatRule::new("(that is|it is|this is) not (really|even)? (a|an) (real|proper|valid|actual|legit) (boundary|limit|rule|reason|problem|feeling|trauma|issue)").keep_negated(),
    PatRule::new("(stop|quit) (freaking out|panicking|stressing|fussing|flapping|being so extra|being extra|getting so upset|getting upset)").keep_negated().guard(imperative),
    PatRule::new("(you are|you were) (acting|behaving|carrying on|reacting|looking at me) like (i|i have|i had) (went|had|did|was|were|made|said|ran|stole|crashed|threw|lost|slept|kissed|shagged|committed|done|murdered|ruined)"),
    PatRule::new("(oh)? here we go (again)? (another|with another)").sentence(),
    PatRule::new("oh here we go (again)?").guard(|d, s, e| d.clause_of(s).is_some_and(|c| e >= c.range.end)),
];
