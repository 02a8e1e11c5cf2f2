//! What counts as tightening and what counts as loosening a boundary (C3).
//!
//! A member may **tighten** their own boundary alone, and it applies at once. Anything that
//! **loosens** one waits for every member's confirmation (invariant 2). The rule, comparing
//! the version in force with the one proposed:
//!
//! | change | counts as |
//! |---|---|
//! | adding a new boundary | tightening |
//! | removing a boundary | loosening |
//! | soft limit → hard limit | tightening (a hard limit holds always, whatever the conditions) |
//! | hard limit → soft limit | loosening |
//! | adding a condition to a soft limit | tightening |
//! | removing a condition from a soft limit | loosening |
//! | rewording a condition | loosening (the app cannot tell whether new words allow more) |
//! | rewording what the boundary is about | loosening (the old wording stops holding) |
//! | several changes at once | loosening if any part loosens, otherwise tightening |
//! | nothing changed | unchanged (nothing to record) |
//!
//! When in doubt the rule says "loosening": asking everyone is always safe, applying alone is
//! not. Two properties make it sound (tested in `tests/boundaries/`): a tightening can never be
//! undone by another tightening, and tightenings compose — so no chain of solo steps can reach
//! a looser boundary.

use super::boundary::{Boundary, CONDITION_KINDS, Firmness};

/// What a proposed change does to a boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Nothing changes.
    Unchanged,
    /// Narrows what is permitted: the member may do it alone, at once.
    Tightens,
    /// Widens what is permitted (or might): every member must confirm.
    Loosens,
}

/// Compares the boundary in force (`None`: none yet, or removed) with the proposed one.
pub fn direction(current: Option<&Boundary>, proposed: Option<&Boundary>) -> Direction {
    match (current, proposed) {
        (None, None) => Direction::Unchanged,
        (None, Some(_)) => Direction::Tightens,
        (Some(_), None) => Direction::Loosens,
        (Some(old), Some(new)) => between(old, new),
    }
}

fn between(old: &Boundary, new: &Boundary) -> Direction {
    if old == new {
        return Direction::Unchanged;
    }
    if old.about != new.about {
        return Direction::Loosens;
    }
    match (old.firmness, new.firmness) {
        (Firmness::Soft, Firmness::Hard) => Direction::Tightens,
        (Firmness::Hard, Firmness::Soft) => Direction::Loosens,
        // Two hard limits with the same wording are equal: hard limits carry no conditions.
        (Firmness::Hard, Firmness::Hard) => Direction::Unchanged,
        (Firmness::Soft, Firmness::Soft) => {
            let loosens = CONDITION_KINDS.iter().any(|k| {
                match (old.conditions.get(*k), new.conditions.get(*k)) {
                    (Some(_), None) => true,
                    (Some(a), Some(b)) => a != b,
                    _ => false,
                }
            });
            if loosens {
                Direction::Loosens
            } else {
                Direction::Tightens
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundaries::boundary::ConditionKind;

    fn soft(conds: &[(ConditionKind, &str)]) -> Boundary {
        Boundary::parse("soft", "Being tied up", conds).unwrap()
    }

    #[test]
    fn the_table_in_the_module_comment_holds() {
        let hard = Boundary::parse("hard", "Being tied up", &[]).unwrap();
        let plain = soft(&[]);
        let mood = soft(&[(ConditionKind::Mood, "rested")]);
        let mood2 = soft(&[(ConditionKind::Mood, "relaxed")]);
        let reworded = Boundary::parse("soft", "Being tied", &[]).unwrap();
        assert_eq!(direction(None, Some(&plain)), Direction::Tightens);
        assert_eq!(direction(Some(&plain), None), Direction::Loosens);
        assert_eq!(direction(Some(&mood), Some(&hard)), Direction::Tightens);
        assert_eq!(direction(Some(&hard), Some(&plain)), Direction::Loosens);
        assert_eq!(direction(Some(&plain), Some(&mood)), Direction::Tightens);
        assert_eq!(direction(Some(&mood), Some(&plain)), Direction::Loosens);
        assert_eq!(direction(Some(&mood), Some(&mood2)), Direction::Loosens);
        assert_eq!(direction(Some(&plain), Some(&reworded)), Direction::Loosens);
        assert_eq!(direction(Some(&mood), Some(&mood)), Direction::Unchanged);
        assert_eq!(direction(None, None), Direction::Unchanged);
    }
}
