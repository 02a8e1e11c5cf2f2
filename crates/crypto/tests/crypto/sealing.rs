//! Sealing keys to a user's public key.

use attune_crypto::{
    CryptoError, Key32, UserKeyPair, open_sealed_key, seal_key_to, try_seal_key_to,
};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_sealed_key_opens_for_its_recipient(
        key in any::<[u8; 32]>(),
        ad in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let pair = UserKeyPair::generate();
        let sealed = seal_key_to(&pair.public(), &key, &ad);
        let back = open_sealed_key(&pair, &sealed, &ad).unwrap();
        prop_assert_eq!(back.expose(), &key);
    }

    #[test]
    fn a_sealed_key_does_not_open_for_anyone_else(key in any::<[u8; 32]>()) {
        let pair = UserKeyPair::generate();
        let other = UserKeyPair::generate();
        let sealed = seal_key_to(&pair.public(), &key, b"rk");
        prop_assert!(open_sealed_key(&other, &sealed, b"rk").is_err());
    }

    #[test]
    fn a_tampered_sealed_key_is_refused(key in any::<[u8; 32]>(), bit in any::<prop::sample::Index>()) {
        let pair = UserKeyPair::generate();
        let mut sealed = seal_key_to(&pair.public(), &key, b"rk");
        let i = bit.index(sealed.len() * 8);
        sealed[i / 8] ^= 1 << (i % 8);
        prop_assert!(open_sealed_key(&pair, &sealed, b"rk").is_err());
    }
}

#[test]
fn a_different_ad_is_refused() {
    let pair = UserKeyPair::generate();
    let sealed = seal_key_to(&pair.public(), &[9u8; 32], b"space 1");
    assert!(open_sealed_key(&pair, &sealed, b"space 2").is_err());
}

#[test]
fn a_key_pair_rebuilt_from_its_secret_has_the_same_public_key() {
    let pair = UserKeyPair::generate();
    let again = UserKeyPair::from_secret(pair.secret_bytes());
    assert_eq!(pair.public(), again.public());
    let sealed = seal_key_to(&pair.public(), &[1u8; 32], b"");
    assert_eq!(
        open_sealed_key(&again, &sealed, b"").unwrap().expose(),
        &[1u8; 32]
    );
    assert!(format!("{pair:?}").contains("[redacted]"));
    let _ = Key32::random();
}

#[test]
#[should_panic(expected = "low-order")]
fn sealing_to_a_low_order_public_key_is_refused() {
    let _ = seal_key_to(&[0u8; 32], &[1u8; 32], b"");
}

#[test]
fn try_seal_key_to_reports_a_low_order_public_key_as_an_error() {
    assert!(matches!(
        try_seal_key_to(&[0u8; 32], &[1u8; 32], b""),
        Err(CryptoError::Malformed(_))
    ));
    let pair = UserKeyPair::generate();
    let sealed = try_seal_key_to(&pair.public(), &[3u8; 32], b"").unwrap();
    assert_eq!(
        open_sealed_key(&pair, &sealed, b"").unwrap().expose(),
        &[3u8; 32]
    );
}
