//! Flag spans are char offsets that slice exactly the flagged words.

use attune_coach::{FlagKind, check};

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn a_span_after_non_ascii_text_counts_chars_not_bytes() {
    let text = "Zoë, ça va? 💔 You never listen.";
    let advice = check(text);
    let flag = advice
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::Absolute)
        .expect("absolute flag");
    assert_eq!(slice(text, flag.start, flag.end), "You never listen");
}

#[test]
fn a_contraction_is_flagged_as_the_whole_written_word() {
    let text = "Ärger über alles… you're so selfish";
    let advice = check(text);
    let flag = advice
        .flags
        .iter()
        .find(|f| f.kind == FlagKind::Blame)
        .expect("blame flag");
    assert_eq!(slice(text, flag.start, flag.end), "you're so selfish");
}

#[test]
fn every_span_lies_inside_the_text_and_is_not_empty() {
    let text = "日本語のテキスト。It's your fault, calm down, you always interrupt!";
    let n = text.chars().count();
    let advice = check(text);
    assert!(advice.flags.len() >= 3);
    for f in &advice.flags {
        assert!(f.start < f.end && f.end <= n, "{f:?}");
    }
}

#[test]
fn flags_come_back_in_text_order() {
    let advice = check("Calm down. You never help. It's your fault.");
    let starts: Vec<usize> = advice.flags.iter().map(|f| f.start).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
}
