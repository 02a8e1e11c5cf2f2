//! Affirmations, apologies, requests, reassurance and own limits are left alone.

use attune_coach::check;

const CLEAN: &[&str] = &[
    // affirmations
    "I always feel safe with you.",
    "You always make me laugh.",
    "You never judge me.",
    "You're always so gentle with me.",
    // apologies
    "I'm sorry I never asked.",
    "Sorry, I always rush you.",
    "I'm sorry I made you feel it was your fault.",
    // requests
    "Could we try slowing down?",
    "Would you hold me for a bit?",
    // reflective summaries
    "What I hear is that you feel pressured.",
    "It sounds like you feel I'm never home.",
    // logistics
    "never mind, I found it",
    "I'll always be home by six on Fridays.",
    // reassurance
    "You can say no at any time.",
    "You never have to explain a no.",
    "It's not your fault.",
    "You don't owe me anything.",
    // own limits
    "No, and I don't want to discuss it tonight.",
    "I'm not doing that again.",
    // quoted speech
    "She said 'you never listen' and I felt stung.",
    "My dad used to say \"calm down\" and I hated it.",
    // negated forms
    "I don't think you're selfish.",
    "You're not overreacting.",
];

#[test]
fn gentle_wording_is_never_flagged() {
    for text in CLEAN {
        let advice = check(text);
        assert!(advice.flags.is_empty(), "{text:?} got {:?}", advice.flags);
        assert_eq!(advice.suggestion, None, "{text:?}");
    }
}

#[test]
fn empty_and_blank_text_gives_no_advice() {
    for text in ["", " ", "\n\n", "...", "🙂"] {
        let advice = check(text);
        assert!(advice.flags.is_empty());
        assert_eq!(advice.suggestion, None);
    }
}
