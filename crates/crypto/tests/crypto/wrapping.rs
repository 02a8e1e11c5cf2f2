//! Wrapping one key under another.

use attune_crypto::{
    CryptoError, Key32, KeyEncryptionKey, UserKey, WRAPPED_KEY_LEN, unwrap_key, wrap_key,
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn wrap_then_unwrap_returns_the_key(
        wrapping in any::<[u8; 32]>(),
        key in any::<[u8; 32]>(),
        ad in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let kek = KeyEncryptionKey::from_bytes(wrapping);
        let wrapped = wrap_key(&kek, &key, &ad);
        prop_assert_eq!(wrapped.len(), WRAPPED_KEY_LEN);
        let back = unwrap_key(&kek, &wrapped, &ad).unwrap();
        prop_assert_eq!(back.expose(), &key);
    }

    #[test]
    fn a_tampered_wrapped_key_is_refused(
        key in any::<[u8; 32]>(),
        ad in proptest::collection::vec(any::<u8>(), 0..64),
        bit in 0usize..(WRAPPED_KEY_LEN * 8),
    ) {
        let kek = Key32::random();
        let mut wrapped = wrap_key(&kek, &key, &ad);
        wrapped[bit / 8] ^= 1 << (bit % 8);
        prop_assert!(unwrap_key(&kek, &wrapped, &ad).is_err());
    }

    #[test]
    fn a_different_ad_is_refused(
        key in any::<[u8; 32]>(),
        ad in proptest::collection::vec(any::<u8>(), 0..64),
        other in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        prop_assume!(ad != other);
        let kek = Key32::random();
        let wrapped = wrap_key(&kek, &key, &ad);
        prop_assert_eq!(unwrap_key(&kek, &wrapped, &other).unwrap_err(), CryptoError::Decrypt);
    }
}

#[test]
fn a_wrong_wrapping_key_is_refused() {
    let uk = UserKey::random();
    let wrapped = wrap_key(&Key32::random(), uk.expose(), b"uk");
    assert_eq!(
        unwrap_key(&Key32::random(), &wrapped, b"uk").unwrap_err(),
        CryptoError::Decrypt
    );
}

#[test]
fn wrong_lengths_are_malformed() {
    let kek = Key32::random();
    let wrapped = wrap_key(&kek, &[0u8; 32], b"");
    assert!(matches!(
        unwrap_key(&kek, &wrapped[..WRAPPED_KEY_LEN - 1], b""),
        Err(CryptoError::Malformed(_))
    ));
    let mut longer = wrapped.clone();
    longer.push(0);
    assert!(matches!(
        unwrap_key(&kek, &longer, b""),
        Err(CryptoError::Malformed(_))
    ));
}

#[test]
fn debug_output_of_keys_is_redacted() {
    let k = Key32::from_bytes([0xAB; 32]);
    let uk = UserKey::from(k.clone());
    for s in [format!("{k:?}"), format!("{uk:?}")] {
        assert!(s.contains("[redacted]"), "{s}");
        assert!(
            !s.contains("171") && !s.to_lowercase().contains("ab, "),
            "{s}"
        );
    }
}
