//! A pending change applies only when every current member confirmed (invariant 2).

use attune_domain::boundaries::confirm::{Outcome, outcome};
use proptest::prelude::*;

fn members() -> impl Strategy<Value = Vec<String>> {
    (1usize..=8).prop_map(|n| (0..n).map(|i| format!("m{i}")).collect())
}

proptest! {
    #[test]
    fn loosening_needs_every_member(members in members(), skip in any::<prop::sample::Index>(), extra in 0usize..3) {
        // Everyone but one confirms, plus some people who are not members: still waiting.
        let missing = skip.get(&members).clone();
        let mut confirmed: Vec<String> = members.iter().filter(|m| **m != missing).cloned().collect();
        confirmed.extend((0..extra).map(|i| format!("outsider{i}")));
        prop_assert_eq!(outcome(&members, &confirmed), Outcome::Waiting(vec![missing.clone()]));
        // Once the last member confirms (in any order, even twice), it applies.
        confirmed.insert(0, missing.clone());
        confirmed.push(missing);
        prop_assert_eq!(outcome(&members, &confirmed), Outcome::Applies);
    }

    #[test]
    fn nobody_confirming_never_applies(members in members()) {
        prop_assert_eq!(outcome(&members, &[]), Outcome::Waiting(members.clone()));
    }
}
