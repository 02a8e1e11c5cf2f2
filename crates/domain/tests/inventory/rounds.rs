//! Reveal rounds (B5, B7): lowerings count at once, raises wait for the next round.

use std::collections::BTreeMap;

use attune_domain::inventory::item::Role;
use attune_domain::inventory::matching::{
    Answers, MemberId, Round, Tier, matches, visible_matches,
};
use attune_domain::inventory::rating::Rating;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::common::{ALL_RATINGS, ALL_ROLES, Space, answers, space};

type Key = (String, Role);

/// One change a member makes after the round opened: which answer, and a pick among the
/// allowed new values.
#[derive(Debug, Clone)]
struct Change {
    who: Index,
    slot: Index,
    to: Index,
}

fn changes() -> impl Strategy<Value = Vec<Change>> {
    proptest::collection::vec(
        (any::<Index>(), any::<Index>(), any::<Index>()).prop_map(|(who, slot, to)| Change {
            who,
            slot,
            to,
        }),
        1..6,
    )
}

fn every_key(space: &Space) -> Vec<Key> {
    space
        .item_ids()
        .into_iter()
        .flat_map(|id| ALL_ROLES.map(|role| (id.clone(), role)))
        .collect()
}

/// Lowers existing answers: to a lower rating, or cleared (but clearing a limit lifts it, so
/// it is not a lowering). Returns what was lowered.
fn lower(
    space: &Space,
    current: &mut BTreeMap<MemberId, Answers>,
    changes: &[Change],
) -> Vec<(MemberId, Key, Option<Rating>)> {
    let mut done = Vec::new();
    for c in changes {
        let member = space.member(c.who);
        let answers = current.get_mut(&member).unwrap();
        let keys: Vec<Key> = answers.keys().cloned().collect();
        if keys.is_empty() {
            continue;
        }
        let key = c.slot.get(&keys).clone();
        let was = answers[&key];
        let mut options: Vec<Option<Rating>> = Vec::new();
        if was != Rating::Limit {
            options.push(None);
        }
        options.extend(ALL_RATINGS.iter().filter(|r| **r < was).map(|r| Some(*r)));
        if options.is_empty() {
            continue;
        }
        let to = *c.to.get(&options);
        match to {
            Some(r) => answers.insert(key.clone(), r),
            None => answers.remove(&key),
        };
        done.push((member, key, to));
    }
    done
}

/// Raises answers: an unanswered item-role gets a no, maybe or yes; an answer gets a higher
/// one; a limit may also be lifted by clearing it.
fn raise(space: &Space, current: &mut BTreeMap<MemberId, Answers>, changes: &[Change]) {
    let keys = every_key(space);
    for c in changes {
        let member = space.member(c.who);
        let answers = current.get_mut(&member).unwrap();
        let key = c.slot.get(&keys).clone();
        let options: Vec<Option<Rating>> = match answers.get(&key) {
            None => vec![Some(Rating::No), Some(Rating::Maybe), Some(Rating::Yes)],
            Some(Rating::Limit) => vec![
                None,
                Some(Rating::No),
                Some(Rating::Maybe),
                Some(Rating::Yes),
            ],
            Some(was) => ALL_RATINGS
                .iter()
                .filter(|r| *r > was)
                .map(|r| Some(*r))
                .collect(),
        };
        if options.is_empty() {
            continue;
        }
        match *c.to.get(&options) {
            Some(rating) => answers.insert(key, rating),
            None => answers.remove(&key),
        };
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn lowering_an_answer_takes_effect_at_once(space in space(), changes in changes()) {
        let round = Round { frozen: space.members.clone() };
        let revealed = matches(&round.frozen, space.roles_of());
        let mut current = space.members.clone();
        let lowered = lower(&space, &mut current, &changes);
        let visible = visible_matches(&round, &current, space.roles_of());

        // Only lowerings: what is visible is exactly what the lowered answers match.
        prop_assert_eq!(&visible, &matches(&current, space.roles_of()));

        // Never a new match, never a better tier (Tier::Yes sorts before Tier::Maybe).
        for m in &visible {
            let before = revealed.iter().find(|r| r.item == m.item);
            prop_assert!(before.is_some_and(|b| b.tier <= m.tier), "{} appeared", m.item);
        }

        // The lowered item-role no longer contributes.
        for (member, (item, role), to) in &lowered {
            if current[member].get(&(item.clone(), *role)).copied() != *to {
                continue; // a later change in the same batch overwrote it
            }
            for m in visible.iter().filter(|m| m.item == *item) {
                match to {
                    None | Some(Rating::No) => prop_assert_ne!(m.roles[member], *role),
                    Some(Rating::Limit) => prop_assert!(false, "{item} still shown after a limit"),
                    Some(Rating::Maybe) => {
                        prop_assert!(m.tier == Tier::Maybe || m.roles[member] != *role)
                    }
                    Some(Rating::Yes) => unreachable!("yes is never lower"),
                }
            }
        }
    }

    #[test]
    fn raising_an_answer_waits_for_the_next_round(space in space(), changes in changes()) {
        let round = Round { frozen: space.members.clone() };
        let mut current = space.members.clone();
        raise(&space, &mut current, &changes);
        prop_assert_eq!(
            visible_matches(&round, &current, space.roles_of()),
            matches(&round.frozen, space.roles_of())
        );
        // The next round counts them.
        let next = Round { frozen: current.clone() };
        prop_assert_eq!(
            visible_matches(&next, &current, space.roles_of()),
            matches(&current, space.roles_of())
        );
    }

    #[test]
    fn raises_wait_while_lowerings_apply_in_the_same_round(
        space in space(),
        ups in changes(),
        downs in changes(),
    ) {
        let round = Round { frozen: space.members.clone() };
        let mut lowered_only = space.members.clone();
        let lowered = lower(&space, &mut lowered_only, &downs);
        let mut current = lowered_only.clone();
        raise(&space, &mut current, &ups);
        // Raises touch only answers that were not lowered (restoring a lowered answer within
        // the round has its own test below).
        for (member, key, _) in &lowered {
            let answers = current.get_mut(member).unwrap();
            match lowered_only[member].get(key) {
                Some(rating) => answers.insert(key.clone(), *rating),
                None => answers.remove(key),
            };
        }
        prop_assert_eq!(
            visible_matches(&round, &current, space.roles_of()),
            matches(&lowered_only, space.roles_of())
        );
    }
}

fn two(a: Answers, b: Answers) -> BTreeMap<MemberId, Answers> {
    [("a".to_owned(), a), ("b".to_owned(), b)].into()
}

const EITHER: &[Role] = &[Role::Either];

#[test]
fn lowering_yes_to_maybe_drops_the_tier_and_a_new_limit_removes_the_item() {
    use Rating::*;
    let frozen = two(
        answers(&[("x", Role::Either, Yes), ("y", Role::Either, Yes)]),
        answers(&[("x", Role::Either, Yes), ("y", Role::Either, Yes)]),
    );
    let round = Round {
        frozen: frozen.clone(),
    };
    let tiers = |current: &BTreeMap<MemberId, Answers>| -> Vec<(String, Tier)> {
        visible_matches(&round, current, |_| Some(EITHER))
            .into_iter()
            .map(|m| (m.item, m.tier))
            .collect()
    };
    assert_eq!(
        tiers(&frozen),
        [("x".into(), Tier::Yes), ("y".into(), Tier::Yes)]
    );

    let mut current = frozen.clone();
    current
        .get_mut("b")
        .unwrap()
        .insert(("x".into(), Role::Either), Maybe);
    assert_eq!(
        tiers(&current),
        [("x".into(), Tier::Maybe), ("y".into(), Tier::Yes)]
    );

    // A limit on a role the round never saw answered, and not even offered, still counts.
    current
        .get_mut("a")
        .unwrap()
        .insert(("y".into(), Role::Leading), Limit);
    assert_eq!(tiers(&current), [("x".into(), Tier::Maybe)]);

    // Clearing an answer is a lowering.
    current
        .get_mut("a")
        .unwrap()
        .remove(&("x".into(), Role::Either));
    assert!(tiers(&current).is_empty());
}

#[test]
fn members_outside_the_round_only_count_with_a_limit_and_missing_members_cleared_everything() {
    use Rating::*;
    let frozen = two(
        answers(&[("x", Role::Either, Yes), ("y", Role::Either, Yes)]),
        answers(&[("x", Role::Either, Yes), ("y", Role::Either, Yes)]),
    );
    let round = Round {
        frozen: frozen.clone(),
    };
    let items = |current: &BTreeMap<MemberId, Answers>| -> Vec<String> {
        visible_matches(&round, current, |_| Some(EITHER))
            .into_iter()
            .map(|m| m.item)
            .collect()
    };

    let mut current = frozen.clone();
    current.insert("newcomer".into(), answers(&[("x", Role::Either, No)]));
    assert_eq!(items(&current), ["x", "y"]);
    current.insert("newcomer".into(), answers(&[("x", Role::Either, Limit)]));
    assert_eq!(items(&current), ["y"]);

    let mut without_b = frozen.clone();
    without_b.remove("b");
    assert!(items(&without_b).is_empty());
}

#[test]
fn a_limit_lifted_after_the_round_still_rules_the_item_out_until_the_next_round() {
    use Rating::*;
    let frozen = two(
        answers(&[("x", Role::Either, Yes), ("x", Role::Doing, Limit)]),
        answers(&[("x", Role::Either, Yes)]),
    );
    let round = Round {
        frozen: frozen.clone(),
    };
    let mut current = frozen.clone();
    current
        .get_mut("a")
        .unwrap()
        .insert(("x".into(), Role::Doing), Yes);
    assert!(visible_matches(&round, &current, |_| Some(EITHER)).is_empty());
    let next = Round {
        frozen: current.clone(),
    };
    assert_eq!(visible_matches(&next, &current, |_| Some(EITHER)).len(), 1);
}

#[test]
fn restoring_a_lowered_answer_within_the_round_brings_back_only_what_was_revealed() {
    use Rating::*;
    let frozen = two(
        answers(&[("x", Role::Either, Maybe)]),
        answers(&[("x", Role::Either, Yes)]),
    );
    let round = Round {
        frozen: frozen.clone(),
    };
    let mut current = frozen.clone();
    current
        .get_mut("a")
        .unwrap()
        .remove(&("x".into(), Role::Either));
    assert!(visible_matches(&round, &current, |_| Some(EITHER)).is_empty());

    // Back to "maybe": the revealed match returns as it was, no better.
    current
        .get_mut("a")
        .unwrap()
        .insert(("x".into(), Role::Either), Maybe);
    assert_eq!(
        visible_matches(&round, &current, |_| Some(EITHER)),
        matches(&frozen, |_| Some(EITHER))
    );
    // Up to "yes": the yes tier waits for the next round.
    current
        .get_mut("a")
        .unwrap()
        .insert(("x".into(), Role::Either), Yes);
    assert_eq!(
        visible_matches(&round, &current, |_| Some(EITHER))[0].tier,
        Tier::Maybe
    );
}
