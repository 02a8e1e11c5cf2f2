//! A member's answer to one item-role (B3). "No" is private and never revealed; "limit" is a
//! declared hard limit, shown to the space; an unanswered item is simply absent.

use serde::{Deserialize, Serialize};

/// An answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// A declared hard limit (lowest: it rules the item out and is shown as a boundary).
    Limit,
    /// Not for me (private, never revealed).
    No,
    /// Maybe / curious.
    Maybe,
    /// Yes.
    Yes,
}

impl Rating {
    /// Whether this answer counts towards a match ("at least maybe").
    pub fn is_open(self) -> bool {
        matches!(self, Rating::Maybe | Rating::Yes)
    }

    /// Whether moving from `self` to `new` lowers the answer (takes effect at once, B7).
    /// Order: limit < unanswered < no < maybe < yes — so clearing a limit is a loosening that
    /// waits for the next round, while clearing a no, maybe or yes lowers at once.
    pub fn is_lowered_to(self, new: Option<Rating>) -> bool {
        openness(new) < openness(Some(self))
    }
}

/// Rank of an answer for lowering/raising: limit < unanswered < no < maybe < yes.
pub fn openness(r: Option<Rating>) -> u8 {
    match r {
        Some(Rating::Limit) => 0,
        None => 1,
        Some(Rating::No) => 2,
        Some(Rating::Maybe) => 3,
        Some(Rating::Yes) => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clearing_a_limit_is_not_a_lowering_but_clearing_a_yes_is() {
        assert!(!Rating::Limit.is_lowered_to(None));
        assert!(Rating::Yes.is_lowered_to(None));
        assert!(Rating::No.is_lowered_to(None));
        assert!(Rating::Maybe.is_lowered_to(Some(Rating::Limit)));
        assert!(!Rating::Maybe.is_lowered_to(Some(Rating::Yes)));
    }
}
