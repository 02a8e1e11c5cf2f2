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

fn key(space: &str, user: &str, version: i64) -> SpaceKeyRow {
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
