//! Restraint and bondage (`Category::Restraint`).
//!
//! Ids start with `restraint.`. Add new items at the end; never rename or remove one.

use super::LEADING_FOLLOWING;
use crate::inventory::item::{Category, Item};

pub(super) const ITEMS: &[Item] = &[
    Item {
        id: "restraint.hold-wrists",
        category: Category::Restraint,
        title: "Holding wrists down",
        description: "Holding a partner's wrists down with your hands.",
        intensity: 2,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.by-instruction",
        category: Category::Restraint,
        title: "Staying still when asked",
        description: "Keeping still by instruction alone, with nothing holding you in place.",
        intensity: 2,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.soft-ties",
        category: Category::Restraint,
        title: "Soft ties",
        description: "Loosely tying wrists or ankles with a scarf or soft cuffs.",
        intensity: 2,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.pinned",
        category: Category::Restraint,
        title: "Pinned by body weight",
        description: "Using body weight to hold a partner in place, never pressing on the neck or chest.",
        intensity: 3,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.cuffs",
        category: Category::Restraint,
        title: "Padded cuffs",
        description: "Padded cuffs around the wrists or ankles, linked together or to something fixed.",
        intensity: 3,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.hands-behind",
        category: Category::Restraint,
        title: "Hands behind the back",
        description: "Having the wrists held or tied behind the back.",
        intensity: 3,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.tape",
        category: Category::Restraint,
        title: "Bondage tape",
        description: "Wrapping wrists or limbs in reusable tape that sticks only to itself.",
        intensity: 3,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.tied-to-bed",
        category: Category::Restraint,
        title: "Tied to the bed",
        description: "Being fastened to a bed frame by the wrists and ankles.",
        intensity: 3,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.teased-restrained",
        category: Category::Restraint,
        title: "Teased while restrained",
        description: "Being touched or teased while unable to move your hands.",
        intensity: 3,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.rope",
        category: Category::Restraint,
        title: "Rope bondage",
        description: "Tying a partner with rope, learned from safe instructions and with safety shears nearby.",
        intensity: 4,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.spreader-bar",
        category: Category::Restraint,
        title: "Spreader bar",
        description: "A bar fastened between the ankles or wrists that keeps them apart.",
        intensity: 4,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.tied-and-blindfolded",
        category: Category::Restraint,
        title: "Tied and blindfolded",
        description: "Being restrained and blindfolded at the same time.",
        intensity: 4,
        roles: LEADING_FOLLOWING,
    },
    Item {
        id: "restraint.long-scene",
        category: Category::Restraint,
        title: "A longer restraint scene",
        description: "An extended scene in restraints, with regular check-ins and a quick release always ready.",
        intensity: 4,
        roles: LEADING_FOLLOWING,
    },
];
