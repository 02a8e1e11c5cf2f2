//! Conformance cases for plans, confirmations, debriefs, follow-ups and the desire log.

use attune_store::Store;
use attune_store::rows::*;

use crate::cases::{key, space_of_two};

fn plan(id: &str) -> PlanRow {
    PlanRow {
        id: id.into(),
        space_id: "s1".into(),
        proposed_by: Some("m-u1".into()),
        proposed_at: 100,
        at: 1000,
        ceiling: 2,
        bigger_step: 0,
        sealed: vec![5; 64],
        withdrawn_at: None,
        debriefs_revealed_at: None,
    }
}

fn confirmation(member: &str) -> PlanConfirmationRow {
    PlanConfirmationRow {
        plan_id: "p1".into(),
        member_id: member.into(),
        confirmed_at: 200,
        bigger_step: 0,
    }
}

fn debrief(member: &str, fill: u8) -> DebriefRow {
    DebriefRow {
        plan_id: "p1".into(),
        member_id: member.into(),
        sealed: vec![fill; 64],
        submitted_at: 1100,
        updated_at: 1100,
    }
}

fn log_line(id: &str, author: &str, consented_at: Option<i64>) -> LogEntryRow {
    LogEntryRow {
        id: id.into(),
        space_id: "s1".into(),
        author_member_id: Some(author.into()),
        added_by: Some("m-u1".into()),
        created_at: 300,
        consented_at,
        sealed: vec![6; 64],
    }
}

fn leave_u2() -> Leave {
    Leave {
        space_id: "s1".into(),
        member_id: "m-u2".into(),
        user_id: "u2".into(),
        new_keys: vec![key("s1", "u1", 2)],
        new_key_version: 2,
        new_name_sealed: vec![2; 64],
        new_profiles: vec![("m-u1".into(), vec![7; 64])],
    }
}

pub async fn a_withdrawn_plan_takes_no_more_confirmations(s: &dyn Store) {
    space_of_two(s).await;
    s.create_plan(&plan("p1")).await.unwrap();
    assert!(s.confirm_plan(&confirmation("m-u1")).await.unwrap());
    assert!(
        !s.confirm_plan(&PlanConfirmationRow {
            member_id: "m-nobody".into(),
            ..confirmation("m-u1")
        })
        .await
        .unwrap(),
        "only members of the plan's space confirm"
    );
    assert!(s.withdraw_plan("s1", "p1", 300).await.unwrap());
    assert!(
        s.withdraw_plan("s1", "p1", 400).await.unwrap(),
        "withdrawing again is fine"
    );
    assert_eq!(
        s.plan("s1", "p1").await.unwrap().unwrap().withdrawn_at,
        Some(300)
    );
    assert!(!s.confirm_plan(&confirmation("m-u2")).await.unwrap());
    assert_eq!(s.plan_confirmations("p1").await.unwrap().len(), 1);
    assert!(
        !s.withdraw_plan("other", "p1", 300).await.unwrap(),
        "another space's id is not found"
    );
    assert!(s.plan("other", "p1").await.unwrap().is_none());
    assert_eq!(s.plans_of("s1").await.unwrap().len(), 1);
}

pub async fn debriefs_change_only_until_everyone_has_submitted(s: &dyn Store) {
    space_of_two(s).await;
    s.create_plan(&plan("p1")).await.unwrap();
    assert!(s.put_plan_debrief(&debrief("m-u1", 1)).await.unwrap());
    assert!(
        !s.reveal_plan_debriefs_if_complete("p1", 1200)
            .await
            .unwrap()
    );
    assert!(
        s.put_plan_debrief(&debrief("m-u1", 2)).await.unwrap(),
        "rewritable while sealed"
    );
    assert!(s.put_plan_debrief(&debrief("m-u2", 3)).await.unwrap());
    assert!(
        s.reveal_plan_debriefs_if_complete("p1", 1200)
            .await
            .unwrap()
    );
    assert_eq!(
        s.plan("s1", "p1")
            .await
            .unwrap()
            .unwrap()
            .debriefs_revealed_at,
        Some(1200)
    );
    assert!(
        !s.put_plan_debrief(&debrief("m-u1", 4)).await.unwrap(),
        "fixed once shown"
    );
    let rows = s.plan_debriefs("p1").await.unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].sealed, vec![2; 64]);
}

pub async fn a_log_line_is_shared_only_with_its_authors_consent(s: &dyn Store) {
    space_of_two(s).await;
    s.add_log_entry(&log_line("l1", "m-u1", Some(300)))
        .await
        .unwrap();
    s.add_log_entry(&log_line("l2", "m-u2", None))
        .await
        .unwrap();
    assert_eq!(s.log_entries("s1").await.unwrap().len(), 1);
    assert_eq!(s.pending_log_entries("s1").await.unwrap().len(), 1);
    assert!(
        !s.consent_log_entry("s1", "l2", "m-u1", 400).await.unwrap(),
        "nobody consents for the author"
    );
    assert!(s.consent_log_entry("s1", "l2", "m-u2", 400).await.unwrap());
    assert_eq!(s.log_entries("s1").await.unwrap().len(), 2);
    assert!(s.pending_log_entries("s1").await.unwrap().is_empty());
    s.add_log_entry(&log_line("l3", "m-u2", None))
        .await
        .unwrap();
    assert!(s.decline_log_entry("s1", "l3", "m-u2").await.unwrap());
    assert!(s.pending_log_entries("s1").await.unwrap().is_empty());
}

pub async fn leaving_deletes_the_members_debriefs_and_waiting_log_lines(s: &dyn Store) {
    space_of_two(s).await;
    s.create_plan(&plan("p1")).await.unwrap();
    s.confirm_plan(&confirmation("m-u1")).await.unwrap();
    s.confirm_plan(&confirmation("m-u2")).await.unwrap();
    s.put_plan_debrief(&debrief("m-u1", 1)).await.unwrap();
    s.put_plan_debrief(&debrief("m-u2", 2)).await.unwrap();
    s.add_log_entry(&log_line("l1", "m-u2", Some(300)))
        .await
        .unwrap();
    s.add_log_entry(&log_line("l2", "m-u2", None))
        .await
        .unwrap();
    s.add_follow_up(&FollowUpRow {
        id: "f1".into(),
        plan_id: "p1".into(),
        space_id: "s1".into(),
        member_id: Some("m-u2".into()),
        created_at: 1300,
        sealed: vec![8; 64],
    })
    .await
    .unwrap();
    s.leave_space(&leave_u2()).await.unwrap();
    let debriefs = s.plan_debriefs("p1").await.unwrap();
    assert_eq!(debriefs.len(), 1);
    assert_eq!(debriefs[0].member_id, "m-u1");
    assert_eq!(s.plan_confirmations("p1").await.unwrap().len(), 1);
    assert!(s.pending_log_entries("s1").await.unwrap().is_empty());
    let shared = s.log_entries("s1").await.unwrap();
    assert_eq!(
        shared.len(),
        1,
        "a shared line stays with the remaining members"
    );
    assert_eq!(shared[0].author_member_id, None);
    let follow = s.follow_ups_of("p1").await.unwrap();
    assert_eq!(follow.len(), 1);
    assert_eq!(follow[0].member_id, None);
}

pub async fn deleting_a_user_deletes_their_debriefs(s: &dyn Store) {
    space_of_two(s).await;
    s.create_plan(&plan("p1")).await.unwrap();
    s.put_plan_debrief(&debrief("m-u1", 1)).await.unwrap();
    s.put_plan_debrief(&debrief("m-u2", 2)).await.unwrap();
    s.add_log_entry(&log_line("l2", "m-u2", None))
        .await
        .unwrap();
    s.delete_user("u2").await.unwrap();
    assert_eq!(s.plan_debriefs("p1").await.unwrap().len(), 1);
    assert!(s.pending_log_entries("s1").await.unwrap().is_empty());
}
