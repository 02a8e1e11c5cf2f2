//! The conformance cases, written once against the `Store` trait.

use attune_store::rows::*;
use attune_store::{Store, StoreError};

fn user(id: &str) -> UserRow {
    UserRow {
        id: id.into(),
        username_index: format!("idx-{id}").into_bytes(),
        username_sealed: vec![1, 2, 3],
        kdf_profile: "argon2id;v=19;m=256;t=1;p=1".into(),
        kdf_salt: vec![9; 16],
        verifier_digest: vec![7; 32],
        uk_by_password: vec![5; 72],
        uk_by_recovery: vec![6; 72],
        public_key: vec![4; 32],
        private_key_wrapped: vec![3; 72],
        prefs_sealed: vec![2; 64],
        created_at: 1_000,
    }
}

fn session(digest: u8, user_id: &str, at: i64) -> SessionRow {
    SessionRow {
        id_digest: vec![digest; 32],
        handle: format!("h{digest}"),
        user_id: user_id.into(),
        uk_wrapped: vec![1; 72],
        device_sealed: vec![2; 80],
        created_at: at,
        last_seen_at: at,
    }
}

fn member(id: &str, space: &str, user: &str, at: i64) -> MemberRow {
    MemberRow {
        id: id.into(),
        space_id: space.into(),
        user_id: user.into(),
        joined_at: at,
        profile_sealed: vec![8; 64],
    }
}

pub(crate) fn key(space: &str, user: &str, version: i64) -> SpaceKeyRow {
    SpaceKeyRow {
        space_id: space.into(),
        user_id: user.into(),
        key_version: version,
        sealed_key: vec![version as u8; 89],
    }
}

async fn space_with_founder(s: &dyn Store, space: &str, founder: &str) {
    s.create_user(&user(founder)).await.unwrap();
    s.create_space(&NewSpace {
        space: SpaceRow {
            id: space.into(),
            created_at: 10,
            key_version: 1,
            name_sealed: vec![1; 64],
        },
        founder: member(&format!("m-{founder}"), space, founder, 10),
        founder_key: key(space, founder, 1),
    })
    .await
    .unwrap();
}

fn invite(id: &str, space: &str, by: &str) -> InviteRow {
    InviteRow {
        id: id.into(),
        space_id: space.into(),
        created_by: by.into(),
        lookup: format!("lookup-{id}").into_bytes(),
        key_wrapped: vec![3; 72],
        key_version: 1,
        created_at: 20,
        expires_at: 20 + 72 * 3600,
        used_at: None,
    }
}

fn join(invite_id: &str, space: &str, user: &str, max: i64) -> Join {
    Join {
        invite_id: invite_id.into(),
        used_at: 30,
        member: member(&format!("m-{user}"), space, user, 30),
        key: key(space, user, 1),
        max_members: max,
    }
}

pub async fn a_user_reads_back_as_written(s: &dyn Store) {
    let u = user("u1");
    s.create_user(&u).await.unwrap();
    assert_eq!(s.user_by_id("u1").await.unwrap(), Some(u.clone()));
    assert_eq!(s.user_by_index(&u.username_index).await.unwrap(), Some(u));
    assert_eq!(s.user_by_id("nobody").await.unwrap(), None);
}

pub async fn usernames_are_unique(s: &dyn Store) {
    s.create_user(&user("u1")).await.unwrap();
    let mut dup = user("u2");
    dup.username_index = user("u1").username_index;
    assert!(matches!(
        s.create_user(&dup).await,
        Err(StoreError::Conflict(_))
    ));
}

pub async fn password_update_replaces_only_password_material(s: &dyn Store) {
    s.create_user(&user("u1")).await.unwrap();
    let update = PasswordUpdate {
        kdf_profile: "argon2id;v=19;m=65536;t=3;p=1".into(),
        kdf_salt: vec![1; 16],
        verifier_digest: vec![2; 32],
        uk_by_password: vec![3; 72],
    };
    s.update_password("u1", &update).await.unwrap();
    s.update_recovery("u1", &[4; 72]).await.unwrap();
    s.update_prefs("u1", &[5; 64]).await.unwrap();
    let got = s.user_by_id("u1").await.unwrap().unwrap();
    assert_eq!(got.kdf_profile, update.kdf_profile);
    assert_eq!(got.uk_by_password, update.uk_by_password);
    assert_eq!(got.uk_by_recovery, vec![4; 72]);
    assert_eq!(got.prefs_sealed, vec![5; 64]);
    assert_eq!(got.public_key, user("u1").public_key);
    assert!(matches!(
        s.update_password("nobody", &update).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn sessions_are_listed_touched_and_ended(s: &dyn Store) {
    s.create_user(&user("u1")).await.unwrap();
    s.create_session(&session(1, "u1", 100)).await.unwrap();
    s.create_session(&session(2, "u1", 200)).await.unwrap();
    s.touch_session(&[1; 32], 300).await.unwrap();
    let list = s.sessions_of_user("u1").await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].handle, "h1", "most recently used first");
    assert_eq!(list[0].last_seen_at, 300);
    assert!(
        !s.delete_session_by_handle("someone-else", "h1")
            .await
            .unwrap()
    );
    assert!(s.delete_session_by_handle("u1", "h1").await.unwrap());
    assert_eq!(s.session_by_digest(&[1; 32]).await.unwrap(), None);
    assert_eq!(s.delete_sessions_of_user("u1").await.unwrap(), 1);
    assert!(s.sessions_of_user("u1").await.unwrap().is_empty());
}

pub async fn stale_sessions_are_swept(s: &dyn Store) {
    s.create_user(&user("u1")).await.unwrap();
    s.create_session(&session(1, "u1", 100)).await.unwrap();
    s.create_session(&session(2, "u1", 500)).await.unwrap();
    assert_eq!(s.delete_stale_sessions(200, 0).await.unwrap(), 1);
    assert!(s.session_by_digest(&[2; 32]).await.unwrap().is_some());
}

pub async fn throttle_rows_are_set_and_cleared(s: &dyn Store) {
    assert_eq!(s.throttle_get(b"k").await.unwrap(), None);
    s.throttle_set(
        b"k",
        ThrottleRow {
            failures: 1,
            next_allowed_at: 0,
        },
    )
    .await
    .unwrap();
    s.throttle_set(
        b"k",
        ThrottleRow {
            failures: 4,
            next_allowed_at: 99,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        s.throttle_get(b"k").await.unwrap(),
        Some(ThrottleRow {
            failures: 4,
            next_allowed_at: 99
        })
    );
    s.throttle_clear(b"k").await.unwrap();
    assert_eq!(s.throttle_get(b"k").await.unwrap(), None);
}

pub async fn a_space_is_created_with_its_founder_and_key(s: &dyn Store) {
    space_with_founder(s, "s1", "u1").await;
    let spaces = s.spaces_of_user("u1").await.unwrap();
    assert_eq!(spaces.len(), 1);
    assert_eq!(spaces[0].0.id, "s1");
    assert_eq!(spaces[0].1.id, "m-u1");
    assert_eq!(s.space_key("s1", "u1", 1).await.unwrap(), Some(vec![1; 89]));
    assert_eq!(s.member_of("s1", "u1").await.unwrap().unwrap().id, "m-u1");
    s.update_member_profile("m-u1", &[9; 64]).await.unwrap();
    assert_eq!(
        s.members_of_space("s1").await.unwrap()[0].profile_sealed,
        vec![9; 64]
    );
}

pub async fn an_invite_can_be_claimed_only_once(s: &dyn Store) {
    space_with_founder(s, "s1", "u1").await;
    s.create_user(&user("u2")).await.unwrap();
    s.create_user(&user("u3")).await.unwrap();
    s.create_invite(&invite("i1", "s1", "m-u1")).await.unwrap();
    let found = s.invite_by_lookup(b"lookup-i1").await.unwrap().unwrap();
    assert_eq!(found.used_at, None);
    s.join_space(&join("i1", "s1", "u2", 8)).await.unwrap();
    assert!(matches!(
        s.join_space(&join("i1", "s1", "u3", 8)).await,
        Err(StoreError::Conflict("invite_used"))
    ));
    assert_eq!(
        s.invite_by_lookup(b"lookup-i1")
            .await
            .unwrap()
            .unwrap()
            .used_at,
        Some(30)
    );
    assert_eq!(s.members_of_space("s1").await.unwrap().len(), 2);
}

pub async fn a_full_space_refuses_another_member(s: &dyn Store) {
    space_with_founder(s, "s1", "u1").await;
    s.create_user(&user("u2")).await.unwrap();
    s.create_invite(&invite("i1", "s1", "m-u1")).await.unwrap();
    assert!(matches!(
        s.join_space(&join("i1", "s1", "u2", 1)).await,
        Err(StoreError::Conflict("space_full"))
    ));
    // The refused join left the invite unused.
    assert_eq!(
        s.invite_by_lookup(b"lookup-i1")
            .await
            .unwrap()
            .unwrap()
            .used_at,
        None
    );
}

pub async fn a_member_cannot_join_twice(s: &dyn Store) {
    space_with_founder(s, "s1", "u1").await;
    s.create_invite(&invite("i1", "s1", "m-u1")).await.unwrap();
    let mut again = join("i1", "s1", "u1", 8);
    again.member.id = "m-again".into();
    assert!(matches!(
        s.join_space(&again).await,
        Err(StoreError::Conflict("already_member"))
    ));
}

pub async fn leaving_rotates_the_key_and_drops_the_leavers_rows(s: &dyn Store) {
    space_with_founder(s, "s1", "u1").await;
    s.create_user(&user("u2")).await.unwrap();
    s.create_invite(&invite("i1", "s1", "m-u1")).await.unwrap();
    s.join_space(&join("i1", "s1", "u2", 8)).await.unwrap();
    s.create_invite(&invite("i2", "s1", "m-u1")).await.unwrap();
    s.leave_space(&Leave {
        space_id: "s1".into(),
        member_id: "m-u2".into(),
        user_id: "u2".into(),
        new_keys: vec![key("s1", "u1", 2)],
        new_key_version: 2,
        new_name_sealed: vec![2; 64],
        new_profiles: vec![("m-u1".into(), vec![7; 64])],
    })
    .await
    .unwrap();
    assert_eq!(s.member_of("s1", "u2").await.unwrap(), None);
    assert_eq!(s.space_key("s1", "u2", 1).await.unwrap(), None);
    assert_eq!(s.space_key("s1", "u1", 2).await.unwrap(), Some(vec![2; 89]));
    assert_eq!(
        s.space_key("s1", "u1", 1).await.unwrap(),
        Some(vec![1; 89]),
        "old versions stay for those who remain"
    );
    let space = s.space_by_id("s1").await.unwrap().unwrap();
    assert_eq!(space.key_version, 2);
    assert_eq!(space.name_sealed, vec![2; 64]);
    assert_eq!(
        s.member_of("s1", "u1")
            .await
            .unwrap()
            .unwrap()
            .profile_sealed,
        vec![7; 64]
    );
    assert!(
        s.invites_of_space("s1")
            .await
            .unwrap()
            .iter()
            .all(|i| i.used_at.is_some()),
        "pending invites withdrawn"
    );
}

pub async fn the_last_member_leaving_deletes_the_space(s: &dyn Store) {
    space_with_founder(s, "s1", "u1").await;
    s.leave_space(&Leave {
        space_id: "s1".into(),
        member_id: "m-u1".into(),
        user_id: "u1".into(),
        new_keys: vec![],
        new_key_version: 2,
        new_name_sealed: vec![],
        new_profiles: vec![],
    })
    .await
    .unwrap();
    assert_eq!(s.space_by_id("s1").await.unwrap(), None);
}

pub async fn deleting_a_user_removes_sessions_memberships_and_keys(s: &dyn Store) {
    space_with_founder(s, "s1", "u1").await;
    s.create_session(&session(1, "u1", 100)).await.unwrap();
    s.delete_user("u1").await.unwrap();
    assert_eq!(s.user_by_id("u1").await.unwrap(), None);
    assert_eq!(s.session_by_digest(&[1; 32]).await.unwrap(), None);
    assert_eq!(s.member_of("s1", "u1").await.unwrap(), None);
    assert_eq!(s.space_key("s1", "u1", 1).await.unwrap(), None);
    s.checkpoint().await.unwrap();
}

pub async fn migrating_twice_is_harmless(s: &dyn Store) {
    s.migrate().await.unwrap();
    s.migrate().await.unwrap();
    s.ping().await.unwrap();
}

// Desire inventory.

/// A space "s1" founded by u1 (member m-u1) that u2 (member m-u2) joined.
pub(crate) async fn space_of_two(s: &dyn Store) {
    space_with_founder(s, "s1", "u1").await;
    s.create_user(&user("u2")).await.unwrap();
    s.create_invite(&invite("i1", "s1", "m-u1")).await.unwrap();
    s.join_space(&join("i1", "s1", "u2", 8)).await.unwrap();
}

fn answers(space: &str, member: &str, fill: u8, at: i64) -> AnswersRow {
    AnswersRow {
        space_id: space.into(),
        member_id: member.into(),
        sealed: vec![fill; 1024],
        updated_at: at,
    }
}

fn round(id: &str, space: &str, number: i64) -> RoundRow {
    RoundRow {
        id: id.into(),
        space_id: space.into(),
        number,
        created_at: 100 + number,
        opened_at: None,
    }
}

fn custom_item(id: &str, space: &str, author: &str, offered: bool, at: i64) -> CustomItemRow {
    CustomItemRow {
        id: id.into(),
        space_id: space.into(),
        author_member_id: Some(author.into()),
        sealed: vec![6; 128],
        offered,
        created_at: at,
    }
}

/// Writes one of everything for both members of `space_of_two`: answers, a round with both
/// ready and opened (snapshots), a waiting round with both ready, and for each member one
/// offered and one unoffered custom item.
async fn fill_inventory(s: &dyn Store) {
    for m in ["m-u1", "m-u2"] {
        s.put_answers(&answers("s1", m, 1, 50)).await.unwrap();
        s.create_custom_item(&custom_item(&format!("offered-{m}"), "s1", m, true, 60))
            .await
            .unwrap();
        s.create_custom_item(&custom_item(&format!("private-{m}"), "s1", m, false, 61))
            .await
            .unwrap();
    }
    s.create_round(&round("r1", "s1", 1)).await.unwrap();
    s.mark_ready("r1", "m-u1", 70).await.unwrap();
    s.mark_ready("r1", "m-u2", 71).await.unwrap();
    let frozen = vec![
        ("m-u1".into(), vec![1; 1024]),
        ("m-u2".into(), vec![2; 1024]),
    ];
    assert!(s.open_round("r1", 72, &frozen).await.unwrap());
    s.create_round(&round("r2", "s1", 2)).await.unwrap();
    s.mark_ready("r2", "m-u1", 80).await.unwrap();
    s.mark_ready("r2", "m-u2", 81).await.unwrap();
}

/// Checks that u2's private inventory rows are gone and everything else stayed.
async fn assert_only_u2_private_inventory_gone(s: &dyn Store) {
    assert_eq!(s.answers_of("s1", "m-u2").await.unwrap(), None);
    assert_eq!(
        s.answers_in_space("s1").await.unwrap(),
        vec![answers("s1", "m-u1", 1, 50)]
    );
    assert_eq!(s.ready_members("r1").await.unwrap(), vec!["m-u1"]);
    assert_eq!(s.ready_members("r2").await.unwrap(), vec!["m-u1"]);
    assert_eq!(
        s.snapshots_of("r1").await.unwrap(),
        vec![("m-u1".to_string(), vec![1; 1024])]
    );
    let items = s.custom_items_of("s1").await.unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["offered-m-u1", "offered-m-u2", "private-m-u1"]);
    let kept = items.iter().find(|i| i.id == "offered-m-u2").unwrap();
    assert_eq!(
        kept.author_member_id, None,
        "the leaver's offered item loses its author"
    );
    assert!(kept.offered);
    assert_eq!(
        items
            .iter()
            .find(|i| i.id == "offered-m-u1")
            .unwrap()
            .author_member_id
            .as_deref(),
        Some("m-u1")
    );
    // The rounds themselves belong to the space.
    assert_eq!(s.latest_round("s1").await.unwrap().unwrap().id, "r2");
}

pub async fn answers_are_upserted_and_read_back(s: &dyn Store) {
    space_of_two(s).await;
    assert_eq!(s.answers_of("s1", "m-u1").await.unwrap(), None);
    s.put_answers(&answers("s1", "m-u1", 1, 50)).await.unwrap();
    assert_eq!(
        s.answers_of("s1", "m-u1").await.unwrap(),
        Some(answers("s1", "m-u1", 1, 50))
    );
    s.put_answers(&answers("s1", "m-u1", 2, 60)).await.unwrap();
    assert_eq!(
        s.answers_of("s1", "m-u1").await.unwrap(),
        Some(answers("s1", "m-u1", 2, 60)),
        "the newer envelope replaces the older"
    );
    s.put_answers(&answers("s1", "m-u2", 3, 70)).await.unwrap();
    assert_eq!(
        s.answers_in_space("s1").await.unwrap(),
        vec![answers("s1", "m-u1", 2, 60), answers("s1", "m-u2", 3, 70)]
    );
    assert!(s.answers_in_space("elsewhere").await.unwrap().is_empty());
}

pub async fn answers_are_one_row_per_member_per_space(s: &dyn Store) {
    space_of_two(s).await;
    // However many items a member answers, each save replaces the one envelope.
    for (i, size) in [64usize, 4096, 128, 65536].into_iter().enumerate() {
        let mut a = answers("s1", "m-u1", i as u8, 50 + i as i64);
        a.sealed = vec![i as u8; size];
        s.put_answers(&a).await.unwrap();
    }
    let all = s.answers_in_space("s1").await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].sealed, vec![3; 65536]);
    assert_eq!(all[0].updated_at, 53);
}

pub async fn the_latest_round_is_the_highest_number(s: &dyn Store) {
    space_of_two(s).await;
    assert_eq!(s.latest_round("s1").await.unwrap(), None);
    s.create_round(&round("r2", "s1", 2)).await.unwrap();
    s.create_round(&round("r1", "s1", 1)).await.unwrap();
    s.create_round(&round("r10", "s1", 10)).await.unwrap();
    assert_eq!(
        s.latest_round("s1").await.unwrap(),
        Some(round("r10", "s1", 10))
    );
    assert!(
        matches!(
            s.create_round(&round("r-dup", "s1", 10)).await,
            Err(StoreError::Conflict(_))
        ),
        "one round per number per space"
    );
    assert_eq!(s.latest_round("elsewhere").await.unwrap(), None);
}

pub async fn ready_marks_are_idempotent(s: &dyn Store) {
    space_of_two(s).await;
    s.create_round(&round("r1", "s1", 1)).await.unwrap();
    assert!(s.ready_members("r1").await.unwrap().is_empty());
    s.mark_ready("r1", "m-u2", 70).await.unwrap();
    s.mark_ready("r1", "m-u2", 75).await.unwrap();
    s.mark_ready("r1", "m-u1", 80).await.unwrap();
    s.mark_ready("r1", "m-u2", 90).await.unwrap();
    assert_eq!(
        s.ready_members("r1").await.unwrap(),
        vec!["m-u2", "m-u1"],
        "one mark each, kept at the first time"
    );
}

pub async fn a_round_opens_only_once(s: &dyn Store) {
    space_of_two(s).await;
    s.create_round(&round("r1", "s1", 1)).await.unwrap();
    let frozen = vec![
        ("m-u1".into(), vec![1; 1024]),
        ("m-u2".into(), vec![2; 1024]),
    ];
    assert!(s.open_round("r1", 90, &frozen).await.unwrap());
    let again = vec![
        ("m-u1".into(), vec![9; 1024]),
        ("m-u2".into(), vec![9; 1024]),
    ];
    assert!(!s.open_round("r1", 95, &again).await.unwrap());
    assert_eq!(
        s.latest_round("s1").await.unwrap().unwrap().opened_at,
        Some(90)
    );
    assert_eq!(
        s.snapshots_of("r1").await.unwrap(),
        frozen,
        "snapshots frozen once, not duplicated"
    );
    assert!(matches!(
        s.open_round("no-such-round", 95, &[]).await,
        Err(StoreError::NotFound)
    ));
}

pub async fn a_round_opened_by_two_members_at_once_opens_once(s: &dyn Store) {
    space_of_two(s).await;
    s.create_round(&round("r1", "s1", 1)).await.unwrap();
    let by_u1 = vec![
        ("m-u1".into(), vec![1; 1024]),
        ("m-u2".into(), vec![2; 1024]),
    ];
    let by_u2 = vec![
        ("m-u1".into(), vec![3; 1024]),
        ("m-u2".into(), vec![4; 1024]),
    ];
    let (a, b) = tokio::join!(
        s.open_round("r1", 90, &by_u1),
        s.open_round("r1", 91, &by_u2)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert!(a != b, "exactly one opened it: {a} {b}");
    let (winner, at) = if a { (by_u1, 90) } else { (by_u2, 91) };
    assert_eq!(s.snapshots_of("r1").await.unwrap(), winner);
    assert_eq!(
        s.latest_round("s1").await.unwrap().unwrap().opened_at,
        Some(at)
    );
}

pub async fn a_failed_open_leaves_the_round_waiting(s: &dyn Store) {
    space_of_two(s).await;
    s.create_round(&round("r1", "s1", 1)).await.unwrap();
    let bad = vec![
        ("m-u1".into(), vec![1; 1024]),
        ("m-nobody".into(), vec![2; 1024]),
    ];
    assert!(s.open_round("r1", 90, &bad).await.is_err());
    assert_eq!(s.latest_round("s1").await.unwrap().unwrap().opened_at, None);
    assert!(s.snapshots_of("r1").await.unwrap().is_empty());
}

pub async fn custom_items_are_offered_and_withdrawn(s: &dyn Store) {
    space_of_two(s).await;
    s.create_custom_item(&custom_item("c2", "s1", "m-u1", false, 61))
        .await
        .unwrap();
    s.create_custom_item(&custom_item("c1", "s1", "m-u2", true, 60))
        .await
        .unwrap();
    assert_eq!(
        s.custom_items_of("s1").await.unwrap(),
        vec![
            custom_item("c1", "s1", "m-u2", true, 60),
            custom_item("c2", "s1", "m-u1", false, 61)
        ]
    );
    assert!(s.set_custom_item_offered("s1", "c2", true).await.unwrap());
    assert!(s.custom_items_of("s1").await.unwrap()[1].offered);
    assert!(s.set_custom_item_offered("s1", "c2", false).await.unwrap());
    assert!(!s.custom_items_of("s1").await.unwrap()[1].offered);
    assert!(
        !s.set_custom_item_offered("elsewhere", "c2", true)
            .await
            .unwrap(),
        "an item is changed only through its own space"
    );
    assert!(!s.set_custom_item_offered("s1", "nope", true).await.unwrap());
}

pub async fn only_the_author_deletes_a_custom_item_and_only_before_offering_it(s: &dyn Store) {
    space_of_two(s).await;
    for (id, offered) in [("c1", false), ("c2", true)] {
        s.create_custom_item(&CustomItemRow {
            id: id.into(),
            space_id: "s1".into(),
            author_member_id: Some("m-u1".into()),
            sealed: vec![3; 64],
            offered,
            created_at: 10,
        })
        .await
        .unwrap();
    }
    assert!(
        !s.delete_private_custom_item("s1", "c1", "m-u2")
            .await
            .unwrap()
    );
    assert!(
        !s.delete_private_custom_item("s1", "c2", "m-u1")
            .await
            .unwrap()
    );
    assert!(
        !s.delete_private_custom_item("elsewhere", "c1", "m-u1")
            .await
            .unwrap()
    );
    assert!(
        s.delete_private_custom_item("s1", "c1", "m-u1")
            .await
            .unwrap()
    );
    let left: Vec<String> = s
        .custom_items_of("s1")
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(left, vec!["c2".to_string()]);
}

pub async fn round_cooling_is_upserted(s: &dyn Store) {
    space_of_two(s).await;
    assert_eq!(s.round_cooling("s1").await.unwrap(), None);
    s.set_round_cooling("s1", 7 * 24 * 3600).await.unwrap();
    assert_eq!(s.round_cooling("s1").await.unwrap(), Some(7 * 24 * 3600));
    s.set_round_cooling("s1", 3 * 24 * 3600).await.unwrap();
    assert_eq!(s.round_cooling("s1").await.unwrap(), Some(3 * 24 * 3600));
    assert_eq!(s.round_cooling("elsewhere").await.unwrap(), None);
}

pub async fn round_cooling_changes_only_when_everyone_chose_it(s: &dyn Store) {
    space_of_two(s).await;
    s.choose_round_cooling("s1", "m-u1", 3 * 86_400, 10)
        .await
        .unwrap();
    assert!(!s.settle_round_cooling("s1", 3 * 86_400).await.unwrap());
    assert_eq!(s.round_cooling("s1").await.unwrap(), None);
    s.choose_round_cooling("s1", "m-u2", 5 * 86_400, 11)
        .await
        .unwrap();
    assert!(!s.settle_round_cooling("s1", 3 * 86_400).await.unwrap());
    assert_eq!(
        s.round_cooling_choices("s1").await.unwrap(),
        vec![("m-u1".into(), 3 * 86_400), ("m-u2".into(), 5 * 86_400)]
    );
    s.choose_round_cooling("s1", "m-u2", 3 * 86_400, 12)
        .await
        .unwrap();
    assert!(s.settle_round_cooling("s1", 3 * 86_400).await.unwrap());
    assert_eq!(s.round_cooling("s1").await.unwrap(), Some(3 * 86_400));
    assert!(s.round_cooling_choices("s1").await.unwrap().is_empty());
    // A stranger's choice is not recorded.
    s.choose_round_cooling("s1", "m-nobody", 60, 13)
        .await
        .unwrap();
    assert!(s.round_cooling_choices("s1").await.unwrap().is_empty());
}

pub async fn a_leavers_cooling_choice_goes_with_them(s: &dyn Store) {
    space_of_two(s).await;
    s.choose_round_cooling("s1", "m-u2", 86_400, 10)
        .await
        .unwrap();
    s.leave_space(&Leave {
        space_id: "s1".into(),
        member_id: "m-u2".into(),
        user_id: "u2".into(),
        new_keys: vec![key("s1", "u1", 2)],
        new_key_version: 2,
        new_name_sealed: vec![2; 64],
        new_profiles: vec![("m-u1".into(), vec![7; 64])],
    })
    .await
    .unwrap();
    assert!(s.round_cooling_choices("s1").await.unwrap().is_empty());
}

pub async fn leaving_deletes_the_members_private_inventory_rows(s: &dyn Store) {
    space_of_two(s).await;
    fill_inventory(s).await;
    s.leave_space(&Leave {
        space_id: "s1".into(),
        member_id: "m-u2".into(),
        user_id: "u2".into(),
        new_keys: vec![key("s1", "u1", 2)],
        new_key_version: 2,
        new_name_sealed: vec![2; 64],
        new_profiles: vec![("m-u1".into(), vec![7; 64])],
    })
    .await
    .unwrap();
    assert_only_u2_private_inventory_gone(s).await;
}

pub async fn a_refused_leave_deletes_no_inventory_rows(s: &dyn Store) {
    space_of_two(s).await;
    fill_inventory(s).await;
    // The member id does not belong to this user: nothing may be deleted.
    assert!(matches!(
        s.leave_space(&Leave {
            space_id: "s1".into(),
            member_id: "m-u2".into(),
            user_id: "u1".into(),
            new_keys: vec![],
            new_key_version: 2,
            new_name_sealed: vec![],
            new_profiles: vec![],
        })
        .await,
        Err(StoreError::NotFound)
    ));
    assert!(s.answers_of("s1", "m-u2").await.unwrap().is_some());
    assert_eq!(s.ready_members("r2").await.unwrap().len(), 2);
    assert_eq!(s.snapshots_of("r1").await.unwrap().len(), 2);
    assert_eq!(s.custom_items_of("s1").await.unwrap().len(), 4);
}

pub async fn deleting_a_user_deletes_their_private_inventory_rows(s: &dyn Store) {
    space_of_two(s).await;
    fill_inventory(s).await;
    s.delete_user("u2").await.unwrap();
    assert_only_u2_private_inventory_gone(s).await;
}

pub async fn the_last_member_leaving_deletes_the_spaces_inventory(s: &dyn Store) {
    space_with_founder(s, "s1", "u1").await;
    s.put_answers(&answers("s1", "m-u1", 1, 50)).await.unwrap();
    s.create_custom_item(&custom_item("c1", "s1", "m-u1", true, 60))
        .await
        .unwrap();
    s.create_round(&round("r1", "s1", 1)).await.unwrap();
    s.set_round_cooling("s1", 60).await.unwrap();
    s.leave_space(&Leave {
        space_id: "s1".into(),
        member_id: "m-u1".into(),
        user_id: "u1".into(),
        new_keys: vec![],
        new_key_version: 2,
        new_name_sealed: vec![],
        new_profiles: vec![],
    })
    .await
    .unwrap();
    assert!(s.custom_items_of("s1").await.unwrap().is_empty());
    assert_eq!(s.latest_round("s1").await.unwrap(), None);
    assert_eq!(s.round_cooling("s1").await.unwrap(), None);
    assert!(s.answers_in_space("s1").await.unwrap().is_empty());
}

// Boundaries and the agreement.

fn record(id: &str, kind: &str, owner: Option<&str>) -> RecordRow {
    RecordRow {
        id: id.into(),
        space_id: "s1".into(),
        kind: kind.into(),
        owner_member_id: owner.map(str::to_string),
        created_at: 10,
        review_at: None,
        reviewed_at: 10,
    }
}

fn version(record: &str, number: i64, author: &str) -> VersionRow {
    VersionRow {
        record_id: record.into(),
        number,
        author_member_id: author.into(),
        created_at: 100 + number,
        sealed: vec![number as u8; 256],
        prev_hash: vec![0; 32],
        hash: vec![number as u8; 32],
    }
}

fn change(id: &str, record: &str, base: i64, by: &str) -> ChangeRow {
    ChangeRow {
        id: id.into(),
        space_id: "s1".into(),
        record_id: record.into(),
        base_number: base,
        proposed_by: by.into(),
        created_at: 200,
        sealed: vec![9; 256],
        state: "pending".into(),
        closed_by: None,
        closed_at: None,
    }
}

pub async fn versions_are_appended_in_order_and_never_twice(s: &dyn Store) {
    space_of_two(s).await;
    let b = record("b1", "boundary", Some("m-u1"));
    s.append_version(Some(&b), &version("b1", 1, "m-u1"))
        .await
        .unwrap();
    s.append_version(None, &version("b1", 2, "m-u1"))
        .await
        .unwrap();
    // The same number again, or a gap, is refused.
    for n in [2, 4] {
        assert!(matches!(
            s.append_version(None, &version("b1", n, "m-u1")).await,
            Err(StoreError::Conflict("stale"))
        ));
    }
    let vs = s.versions_of("b1").await.unwrap();
    assert_eq!(vs, vec![version("b1", 1, "m-u1"), version("b1", 2, "m-u1")]);
    assert_eq!(
        s.record("s1", "b1").await.unwrap().unwrap().reviewed_at,
        102
    );
    assert_eq!(s.record("other", "b1").await.unwrap(), None);
    assert_eq!(s.all_records().await.unwrap().len(), 1);
}

pub async fn a_space_has_one_agreement_and_one_pending_change_per_record(s: &dyn Store) {
    space_of_two(s).await;
    s.create_record(&record("a1", "agreement", None))
        .await
        .unwrap();
    assert!(matches!(
        s.create_record(&record("a2", "agreement", None)).await,
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(s.agreement_record("s1").await.unwrap().unwrap().id, "a1");
    s.create_change(&change("c1", "a1", 0, "m-u1"))
        .await
        .unwrap();
    assert!(matches!(
        s.create_change(&change("c2", "a1", 0, "m-u2")).await,
        Err(StoreError::Conflict(_))
    ));
    // The proposer's confirmation comes with the change; others add theirs once.
    assert_eq!(
        s.confirmations("c1").await.unwrap(),
        vec!["m-u1".to_string()]
    );
    s.confirm_change("c1", "m-u2", 201).await.unwrap();
    s.confirm_change("c1", "m-u2", 202).await.unwrap();
    s.confirm_change("c1", "not-a-member", 203).await.unwrap();
    assert_eq!(s.confirmations("c1").await.unwrap().len(), 2);
    // A declined change can be neither confirmed nor applied; a new one can be proposed.
    assert!(
        s.close_change("c1", "declined", Some("m-u2"), 210)
            .await
            .unwrap()
    );
    assert!(
        !s.close_change("c1", "declined", Some("m-u2"), 211)
            .await
            .unwrap()
    );
    assert!(
        !s.apply_change("c1", "m-u1", &version("a1", 1, "m-u1"))
            .await
            .unwrap()
    );
    assert!(s.versions_of("a1").await.unwrap().is_empty());
    s.create_change(&change("c2", "a1", 0, "m-u2"))
        .await
        .unwrap();
    assert_eq!(s.changes_of_space("s1", true).await.unwrap().len(), 1);
    assert_eq!(s.changes_of_space("s1", false).await.unwrap().len(), 2);
}

pub async fn a_change_applies_once_and_only_on_its_base(s: &dyn Store) {
    space_of_two(s).await;
    s.create_record(&record("a1", "agreement", None))
        .await
        .unwrap();
    s.create_change(&change("c1", "a1", 0, "m-u1"))
        .await
        .unwrap();
    // A version built on another base is refused, and the change stays pending.
    assert!(
        !s.apply_change("c1", "m-u2", &version("a1", 2, "m-u1"))
            .await
            .unwrap()
    );
    assert!(
        s.apply_change("c1", "m-u2", &version("a1", 1, "m-u1"))
            .await
            .unwrap()
    );
    assert!(
        !s.apply_change("c1", "m-u2", &version("a1", 1, "m-u1"))
            .await
            .unwrap()
    );
    let c = s.change("s1", "c1").await.unwrap().unwrap();
    assert_eq!(
        (c.state.as_str(), c.closed_by.as_deref()),
        ("applied", Some("m-u2"))
    );
    assert_eq!(s.versions_of("a1").await.unwrap().len(), 1);
}

pub async fn a_tightening_withdraws_the_pending_change_of_its_boundary(s: &dyn Store) {
    space_of_two(s).await;
    let b = record("b1", "boundary", Some("m-u1"));
    s.append_version(Some(&b), &version("b1", 1, "m-u1"))
        .await
        .unwrap();
    s.create_change(&change("c1", "b1", 1, "m-u1"))
        .await
        .unwrap();
    s.append_version(None, &version("b1", 2, "m-u1"))
        .await
        .unwrap();
    assert_eq!(
        s.change("s1", "c1").await.unwrap().unwrap().state,
        "withdrawn"
    );
}

pub async fn leaving_keeps_the_shared_history_and_withdraws_pending_changes(s: &dyn Store) {
    space_of_two(s).await;
    let b = record("b1", "boundary", Some("m-u2"));
    s.append_version(Some(&b), &version("b1", 1, "m-u2"))
        .await
        .unwrap();
    s.create_record(&record("a1", "agreement", None))
        .await
        .unwrap();
    s.create_change(&change("c1", "a1", 0, "m-u1"))
        .await
        .unwrap();
    s.confirm_change("c1", "m-u2", 201).await.unwrap();
    s.add_life_change(&LifeChangeRow {
        id: "l1".into(),
        space_id: "s1".into(),
        member_id: "m-u2".into(),
        created_at: 300,
        sealed: vec![3; 64],
    })
    .await
    .unwrap();
    s.leave_space(&Leave {
        space_id: "s1".into(),
        member_id: "m-u2".into(),
        user_id: "u2".into(),
        new_keys: vec![key("s1", "u1", 2)],
        new_key_version: 2,
        new_name_sealed: vec![2; 64],
        new_profiles: vec![("m-u1".into(), vec![7; 64])],
    })
    .await
    .unwrap();
    assert_eq!(
        s.versions_of("b1").await.unwrap(),
        vec![version("b1", 1, "m-u2")]
    );
    assert_eq!(
        s.record("s1", "b1")
            .await
            .unwrap()
            .unwrap()
            .owner_member_id
            .as_deref(),
        Some("m-u2")
    );
    assert_eq!(
        s.change("s1", "c1").await.unwrap().unwrap().state,
        "withdrawn"
    );
    assert_eq!(
        s.confirmations("c1").await.unwrap(),
        vec!["m-u1".to_string()]
    );
    assert_eq!(s.life_changes("s1").await.unwrap().len(), 1);
    s.delete_user("u2").await.unwrap();
    assert_eq!(s.versions_of("b1").await.unwrap().len(), 1);
    assert!(s.integrity_problems().await.unwrap().is_empty());
}

pub async fn review_dates_are_set_and_cleared(s: &dyn Store) {
    space_of_two(s).await;
    s.create_record(&record("a1", "agreement", None))
        .await
        .unwrap();
    s.set_review("a1", Some(5_000), Some(400)).await.unwrap();
    let r = s.record("s1", "a1").await.unwrap().unwrap();
    assert_eq!((r.review_at, r.reviewed_at), (Some(5_000), 400));
    s.set_review("a1", None, None).await.unwrap();
    let r = s.record("s1", "a1").await.unwrap().unwrap();
    assert_eq!((r.review_at, r.reviewed_at), (None, 400));
    assert!(matches!(
        s.set_review("nope", None, None).await,
        Err(StoreError::NotFound)
    ));
}
pub use crate::consent_cases::*;
pub use crate::plan_cases::*;
