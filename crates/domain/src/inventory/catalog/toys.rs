//! Toys and tools (`Category::Toys`).
//!
//! Ids start with `toy.`. Add new items at the end; never rename or remove one.

use super::{DOING_RECEIVING, EITHER};
use crate::inventory::item::{Category, Item};

pub(super) const ITEMS: &[Item] = &[
    Item {
        id: "toy.choose-together",
        category: Category::Toys,
        title: "Choosing toys together",
        description: "Browsing for and picking out a new toy together.",
        intensity: 1,
        roles: EITHER,
    },
    Item {
        id: "toy.vibrator-external",
        category: Category::Toys,
        title: "External vibrator",
        description: "Using a vibrator on the outside of the body, such as on the genitals or nipples.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "toy.wand",
        category: Category::Toys,
        title: "Wand massager",
        description: "A large, strong vibrating massager used on the body or genitals.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "toy.suction",
        category: Category::Toys,
        title: "Air-pulse toy",
        description: "A toy that uses gentle air pulses or suction on the genitals.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "toy.sleeve",
        category: Category::Toys,
        title: "Masturbation sleeve",
        description: "A soft, textured sleeve that fits around the penis.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "toy.penis-ring",
        category: Category::Toys,
        title: "Penis ring",
        description: "A ring worn at the base of the penis, sometimes with a vibrating part.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "toy.vibrator-during-sex",
        category: Category::Toys,
        title: "A vibrator during sex",
        description: "Keeping a vibrator in play while doing other things together.",
        intensity: 2,
        roles: EITHER,
    },
    Item {
        id: "toy.dildo",
        category: Category::Toys,
        title: "Using a dildo",
        description: "Using a dildo for penetration.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "toy.plug",
        category: Category::Toys,
        title: "Anal plug",
        description: "Wearing a toy with a flared base designed for anal use.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "toy.prostate",
        category: Category::Toys,
        title: "Prostate toy",
        description: "A curved toy made for internal stimulation of the prostate.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "toy.couples-vibrator",
        category: Category::Toys,
        title: "Couples' vibrator",
        description: "A toy worn by one partner during penetration so that both feel it.",
        intensity: 3,
        roles: EITHER,
    },
    Item {
        id: "toy.remote",
        category: Category::Toys,
        title: "Remote-controlled toy",
        description: "One partner wears a toy and the other controls it from a distance.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
];
