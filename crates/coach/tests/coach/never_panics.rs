//! `check` never panics and keeps its spans in bounds, whatever the input.

use attune_coach::{MAX_TEXT_CHARS, check};
use proptest::prelude::*;

fn in_bounds(text: &str) {
    let n = text.chars().count();
    let advice = check(text);
    for f in &advice.flags {
        assert!(f.start < f.end && f.end <= n);
    }
    assert_eq!(advice.flags.is_empty(), advice.suggestion.is_none());
}

proptest! {
    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        in_bounds(&text);
    }

    #[test]
    fn wordy_strings_with_quotes_and_apostrophes_never_panic(
        text in "([Yy]ou|I|never|always|'|\"|“|’|,|\\.|\\?| |don't|every|time|n't|calm|down|é|💔|\n){0,40}"
    ) {
        in_bounds(&text);
    }
}

#[test]
fn text_longer_than_the_limit_does_not_panic() {
    let text = "You never listen, it's your fault. \"Calm down\" ".repeat(MAX_TEXT_CHARS / 10);
    in_bounds(&text);
}

#[test]
fn odd_unicode_does_not_panic() {
    for text in [
        "\u{0}",
        "\u{202E}you never",
        "İ",
        "ﬀ you're",
        "'",
        "\"",
        "“",
        "you'",
        "'you",
        "a\u{301}",
    ] {
        in_bounds(text);
    }
}
