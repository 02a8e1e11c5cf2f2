//! The shipped classifier: it loads, training is reproducible, and it stays behind the
//! rules' guards.

use attune_coach::eval::{Example, load_set, parse_tsv, sets};
use attune_coach::model::train::{Config, SHIPPED, train};
use attune_coach::model::{Model, shipped};
use attune_coach::{check, check_rules_only};

fn all_sets() -> Vec<Example> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    sets()
        .flat_map(|name| load_set(&dir, name).expect("every listed set exists"))
        .collect()
}

#[test]
fn the_shipped_model_loads_with_the_shipped_settings() {
    let m = shipped().expect("model/weights.bin parses");
    assert_eq!(m.bits_any, SHIPPED.bits_any);
    assert_eq!(m.bits_kind, SHIPPED.bits_kind);
    assert_eq!(m.threshold, SHIPPED.threshold);
    assert_eq!(m.keep, SHIPPED.keep);
    assert_eq!(m.vetoes, SHIPPED.vetoes);
}

#[test]
fn training_twice_gives_identical_weights() {
    let examples = parse_tsv(include_str!("../data/dev.tsv"));
    let quick = Config {
        epochs: 3,
        ..SHIPPED
    };
    let a = train(&examples, &quick).to_bytes();
    let b = train(&examples, &quick).to_bytes();
    assert_eq!(a, b);
    // A different seed shuffles differently, so the test above can fail.
    let c = train(&examples, &Config { seed: 7, ..quick }).to_bytes();
    assert_ne!(a, c);
}

#[test]
fn the_shipped_weights_are_what_the_training_program_writes() {
    let fresh = train(&all_sets(), &SHIPPED).to_bytes();
    let shipped = include_bytes!("../../model/weights.bin");
    assert!(
        fresh == shipped.as_slice(),
        "model/weights.bin is stale: run `cargo run --release -p attune-coach --example train`"
    );
}

#[test]
fn serialised_models_round_trip_and_garbage_is_refused() {
    let m = shipped().expect("shipped model");
    let bytes = m.to_bytes();
    assert_eq!(Model::from_bytes(&bytes).as_ref(), Some(m));
    assert!(Model::from_bytes(b"").is_none());
    assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_none());
    let mut wrong = bytes.clone();
    wrong[0] = b'X';
    assert!(Model::from_bytes(&wrong).is_none());
}

#[test]
fn clean_look_alikes_stay_clean_with_the_model() {
    // None of these is in a data set.
    for text in [
        "Thank you for always making time for me.",
        "I'm sorry I snapped at you yesterday, that wasn't fair.",
        "No, I'd like to stop for tonight.",
        "She told me \"you're a selfish pig\" and laughed about it.",
        "You can always change your mind, no questions asked.",
        "I never want you to feel rushed.",
        "Could we talk about the budget on Sunday?",
        "I feel lonely when the evenings go by without us talking.",
        "I love how you never make me feel silly for asking.",
        "Never mind, the parcel turned up next door.",
        "It's completely fine if you'd rather stay in.",
        "I think I get defensive when money comes up, and I want to work on that.",
    ] {
        let a = check(text);
        assert!(a.flags.is_empty(), "{text:?} was flagged: {:?}", a.flags);
        assert!(a.suggestion.is_none());
    }
}

#[test]
fn a_model_only_flag_has_a_span_a_kind_and_a_plain_explanation() {
    // Wording no rule knows; the model flags it.
    let text = "You get a kick out of watching me squirm.";
    assert!(check_rules_only(text).flags.is_empty());
    let a = check(text);
    assert_eq!(a.flags.len(), 1, "{:?}", a.flags);
    let f = &a.flags[0];
    let n = text.chars().count();
    assert!(f.start < f.end && f.end <= n);
    let flagged: String = text.chars().skip(f.start).take(f.end - f.start).collect();
    assert!(flagged.contains("watching me squirm"), "{flagged:?}");
    assert!(!f.explanation.is_empty() && f.explanation.ends_with('.'));
    assert_eq!(f.explanation.matches(". ").count(), 0);
    assert!(a.suggestion.is_some());
}

#[test]
fn the_model_never_flags_text_inside_quotes_alone() {
    let text = "\"You just enjoy seeing me squirm.\"";
    assert!(check(text).flags.is_empty());
}

#[test]
fn a_rule_flag_is_dropped_only_when_the_model_finds_its_sentence_unlikely() {
    let m = shipped().expect("model");
    assert!(m.keep > 0.0 && m.keep < m.threshold);
    for ex in all_sets() {
        let rules = check_rules_only(&ex.text).flags;
        if rules.is_empty() {
            continue;
        }
        let both = check(&ex.text).flags;
        let lost = rules.iter().any(|f| !both.contains(f));
        if lost {
            // Some sentence the rules flagged scored below `keep`.
            let lowest = m
                .rule_sentence_probabilities(&ex.text)
                .into_iter()
                .fold(1.0, f32::min);
            assert!(
                lowest < m.keep,
                "{:?} lost a rule flag at {lowest}",
                ex.text
            );
        }
    }
    // A fond tease the rules read as a label ("the most stubborn") is let go.
    let fond = "You are the most stubborn, wonderful man and I adore it.";
    assert!(!check_rules_only(fond).flags.is_empty());
    assert!(check(fond).flags.is_empty());
}
