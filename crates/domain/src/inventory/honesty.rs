//! The honesty guard (B6): aggregate counts about a member's answers, shown to the space.
//!
//! Only three numbers leave a member's inventory here — how many item-roles they answered,
//! the share of *yes* as a coarse band, and how many answers changed since the previous
//! round — so answering *yes* to everything, or toggling answers to probe, is visible while
//! no single answer is (invariant 4).

use serde::{Deserialize, Serialize};

use super::matching::Answers;
use super::rating::Rating;

/// The share of a member's answers that are *yes*, in bands (never as a percentage).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesBand {
    /// Under half of the answers are *yes* (also when nothing is answered).
    UnderHalf,
    /// At least half, but under nine in ten.
    Most,
    /// Nine in ten or more.
    NearlyAll,
}

impl YesBand {
    /// The band for `yes` answers out of `answered` (exact: no rounding).
    pub fn of(yes: usize, answered: usize) -> YesBand {
        // Compared in u128 so that no count can overflow the multiplication.
        let (yes, answered) = (yes as u128, answered as u128);
        if answered == 0 || yes * 2 < answered {
            YesBand::UnderHalf
        } else if yes * 10 < answered * 9 {
            YesBand::Most
        } else {
            YesBand::NearlyAll
        }
    }
}

/// What the other members see about one member's answers with each round (B6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Honesty {
    /// How many item-roles are answered (any rating, *limit* included).
    pub answered: usize,
    /// The share of those answers that are *yes*.
    pub yes_band: YesBand,
    /// How many item-roles were added, cleared or re-rated since the previous round (0 when
    /// there was no previous round).
    pub changed_since_last_round: usize,
}

/// The honesty counts for a member's `current` answers, compared with their answers frozen at
/// the previous round, if there was one.
///
/// For the figures shown with a round, pass that round's frozen answers as `current`.
pub fn honesty(current: &Answers, previous_round: Option<&Answers>) -> Honesty {
    let answered = current.len();
    let yes = current.values().filter(|r| **r == Rating::Yes).count();
    let changed_since_last_round = previous_round.map_or(0, |previous| {
        let changed_or_added = current
            .iter()
            .filter(|(key, rating)| previous.get(*key) != Some(*rating))
            .count();
        let removed = previous
            .keys()
            .filter(|key| !current.contains_key(*key))
            .count();
        changed_or_added + removed
    });
    Honesty {
        answered,
        yes_band: YesBand::of(yes, answered),
        changed_since_last_round,
    }
}
