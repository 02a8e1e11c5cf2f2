//! The JSON shape the server and CLI rely on.

use attune_coach::{Advice, Flag, FlagKind, check};

#[test]
fn advice_serialises_to_the_agreed_shape() {
    let advice = Advice {
        flags: vec![Flag {
            kind: FlagKind::Blame,
            start: 0,
            end: 12,
            explanation: "x".into(),
        }],
        suggestion: Some("y".into()),
    };
    assert_eq!(
        serde_json::to_string(&advice).unwrap(),
        r#"{"flags":[{"kind":"blame","start":0,"end":12,"explanation":"x"}],"suggestion":"y"}"#
    );
}

#[test]
fn no_flags_serialise_with_a_null_suggestion() {
    assert_eq!(
        serde_json::to_string(&check("Thank you.")).unwrap(),
        r#"{"flags":[],"suggestion":null}"#
    );
}

#[test]
fn kinds_serialise_in_snake_case_and_round_trip() {
    for kind in FlagKind::ALL {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.as_str()));
        assert_eq!(serde_json::from_str::<FlagKind>(&json).unwrap(), kind);
    }
    assert_eq!(
        serde_json::to_string(&FlagKind::MindReading).unwrap(),
        "\"mind_reading\""
    );
}

#[test]
fn a_real_flag_serialises_with_char_offsets() {
    let v: serde_json::Value = serde_json::to_value(check("You're so selfish.")).unwrap();
    assert_eq!(v["flags"][0]["kind"], "blame");
    assert_eq!(v["flags"][0]["start"], 0);
    assert_eq!(v["flags"][0]["end"], 17);
    assert!(v["suggestion"].is_string());
}
