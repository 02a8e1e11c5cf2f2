//! Invariant 5 for check-ins: answers stay sealed until every member has submitted (or the round
//! has closed), whatever order people submit in.

use std::collections::BTreeSet;

use attune_domain::checkin::{everyone_submitted, is_revealed, visible_to};
use proptest::prelude::*;

fn members_and_order() -> impl Strategy<Value = (Vec<String>, Vec<usize>)> {
    (2usize..=6).prop_flat_map(|n| {
        let members: Vec<String> = (0..n).map(|i| format!("m{i}")).collect();
        (
            Just(members),
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
        )
    })
}

proptest! {
    #[test]
    fn sealed_answers_hidden_until_all_submitted((members, order) in members_and_order(), close_after in 0usize..8) {
        let everyone: BTreeSet<String> = members.iter().cloned().collect();
        let mut submitted = BTreeSet::new();
        let closes_at = 1_000;
        for (step, &i) in order.iter().enumerate() {
            submitted.insert(members[i].clone());
            let all = everyone_submitted(&everyone, &submitted);
            prop_assert_eq!(all, step + 1 == members.len());
            // The clock is past the close only after `close_after` submissions.
            let now = if step + 1 > close_after { closes_at } else { closes_at - 1 };
            let revealed = is_revealed(all.then_some(now), closes_at, now);
            for viewer in &members {
                let seen = visible_to(viewer, &submitted, revealed);
                if revealed {
                    let expected: BTreeSet<&str> = submitted.iter().map(String::as_str).collect();
                    prop_assert_eq!(seen, expected);
                } else {
                    // Before the reveal a viewer sees at most their own answers.
                    prop_assert!(seen.iter().all(|m| m == viewer));
                    prop_assert_eq!(seen.contains(viewer.as_str()), submitted.contains(viewer));
                }
            }
        }
    }
}

#[test]
fn a_lone_submission_reveals_nothing_of_it_to_others() {
    let submitted: BTreeSet<String> = ["a".to_string()].into();
    assert!(visible_to("b", &submitted, false).is_empty());
    assert_eq!(visible_to("a", &submitted, false).len(), 1);
}
