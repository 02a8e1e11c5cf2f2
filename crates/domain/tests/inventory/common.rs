//! Shared test spaces: random catalogs of test items, random members and answers, and a brute-force oracle.

use std::collections::BTreeMap;

use attune_domain::inventory::item::Role;
use attune_domain::inventory::matching::{Answers, MemberId, Tier};
use attune_domain::inventory::rating::Rating;
use proptest::prelude::*;
use proptest::sample::Index;

/// Every role, in a fixed order.
pub const ALL_ROLES: [Role; 5] = [
    Role::Doing,
    Role::Receiving,
    Role::Either,
    Role::Leading,
    Role::Following,
];

/// Every rating, lowest first.
pub const ALL_RATINGS: [Rating; 4] = [Rating::Limit, Rating::No, Rating::Maybe, Rating::Yes];

/// An item that members answer but the catalog does not know.
pub const GHOST: &str = "ghost";

/// A test space: our own items (id → offered roles) and each member's answers.
#[derive(Debug, Clone)]
pub struct Space {
    /// Item id → the roles it offers.
    pub catalog: BTreeMap<String, Vec<Role>>,
    /// Member → answers.
    pub members: BTreeMap<MemberId, Answers>,
}

impl Space {
    /// The roles the item offers, as the matching rules ask for them.
    pub fn roles_of<'s>(&'s self) -> impl Fn(&str) -> Option<&'s [Role]> + 's {
        |id| self.catalog.get(id).map(Vec::as_slice)
    }

    /// Every item id members may have answered, the unknown one included.
    pub fn item_ids(&self) -> Vec<String> {
        self.catalog
            .keys()
            .cloned()
            .chain(std::iter::once(GHOST.to_owned()))
            .collect()
    }

    /// The member at `index` (in id order).
    pub fn member(&self, index: Index) -> MemberId {
        let ids: Vec<&MemberId> = self.members.keys().collect();
        index.get(&ids).to_string()
    }
}

/// One answer to one item-role: often unanswered or yes, rarely a limit.
pub fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop_oneof![
        30 => Just(None),
        1 => Just(Some(Rating::Limit)),
        15 => Just(Some(Rating::No)),
        20 => Just(Some(Rating::Maybe)),
        30 => Just(Some(Rating::Yes)),
    ]
}

/// Six items with random, non-empty role sets.
pub fn catalog() -> impl Strategy<Value = BTreeMap<String, Vec<Role>>> {
    proptest::collection::vec(proptest::sample::subsequence(ALL_ROLES.to_vec(), 1..=5), 6).prop_map(
        |sets| {
            sets.into_iter()
                .enumerate()
                .map(|(i, roles)| (format!("item{i}"), roles))
                .collect()
        },
    )
}

/// A space of 2–4 members who answered every role of every item (offered or not) at random.
pub fn space() -> impl Strategy<Value = Space> {
    (catalog(), 2usize..=4)
        .prop_flat_map(|(catalog, n)| {
            let slots = (catalog.len() + 1) * ALL_ROLES.len();
            (
                Just(catalog),
                proptest::collection::vec(proptest::collection::vec(rating(), slots), n),
            )
        })
        .prop_map(|(catalog, answer_lists)| {
            let mut space = Space {
                catalog,
                members: BTreeMap::new(),
            };
            let keys: Vec<(String, Role)> = space
                .item_ids()
                .into_iter()
                .flat_map(|id| ALL_ROLES.map(|role| (id.clone(), role)))
                .collect();
            for (m, list) in answer_lists.into_iter().enumerate() {
                let answers: Answers = keys
                    .iter()
                    .cloned()
                    .zip(list)
                    .filter_map(|(key, rating)| rating.map(|r| (key, r)))
                    .collect();
                space.members.insert(format!("member{m}"), answers);
            }
            space
        })
}

/// Builds answers from a short table.
pub fn answers(list: &[(&str, Role, Rating)]) -> Answers {
    list.iter()
        .map(|(item, role, rating)| (((*item).to_owned(), *role), *rating))
        .collect()
}

/// The best tier any assignment reaches for `item`, by trying every combination of roles —
/// the rules written out as plainly as possible, independently of the implementation.
pub fn oracle(space: &Space, item: &str) -> Option<Tier> {
    let offered = space.catalog.get(item)?;
    let members: Vec<&Answers> = space.members.values().collect();
    if members.len() < 2 {
        return None;
    }
    let limited = members
        .iter()
        .any(|a| a.iter().any(|((i, _), r)| i == item && *r == Rating::Limit));
    if limited {
        return None;
    }
    let mut best = None;
    let total = offered.len().pow(members.len() as u32);
    for code in 0..total {
        let mut rest = code;
        let roles: Vec<Role> = (0..members.len())
            .map(|_| {
                let role = offered[rest % offered.len()];
                rest /= offered.len();
                role
            })
            .collect();
        let complementary = roles
            .iter()
            .enumerate()
            .all(|(i, a)| roles[i + 1..].iter().all(|b| a.complements(*b)));
        if !complementary {
            continue;
        }
        let ratings: Vec<Option<Rating>> = members
            .iter()
            .zip(&roles)
            .map(|(a, role)| a.get(&(item.to_owned(), *role)).copied())
            .collect();
        if ratings.iter().all(|r| *r == Some(Rating::Yes)) {
            return Some(Tier::Yes);
        }
        if ratings.iter().all(|r| r.is_some_and(Rating::is_open)) {
            best = Some(Tier::Maybe);
        }
    }
    best
}
