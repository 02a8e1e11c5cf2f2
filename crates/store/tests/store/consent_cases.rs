//! Conformance cases for consent now, pauses, invitations, check-ins, calendar feeds and jobs.

use attune_store::Store;
use attune_store::rows::*;

use crate::cases::{key, space_of_two};

fn tonight(member: &str, expires_at: i64) -> ConsentNowRow {
    ConsentNowRow {
        space_id: "s1".into(),
        member_id: member.into(),
        sealed: vec![4; 48],
        set_at: 100,
        expires_at,
    }
}

fn checkin_round(id: &str, number: i64, closes_at: i64) -> CheckinRoundRow {
    CheckinRoundRow {
        id: id.into(),
        space_id: "s1".into(),
        number,
        starts_at: 100,
        closes_at,
        revealed_at: None,
    }
}

fn checkin_answer(round: &str, member: &str, fill: u8) -> CheckinAnswerRow {
    CheckinAnswerRow {
        round_id: round.into(),
        member_id: member.into(),
        sealed: vec![fill; 64],
        submitted_at: 200,
        updated_at: 200,
    }
}

fn job(id: &str, run_at: i64) -> JobRow {
    JobRow {
        id: id.into(),
        kind: "test".into(),
        space_id: Some("s1".into()),
        run_at,
        lease_until: None,
        claimed_by: None,
        attempts: 0,
    }
}

pub async fn consent_state_is_deleted_on_expiry(s: &dyn Store) {
    space_of_two(s).await;
    s.put_consent_now(&tonight("m-u1", 500)).await.unwrap();
    s.put_consent_now(&tonight("m-u2", 900)).await.unwrap();
    assert_eq!(s.consent_now_of_space("s1", 499).await.unwrap().len(), 2);
    assert_eq!(
        s.consent_now_of_space("s1", 500).await.unwrap().len(),
        1,
        "expired states are never shown"
    );
    assert_eq!(s.sweep_expired_consent(500).await.unwrap(), 1);
    assert_eq!(
        s.consent_now_of_space("s1", 0).await.unwrap().len(),
        1,
        "the expired row is gone, not hidden"
    );
    assert!(s.delete_consent_now("s1", "m-u2").await.unwrap());
    assert!(!s.delete_consent_now("s1", "m-u2").await.unwrap());
}

pub async fn only_the_pauser_lifts_a_pause(s: &dyn Store) {
    space_of_two(s).await;
    let pause = PauseRow {
        space_id: "s1".into(),
        member_id: "m-u1".into(),
        paused_at: 10,
        revisit_at: 99,
    };
    assert!(s.pause_space(&pause).await.unwrap());
    assert!(
        !s.pause_space(&pause).await.unwrap(),
        "pausing twice keeps the first pause"
    );
    assert!(!s.lift_pause("s1", "m-u2").await.unwrap());
    assert_eq!(s.pauses_of("s1").await.unwrap().len(), 1);
    assert!(s.lift_pause("s1", "m-u1").await.unwrap());
    assert!(s.pauses_of("s1").await.unwrap().is_empty());
    let outsider = PauseRow {
        member_id: "m-nobody".into(),
        ..pause
    };
    assert!(
        !s.pause_space(&outsider).await.unwrap(),
        "only members can pause"
    );
}

pub async fn quiet_periods_only_grow_until_ended(s: &dyn Store) {
    space_of_two(s).await;
    s.start_quiet("s1", "m-u1", 500).await.unwrap();
    s.start_quiet("s1", "m-u1", 300).await.unwrap();
    s.set_quiet_length("s1", "m-u1", Some(7200)).await.unwrap();
    let q = s.quiet_of_space("s1").await.unwrap();
    assert_eq!((q[0].until_at, q[0].cooling_secs), (Some(500), Some(7200)));
    s.end_quiet("s1", "m-u1").await.unwrap();
    assert_eq!(s.quiet_of_space("s1").await.unwrap()[0].until_at, None);
}

pub async fn an_invitation_is_answered_once_by_its_recipient(s: &dyn Store) {
    space_of_two(s).await;
    let inv = InvitationRow {
        id: "v1".into(),
        space_id: "s1".into(),
        from_member: "m-u1".into(),
        to_member: "m-u2".into(),
        answer: None,
        created_at: 10,
        expires_at: 100,
    };
    s.create_invitation(&inv).await.unwrap();
    assert!(
        !s.answer_invitation("s1", "v1", "m-u1", "yes", 20)
            .await
            .unwrap(),
        "the sender can't answer"
    );
    assert!(
        !s.answer_invitation("s1", "v1", "m-u2", "yes", 100)
            .await
            .unwrap(),
        "expired"
    );
    assert!(
        s.answer_invitation("s1", "v1", "m-u2", "no", 20)
            .await
            .unwrap()
    );
    assert!(
        !s.answer_invitation("s1", "v1", "m-u2", "yes", 21)
            .await
            .unwrap(),
        "answered once"
    );
    assert_eq!(
        s.invitations_of_space("s1", 50).await.unwrap()[0]
            .answer
            .as_deref(),
        Some("no")
    );
    s.sweep_expired_consent(100).await.unwrap();
    assert!(s.invitations_of_space("s1", 0).await.unwrap().is_empty());
}

pub async fn cadence_change_needs_everyone(s: &dyn Store) {
    space_of_two(s).await;
    assert_eq!(s.checkin_cadence("s1").await.unwrap(), None);
    s.choose_checkin_cadence("s1", "m-u1", "weekly", 1)
        .await
        .unwrap();
    assert!(!s.settle_checkin_cadence("s1", "weekly").await.unwrap());
    s.choose_checkin_cadence("s1", "m-u2", "monthly", 2)
        .await
        .unwrap();
    assert!(!s.settle_checkin_cadence("s1", "weekly").await.unwrap());
    assert_eq!(s.checkin_cadence("s1").await.unwrap(), None);
    s.choose_checkin_cadence("s1", "m-u2", "weekly", 3)
        .await
        .unwrap();
    assert!(s.settle_checkin_cadence("s1", "weekly").await.unwrap());
    assert_eq!(
        s.checkin_cadence("s1").await.unwrap().as_deref(),
        Some("weekly")
    );
    assert!(s.checkin_cadence_choices("s1").await.unwrap().is_empty());
}

pub async fn checkin_answers_change_only_while_sealed(s: &dyn Store) {
    space_of_two(s).await;
    s.create_checkin_round(&checkin_round("r1", 1, 1000))
        .await
        .unwrap();
    assert!(
        s.create_checkin_round(&checkin_round("r1b", 1, 1000))
            .await
            .is_err(),
        "one round per number"
    );
    assert!(
        s.put_checkin_answer(&checkin_answer("r1", "m-u1", 1), 300)
            .await
            .unwrap()
    );
    assert!(
        !s.reveal_checkin_round_if_complete("r1", 300).await.unwrap(),
        "one of two answered"
    );
    assert!(
        s.put_checkin_answer(&checkin_answer("r1", "m-u1", 2), 310)
            .await
            .unwrap(),
        "editable"
    );
    assert!(
        s.put_checkin_answer(&checkin_answer("r1", "m-u2", 3), 320)
            .await
            .unwrap()
    );
    assert!(s.reveal_checkin_round_if_complete("r1", 330).await.unwrap());
    assert!(
        !s.put_checkin_answer(&checkin_answer("r1", "m-u1", 9), 340)
            .await
            .unwrap(),
        "sealed no more"
    );
    let answers = s.checkin_answers_of("r1").await.unwrap();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0].sealed, vec![2; 64]);
    s.create_checkin_round(&checkin_round("r2", 2, 2000))
        .await
        .unwrap();
    assert!(
        !s.put_checkin_answer(&checkin_answer("r2", "m-u1", 1), 2000)
            .await
            .unwrap(),
        "closed by time"
    );
    assert_eq!(
        s.latest_checkin_round("s1").await.unwrap().unwrap().id,
        "r2"
    );
    assert_eq!(s.checkin_rounds_of("s1").await.unwrap().len(), 2);
}

pub async fn a_job_is_claimed_by_one_worker_at_a_time(s: &dyn Store) {
    space_of_two(s).await;
    s.schedule_job(&job("j1", 100)).await.unwrap();
    assert!(
        s.claim_due_job(99, 200, "w1").await.unwrap().is_none(),
        "not due yet"
    );
    let (a, b) = tokio::join!(
        s.claim_due_job(100, 200, "w1"),
        s.claim_due_job(100, 200, "w2")
    );
    let claims: Vec<JobRow> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(claims.len(), 1, "exactly one worker holds the job");
    let holder = claims[0].claimed_by.clone().unwrap();
    let other = if holder == "w1" { "w2" } else { "w1" };
    assert!(!s.finish_job("j1", other).await.unwrap());
    assert!(
        s.claim_due_job(150, 300, other).await.unwrap().is_none(),
        "the lease holds"
    );
    let taken = s.claim_due_job(200, 300, other).await.unwrap().unwrap();
    assert_eq!(
        (taken.attempts, taken.claimed_by.as_deref()),
        (2, Some(other)),
        "an expired lease can be taken over"
    );
    assert!(
        !s.reschedule_job("j1", &holder, 500).await.unwrap(),
        "the first worker lost it"
    );
    assert!(s.reschedule_job("j1", other, 500).await.unwrap());
    assert_eq!(s.job("j1").await.unwrap().unwrap().run_at, 500);
    let again = s.claim_due_job(500, 600, "w3").await.unwrap().unwrap();
    assert!(
        s.finish_job("j1", &again.claimed_by.unwrap())
            .await
            .unwrap()
    );
    assert!(s.job("j1").await.unwrap().is_none());
}

async fn fill_private_rows(s: &dyn Store, member: &str) {
    s.put_consent_now(&tonight(member, 9_999)).await.unwrap();
    s.pause_space(&PauseRow {
        space_id: "s1".into(),
        member_id: member.into(),
        paused_at: 1,
        revisit_at: 2,
    })
    .await
    .unwrap();
    s.start_quiet("s1", member, 9_999).await.unwrap();
    s.set_slower(&SlowerRow {
        space_id: "s1".into(),
        member_id: member.into(),
        ceiling: 2,
        set_at: 1,
    })
    .await
    .unwrap();
    s.choose_checkin_cadence("s1", member, "weekly", 1)
        .await
        .unwrap();
    s.put_checkin_answer(&checkin_answer("r1", member, 1), 300)
        .await
        .unwrap();
    s.put_calendar_feed(&CalendarFeedRow {
        member_id: member.into(),
        space_id: "s1".into(),
        lookup: member.as_bytes().to_vec(),
        secret_sealed: vec![1; 40],
        title_sealed: None,
        created_at: 1,
    })
    .await
    .unwrap();
    s.put_reminder_email(&ReminderEmailRow {
        member_id: member.into(),
        space_id: "s1".into(),
        address_sealed: vec![1; 40],
        created_at: 1,
    })
    .await
    .unwrap();
}

pub async fn leaving_deletes_the_members_consent_and_checkin_rows(s: &dyn Store) {
    space_of_two(s).await;
    s.create_checkin_round(&checkin_round("r1", 1, 1000))
        .await
        .unwrap();
    fill_private_rows(s, "m-u1").await;
    fill_private_rows(s, "m-u2").await;
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
    assert_eq!(s.consent_now_of_space("s1", 0).await.unwrap().len(), 1);
    assert_eq!(s.pauses_of("s1").await.unwrap().len(), 1);
    assert_eq!(s.quiet_of_space("s1").await.unwrap().len(), 1);
    assert_eq!(s.slower_of_space("s1").await.unwrap().len(), 1);
    assert_eq!(s.checkin_cadence_choices("s1").await.unwrap().len(), 1);
    assert_eq!(s.checkin_answers_of("r1").await.unwrap().len(), 1);
    assert!(s.calendar_feed_of("m-u2").await.unwrap().is_none());
    assert!(s.reminder_email_of("m-u2").await.unwrap().is_none());
    assert!(s.calendar_feed_of("m-u1").await.unwrap().is_some());
}

pub async fn deleting_a_user_deletes_their_consent_and_checkin_rows(s: &dyn Store) {
    space_of_two(s).await;
    s.create_checkin_round(&checkin_round("r1", 1, 1000))
        .await
        .unwrap();
    fill_private_rows(s, "m-u2").await;
    s.delete_user("u2").await.unwrap();
    assert!(s.consent_now_of_space("s1", 0).await.unwrap().is_empty());
    assert!(s.pauses_of("s1").await.unwrap().is_empty());
    assert!(s.checkin_answers_of("r1").await.unwrap().is_empty());
    assert!(s.calendar_feed_by_lookup(b"m-u2").await.unwrap().is_none());
}
