//! Role-aware matching and reveal rounds (B2, B5, B7): what everyone is at least "maybe" to.
//!
//! Only what everyone is open to comes out of here (invariant 4): a [`Match`] names an item,
//! its tier and the role each member takes, all of them rated at least *maybe*. A *no* and an
//! unanswered item-role are treated identically, so nothing returned can tell them apart.
//!
//! - [`matches()`]: the matches of a set of answers.
//! - [`visible_matches`]: the matches of a reveal round, with every lowering since the round
//!   applied at once and every raise waiting for the next round (B7, invariant 1).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::item::Role;
use super::rating::Rating;

/// Who a member is, as the caller names them (for example their membership id as text).
pub type MemberId = String;

/// One member's answers: (item id, role) → rating. An item-role that is absent is unanswered.
///
/// Only the rating takes part in matching; the optional experience mark, private note and
/// conditions (B3) are stored elsewhere and never reach these rules.
pub type Answers = BTreeMap<(String, Role), Rating>;

/// How strongly an item matched (B5). The better tier sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Everyone rated their role *yes*.
    Yes,
    /// Everyone rated their role at least *maybe*, but no assignment has everyone at *yes*:
    /// "worth talking about".
    Maybe,
}

/// One revealed item: everyone is at least *maybe* in roles that pairwise complement.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Match {
    /// The item's id.
    pub item: String,
    /// [`Tier::Yes`] when some complementary assignment has everyone at *yes*.
    pub tier: Tier,
    /// The role each member takes in the assignment shown (every member of the space).
    pub roles: BTreeMap<MemberId, Role>,
}

/// The answers of every member as they stood when a reveal round opened (B5).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Round {
    /// Each member's answers at the moment the round was revealed.
    pub frozen: BTreeMap<MemberId, Answers>,
}

impl std::fmt::Debug for Round {
    /// Names the members and how many answers each has, never the answers themselves.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let counts: BTreeMap<&MemberId, usize> =
            self.frozen.iter().map(|(m, a)| (m, a.len())).collect();
        f.debug_struct("Round").field("answers", &counts).finish()
    }
}

/// The matches among `members`' answers, one per item, ordered by item id (B2, B5).
///
/// For each item, every member needs a role the item offers (`roles_of`) that they rated at
/// least *maybe*, such that every pair of members' roles complement ([`Role::complements`]).
/// An assignment with everyone at *yes* gives [`Tier::Yes`]; otherwise the item is
/// [`Tier::Maybe`]. Among equally good assignments the first in member order, then role
/// order, is shown.
///
/// Rules that keep people safe:
/// - a *limit* by any member on any role of the item — even a role the item no longer
///   offers — rules the item out entirely (invariant 3);
/// - *no* and unanswered both simply exclude that role for that member;
/// - items `roles_of` does not know, and roles it does not offer, are ignored;
/// - fewer than two members never match anything.
pub fn matches<'r, F>(members: &BTreeMap<MemberId, Answers>, roles_of: F) -> Vec<Match>
where
    F: Fn(&str) -> Option<&'r [Role]>,
{
    if members.len() < 2 {
        return Vec::new();
    }

    // item id → member → (role, rating), built once over every answer.
    let mut by_item: BTreeMap<&str, ItemAnswers<'_>> = BTreeMap::new();
    let mut limited: BTreeSet<&str> = BTreeSet::new();
    for (member, answers) in members {
        for ((item, role), rating) in answers {
            if *rating == Rating::Limit {
                limited.insert(item);
            }
            by_item
                .entry(item)
                .or_default()
                .entry(member)
                .or_default()
                .push((*role, *rating));
        }
    }

    let mut out = Vec::new();
    for (item, answered) in by_item {
        if limited.contains(item) || answered.len() < members.len() {
            continue;
        }
        let Some(offered) = roles_of(item) else {
            continue;
        };
        let candidates_at = |at_least: Rating| -> Vec<Vec<Role>> {
            answered
                .values()
                .map(|ratings| {
                    ratings
                        .iter()
                        .filter(|(role, rating)| *rating >= at_least && offered.contains(role))
                        .map(|(role, _)| *role)
                        .collect()
                })
                .collect()
        };
        let found = assign(&candidates_at(Rating::Yes))
            .map(|roles| (Tier::Yes, roles))
            .or_else(|| assign(&candidates_at(Rating::Maybe)).map(|roles| (Tier::Maybe, roles)));
        if let Some((tier, roles)) = found {
            out.push(Match {
                item: item.to_owned(),
                tier,
                roles: answered.keys().map(|m| (*m).clone()).zip(roles).collect(),
            });
        }
    }
    out
}

/// The matches of a reveal round as members see them now (B5, B7).
///
/// Computed from the round's frozen answers, except that every lowering since the round
/// counts at once, while raises only count from the next round. For each member of the round
/// and each item-role, the effective answer is the lower of the frozen and the current one,
/// ranking from the bottom: *limit*, unanswered, *no*, *maybe*, *yes*. So a cleared answer
/// is a lowering, but clearing a *limit* is a raise: a limit in force when the round opened
/// keeps the item out until the next round, and a new limit removes it at once. A *limit* in
/// `current` by someone who was not in the round removes the item too. A member of the round
/// missing from `current` counts as having cleared every answer.
pub fn visible_matches<'r, F>(
    round: &Round,
    current: &BTreeMap<MemberId, Answers>,
    roles_of: F,
) -> Vec<Match>
where
    F: Fn(&str) -> Option<&'r [Role]>,
{
    let empty = Answers::new();
    let effective: BTreeMap<MemberId, Answers> = round
        .frozen
        .iter()
        .map(|(member, frozen)| {
            let now = current.get(member).unwrap_or(&empty);
            let keys: BTreeSet<&(String, Role)> = frozen.keys().chain(now.keys()).collect();
            let answers: Answers = keys
                .into_iter()
                .filter_map(|key| {
                    let lower = lower_answer(frozen.get(key).copied(), now.get(key).copied());
                    lower.map(|rating| (key.clone(), rating))
                })
                .collect();
            (member.clone(), answers)
        })
        .collect();

    let limited_now: BTreeSet<&str> = current
        .values()
        .flat_map(|answers| answers.iter())
        .filter(|(_, rating)| **rating == Rating::Limit)
        .map(|((item, _), _)| item.as_str())
        .collect();

    matches(&effective, roles_of)
        .into_iter()
        .filter(|m| !limited_now.contains(m.item.as_str()))
        .collect()
}

/// The lower of two answers to one item-role, ranking *limit* below unanswered below *no*.
fn lower_answer(a: Option<Rating>, b: Option<Rating>) -> Option<Rating> {
    fn rank(answer: Option<Rating>) -> u8 {
        match answer {
            Some(Rating::Limit) => 0,
            None => 1,
            Some(Rating::No) => 2,
            Some(Rating::Maybe) => 3,
            Some(Rating::Yes) => 4,
        }
    }
    if rank(a) <= rank(b) { a } else { b }
}

/// Every member's answers to one item: member → (role, rating).
type ItemAnswers<'a> = BTreeMap<&'a MemberId, Vec<(Role, Rating)>>;

/// The first assignment (member order, then each member's candidate order) that gives every
/// member one of their candidate roles with every pair complementing, if any.
fn assign(candidates: &[Vec<Role>]) -> Option<Vec<Role>> {
    fn extend(candidates: &[Vec<Role>], chosen: &mut Vec<Role>) -> bool {
        let Some(options) = candidates.get(chosen.len()) else {
            return true;
        };
        for &role in options {
            if chosen.iter().all(|&other| other.complements(role)) {
                chosen.push(role);
                if extend(candidates, chosen) {
                    return true;
                }
                chosen.pop();
            }
        }
        false
    }

    let mut chosen = Vec::with_capacity(candidates.len());
    extend(candidates, &mut chosen).then_some(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SWAP: &[Role] = &[Role::Doing, Role::Receiving];

    fn answers(list: &[(&str, Role, Rating)]) -> Answers {
        list.iter()
            .map(|(i, r, x)| (((*i).to_owned(), *r), *x))
            .collect()
    }

    #[test]
    fn the_assignment_shown_is_the_first_in_member_then_role_order() {
        let members: BTreeMap<MemberId, Answers> = [
            (
                "a".to_owned(),
                answers(&[
                    ("x", Role::Doing, Rating::Yes),
                    ("x", Role::Receiving, Rating::Yes),
                ]),
            ),
            (
                "b".to_owned(),
                answers(&[
                    ("x", Role::Doing, Rating::Yes),
                    ("x", Role::Receiving, Rating::Yes),
                ]),
            ),
        ]
        .into();
        let found = matches(&members, |_| Some(SWAP));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].roles["a"], Role::Doing);
        assert_eq!(found[0].roles["b"], Role::Receiving);
    }

    #[test]
    fn a_rounds_debug_output_shows_no_answers() {
        let round = Round {
            frozen: [(
                "a".to_owned(),
                answers(&[("secret.item", Role::Doing, Rating::No)]),
            )]
            .into(),
        };
        let shown = format!("{round:?}");
        assert!(!shown.contains("secret"));
        assert!(!shown.contains("No"));
    }
}
