//! The SQL of [`crate::CheckinStore`], shared by both backends (`$n` placeholders, portable SQL).

/// Implements `CheckinStore` for a backend struct with a `pool` field.
macro_rules! impl_checkin_store {
    ($ty:ty, $row:ty) => {
        fn checkin_round_from(r: &$row) -> Result<CheckinRoundRow> {
            Ok(CheckinRoundRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                number: r.try_get("number")?,
                starts_at: r.try_get("starts_at")?,
                closes_at: r.try_get("closes_at")?,
                revealed_at: r.try_get("revealed_at")?,
            })
        }

        fn calendar_feed_from(r: &$row) -> Result<CalendarFeedRow> {
            Ok(CalendarFeedRow {
                member_id: r.try_get("member_id")?,
                space_id: r.try_get("space_id")?,
                lookup: r.try_get("lookup")?,
                secret_sealed: r.try_get("secret_sealed")?,
                title_sealed: r.try_get("title_sealed")?,
                created_at: r.try_get("created_at")?,
            })
        }

        fn reminder_email_from(r: &$row) -> Result<ReminderEmailRow> {
            Ok(ReminderEmailRow {
                member_id: r.try_get("member_id")?,
                space_id: r.try_get("space_id")?,
                address_sealed: r.try_get("address_sealed")?,
                created_at: r.try_get("created_at")?,
            })
        }

        fn job_from(r: &$row) -> Result<JobRow> {
            Ok(JobRow {
                id: r.try_get("id")?,
                kind: r.try_get("kind")?,
                space_id: r.try_get("space_id")?,
                run_at: r.try_get("run_at")?,
                lease_until: r.try_get("lease_until")?,
                claimed_by: r.try_get("claimed_by")?,
                attempts: r.try_get("attempts")?,
            })
        }

        #[async_trait::async_trait]
        impl CheckinStore for $ty {
        async fn checkin_cadence(&self, space_id: &str) -> Result<Option<String>> {
            let row = sqlx::query("SELECT cadence FROM checkin_cadence WHERE space_id = $1")
                .bind(space_id)
                .fetch_optional(&self.pool)
                .await?;
            Ok(match row {
                Some(r) => Some(r.try_get("cadence")?),
                None => None,
            })
        }

        async fn choose_checkin_cadence(&self, space_id: &str, member_id: &str, cadence: &str, at: i64) -> Result<()> {
            sqlx::query(
                "INSERT INTO checkin_cadence_choices (space_id, member_id, cadence, chosen_at) \
                 SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM members WHERE id = $2 AND space_id = $1) \
                 ON CONFLICT (space_id, member_id) DO UPDATE SET cadence = excluded.cadence, chosen_at = excluded.chosen_at",
            )
            .bind(space_id)
            .bind(member_id)
            .bind(cadence)
            .bind(at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn checkin_cadence_choices(&self, space_id: &str) -> Result<Vec<(String, String)>> {
            let rows = sqlx::query(
                "SELECT member_id, cadence FROM checkin_cadence_choices WHERE space_id = $1 ORDER BY chosen_at, member_id",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| Ok((r.try_get("member_id")?, r.try_get("cadence")?))).collect()
        }

        async fn settle_checkin_cadence(&self, space_id: &str, cadence: &str) -> Result<bool> {
            let mut tx = self.write_tx().await?;
            let members: i64 = sqlx::query("SELECT COUNT(*) AS n FROM members WHERE space_id = $1")
                .bind(space_id)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
            let agreeing: i64 = sqlx::query(
                "SELECT COUNT(*) AS n FROM checkin_cadence_choices c JOIN members m ON m.id = c.member_id \
                 WHERE c.space_id = $1 AND m.space_id = $1 AND c.cadence = $2",
            )
            .bind(space_id)
            .bind(cadence)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
            if members < 2 || agreeing != members {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO checkin_cadence (space_id, cadence) VALUES ($1, $2) \
                 ON CONFLICT (space_id) DO UPDATE SET cadence = excluded.cadence",
            )
            .bind(space_id)
            .bind(cadence)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM checkin_cadence_choices WHERE space_id = $1")
                .bind(space_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(true)
        }

        async fn latest_checkin_round(&self, space_id: &str) -> Result<Option<CheckinRoundRow>> {
            let row = sqlx::query(
                "SELECT id, space_id, number, starts_at, closes_at, revealed_at FROM checkin_rounds \
                 WHERE space_id = $1 ORDER BY number DESC LIMIT 1",
            )
            .bind(space_id)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| checkin_round_from(&r)).transpose()
        }

        async fn checkin_round(&self, space_id: &str, id: &str) -> Result<Option<CheckinRoundRow>> {
            let row = sqlx::query(
                "SELECT id, space_id, number, starts_at, closes_at, revealed_at FROM checkin_rounds \
                 WHERE space_id = $1 AND id = $2",
            )
            .bind(space_id)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| checkin_round_from(&r)).transpose()
        }

        async fn checkin_rounds_of(&self, space_id: &str) -> Result<Vec<CheckinRoundRow>> {
            let rows = sqlx::query(
                "SELECT id, space_id, number, starts_at, closes_at, revealed_at FROM checkin_rounds \
                 WHERE space_id = $1 ORDER BY number",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| checkin_round_from(r)).collect()
        }

        async fn create_checkin_round(&self, c: &CheckinRoundRow) -> Result<()> {
            let done = sqlx::query(
                "INSERT INTO checkin_rounds (id, space_id, number, starts_at, closes_at, revealed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
            )
            .bind(&c.id)
            .bind(&c.space_id)
            .bind(c.number)
            .bind(c.starts_at)
            .bind(c.closes_at)
            .bind(c.revealed_at)
            .execute(&self.pool)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::Conflict("checkin_round_exists"));
            }
            Ok(())
        }

        async fn put_checkin_answer(&self, a: &CheckinAnswerRow, now: i64) -> Result<bool> {
            let mut tx = self.write_tx().await?;
            // SECURITY: answers can change only while the round is sealed (invariant 5). The
            // no-op update takes the round row's lock (PostgreSQL) or the write lock (SQLite)
            // first, so a reveal cannot happen between this check and the write.
            let sealed = sqlx::query(
                "UPDATE checkin_rounds SET revealed_at = revealed_at WHERE id = $1 AND revealed_at IS NULL AND closes_at > $2",
            )
            .bind(&a.round_id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if sealed.rows_affected() != 1 {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO checkin_answers (round_id, member_id, sealed, submitted_at, updated_at) \
                 SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM checkin_rounds r JOIN members m \
                 ON m.space_id = r.space_id WHERE r.id = $1 AND m.id = $2) \
                 ON CONFLICT (round_id, member_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at",
            )
            .bind(&a.round_id)
            .bind(&a.member_id)
            .bind(&a.sealed)
            .bind(a.submitted_at)
            .bind(a.updated_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        }

        async fn reveal_checkin_round_if_complete(&self, round_id: &str, at: i64) -> Result<bool> {
            sqlx::query(
                "UPDATE checkin_rounds SET revealed_at = $2 WHERE id = $1 AND revealed_at IS NULL \
                 AND NOT EXISTS (SELECT 1 FROM members m WHERE m.space_id = checkin_rounds.space_id \
                 AND NOT EXISTS (SELECT 1 FROM checkin_answers a WHERE a.round_id = checkin_rounds.id AND a.member_id = m.id))",
            )
            .bind(round_id)
            .bind(at)
            .execute(&self.pool)
            .await?;
            let row = sqlx::query("SELECT revealed_at FROM checkin_rounds WHERE id = $1")
                .bind(round_id)
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
            let revealed: Option<i64> = row.try_get("revealed_at")?;
            Ok(revealed.is_some())
        }

        async fn checkin_answers_of(&self, round_id: &str) -> Result<Vec<CheckinAnswerRow>> {
            let rows = sqlx::query(
                "SELECT round_id, member_id, sealed, submitted_at, updated_at FROM checkin_answers \
                 WHERE round_id = $1 ORDER BY member_id",
            )
            .bind(round_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r: &$row| {
                    Ok(CheckinAnswerRow {
                        round_id: r.try_get("round_id")?,
                        member_id: r.try_get("member_id")?,
                        sealed: r.try_get("sealed")?,
                        submitted_at: r.try_get("submitted_at")?,
                        updated_at: r.try_get("updated_at")?,
                    })
                })
                .collect()
        }

        async fn put_calendar_feed(&self, f: &CalendarFeedRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO calendar_feeds (member_id, space_id, lookup, secret_sealed, title_sealed, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (member_id) DO UPDATE SET lookup = excluded.lookup, \
                 secret_sealed = excluded.secret_sealed, title_sealed = excluded.title_sealed, created_at = excluded.created_at",
            )
            .bind(&f.member_id)
            .bind(&f.space_id)
            .bind(&f.lookup)
            .bind(&f.secret_sealed)
            .bind(&f.title_sealed)
            .bind(f.created_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn calendar_feed_of(&self, member_id: &str) -> Result<Option<CalendarFeedRow>> {
            let row = sqlx::query(
                "SELECT member_id, space_id, lookup, secret_sealed, title_sealed, created_at FROM calendar_feeds WHERE member_id = $1",
            )
            .bind(member_id)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| calendar_feed_from(&r)).transpose()
        }

        async fn calendar_feed_by_lookup(&self, lookup: &[u8]) -> Result<Option<CalendarFeedRow>> {
            let row = sqlx::query(
                "SELECT member_id, space_id, lookup, secret_sealed, title_sealed, created_at FROM calendar_feeds WHERE lookup = $1",
            )
            .bind(lookup)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| calendar_feed_from(&r)).transpose()
        }

        async fn put_reminder_email(&self, e: &ReminderEmailRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO reminder_emails (member_id, space_id, address_sealed, created_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (member_id) DO UPDATE SET address_sealed = excluded.address_sealed, created_at = excluded.created_at",
            )
            .bind(&e.member_id)
            .bind(&e.space_id)
            .bind(&e.address_sealed)
            .bind(e.created_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn delete_reminder_email(&self, member_id: &str) -> Result<bool> {
            let done = sqlx::query("DELETE FROM reminder_emails WHERE member_id = $1")
                .bind(member_id)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn reminder_emails_of(&self, space_id: &str) -> Result<Vec<ReminderEmailRow>> {
            let rows = sqlx::query(
                "SELECT member_id, space_id, address_sealed, created_at FROM reminder_emails WHERE space_id = $1 ORDER BY member_id",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| reminder_email_from(r)).collect()
        }

        async fn reminder_email_of(&self, member_id: &str) -> Result<Option<ReminderEmailRow>> {
            let row = sqlx::query(
                "SELECT member_id, space_id, address_sealed, created_at FROM reminder_emails WHERE member_id = $1",
            )
            .bind(member_id)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| reminder_email_from(&r)).transpose()
        }

        async fn schedule_job(&self, j: &JobRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO jobs (id, kind, space_id, run_at, lease_until, claimed_by, attempts) \
                 VALUES ($1, $2, $3, $4, NULL, NULL, 0) \
                 ON CONFLICT (id) DO UPDATE SET run_at = excluded.run_at WHERE jobs.lease_until IS NULL",
            )
            .bind(&j.id)
            .bind(&j.kind)
            .bind(&j.space_id)
            .bind(j.run_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn claim_due_job(&self, now: i64, lease_until: i64, worker: &str) -> Result<Option<JobRow>> {
            // SECURITY: the claim is one conditional update. Two instances may pick the same
            // candidate, but the guard is checked again on write, so only one gets it; an
            // instance that dies mid-job loses its lease when `lease_until` passes.
            let row = sqlx::query(
                "UPDATE jobs SET lease_until = $2, claimed_by = $3, attempts = attempts + 1 \
                 WHERE id = (SELECT id FROM jobs WHERE run_at <= $1 AND (lease_until IS NULL OR lease_until <= $1) \
                 ORDER BY run_at, id LIMIT 1) \
                 AND run_at <= $1 AND (lease_until IS NULL OR lease_until <= $1) \
                 RETURNING id, kind, space_id, run_at, lease_until, claimed_by, attempts",
            )
            .bind(now)
            .bind(lease_until)
            .bind(worker)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| job_from(&r)).transpose()
        }

        async fn finish_job(&self, id: &str, worker: &str) -> Result<bool> {
            let done = sqlx::query("DELETE FROM jobs WHERE id = $1 AND claimed_by = $2")
                .bind(id)
                .bind(worker)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn reschedule_job(&self, id: &str, worker: &str, run_at: i64) -> Result<bool> {
            let done = sqlx::query(
                "UPDATE jobs SET run_at = $3, lease_until = NULL, claimed_by = NULL WHERE id = $1 AND claimed_by = $2",
            )
            .bind(id)
            .bind(worker)
            .bind(run_at)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn job(&self, id: &str) -> Result<Option<JobRow>> {
            let row = sqlx::query(
                "SELECT id, kind, space_id, run_at, lease_until, claimed_by, attempts FROM jobs WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| job_from(&r)).transpose()
        }
        }
    };
}
