//! Intercourse and penetration (`Category::Penetration`).
//!
//! Ids start with `pen.`. Add new items at the end; never rename or remove one.

use super::{DOING_RECEIVING, EITHER};
use crate::inventory::item::{Category, Item};

pub(super) const ITEMS: &[Item] = &[
    Item {
        id: "pen.fingers-vaginal",
        category: Category::Penetration,
        title: "Fingers in the vagina",
        description: "Gently penetrating the vagina with one or more fingers.",
        intensity: 2,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "pen.vaginal",
        category: Category::Penetration,
        title: "Vaginal intercourse",
        description: "Penetration of the vagina with a penis.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "pen.fingers-anal",
        category: Category::Penetration,
        title: "Fingers in the anus",
        description: "Slowly penetrating the anus with a well-lubricated finger.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "pen.anal",
        category: Category::Penetration,
        title: "Anal intercourse",
        description: "Penetration of the anus with a penis or strap-on, using plenty of lubricant.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "pen.strap-on",
        category: Category::Penetration,
        title: "Strap-on penetration",
        description: "Penetration using a dildo worn in a harness.",
        intensity: 3,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "pen.face-to-face",
        category: Category::Penetration,
        title: "Face-to-face positions",
        description: "Penetration while facing each other, with plenty of eye contact.",
        intensity: 3,
        roles: EITHER,
    },
    Item {
        id: "pen.side-by-side",
        category: Category::Penetration,
        title: "Side-by-side positions",
        description: "Penetration while lying on your sides, slow and close.",
        intensity: 3,
        roles: EITHER,
    },
    Item {
        id: "pen.receiver-on-top",
        category: Category::Penetration,
        title: "Receiving partner on top",
        description: "Penetration with the receiving partner on top, setting the pace.",
        intensity: 3,
        roles: EITHER,
    },
    Item {
        id: "pen.from-behind",
        category: Category::Penetration,
        title: "Positions from behind",
        description: "Penetration with the penetrating partner behind the other.",
        intensity: 3,
        roles: EITHER,
    },
    Item {
        id: "pen.without-condom",
        category: Category::Penetration,
        title: "Penetration without a condom",
        description: "Penetration without a barrier, after talking about testing and contraception.",
        intensity: 3,
        roles: EITHER,
    },
    Item {
        id: "pen.vigorous",
        category: Category::Penetration,
        title: "Vigorous penetration",
        description: "Fast, forceful penetration within limits agreed beforehand.",
        intensity: 4,
        roles: DOING_RECEIVING,
    },
    Item {
        id: "pen.double",
        category: Category::Penetration,
        title: "Double penetration",
        description: "Penetration in two places at once, for example by a partner and a toy.",
        intensity: 4,
        roles: DOING_RECEIVING,
    },
];
