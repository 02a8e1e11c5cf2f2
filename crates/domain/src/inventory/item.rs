//! What an activity in the inventory is: a stable id, a category, a plain description, an
//! intensity from 1 (gentle) to 4 (intense), and the roles it can be rated in.

use serde::{Deserialize, Serialize};

/// A role a member can take in an activity (B2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Doing it to or for the other person.
    Doing,
    /// Having it done to or for oneself.
    Receiving,
    /// Either way, or something done together.
    Either,
    /// Leading, in power dynamics.
    Leading,
    /// Following, in power dynamics.
    Following,
}

impl Role {
    /// Whether a member in role `self` and another in role `other` make a match:
    /// doing↔receiving, leading↔following, and `either` goes with anything.
    pub fn complements(self, other: Role) -> bool {
        use Role::*;
        matches!(
            (self, other),
            (Either, _)
                | (_, Either)
                | (Doing, Receiving)
                | (Receiving, Doing)
                | (Leading, Following)
                | (Following, Leading)
        )
    }

    /// The role's name as the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Doing => "doing",
            Role::Receiving => "receiving",
            Role::Either => "either",
            Role::Leading => "leading",
            Role::Following => "following",
        }
    }
}

/// The categories of the built-in catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Talking, words, sharing fantasies.
    Talking,
    /// Affection and non-sexual touch.
    Affection,
    /// Kissing.
    Kissing,
    /// Sensual touch and massage.
    Touch,
    /// Undressing, looking, being looked at.
    Looking,
    /// Hands and bodies.
    Manual,
    /// Mouths.
    Oral,
    /// Intercourse and penetration.
    Penetration,
    /// Toys and tools.
    Toys,
    /// Sensation play (temperature, texture, light impact).
    Sensation,
    /// Restraint and bondage.
    Restraint,
    /// Role play and fantasy scenes.
    RolePlay,
    /// Power exchange.
    Power,
    /// Settings, places, times and others.
    Settings,
}

/// One activity of the catalog (or a member's custom item).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// Stable id, e.g. `kiss.neck`. Wording may change; the id never does.
    pub id: &'static str,
    /// Its category.
    pub category: Category,
    /// A short title.
    pub title: &'static str,
    /// One neutral sentence.
    pub description: &'static str,
    /// 1 gentle … 4 intense.
    pub intensity: u8,
    /// The roles it can be rated in (at least one).
    pub roles: &'static [Role],
}
