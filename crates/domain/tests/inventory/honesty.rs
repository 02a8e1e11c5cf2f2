//! The honesty guard (B6): answered count, yes band, and changes since the previous round.

use attune_domain::inventory::honesty::{Honesty, YesBand, honesty};
use attune_domain::inventory::item::Role;
use attune_domain::inventory::matching::Answers;
use attune_domain::inventory::rating::Rating;
use proptest::prelude::*;

use crate::common::{answers, space};

/// `yes` answers of yes and `other` answers of no, on distinct items.
fn mix(yes: usize, other: usize) -> Answers {
    (0..yes)
        .map(|i| ((format!("yes{i}"), Role::Either), Rating::Yes))
        .chain((0..other).map(|i| ((format!("other{i}"), Role::Either), Rating::No)))
        .collect()
}

#[test]
fn yes_bands_switch_exactly_at_half_and_at_nine_in_ten() {
    use YesBand::*;
    let cases = [
        (0, 0, UnderHalf),
        (0, 1, UnderHalf),
        (4, 9, UnderHalf),
        (49, 100, UnderHalf),
        (50, 100, Most),
        (1, 2, Most),
        (5, 9, Most),
        (8, 9, Most),
        (89, 100, Most),
        (90, 100, NearlyAll),
        (9, 10, NearlyAll),
        (1, 1, NearlyAll),
        (100, 100, NearlyAll),
    ];
    for (yes, answered, band) in cases {
        assert_eq!(YesBand::of(yes, answered), band, "{yes} of {answered}");
        let shown = honesty(&mix(yes, answered - yes), None);
        assert_eq!(shown.answered, answered);
        assert_eq!(shown.yes_band, band, "{yes} of {answered}");
    }
}

#[test]
fn every_rating_counts_as_answered_but_only_yes_counts_as_yes() {
    use Rating::*;
    let all = answers(&[
        ("a", Role::Doing, Limit),
        ("a", Role::Receiving, No),
        ("b", Role::Either, Maybe),
        ("c", Role::Leading, Yes),
    ]);
    assert_eq!(
        honesty(&all, None),
        Honesty {
            answered: 4,
            yes_band: YesBand::UnderHalf,
            changed_since_last_round: 0
        }
    );
}

#[test]
fn changes_count_additions_removals_and_re_ratings_once_each() {
    use Rating::*;
    let previous = answers(&[
        ("kept", Role::Doing, Yes),
        ("changed", Role::Doing, Yes),
        ("removed", Role::Doing, Maybe),
        ("role", Role::Doing, No),
    ]);
    let current = answers(&[
        ("kept", Role::Doing, Yes),
        ("changed", Role::Doing, No),
        ("added", Role::Either, Maybe),
        ("role", Role::Receiving, No),
    ]);
    // changed, removed, added, role/doing removed, role/receiving added.
    assert_eq!(
        honesty(&current, Some(&previous)).changed_since_last_round,
        5
    );
    assert_eq!(
        honesty(&previous, Some(&current)).changed_since_last_round,
        5
    );
    assert_eq!(
        honesty(&current, Some(&current)).changed_since_last_round,
        0
    );
    assert_eq!(honesty(&current, None).changed_since_last_round, 0);
    assert_eq!(
        honesty(&current, Some(&Answers::new())).changed_since_last_round,
        4
    );
    assert_eq!(
        honesty(&Answers::new(), Some(&current)).changed_since_last_round,
        4
    );
}

proptest! {
    #[test]
    fn honesty_counts_are_consistent_aggregates(space in space()) {
        let members: Vec<&Answers> = space.members.values().collect();
        let (a, b) = (members[0], members[1]);
        let shown = honesty(a, Some(b));
        prop_assert_eq!(shown.answered, a.len());
        prop_assert_eq!(shown.changed_since_last_round, honesty(b, Some(a)).changed_since_last_round);
        prop_assert!(shown.changed_since_last_round <= a.len() + b.len());
        prop_assert_eq!(honesty(a, Some(a)).changed_since_last_round, 0);
        let yes = a.values().filter(|r| **r == Rating::Yes).count();
        prop_assert_eq!(shown.yes_band, YesBand::of(yes, a.len()));
    }

    #[test]
    fn more_yes_never_lowers_the_band(yes in 0usize..200, more in 0usize..50, others in 0usize..200) {
        prop_assert!(YesBand::of(yes, yes + others) <= YesBand::of(yes + more, yes + more + others));
    }
}
