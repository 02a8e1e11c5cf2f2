//! Store conformance suite: every case runs on both backends as `sqlite::<name>` and `postgres::<name>`.

mod cases;
mod consent_cases;
mod migrations;
mod plan_cases;
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
    answers_are_upserted_and_read_back,
    answers_are_one_row_per_member_per_space,
    the_latest_round_is_the_highest_number,
    ready_marks_are_idempotent,
    a_round_opens_only_once,
    a_round_opened_by_two_members_at_once_opens_once,
    a_failed_open_leaves_the_round_waiting,
    custom_items_are_offered_and_withdrawn,
    round_cooling_is_upserted,
    only_the_author_deletes_a_custom_item_and_only_before_offering_it,
    round_cooling_changes_only_when_everyone_chose_it,
    a_leavers_cooling_choice_goes_with_them,
    leaving_deletes_the_members_private_inventory_rows,
    a_refused_leave_deletes_no_inventory_rows,
    deleting_a_user_deletes_their_private_inventory_rows,
    the_last_member_leaving_deletes_the_spaces_inventory,
    versions_are_appended_in_order_and_never_twice,
    a_space_has_one_agreement_and_one_pending_change_per_record,
    a_change_applies_once_and_only_on_its_base,
    a_tightening_withdraws_the_pending_change_of_its_boundary,
    leaving_keeps_the_shared_history_and_withdraws_pending_changes,
    review_dates_are_set_and_cleared,
    consent_state_is_deleted_on_expiry,
    only_the_pauser_lifts_a_pause,
    quiet_periods_only_grow_until_ended,
    an_invitation_is_answered_once_by_its_recipient,
    cadence_change_needs_everyone,
    checkin_answers_change_only_while_sealed,
    a_job_is_claimed_by_one_worker_at_a_time,
    leaving_deletes_the_members_consent_and_checkin_rows,
    deleting_a_user_deletes_their_consent_and_checkin_rows,
    a_withdrawn_plan_takes_no_more_confirmations,
    debriefs_change_only_until_everyone_has_submitted,
    a_log_line_is_shared_only_with_its_authors_consent,
    leaving_deletes_the_members_debriefs_and_waiting_log_lines,
    deleting_a_user_deletes_their_debriefs,
);
