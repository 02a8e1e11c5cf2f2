//! Hands and bodies (`Category::Manual`).
//!
//! Ids start with `hands.`. Add new items at the end; never rename or remove one.

use super::{DOING_RECEIVING, EITHER};
use crate::inventory::item::{Category, Item};

pub(super) const ITEMS: &[Item] = &[
    Item {
        id: "hands.lubricant",
        category: Category::Manual,
        title: "Using lubricant",
        description: "Adding lubricant to make touch smoother and more comfortable.",
        intensity: 1,
        roles: EITHER,
    },
    Item {
        id: "hands.under-clothes",
        category: Category::Manual,
        title: "Touching under clothes",
        description: "Reaching under clothing to touch a partner.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "hands.genitals",
        category: Category::Manual,
        title: "Touching a partner's genitals",
        description: "Using the hands to stroke and explore a partner's genitals.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "hands.show-me",
        category: Category::Manual,
        title: "Showing how you like it",
        description: "Touching yourself to show your partner how you like to be touched.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "hands.slow-teasing",
        category: Category::Manual,
        title: "Slow, teasing touch",
        description: "Touching the genitals very slowly, with pauses, to build anticipation.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "hands.to-orgasm",
        category: Category::Manual,
        title: "Orgasm by hand",
        description: "Using the hands to bring a partner to orgasm.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "hands.mutual",
        category: Category::Manual,
        title: "Touching each other at once",
        description: "Using your hands on each other's genitals at the same time.",
        intensity: 3,
        roles: EITHER,
    },
    Item {
        id: "hands.edging",
        category: Category::Manual,
        title: "Edging by hand",
        description: "Bringing a partner close to orgasm and easing off, several times, before continuing.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "hands.perineum",
        category: Category::Manual,
        title: "Touching the perineum",
        description: "Stroking the area between the genitals and the anus.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "hands.anal-external",
        category: Category::Manual,
        title: "External anal touch",
        description: "Touching around the anus without going inside.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
];
