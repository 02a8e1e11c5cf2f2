//! Role-aware matching (B2, B5) and what it may reveal (invariant 4).

use std::collections::BTreeMap;

use attune_domain::inventory::item::Role;
use attune_domain::inventory::matching::{Answers, Match, MemberId, Tier, matches};
use attune_domain::inventory::rating::Rating;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::common::{ALL_ROLES, GHOST, Space, answers, oracle, space};

fn items_and_tiers(found: &[Match]) -> Vec<(String, Tier)> {
    found.iter().map(|m| (m.item.clone(), m.tier)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_revealed_item_has_every_member_at_least_maybe_in_complementary_roles(space in space()) {
        for found in matches(&space.members, space.roles_of()) {
            let offered = &space.catalog[&found.item];
            prop_assert_eq!(
                found.roles.keys().collect::<Vec<_>>(),
                space.members.keys().collect::<Vec<_>>()
            );
            for (member, role) in &found.roles {
                prop_assert!(offered.contains(role), "{role:?} is not offered by {}", found.item);
                let rating = space.members[member].get(&(found.item.clone(), *role));
                prop_assert!(rating.is_some_and(|r| r.is_open()), "{member} rated {rating:?}");
            }
            let roles: Vec<Role> = found.roles.values().copied().collect();
            for (i, a) in roles.iter().enumerate() {
                for b in &roles[i + 1..] {
                    prop_assert!(a.complements(*b), "{a:?} and {b:?} do not complement");
                }
            }
        }
    }

    #[test]
    fn matches_agree_with_a_brute_force_search_of_every_assignment(space in space()) {
        let found: BTreeMap<String, Tier> =
            items_and_tiers(&matches(&space.members, space.roles_of())).into_iter().collect();
        for item in space.item_ids() {
            prop_assert_eq!(found.get(&item).copied(), oracle(&space, &item), "item {}", item);
        }
    }

    #[test]
    fn no_limit_or_unanswered_ever_appears_in_a_match(space in space()) {
        for found in matches(&space.members, space.roles_of()) {
            for (member, answers) in &space.members {
                let limited = answers
                    .iter()
                    .any(|((item, _), rating)| *item == found.item && *rating == Rating::Limit);
                prop_assert!(!limited, "{member} has a limit on {}", found.item);
                let role = found.roles[member];
                let rating = answers.get(&(found.item.clone(), role)).copied();
                prop_assert!(
                    matches!(rating, Some(Rating::Maybe | Rating::Yes)),
                    "{member} shown in {role:?} with {rating:?}"
                );
            }
        }
    }

    #[test]
    fn a_members_no_and_unanswered_are_indistinguishable_to_others(
        space in space(),
        who in any::<Index>(),
        item in any::<Index>(),
        role in any::<Index>(),
    ) {
        let member = space.member(who);
        let key = (item.get(&space.item_ids()).clone(), *role.get(&ALL_ROLES));

        let mut said_no = space.members.clone();
        said_no.get_mut(&member).unwrap().insert(key.clone(), Rating::No);
        let mut skipped = space.members.clone();
        skipped.get_mut(&member).unwrap().remove(&key);
        prop_assert_eq!(
            matches(&said_no, space.roles_of()),
            matches(&skipped, space.roles_of())
        );

        // The same with every "no" of that member turned into a skip at once.
        let mut no_skips = space.members.clone();
        no_skips.get_mut(&member).unwrap().retain(|_, r| *r != Rating::No);
        prop_assert_eq!(
            matches(&space.members, space.roles_of()),
            matches(&no_skips, space.roles_of())
        );
    }

    #[test]
    fn a_limit_anywhere_rules_the_item_out(
        space in space(),
        who in any::<Index>(),
        item in any::<Index>(),
        role in any::<Index>(),
    ) {
        let member = space.member(who);
        // Any role, offered by the item or not.
        let key = (item.get(&space.item_ids()).clone(), *role.get(&ALL_ROLES));
        let mut limited = space.members.clone();
        limited.get_mut(&member).unwrap().insert(key.clone(), Rating::Limit);

        let before = matches(&space.members, space.roles_of());
        let after = matches(&limited, space.roles_of());
        prop_assert!(after.iter().all(|m| m.item != key.0));
        let others = |found: Vec<Match>| -> Vec<Match> {
            found.into_iter().filter(|m| m.item != key.0).collect()
        };
        prop_assert_eq!(others(before), others(after));
    }

    #[test]
    fn the_yes_tier_needs_everyone_yes(
        space in space(),
        who in any::<Index>(),
        item in any::<Index>(),
    ) {
        for found in matches(&space.members, space.roles_of()) {
            let all_yes = found.roles.iter().all(|(member, role)| {
                space.members[member].get(&(found.item.clone(), *role)) == Some(&Rating::Yes)
            });
            // Yes tier: the assignment shown is all yes. Maybe tier: no assignment is.
            prop_assert_eq!(found.tier == Tier::Yes, all_yes);
        }

        // A member who says at most "maybe" to every role of an item keeps it out of the yes tier.
        let member = space.member(who);
        let item = item.get(&space.item_ids()).clone();
        let mut hesitant = space.members.clone();
        for ((i, _), rating) in hesitant.get_mut(&member).unwrap().iter_mut() {
            if *i == item && *rating == Rating::Yes {
                *rating = Rating::Maybe;
            }
        }
        for found in matches(&hesitant, space.roles_of()) {
            if found.item == item {
                prop_assert_eq!(found.tier, Tier::Maybe);
            }
        }
    }

    #[test]
    fn matching_is_deterministic_and_independent_of_member_order(
        space in space(),
        shift in 1usize..4,
    ) {
        let first = matches(&space.members, space.roles_of());
        prop_assert_eq!(&first, &matches(&space.members, space.roles_of()));

        // Built in the opposite order: the same map, the same answer.
        let reversed: BTreeMap<MemberId, Answers> =
            space.members.iter().rev().map(|(m, a)| (m.clone(), a.clone())).collect();
        prop_assert_eq!(&first, &matches(&reversed, space.roles_of()));

        // Renamed so that the members sort in another order: the same items in the same tiers.
        let n = space.members.len();
        let renamed: BTreeMap<MemberId, Answers> = space
            .members
            .values()
            .enumerate()
            .map(|(i, a)| (format!("renamed{}", (i + shift) % n), a.clone()))
            .collect();
        let renamed_space = Space { catalog: space.catalog.clone(), members: renamed };
        prop_assert_eq!(
            items_and_tiers(&first),
            items_and_tiers(&matches(&renamed_space.members, renamed_space.roles_of()))
        );

        // Sorted by item id, at most once each.
        let ids: Vec<&String> = first.iter().map(|m| &m.item).collect();
        prop_assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }
}

/// Two members' answers for item `x` (offered in `offered`), in the given roles, all yes.
fn pair(offered: &'static [Role], a: &[Role], b: &[Role]) -> Vec<Match> {
    group(offered, &[a, b])
}

fn group(offered: &'static [Role], roles: &[&[Role]]) -> Vec<Match> {
    let members: BTreeMap<MemberId, Answers> = roles
        .iter()
        .enumerate()
        .map(|(i, rs)| {
            let list: Vec<(&str, Role, Rating)> =
                rs.iter().map(|r| ("x", *r, Rating::Yes)).collect();
            (format!("m{i}"), answers(&list))
        })
        .collect();
    matches(&members, |id| (id == "x").then_some(offered))
}

#[test]
fn complementary_roles_pair_doing_with_receiving_and_leading_with_following() {
    use Role::*;
    let table: [(Role, Role, bool); 25] = [
        (Doing, Doing, false),
        (Doing, Receiving, true),
        (Doing, Either, true),
        (Doing, Leading, false),
        (Doing, Following, false),
        (Receiving, Doing, true),
        (Receiving, Receiving, false),
        (Receiving, Either, true),
        (Receiving, Leading, false),
        (Receiving, Following, false),
        (Either, Doing, true),
        (Either, Receiving, true),
        (Either, Either, true),
        (Either, Leading, true),
        (Either, Following, true),
        (Leading, Doing, false),
        (Leading, Receiving, false),
        (Leading, Either, true),
        (Leading, Leading, false),
        (Leading, Following, true),
        (Following, Doing, false),
        (Following, Receiving, false),
        (Following, Either, true),
        (Following, Leading, true),
        (Following, Following, false),
    ];
    for (a, b, expected) in table {
        assert_eq!(a.complements(b), expected, "{a:?} with {b:?}");
        let found = pair(&ALL_ROLES, &[a], &[b]);
        assert_eq!(!found.is_empty(), expected, "matching {a:?} with {b:?}");
        if expected {
            assert_eq!(found[0].roles["m0"], a);
            assert_eq!(found[0].roles["m1"], b);
            assert_eq!(found[0].tier, Tier::Yes);
        }
    }

    const POWER: &[Role] = &[Leading, Following];
    assert!(
        pair(POWER, &[Leading], &[Leading]).is_empty(),
        "both leading"
    );
    assert!(
        pair(POWER, &[Following], &[Following]).is_empty(),
        "both following"
    );
    assert_eq!(pair(POWER, &[Leading], &[Following]).len(), 1);
    // Someone open to both roles takes the one that fits.
    let found = pair(POWER, &[Leading, Following], &[Leading]);
    assert_eq!(found[0].roles["m0"], Following);
    assert_eq!(found[0].roles["m1"], Leading);

    // Three or more: every pair has to complement.
    assert!(group(POWER, &[&[Leading], &[Following], &[Following]]).is_empty());
    assert!(group(&ALL_ROLES, &[&[Doing], &[Receiving], &[Receiving]]).is_empty());
    let found = group(&ALL_ROLES, &[&[Leading], &[Following], &[Either]]);
    assert_eq!(found.len(), 1);
    let found = group(&ALL_ROLES, &[&[Either], &[Either], &[Either], &[Doing]]);
    assert_eq!(found.len(), 1);
    assert!(group(&ALL_ROLES, &[&[Doing], &[Receiving], &[Doing], &[Either]]).is_empty());

    // A role the item does not offer does not count, even rated yes.
    assert!(pair(&[Doing, Receiving], &[Either], &[Either]).is_empty());
}

#[test]
fn unknown_items_single_members_and_partial_answers_never_match() {
    let both_yes = answers(&[
        (GHOST, Role::Either, Rating::Yes),
        ("x", Role::Either, Rating::Yes),
    ]);
    let members: BTreeMap<MemberId, Answers> = [
        ("a".to_owned(), both_yes.clone()),
        ("b".to_owned(), both_yes.clone()),
    ]
    .into();
    let found = matches(&members, |id| (id == "x").then_some(&[Role::Either][..]));
    assert_eq!(
        found.iter().map(|m| m.item.as_str()).collect::<Vec<_>>(),
        ["x"]
    );

    let alone: BTreeMap<MemberId, Answers> = [("a".to_owned(), both_yes.clone())].into();
    assert!(matches(&alone, |_| Some(&[Role::Either][..])).is_empty());

    let silent: BTreeMap<MemberId, Answers> = [
        ("a".to_owned(), both_yes.clone()),
        ("b".to_owned(), both_yes),
        ("c".to_owned(), Answers::new()),
    ]
    .into();
    assert!(matches(&silent, |_| Some(&[Role::Either][..])).is_empty());
}

#[test]
fn a_match_prefers_an_all_yes_assignment_over_an_earlier_maybe_one() {
    use Rating::*;
    let members: BTreeMap<MemberId, Answers> = [
        (
            "a".to_owned(),
            answers(&[("x", Role::Doing, Maybe), ("x", Role::Receiving, Yes)]),
        ),
        (
            "b".to_owned(),
            answers(&[("x", Role::Doing, Yes), ("x", Role::Receiving, Yes)]),
        ),
    ]
    .into();
    let found = matches(&members, |_| Some(&[Role::Doing, Role::Receiving][..]));
    assert_eq!(found[0].tier, Tier::Yes);
    assert_eq!(found[0].roles["a"], Role::Receiving);
    assert_eq!(found[0].roles["b"], Role::Doing);
}

#[test]
fn the_random_spaces_reach_both_tiers_often_enough_to_test_anything() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    let mut runner = TestRunner::deterministic();
    let strategy = space();
    let (mut yes, mut maybe, mut three_or_more) = (0, 0, 0);
    for _ in 0..300 {
        let space = strategy.new_tree(&mut runner).unwrap().current();
        for found in matches(&space.members, space.roles_of()) {
            match found.tier {
                Tier::Yes => yes += 1,
                Tier::Maybe => maybe += 1,
            }
            if found.roles.len() >= 3 {
                three_or_more += 1;
            }
        }
    }
    eprintln!("yes {yes}, maybe {maybe}, with three or more members {three_or_more}");
    assert!(yes >= 30 && maybe >= 30 && three_or_more >= 30);
}

#[test]
fn a_space_of_eight_matches_when_at_most_one_complementary_pair_is_not_either() {
    use Role::*;
    let mut roles: Vec<&[Role]> = vec![&[Either]; 8];
    assert_eq!(group(&ALL_ROLES, &roles).len(), 1);
    roles[3] = &[Leading];
    assert_eq!(group(&ALL_ROLES, &roles).len(), 1);
    roles[6] = &[Following];
    let found = group(&ALL_ROLES, &roles);
    assert_eq!(found[0].roles["m3"], Leading);
    assert_eq!(found[0].roles["m6"], Following);
    roles[0] = &[Leading, Following];
    assert!(group(&ALL_ROLES, &roles).is_empty());
    roles[0] = &[Leading, Following, Either];
    assert_eq!(group(&ALL_ROLES, &roles)[0].roles["m0"], Either);
}
