//! The history diff (C4): keeping the "same" and "removed" lines gives the old text back,
//! keeping "same" and "added" gives the new one.

use attune_domain::boundaries::diff::{LineChange, diff_lines};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(vec!["a", "b", "c", "d"]), 0..12)
        .prop_map(|lines| lines.join("\n"))
}

proptest! {
    #[test]
    fn the_diff_rebuilds_both_versions(old in text(), new in text()) {
        let d = diff_lines(&old, &new);
        let pick = |keep: LineChange| -> String {
            d.iter()
                .filter(|l| l.change == LineChange::Same || l.change == keep)
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        };
        prop_assert_eq!(pick(LineChange::Removed), old.clone());
        prop_assert_eq!(pick(LineChange::Added), new.clone());
        if old == new {
            prop_assert!(d.iter().all(|l| l.change == LineChange::Same));
        }
    }
}
