//! Mouths (`Category::Oral`).
//!
//! Ids start with `oral.`. Add new items at the end; never rename or remove one.

use super::{DOING_RECEIVING, EITHER};
use crate::inventory::item::{Category, Item};

pub(super) const ITEMS: &[Item] = &[
    Item {
        id: "oral.chest",
        category: Category::Oral,
        title: "Mouth on the chest",
        description: "Kissing, licking or sucking the chest and nipples.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "oral.licking",
        category: Category::Oral,
        title: "Licking the body",
        description: "Licking the skin of the neck, stomach, thighs or elsewhere.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "oral.fingers",
        category: Category::Oral,
        title: "Sucking fingers",
        description: "Kissing or sucking a partner's fingers.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "oral.toes",
        category: Category::Oral,
        title: "Kissing the feet",
        description: "Kissing the feet or sucking the toes.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "oral.teasing",
        category: Category::Oral,
        title: "Teasing with the mouth",
        description: "Using lips and tongue close to the genitals before making direct contact.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "oral.genitals",
        category: Category::Oral,
        title: "Oral sex",
        description: "Using the mouth, lips and tongue on a partner's genitals.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "oral.with-barrier",
        category: Category::Oral,
        title: "Oral sex with a barrier",
        description: "Oral sex using a condom or dental dam.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "oral.mutual",
        category: Category::Oral,
        title: "Oral sex at the same time",
        description: "Giving and receiving oral sex at the same time.",
        intensity: 3,
        roles: EITHER,
    },
    Item {
        id: "oral.to-orgasm",
        category: Category::Oral,
        title: "Oral sex to orgasm",
        description: "Continuing oral sex until a partner reaches orgasm.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "oral.sitting-above",
        category: Category::Oral,
        title: "Oral sex from above",
        description: "Oral sex with the receiving partner kneeling or sitting above the other.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "oral.anal",
        category: Category::Oral,
        title: "Oral-anal contact",
        description: "Using the mouth or tongue around the anus, with or without a barrier.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
];
