//! Tightening vs loosening (C3): sound, so that solo steps can never widen a boundary.

use attune_domain::boundaries::boundary::{Boundary, CONDITION_KINDS, Conditions, Firmness};
use attune_domain::boundaries::direction::{Direction, direction};
use proptest::prelude::*;

/// Small vocabularies, so that equal and unequal values both come up often.
fn text() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["a", "b", "c"]).prop_map(str::to_string)
}

fn boundary() -> impl Strategy<Value = Boundary> {
    (
        any::<bool>(),
        text(),
        prop::collection::vec(prop::option::of(text()), 5),
    )
        .prop_map(|(hard, about, conds)| {
            let mut conditions = Conditions::default();
            if !hard {
                for (k, v) in CONDITION_KINDS.iter().zip(conds) {
                    conditions.set(*k, v);
                }
            }
            Boundary {
                firmness: if hard { Firmness::Hard } else { Firmness::Soft },
                about,
                conditions,
            }
        })
}

fn maybe_boundary() -> impl Strategy<Value = Option<Boundary>> {
    prop::option::of(boundary())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn unchanged_exactly_when_equal(a in maybe_boundary(), b in maybe_boundary()) {
        prop_assert_eq!(direction(a.as_ref(), b.as_ref()) == Direction::Unchanged, a == b);
    }

    #[test]
    fn a_tightening_can_never_be_undone_by_another_tightening(a in maybe_boundary(), b in maybe_boundary()) {
        let there = direction(a.as_ref(), b.as_ref());
        let back = direction(b.as_ref(), a.as_ref());
        prop_assert!(!(there == Direction::Tightens && back == Direction::Tightens));
        if there == Direction::Tightens {
            prop_assert_eq!(back, Direction::Loosens);
        }
    }

    #[test]
    fn tightenings_compose_so_solo_steps_never_reach_a_looser_boundary(
        a in maybe_boundary(), b in maybe_boundary(), c in maybe_boundary()
    ) {
        if direction(a.as_ref(), b.as_ref()) == Direction::Tightens
            && direction(b.as_ref(), c.as_ref()) == Direction::Tightens
        {
            prop_assert_eq!(direction(a.as_ref(), c.as_ref()), Direction::Tightens);
        }
    }

    #[test]
    fn adding_is_tightening_and_removing_is_loosening(a in boundary()) {
        prop_assert_eq!(direction(None, Some(&a)), Direction::Tightens);
        prop_assert_eq!(direction(Some(&a), None), Direction::Loosens);
    }

    #[test]
    fn dropping_any_condition_of_a_soft_limit_loosens(a in boundary(), pick in 0usize..5, text in text()) {
        let kind = CONDITION_KINDS[pick];
        let mut a = a;
        a.firmness = Firmness::Soft;
        a.conditions.set(kind, Some(text));
        let mut b = a.clone();
        b.conditions.set(kind, None);
        prop_assert_eq!(direction(Some(&a), Some(&b)), Direction::Loosens);
        prop_assert_eq!(direction(Some(&b), Some(&a)), Direction::Tightens);
    }

    #[test]
    fn hard_to_soft_always_loosens_and_soft_to_hard_always_tightens(a in boundary()) {
        let mut hard = a.clone();
        hard.firmness = Firmness::Hard;
        hard.conditions = Conditions::default();
        let mut soft = a;
        soft.firmness = Firmness::Soft;
        prop_assert_eq!(direction(Some(&hard), Some(&soft)), Direction::Loosens);
        prop_assert_eq!(direction(Some(&soft), Some(&hard)), Direction::Tightens);
    }

    #[test]
    fn rewording_what_a_boundary_is_about_loosens(a in boundary(), b in boundary()) {
        let mut b = b;
        b.about = format!("{} (reworded)", a.about);
        prop_assert_eq!(direction(Some(&a), Some(&b)), Direction::Loosens);
    }
}
