//! Sealing and opening envelopes.

use attune_crypto::{
    CryptoError, EnvelopeKind, Key32, RelationshipKey, ServerSecret, UserKey, envelope_key_version,
    open, seal,
};
use proptest::prelude::*;

use crate::support::{AadFields, aad_fields};

proptest! {
    #[test]
    fn seal_then_open_returns_the_plaintext(
        fields in aad_fields(),
        plain in proptest::collection::vec(any::<u8>(), 0..5000),
    ) {
        let key = Key32::random();
        let env = seal(&key, &fields.aad(), &plain);
        let opened = open(&key, &fields.aad(), &env).unwrap();
        prop_assert_eq!(&opened[..], &plain[..]);
        prop_assert_eq!(envelope_key_version(&env).unwrap(), fields.key_version);
    }

    #[test]
    fn any_single_flipped_bit_makes_open_fail(
        fields in aad_fields(),
        plain in proptest::collection::vec(any::<u8>(), 0..300),
        bit in any::<prop::sample::Index>(),
    ) {
        let key = UserKey::random();
        let mut env = seal(&key, &fields.aad(), &plain);
        let i = bit.index(env.len() * 8);
        env[i / 8] ^= 1 << (i % 8);
        prop_assert!(open(&key, &fields.aad(), &env).is_err());
    }

    #[test]
    fn a_wrong_key_makes_open_fail(
        fields in aad_fields(),
        plain in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        let env = seal(&Key32::random(), &fields.aad(), &plain);
        prop_assert_eq!(
            open(&Key32::random(), &fields.aad(), &env).unwrap_err(),
            CryptoError::Decrypt
        );
    }

    #[test]
    fn any_change_to_any_aad_field_makes_open_fail(
        fields in aad_fields(),
        field in 0usize..7,
        plain in proptest::collection::vec(any::<u8>(), 0..100),
    ) {
        let key = RelationshipKey::random();
        let env = seal(&key, &fields.aad(), &plain);
        let mut other = fields.clone();
        match field {
            0 => other.kind = match fields.kind {
                EnvelopeKind::Private => EnvelopeKind::Shared,
                EnvelopeKind::Shared => EnvelopeKind::ServerEnforced,
                EnvelopeKind::ServerEnforced => EnvelopeKind::Private,
            },
            1 => other.purpose.push('x'),
            2 => other.table.push('x'),
            3 => other.row_id.push('x'),
            4 => other.owner.push('x'),
            5 => other.space.push('x'),
            _ => other.key_version = fields.key_version.wrapping_add(1),
        }
        prop_assert!(open(&key, &other.aad(), &env).is_err());
    }
}

proptest! {
    // Few cases: these seal up to 200 KB twice each, and the crate is
    // unoptimised in test builds.
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn envelope_length_depends_only_on_the_padding_bucket(
        a in 0usize..70_000,
        b in 0usize..70_000,
    ) {
        let key = Key32::random();
        let fields = AadFields::sample();
        let ea = seal(&key, &fields.aad(), &vec![1u8; a]);
        let eb = seal(&key, &fields.aad(), &vec![2u8; b]);
        let same_bucket =
            attune_crypto::padded_len(a) == attune_crypto::padded_len(b);
        prop_assert_eq!(ea.len() == eb.len(), same_bucket);
    }

    #[test]
    fn two_plaintexts_in_the_same_bucket_give_envelopes_of_equal_length(
        a in 0usize..200_000,
        pick in any::<prop::sample::Index>(),
    ) {
        let bucket = attune_crypto::padded_len(a);
        let hi = bucket - 8;
        let lo = if bucket == 64 {
            0
        } else if bucket <= 65_536 {
            bucket / 2 - 7
        } else {
            bucket - 65_536 - 7
        };
        let b = lo + pick.index(hi - lo + 1);
        prop_assert_eq!(attune_crypto::padded_len(b), bucket);
        let key = Key32::random();
        let fields = AadFields::sample();
        let ea = seal(&key, &fields.aad(), &vec![1u8; a]);
        let eb = seal(&key, &fields.aad(), &vec![2u8; b]);
        prop_assert_eq!(ea.len(), eb.len());
        prop_assert_eq!(ea.len(), 6 + 73 + 24 + bucket + 16);
    }
}

#[test]
fn moving_bytes_between_aad_fields_makes_open_fail() {
    let key = Key32::random();
    let mut a = AadFields::sample();
    a.row_id = "ab".into();
    a.owner = "c".into();
    let mut b = a.clone();
    b.row_id = "a".into();
    b.owner = "bc".into();
    let env = seal(&key, &a.aad(), b"hello");
    assert!(open(&key, &b.aad(), &env).is_err());
}

#[test]
fn truncated_envelopes_are_malformed() {
    let key = Key32::random();
    let fields = AadFields::sample();
    let env = seal(&key, &fields.aad(), b"hello");
    for len in 0..env.len() {
        assert!(open(&key, &fields.aad(), &env[..len]).is_err());
    }
    assert!(matches!(
        envelope_key_version(&env[..10]),
        Err(CryptoError::Malformed(_))
    ));
}

#[test]
fn the_empty_plaintext_seals_to_the_smallest_bucket() {
    let key = Key32::random();
    let fields = AadFields::sample();
    let empty = seal(&key, &fields.aad(), b"");
    let small = seal(&key, &fields.aad(), &[7u8; 56]);
    let bigger = seal(&key, &fields.aad(), &[7u8; 57]);
    assert_eq!(empty.len(), small.len());
    assert!(bigger.len() > small.len());
    // header 6 + wrapped key 73 + nonce 24 + 64 padded + tag 16
    assert_eq!(empty.len(), 6 + 73 + 24 + 64 + 16);
}

#[test]
fn server_enforced_envelopes_need_the_pepper_and_the_relationship_key() {
    let pepper = ServerSecret::generate();
    let rk = RelationshipKey::random();
    let mut fields = AadFields::sample();
    fields.kind = EnvelopeKind::ServerEnforced;
    let env = seal(
        &pepper.enforced_key(&rk, "boundaries"),
        &fields.aad(),
        b"no",
    );
    let opened = open(&pepper.enforced_key(&rk, "boundaries"), &fields.aad(), &env).unwrap();
    assert_eq!(&opened[..], b"no");
    assert!(open(&rk, &fields.aad(), &env).is_err());
    assert!(open(&pepper.enforced_key(&rk, "other"), &fields.aad(), &env).is_err());
    let other_pepper = ServerSecret::generate();
    assert!(
        open(
            &other_pepper.enforced_key(&rk, "boundaries"),
            &fields.aad(),
            &env
        )
        .is_err()
    );
}
