//! Blind indexes, enforced keys and hash chains.

use attune_crypto::{RelationshipKey, ServerSecret, chain_hash};

#[test]
fn blind_indexes_are_deterministic_and_separated_by_purpose_and_pepper() {
    let pepper = ServerSecret::generate();
    let a = pepper.blind_index("email", b"a@example.org");
    assert_eq!(a, pepper.blind_index("email", b"a@example.org"));
    assert_ne!(a, pepper.blind_index("email", b"b@example.org"));
    assert_ne!(a, pepper.blind_index("invite", b"a@example.org"));
    assert_ne!(
        a,
        ServerSecret::generate().blind_index("email", b"a@example.org")
    );
}

#[test]
fn enforced_keys_depend_on_the_relationship_key_and_the_purpose() {
    let pepper = ServerSecret::generate();
    let rk = RelationshipKey::random();
    let k = pepper.enforced_key(&rk, "limits");
    assert_eq!(k.expose(), pepper.enforced_key(&rk, "limits").expose());
    assert_ne!(k.expose(), pepper.enforced_key(&rk, "limits2").expose());
    assert_ne!(
        k.expose(),
        pepper
            .enforced_key(&RelationshipKey::random(), "limits")
            .expose()
    );
    assert_ne!(k.expose(), rk.expose());
}

#[test]
fn chain_hashes_link_and_separate_parts() {
    let zero = [0u8; 32];
    let h1 = chain_hash(&zero, &[b"ab", b"c"]);
    assert_eq!(h1, chain_hash(&zero, &[b"ab", b"c"]));
    assert_ne!(h1, chain_hash(&zero, &[b"a", b"bc"]));
    assert_ne!(h1, chain_hash(&zero, &[b"abc"]));
    assert_ne!(chain_hash(&h1, &[b"x"]), chain_hash(&zero, &[b"x"]));
}
