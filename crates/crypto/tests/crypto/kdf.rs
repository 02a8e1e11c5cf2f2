//! Password key derivation and cost profiles.

use attune_crypto::{
    CryptoError, KdfMemory, KdfProfile, ServerSecret, derive_password_keys, random_salt,
    verifier_digest, verify_verifier,
};
use proptest::prelude::*;

fn derive(pepper: &ServerSecret, pw: &[u8], salt: &[u8; 16]) -> ([u8; 32], [u8; 32]) {
    let mut mem = KdfMemory::new(KdfProfile::TEST);
    let keys = derive_password_keys(pepper, pw, salt, KdfProfile::TEST, &mut mem).unwrap();
    (*keys.kek.expose(), keys.verifier)
}

proptest! {
    #[test]
    fn a_profile_survives_encode_and_parse(
        m in 8u32..=1_048_576,
        t in 1u32..=10,
        p in 1u32..=4,
    ) {
        prop_assume!(m >= 8 * p);
        let profile = KdfProfile { m_kib: m, t, p };
        prop_assert_eq!(KdfProfile::parse(&profile.encode()).unwrap(), profile);
    }

    #[test]
    fn out_of_range_profiles_are_refused(
        m in prop_oneof![0u32..8, 1_048_577u32..=u32::MAX],
        t in prop_oneof![Just(0u32), 11u32..=u32::MAX],
        p in prop_oneof![Just(0u32), 5u32..=u32::MAX],
        which in 0usize..3,
    ) {
        let mut profile = KdfProfile::DEFAULT;
        match which {
            0 => profile.m_kib = m,
            1 => profile.t = t,
            _ => profile.p = p,
        }
        prop_assert!(KdfProfile::parse(&profile.encode()).is_err());
        prop_assert!(profile.validate().is_err());
    }

    #[test]
    fn profile_strings_of_another_shape_are_refused(s in "\\PC{0,40}") {
        if let Ok(profile) = KdfProfile::parse(&s) {
            prop_assert_eq!(profile.encode(), s);
        }
    }
}

#[test]
fn the_named_profiles_encode_as_documented() {
    assert_eq!(
        KdfProfile::DEFAULT.encode(),
        "argon2id;v=19;m=65536;t=3;p=1"
    );
    for p in [
        KdfProfile::DEFAULT,
        KdfProfile::LOW_MEMORY,
        KdfProfile::TEST,
    ] {
        assert_eq!(KdfProfile::parse(&p.encode()).unwrap(), p);
    }
    for bad in [
        "argon2i;v=19;m=65536;t=3;p=1",
        "argon2id;v=16;m=65536;t=3;p=1",
        "argon2id;v=19;m=+65536;t=3;p=1",
        "argon2id;v=19;m=65536;t=3;p=1;",
        "argon2id;v=19;t=3;m=65536;p=1",
        "argon2id;v=19;m=8;t=1;p=2",
        "",
    ] {
        assert!(KdfProfile::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn password_derivation_is_deterministic_and_depends_on_every_input() {
    let pepper = ServerSecret::from_bytes(&[7u8; 32]).unwrap();
    let salt = [1u8; 16];
    let base = derive(&pepper, b"correct horse", &salt);
    assert_eq!(base, derive(&pepper, b"correct horse", &salt));
    assert_ne!(base, derive(&pepper, b"correct horsf", &salt));
    assert_ne!(base, derive(&pepper, b"correct horse", &[2u8; 16]));
    let other_pepper = ServerSecret::from_bytes(&[8u8; 32]).unwrap();
    assert_ne!(base, derive(&other_pepper, b"correct horse", &salt));
    assert_ne!(base.0, base.1, "the KEK and the verifier differ");
}

#[test]
fn the_verifier_digest_checks_logins() {
    let pepper = ServerSecret::generate();
    let salt = random_salt();
    let (_, verifier) = derive(&pepper, b"pw", &salt);
    let stored = verifier_digest(&verifier);
    assert_ne!(stored, verifier);
    let (_, again) = derive(&pepper, b"pw", &salt);
    assert!(verify_verifier(&again, &stored));
    let (_, wrong) = derive(&pepper, b"pw2", &salt);
    assert!(!verify_verifier(&wrong, &stored));
    assert!(!verify_verifier(&again, &stored[..31]));
}

#[test]
fn kdf_memory_is_reused_across_profiles_of_different_sizes() {
    let pepper = ServerSecret::generate();
    let salt = random_salt();
    let bigger = KdfProfile {
        m_kib: 1024,
        t: 1,
        p: 2,
    };
    let mut mem = KdfMemory::new(KdfProfile::TEST);
    assert_eq!(mem.blocks(), 256);
    let small = derive_password_keys(&pepper, b"pw", &salt, KdfProfile::TEST, &mut mem).unwrap();
    let large = derive_password_keys(&pepper, b"pw", &salt, bigger, &mut mem).unwrap();
    assert!(mem.blocks() >= 1024);
    let small_again =
        derive_password_keys(&pepper, b"pw", &salt, KdfProfile::TEST, &mut mem).unwrap();
    assert_eq!(small.kek.expose(), small_again.kek.expose());
    assert_ne!(small.kek.expose(), large.kek.expose());
    let fresh =
        derive_password_keys(&pepper, b"pw", &salt, bigger, &mut KdfMemory::new(bigger)).unwrap();
    assert_eq!(fresh.kek.expose(), large.kek.expose());
}

#[test]
fn the_default_profile_derives_once() {
    let pepper = ServerSecret::generate();
    let mut mem = KdfMemory::new(KdfProfile::DEFAULT);
    let keys = derive_password_keys(
        &pepper,
        b"pw",
        &random_salt(),
        KdfProfile::DEFAULT,
        &mut mem,
    );
    assert!(keys.is_ok());
}

#[test]
fn invalid_profiles_and_secrets_are_refused() {
    let pepper = ServerSecret::generate();
    let bad = KdfProfile {
        m_kib: 4,
        t: 1,
        p: 1,
    };
    let mut mem = KdfMemory::new(KdfProfile::TEST);
    assert_eq!(
        derive_password_keys(&pepper, b"pw", &[0u8; 16], bad, &mut mem).unwrap_err(),
        CryptoError::Kdf
    );
    assert!(matches!(
        ServerSecret::from_bytes(&[0u8; 31]),
        Err(CryptoError::Malformed(_))
    ));
    assert!(ServerSecret::from_bytes(&[0u8; 33]).is_err());
    let s = ServerSecret::from_bytes(&[5u8; 32]).unwrap();
    assert_eq!(s.expose(), &[5u8; 32]);
    assert!(format!("{s:?}").contains("[redacted]"));
}
