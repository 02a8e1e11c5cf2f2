//! Session tokens, CSRF tokens and constant-time comparison.

use attune_crypto::{Key32, SessionToken, ct_eq, unwrap_key, wrap_key};
use proptest::prelude::*;

proptest! {
    #[test]
    fn a_session_token_survives_encode_and_parse(_seed in any::<u8>()) {
        let t = SessionToken::generate();
        let s = t.encode();
        prop_assert_eq!(s.len(), 64);
        let back = SessionToken::parse(&s).unwrap();
        prop_assert_eq!(back.encode(), s);
        prop_assert_eq!(back.id_digest(), t.id_digest());
        prop_assert_eq!(*back.key().expose(), *t.key().expose());
        prop_assert_eq!(back.csrf_token(), t.csrf_token());
    }

    #[test]
    fn session_tokens_of_the_wrong_length_or_alphabet_are_refused(s in "[A-Za-z0-9_+/=.-]{0,70}") {
        let ok = s.len() == 64 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        prop_assert_eq!(SessionToken::parse(&s).is_ok(), ok);
    }
}

#[test]
fn the_session_key_unwraps_the_user_key_stored_for_the_session() {
    let t = SessionToken::generate();
    let uk = Key32::random();
    let stored = wrap_key(&t.key(), uk.expose(), &t.id_digest());
    let cookie = t.encode();
    let back = SessionToken::parse(&cookie).unwrap();
    let uk2 = unwrap_key(&back.key(), &stored, &back.id_digest()).unwrap();
    assert_eq!(uk.expose(), uk2.expose());
}

#[test]
fn csrf_tokens_differ_per_session_and_verify() {
    let a = SessionToken::generate();
    let b = SessionToken::generate();
    assert_ne!(a.csrf_token(), b.csrf_token());
    assert_eq!(a.csrf_token().len(), 43);
    assert!(a.verify_csrf(&a.csrf_token()));
    assert!(!a.verify_csrf(&b.csrf_token()));
    assert!(!a.verify_csrf(""));
    assert_ne!(a.id_digest(), b.id_digest());
    assert!(format!("{a:?}").contains("[redacted]"));
}

#[test]
fn ct_eq_compares_bytes() {
    assert!(ct_eq(b"abc", b"abc"));
    assert!(!ct_eq(b"abc", b"abd"));
    assert!(!ct_eq(b"abc", b"ab"));
    assert!(ct_eq(b"", b""));
}
