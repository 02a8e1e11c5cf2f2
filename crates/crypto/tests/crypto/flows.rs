//! End-to-end key flows the server relies on.

use attune_crypto::{
    EnvelopeKind, KdfMemory, KdfProfile, Key32, RecoveryCode, RelationshipKey, ServerSecret,
    UserKey, UserKeyPair, derive_password_keys, open, open_sealed_key, random_salt, seal,
    seal_key_to, unwrap_key, wrap_key,
};

use crate::support::AadFields;

#[test]
fn password_change_keeps_data_readable() {
    let pepper = ServerSecret::generate();
    let mut mem = KdfMemory::new(KdfProfile::TEST);
    let uk = UserKey::random();
    let aad = AadFields::sample();
    let env = seal(&uk, &aad.aad(), b"my diary");

    let salt1 = random_salt();
    let kek1 = derive_password_keys(&pepper, b"pw1", &salt1, KdfProfile::TEST, &mut mem).unwrap();
    let stored = wrap_key(&kek1.kek, uk.expose(), b"user-1 uk");

    // Change password: unwrap with the old KEK, rewrap with the new one.
    let uk_again: UserKey = unwrap_key(&kek1.kek, &stored, b"user-1 uk").unwrap().into();
    let salt2 = random_salt();
    let kek2 = derive_password_keys(&pepper, b"pw2", &salt2, KdfProfile::TEST, &mut mem).unwrap();
    let stored = wrap_key(&kek2.kek, uk_again.expose(), b"user-1 uk");

    assert!(unwrap_key(&kek1.kek, &stored, b"user-1 uk").is_err());
    let uk_final: UserKey = unwrap_key(&kek2.kek, &stored, b"user-1 uk").unwrap().into();
    assert_eq!(&open(&uk_final, &aad.aad(), &env).unwrap()[..], b"my diary");
}

#[test]
fn recovery_restores_the_user_key() {
    let pepper = ServerSecret::generate();
    let uk = UserKey::random();
    let code = RecoveryCode::generate();
    let shown = code.display();
    let stored = wrap_key(&code.wrapping_key(&pepper), uk.expose(), b"recovery");
    drop(code);

    let typed = RecoveryCode::parse(&shown.to_lowercase().replace('-', " ")).unwrap();
    let back = unwrap_key(&typed.wrapping_key(&pepper), &stored, b"recovery").unwrap();
    assert_eq!(back.expose(), uk.expose());
    assert!(
        unwrap_key(
            &RecoveryCode::generate().wrapping_key(&pepper),
            &stored,
            b"recovery"
        )
        .is_err()
    );
}

#[test]
fn a_partner_reads_shared_data_through_a_sealed_relationship_key() {
    let alice_uk = UserKey::random();
    let alice = UserKeyPair::generate();
    let bob = UserKeyPair::generate();
    // Alice's private key is stored wrapped under her UserKey.
    let alice_sk_stored = wrap_key(&alice_uk, alice.secret_bytes().expose(), b"x25519");

    let rk = RelationshipKey::random();
    let for_alice = seal_key_to(&alice.public(), rk.expose(), b"space-1 v1");
    let for_bob = seal_key_to(&bob.public(), rk.expose(), b"space-1 v1");
    let mut aad = AadFields::sample();
    aad.kind = EnvelopeKind::Shared;
    let env = seal(&rk, &aad.aad(), b"let's talk");

    let alice_again =
        UserKeyPair::from_secret(unwrap_key(&alice_uk, &alice_sk_stored, b"x25519").unwrap());
    let rk_a: RelationshipKey = open_sealed_key(&alice_again, &for_alice, b"space-1 v1")
        .unwrap()
        .into();
    let rk_b: RelationshipKey = open_sealed_key(&bob, &for_bob, b"space-1 v1")
        .unwrap()
        .into();
    assert_eq!(&open(&rk_a, &aad.aad(), &env).unwrap()[..], b"let's talk");
    assert_eq!(&open(&rk_b, &aad.aad(), &env).unwrap()[..], b"let's talk");
    let _ = Key32::random();
}
