//! Each kind is caught on clear examples, with an explanation and a suggestion.

use attune_coach::{FlagKind, check};

fn kinds(text: &str) -> Vec<FlagKind> {
    check(text).flags.iter().map(|f| f.kind).collect()
}

fn assert_caught(kind: FlagKind, texts: &[&str]) {
    for text in texts {
        let advice = check(text);
        assert!(
            kinds(text).contains(&kind),
            "{text:?} should carry {kind:?}, got {:?}",
            advice.flags
        );
        assert!(
            advice.suggestion.is_some(),
            "{text:?} should get a suggestion"
        );
        for f in &advice.flags {
            assert!(!f.explanation.is_empty());
            assert_eq!(
                f.explanation.matches(". ").count(),
                0,
                "one sentence: {}",
                f.explanation
            );
        }
    }
}

#[test]
fn absolutes_about_the_partner_are_caught() {
    assert_caught(
        FlagKind::Absolute,
        &[
            "You never listen.",
            "you always interrupt me",
            "Every time I ask, you sigh.",
        ],
    );
}

#[test]
fn blame_is_caught() {
    assert_caught(
        FlagKind::Blame,
        &[
            "You ruined the evening.",
            "You're so selfish.",
            "It's your fault.",
        ],
    );
}

#[test]
fn pressure_is_caught() {
    assert_caught(
        FlagKind::Pressure,
        &[
            "If you loved me you would.",
            "Just this once?",
            "You owe me.",
            "Everyone else does it.",
            "After all I do for you.",
        ],
    );
}

#[test]
fn mind_reading_is_caught() {
    assert_caught(
        FlagKind::MindReading,
        &[
            "You obviously want out.",
            "I know you secretly hate it.",
            "You only said that to end the talk.",
        ],
    );
}

#[test]
fn generalisations_are_caught() {
    assert_caught(
        FlagKind::Generalisation,
        &[
            "Men always want more.",
            "All couples do this.",
            "Normal people don't talk like this.",
        ],
    );
}

#[test]
fn dismissive_wording_is_caught() {
    assert_caught(
        FlagKind::Dismissive,
        &[
            "You're overreacting.",
            "It's not a big deal.",
            "Calm down.",
            "You're too sensitive.",
        ],
    );
}

#[test]
fn a_suggestion_is_an_i_statement_built_from_the_text() {
    let s = check("You never ask how my day went.")
        .suggestion
        .expect("suggestion");
    assert!(s.starts_with("I "), "{s}");
    assert!(s.contains("ask how my day went"), "{s}");
    assert!(!s.contains("never"), "{s}");
}
