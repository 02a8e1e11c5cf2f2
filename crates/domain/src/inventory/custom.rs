//! Custom activities a member writes (B4): the rules for checking them, and how two members'
//! private items with the same wording find each other.
//!
//! A custom item stays private to its author until they offer it to the space. Two members can
//! still discover a shared wish without showing it: when each of them wrote a private item
//! with the same wording (ignoring case, spacing and punctuation), the items are *twins* and
//! are matched as one item, so the wish appears only if everyone rated it at least *maybe*.

use std::collections::{BTreeMap, BTreeSet};

use crate::DomainError;
use crate::inventory::item::Role;
use crate::inventory::matching::{Answers, MemberId};
use crate::text::{Lines, clean};

/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 80;
/// The longest description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 300;
/// How many custom items one member may write in one space.
pub const MAX_PER_MEMBER: usize = 200;
/// Every custom item id starts with this, so it can never collide with a catalog id.
pub const ID_PREFIX: &str = "custom.";

/// A checked custom item, before it is sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// A short title, one line.
    pub title: String,
    /// An optional sentence.
    pub description: String,
    /// 1 gentle … 4 intense.
    pub intensity: u8,
    /// Distinct roles, in the canonical order.
    pub roles: Vec<Role>,
}

/// Checks what a member typed for a custom item.
pub fn draft(
    title: &str,
    description: &str,
    intensity: u8,
    roles: &[Role],
) -> Result<Draft, DomainError> {
    let title = clean("title", "A title", title, 1, MAX_TITLE_CHARS, Lines::Single)?;
    if twin_key(&title).is_empty() {
        return Err(DomainError::invalid(
            "title",
            "A title needs at least one letter or number.",
        ));
    }
    let description = clean(
        "description",
        "A description",
        description,
        0,
        MAX_DESCRIPTION_CHARS,
        Lines::Single,
    )?;
    if !(1..=4).contains(&intensity) {
        return Err(DomainError::invalid(
            "intensity",
            "Intensity is a number from 1 (gentle) to 4 (intense).",
        ));
    }
    let roles: BTreeSet<Role> = roles.iter().copied().collect();
    if roles.is_empty() {
        return Err(DomainError::invalid(
            "roles",
            "Choose at least one way to take part: doing, receiving, either, leading or following.",
        ));
    }
    Ok(Draft {
        title,
        description,
        intensity,
        roles: roles.into_iter().collect(),
    })
}

/// The wording two twins must share: letters and digits only, lower-cased, words separated by
/// one space.
pub fn twin_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One private (not offered) custom item, as far as twinning needs to know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Private<'a> {
    /// The item id.
    pub id: &'a str,
    /// Its author.
    pub author: &'a str,
    /// [`twin_key`] of its title.
    pub key: &'a str,
}

/// For every private item that has a twin written by another member: item id → the id its
/// group is matched under (the smallest id in the group). Items without a twin are absent.
pub fn twins(items: &[Private<'_>]) -> BTreeMap<String, String> {
    let mut groups: BTreeMap<&str, Vec<&Private<'_>>> = BTreeMap::new();
    for item in items {
        groups.entry(item.key).or_default().push(item);
    }
    let mut out = BTreeMap::new();
    for group in groups.values() {
        let authors: BTreeSet<&str> = group.iter().map(|i| i.author).collect();
        if authors.len() < 2 {
            continue;
        }
        let canonical = group.iter().map(|i| i.id).min().unwrap_or_default();
        for item in group {
            out.insert(item.id.to_string(), canonical.to_string());
        }
    }
    out
}

/// Rewrites answers so twins count as one item. Where a member answered two items of the same
/// group in the same role, the lower answer wins, so twinning can never raise anything.
pub fn merge_twins(answers: &Answers, twins: &BTreeMap<String, String>) -> Answers {
    let mut out = Answers::new();
    for ((item, role), rating) in answers {
        let item = twins.get(item).unwrap_or(item).clone();
        out.entry((item, *role))
            .and_modify(|r| *r = (*r).min(*rating))
            .or_insert(*rating);
    }
    out
}

/// [`merge_twins`] for every member.
pub fn merge_twins_all(
    members: &BTreeMap<MemberId, Answers>,
    twins: &BTreeMap<String, String>,
) -> BTreeMap<MemberId, Answers> {
    members
        .iter()
        .map(|(m, a)| (m.clone(), merge_twins(a, twins)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::rating::Rating;

    #[test]
    fn twin_keys_ignore_case_spacing_and_punctuation() {
        assert_eq!(
            twin_key("  Slow dancing — in the KITCHEN! "),
            "slow dancing in the kitchen"
        );
        assert_eq!(
            twin_key("slow dancing in the kitchen"),
            "slow dancing in the kitchen"
        );
        assert_eq!(twin_key("?!"), "");
    }

    #[test]
    fn only_items_by_different_authors_are_twins() {
        let items = [
            Private {
                id: "custom.b",
                author: "m1",
                key: "a",
            },
            Private {
                id: "custom.a",
                author: "m2",
                key: "a",
            },
            Private {
                id: "custom.c",
                author: "m1",
                key: "c",
            },
            Private {
                id: "custom.d",
                author: "m1",
                key: "c",
            },
        ];
        let t = twins(&items);
        assert_eq!(t.get("custom.b").map(String::as_str), Some("custom.a"));
        assert_eq!(t.get("custom.a").map(String::as_str), Some("custom.a"));
        assert!(!t.contains_key("custom.c"), "one author alone is no twin");
    }

    #[test]
    fn merging_twins_keeps_the_lower_answer() {
        let twins: BTreeMap<String, String> = [
            ("custom.x".into(), "custom.a".into()),
            ("custom.a".into(), "custom.a".into()),
        ]
        .into();
        let answers: Answers = [
            (("custom.x".to_string(), Role::Doing), Rating::Yes),
            (("custom.a".to_string(), Role::Doing), Rating::Maybe),
            (("kiss.neck".to_string(), Role::Doing), Rating::Yes),
        ]
        .into();
        let merged = merge_twins(&answers, &twins);
        assert_eq!(
            merged.get(&("custom.a".to_string(), Role::Doing)),
            Some(&Rating::Maybe)
        );
        assert_eq!(
            merged.get(&("kiss.neck".to_string(), Role::Doing)),
            Some(&Rating::Yes)
        );
        assert_eq!(merged.len(), 2);
    }

    #[test]
    fn a_draft_needs_a_title_a_role_and_an_intensity_in_range() {
        assert!(draft("Stargazing", "", 1, &[Role::Either]).is_ok());
        assert!(draft("  ", "", 1, &[Role::Either]).is_err());
        assert!(draft("!!!", "", 1, &[Role::Either]).is_err());
        assert!(draft("Stargazing", "", 0, &[Role::Either]).is_err());
        assert!(draft("Stargazing", "", 5, &[Role::Either]).is_err());
        assert!(draft("Stargazing", "", 2, &[]).is_err());
        assert!(draft(&"x".repeat(81), "", 2, &[Role::Doing]).is_err());
        let d = draft(
            "Stargazing",
            "",
            2,
            &[Role::Receiving, Role::Doing, Role::Doing],
        )
        .unwrap();
        assert_eq!(d.roles, vec![Role::Doing, Role::Receiving]);
    }
}
