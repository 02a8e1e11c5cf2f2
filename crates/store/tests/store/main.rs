//! Store conformance suite: every case runs on both backends as `sqlite::<name>` and `postgres::<name>`.

mod cases;
mod migrations;
mod support;

/// Declares each case once per backend.
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let (store, _dir) = crate::support::sqlite().await;
                    crate::cases::$name(&store).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let Some(store) = crate::support::postgres(stringify!($name)).await else { return };
                    crate::cases::$name(&store).await;
                }
            )*
        }
    };
}

on_both_backends!(
    a_user_reads_back_as_written,
    usernames_are_unique,
    password_update_replaces_only_password_material,
    sessions_are_listed_touched_and_ended,
    stale_sessions_are_swept,
    throttle_rows_are_set_and_cleared,
    a_space_is_created_with_its_founder_and_key,
    an_invite_can_be_claimed_only_once,
    a_full_space_refuses_another_member,
    a_member_cannot_join_twice,
    leaving_rotates_the_key_and_drops_the_leavers_rows,
    the_last_member_leaving_deletes_the_space,
    deleting_a_user_removes_sessions_memberships_and_keys,
    migrating_twice_is_harmless,
);
