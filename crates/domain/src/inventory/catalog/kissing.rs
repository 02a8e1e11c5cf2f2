//! Kissing (`Category::Kissing`).
//!
//! Ids start with `kiss.`. Add new items at the end; never rename or remove one.

use super::{DOING_RECEIVING, EITHER};
use crate::inventory::item::{Category, Item};

pub(super) const ITEMS: &[Item] = &[
    Item {
        id: "kiss.gentle",
        category: Category::Kissing,
        title: "Gentle kissing",
        description: "Soft, unhurried kisses on the lips.",
        intensity: 1,
        roles: EITHER,
    },
    Item {
        id: "kiss.face",
        category: Category::Kissing,
        title: "Kissing the face",
        description: "Light kisses on the cheeks, forehead, eyelids and jaw.",
        intensity: 1,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "kiss.hands",
        category: Category::Kissing,
        title: "Kissing hands and wrists",
        description: "Kissing the fingers, palms and inner wrists.",
        intensity: 1,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "kiss.deep",
        category: Category::Kissing,
        title: "Deep kissing",
        description: "Open-mouthed kissing with tongues.",
        intensity: 2,
        roles: EITHER,
    },
    Item {
        id: "kiss.long-session",
        category: Category::Kissing,
        title: "A long kissing session",
        description: "Kissing for a long time as the main activity, without moving on.",
        intensity: 2,
        roles: EITHER,
    },
    Item {
        id: "kiss.neck",
        category: Category::Kissing,
        title: "Kissing the neck",
        description: "Kissing or nuzzling along the neck and behind the ears.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "kiss.body",
        category: Category::Kissing,
        title: "Kissing the body",
        description: "Kissing along the shoulders, back, belly or legs.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "kiss.teasing",
        category: Category::Kissing,
        title: "Teasing kisses",
        description: "Kisses that come close and then pull away, building anticipation.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "kiss.nibble-lips",
        category: Category::Kissing,
        title: "Nibbling lips",
        description: "Gently nibbling or tugging a partner's lip while kissing.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "kiss.in-public",
        category: Category::Kissing,
        title: "Kissing in public",
        description: "Kissing where others might see, in a way that stays respectful of them.",
        intensity: 2,
        roles: EITHER,
    },
    Item {
        id: "kiss.marks",
        category: Category::Kissing,
        title: "Kisses that leave marks",
        description: "Kissing or sucking the skin firmly enough to leave a temporary mark.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
];
