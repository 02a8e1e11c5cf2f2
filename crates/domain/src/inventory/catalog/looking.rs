//! Undressing, looking and being looked at (`Category::Looking`).
//!
//! Ids start with `look.`. Add new items at the end; never rename or remove one.

use super::{DOING_RECEIVING, EITHER};
use crate::inventory::item::{Category, Item};

pub(super) const ITEMS: &[Item] = &[
    Item {
        id: "look.nude-together",
        category: Category::Looking,
        title: "Relaxing naked together",
        description: "Spending time unclothed together, with no expectation of anything more.",
        intensity: 1,
        roles: EITHER,
    },
    Item {
        id: "look.lights-on",
        category: Category::Looking,
        title: "Keeping the lights on",
        description: "Being intimate with the lights on and bodies fully visible.",
        intensity: 1,
        roles: EITHER,
    },
    Item {
        id: "look.undress-partner",
        category: Category::Looking,
        title: "Undressing a partner",
        description: "Taking off your partner's clothes slowly, one piece at a time.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "look.striptease",
        category: Category::Looking,
        title: "A slow striptease",
        description: "Undressing slowly for a partner who watches.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "look.dress-up",
        category: Category::Looking,
        title: "Dressing up for a partner",
        description: "Wearing something chosen to look appealing, such as lingerie or a fitted outfit.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "look.admire",
        category: Category::Looking,
        title: "Being admired",
        description: "One partner looks closely at the other and says what they appreciate.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "look.mirror",
        category: Category::Looking,
        title: "Watching in a mirror",
        description: "Watching yourselves in a mirror while being intimate.",
        intensity: 2,
        roles: EITHER,
    },
    Item {
        id: "look.erotic-films",
        category: Category::Looking,
        title: "Watching erotic films together",
        description: "Watching adult films or other erotica together.",
        intensity: 2,
        roles: EITHER,
    },
    Item {
        id: "look.solo-watched",
        category: Category::Looking,
        title: "Self-pleasure while watched",
        description: "Pleasuring yourself while your partner watches.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "look.solo-side-by-side",
        category: Category::Looking,
        title: "Self-pleasure side by side",
        description: "Each partner pleasures themselves while watching the other.",
        intensity: 3,
        roles: EITHER,
    },
    Item {
        id: "look.photos",
        category: Category::Looking,
        title: "Private intimate photos",
        description: "Taking intimate photos for each other, with clear agreement on storing and deleting them.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "look.video",
        category: Category::Looking,
        title: "Recording video together",
        description: "Filming yourselves for private viewing, with clear agreement on keeping or deleting it.",
        intensity: 3,
        roles: EITHER,
    },
];
