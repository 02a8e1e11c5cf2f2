//! The rule families added after the blind set was spent: each is caught in new wording
//! (none of these sentences is in any data set), and its kind look-alikes stay clean.
//! These test the hand-written rules alone (`check_rules_only`); what the classifier adds is
//! measured on whole sets by cross-validation and tested in `model.rs`.

use attune_coach::{FlagKind, check_rules_only as check};

fn kinds(text: &str) -> Vec<FlagKind> {
    check(text).flags.iter().map(|f| f.kind).collect()
}

fn caught(kind: FlagKind, texts: &[&str]) {
    for t in texts {
        assert!(
            kinds(t).contains(&kind),
            "{t:?} should carry {kind:?}, got {:?}",
            check(t).flags
        );
    }
}

fn clean(texts: &[&str]) {
    for t in texts {
        assert!(
            check(t).flags.is_empty(),
            "{t:?} flagged: {:?}",
            check(t).flags
        );
    }
}

#[test]
fn martyr_withdrawal_and_sulky_whatever_are_pressure() {
    caught(
        FlagKind::Pressure,
        &[
            "i guess i'll just eat on my own again then",
            "fine, whatever, i'll just stop bringing it up",
            "ok whatever",
            "so we're never going out again then",
        ],
    );
    clean(&[
        "I guess I'll order pizza then, unless you'd rather cook?",
        "Fine by me, whatever you'd like.",
        "Whatever you decide is okay with me.",
        "Either we eat in or we go out, your call.",
        "I'll just have a shower then, back in ten.",
    ]);
}

#[test]
fn feelings_sunk_costs_and_no_way_back_are_pressure() {
    caught(
        FlagKind::Pressure,
        &[
            "I'd be gutted all weekend if you turned me down",
            "it'll be a complete waste if you don't come now",
            "you don't get to back out now",
            "I'll keep nagging till you agree",
            "my ex was totally fine with it",
            "don't be surprised if I say no next time you ask",
            "you'll do it whether you like it or not",
        ],
    );
    clean(&[
        "I won't be upset if you say no, truly.",
        "You can change your mind at any point.",
        "I'll wait until you're ready.",
        "You said yes last time, but that doesn't mean yes tonight.",
        "Treat yourself just this once, you deserve a lie-in.",
    ]);
}

#[test]
fn sarcasm_counterfactuals_and_comparisons_are_blame() {
    caught(
        FlagKind::Blame,
        &[
            "great job, you managed to ruin the picnic",
            "typical you",
            "if you hadn't been so late we wouldn't be arguing",
            "you're just like your mother, so controlling",
            "no wonder your friends stopped calling",
            "the problem here is you",
        ],
    );
    clean(&[
        "you're the least selfish person I've ever met",
        "you ruined me for every other pizza, honestly 😂",
        "it's on you to choose the restaurant this time",
        "it's on you tonight, I cooked yesterday",
        "If you hadn't called, I would have missed the bus, thank you!",
        "I said you ruined it and I was wrong to, sorry.",
    ]);
}

#[test]
fn confession_demands_and_motive_claims_are_mind_reading() {
    caught(
        FlagKind::MindReading,
        &[
            "be honest, you hated every minute of it",
            "we both know you wanted to stay home",
            "you only cooked so you could skip the washing up, didn't you",
            "you just don't want me to have any fun",
            "you find me dull",
        ],
    );
    clean(&[
        "Be honest with me, do you want to go?",
        "I know you don't want me to worry.",
        "I booked early so you wouldn't have to queue.",
    ]);
}

#[test]
fn absolutes_without_an_adverb_are_caught() {
    caught(
        FlagKind::Absolute,
        &[
            "whenever I cry you walk off",
            "all you ever do is complain",
            "you always \"forget\" to call",
            "you interrupt me every single night",
            "funny how you're always too busy for my friends",
        ],
    );
    clean(&[
        "Every time I see you I smile.",
        "You've never made me feel like a burden.",
        "You make me smile every single day.",
        "Whenever you're ready, I'm here.",
    ]);
}

#[test]
fn belittled_limits_and_incredulous_echoes_are_dismissive() {
    caught(
        FlagKind::Dismissive,
        &[
            "your no-kissing-in-public rule is a bit extreme",
            "you're totally overreacting",
            "learn to take a joke",
            "you're crying about THAT?",
            "you're not actually sad, you're just hungry",
            "why are you even annoyed",
        ],
    );
    clean(&[
        "Your limit makes sense to me.",
        "You told that story so dramatically, everyone loved it 😂",
        "Are you upset about that? I'm here.",
        "It was just a joke between us and we both laughed.",
    ]);
}

#[test]
fn national_and_anyone_who_claims_are_generalisations() {
    caught(
        FlagKind::Generalisation,
        &[
            "that's such a posh thing to do",
            "anyone who needs that much reassurance is insecure",
            "All politicians only care about themselves",
            "nobody sane talks like that",
        ],
    );
    clean(&[
        "Most people would have panicked, you were so brave.",
        "Every couple we know is moving house this year.",
        "My sister reckons all men are the same, I don't agree.",
    ]);
}

#[test]
fn texting_spellings_read_like_the_full_words() {
    caught(FlagKind::Absolute, &["u never check ur messages"]);
    caught(FlagKind::Blame, &["ur so inconsiderate"]);
    clean(&["ur the best, thanks for checking ur calendar for me"]);
}
