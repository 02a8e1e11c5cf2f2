//! Plans and debriefs: invariant 5 for debriefs over every submission order, gradual
//! progression, the reflection interval, and how a plan's status follows withdrawal and pauses.

use std::collections::BTreeSet;

use attune_domain::debrief::{debriefs_good, debriefs_visible_to, everyone_debriefed};
use attune_domain::plan::{
    PlanFacts, PlanStatus, REFLECTION_SECS, can_confirm, reflection_respected, status, step_too_big,
};
use proptest::prelude::*;

fn members_and_order() -> impl Strategy<Value = (Vec<String>, Vec<usize>)> {
    (2usize..=6).prop_flat_map(|n| {
        let members: Vec<String> = (0..n).map(|i| format!("m{i}")).collect();
        (
            Just(members),
            Just((0..n).collect::<Vec<_>>()).prop_shuffle(),
        )
    })
}

proptest! {
    #[test]
    fn debriefs_sealed_until_all_submitted((members, order) in members_and_order()) {
        let everyone: BTreeSet<String> = members.iter().cloned().collect();
        let mut submitted = BTreeSet::new();
        for (step, &i) in order.iter().enumerate() {
            submitted.insert(members[i].clone());
            let all = everyone_debriefed(&everyone, &submitted);
            prop_assert_eq!(all, step + 1 == members.len());
            for viewer in &members {
                let seen = debriefs_visible_to(viewer, &everyone, &submitted);
                if all {
                    let expected: BTreeSet<&str> = submitted.iter().map(String::as_str).collect();
                    prop_assert_eq!(seen, expected);
                } else {
                    prop_assert!(seen.iter().all(|m| m == viewer));
                    prop_assert_eq!(seen.contains(viewer.as_str()), submitted.contains(viewer));
                }
            }
        }
    }

    #[test]
    fn withdrawal_before_the_time_always_wins(at in 100i64..10_000, now in 0i64..20_000, w in 0i64..20_000, paused: bool, confirmed: bool, possible: bool) {
        let w = w.min(at - 1);
        let s = status(PlanFacts { withdrawn_at: Some(w), paused, still_possible: possible, all_confirmed: confirmed, at, debriefs_revealed: false }, now.max(w));
        prop_assert_eq!(s, PlanStatus::Withdrawn);
        prop_assert!(!can_confirm(s));
    }

    #[test]
    fn a_pause_suspends_every_open_plan(at in 100i64..10_000, now in 0i64..20_000, confirmed: bool, possible: bool) {
        let s = status(PlanFacts { withdrawn_at: None, paused: true, still_possible: possible, all_confirmed: confirmed, at, debriefs_revealed: false }, now);
        prop_assert_eq!(s, PlanStatus::Paused);
        prop_assert!(!can_confirm(s));
    }

    #[test]
    fn nothing_is_confirmed_by_waiting(at in 100i64..10_000, later in 0i64..100_000) {
        let s = status(PlanFacts { withdrawn_at: None, paused: false, still_possible: true, all_confirmed: false, at, debriefs_revealed: false }, at + later);
        prop_assert_eq!(s, PlanStatus::Lapsed);
    }
}

#[test]
fn one_level_above_the_highest_completed_is_a_fine_step() {
    assert!(!step_too_big(1, 0));
    assert!(step_too_big(2, 0));
    assert!(!step_too_big(3, 2));
    assert!(step_too_big(4, 2));
    assert!(!step_too_big(4, 4));
}

#[test]
fn a_new_activity_waits_a_day_between_proposal_and_use() {
    assert!(!reflection_respected(0, REFLECTION_SECS - 1, true));
    assert!(reflection_respected(0, REFLECTION_SECS, true));
    assert!(reflection_respected(0, 60, false));
}

#[test]
fn good_debriefs_need_everyone_to_say_aftercare_was_enough() {
    assert!(debriefs_good(&[Some(4), Some(5)]));
    assert!(!debriefs_good(&[Some(4), Some(3)]));
    assert!(!debriefs_good(&[Some(5), None]));
    assert!(!debriefs_good(&[]));
}
