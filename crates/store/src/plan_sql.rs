//! The SQL of [`crate::PlanStore`], shared by both backends (`$n` placeholders, portable SQL).

/// Implements `PlanStore` for a backend struct with a `pool` field.
macro_rules! impl_plan_store {
    ($ty:ty, $row:ty) => {
        const PLAN_COLUMNS: &str = "id, space_id, proposed_by, proposed_at, at, ceiling, bigger_step, sealed, withdrawn_at, debriefs_revealed_at";

        fn plan_from(r: &$row) -> Result<PlanRow> {
            Ok(PlanRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                proposed_by: r.try_get("proposed_by")?,
                proposed_at: r.try_get("proposed_at")?,
                at: r.try_get("at")?,
                ceiling: r.try_get("ceiling")?,
                bigger_step: r.try_get("bigger_step")?,
                sealed: r.try_get("sealed")?,
                withdrawn_at: r.try_get("withdrawn_at")?,
                debriefs_revealed_at: r.try_get("debriefs_revealed_at")?,
            })
        }

        fn debrief_from(r: &$row) -> Result<DebriefRow> {
            Ok(DebriefRow {
                plan_id: r.try_get("plan_id")?,
                member_id: r.try_get("member_id")?,
                sealed: r.try_get("sealed")?,
                submitted_at: r.try_get("submitted_at")?,
                updated_at: r.try_get("updated_at")?,
            })
        }

        fn log_from(r: &$row, shared: bool) -> Result<LogEntryRow> {
            Ok(LogEntryRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                author_member_id: r.try_get("author_member_id")?,
                added_by: r.try_get("added_by")?,
                created_at: r.try_get("created_at")?,
                consented_at: if shared { r.try_get("consented_at")? } else { None },
                sealed: r.try_get("sealed")?,
            })
        }

        #[async_trait::async_trait]
        impl PlanStore for $ty {
        async fn create_plan(&self, p: &PlanRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO plans (id, space_id, proposed_by, proposed_at, at, ceiling, bigger_step, sealed, withdrawn_at, debriefs_revealed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(&p.id)
            .bind(&p.space_id)
            .bind(&p.proposed_by)
            .bind(p.proposed_at)
            .bind(p.at)
            .bind(p.ceiling)
            .bind(p.bigger_step)
            .bind(&p.sealed)
            .bind(p.withdrawn_at)
            .bind(p.debriefs_revealed_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn plan(&self, space_id: &str, id: &str) -> Result<Option<PlanRow>> {
            let sql = format!("SELECT {PLAN_COLUMNS} FROM plans WHERE space_id = $1 AND id = $2");
            let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(space_id)
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r: $row| plan_from(&r)).transpose()
        }

        async fn plans_of(&self, space_id: &str) -> Result<Vec<PlanRow>> {
            let sql = format!("SELECT {PLAN_COLUMNS} FROM plans WHERE space_id = $1 ORDER BY proposed_at DESC, id");
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(space_id)
                .fetch_all(&self.pool)
                .await?;
            rows.iter().map(|r: &$row| plan_from(r)).collect()
        }

        async fn withdraw_plan(&self, space_id: &str, id: &str, at: i64) -> Result<bool> {
            let done = sqlx::query(
                "UPDATE plans SET withdrawn_at = COALESCE(withdrawn_at, $3) WHERE space_id = $1 AND id = $2",
            )
            .bind(space_id)
            .bind(id)
            .bind(at)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn confirm_plan(&self, c: &PlanConfirmationRow) -> Result<bool> {
            let done = sqlx::query(
                "INSERT INTO plan_confirmations (plan_id, member_id, confirmed_at, bigger_step) \
                 SELECT $1, $2, $3, $4 WHERE EXISTS (\
                   SELECT 1 FROM plans p JOIN members m ON m.space_id = p.space_id \
                   WHERE p.id = $1 AND m.id = $2 AND p.withdrawn_at IS NULL) \
                 ON CONFLICT (plan_id, member_id) DO UPDATE SET confirmed_at = excluded.confirmed_at, bigger_step = excluded.bigger_step",
            )
            .bind(&c.plan_id)
            .bind(&c.member_id)
            .bind(c.confirmed_at)
            .bind(c.bigger_step)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn plan_confirmations(&self, plan_id: &str) -> Result<Vec<PlanConfirmationRow>> {
            let rows = sqlx::query(
                "SELECT plan_id, member_id, confirmed_at, bigger_step FROM plan_confirmations WHERE plan_id = $1 ORDER BY member_id",
            )
            .bind(plan_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r: &$row| {
                    Ok(PlanConfirmationRow {
                        plan_id: r.try_get("plan_id")?,
                        member_id: r.try_get("member_id")?,
                        confirmed_at: r.try_get("confirmed_at")?,
                        bigger_step: r.try_get("bigger_step")?,
                    })
                })
                .collect()
        }

        async fn put_plan_debrief(&self, d: &DebriefRow) -> Result<bool> {
            let mut tx = self.write_tx().await?;
            // SECURITY: debriefs change only while sealed (invariant 5). The no-op update takes
            // the plan row's lock (PostgreSQL) or the write lock (SQLite) first, so a reveal
            // cannot happen between this check and the write.
            let sealed = sqlx::query(
                "UPDATE plans SET debriefs_revealed_at = debriefs_revealed_at WHERE id = $1 AND debriefs_revealed_at IS NULL",
            )
            .bind(&d.plan_id)
            .execute(&mut *tx)
            .await?;
            if sealed.rows_affected() != 1 {
                return Ok(false);
            }
            let done = sqlx::query(
                "INSERT INTO plan_debriefs (plan_id, member_id, sealed, submitted_at, updated_at) \
                 SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM plans p JOIN members m \
                 ON m.space_id = p.space_id WHERE p.id = $1 AND m.id = $2) \
                 ON CONFLICT (plan_id, member_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at",
            )
            .bind(&d.plan_id)
            .bind(&d.member_id)
            .bind(&d.sealed)
            .bind(d.submitted_at)
            .bind(d.updated_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(done.rows_affected() > 0)
        }

        async fn reveal_plan_debriefs_if_complete(&self, plan_id: &str, at: i64) -> Result<bool> {
            let mut tx = self.write_tx().await?;
            // Take the plan row's lock first (see `put_plan_debrief`).
            sqlx::query("UPDATE plans SET debriefs_revealed_at = debriefs_revealed_at WHERE id = $1")
                .bind(plan_id)
                .execute(&mut *tx)
                .await?;
            let row = sqlx::query("SELECT space_id, debriefs_revealed_at FROM plans WHERE id = $1")
                .bind(plan_id)
                .fetch_optional(&mut *tx)
                .await?;
            let Some(row) = row else { return Ok(false) };
            let revealed: Option<i64> = row.try_get("debriefs_revealed_at")?;
            if revealed.is_some() {
                return Ok(true);
            }
            let space_id: String = row.try_get("space_id")?;
            let missing: i64 = sqlx::query(
                "SELECT COUNT(*) AS n FROM members m WHERE m.space_id = $1 AND NOT EXISTS \
                 (SELECT 1 FROM plan_debriefs d WHERE d.plan_id = $2 AND d.member_id = m.id)",
            )
            .bind(&space_id)
            .bind(plan_id)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
            if missing > 0 {
                return Ok(false);
            }
            sqlx::query("UPDATE plans SET debriefs_revealed_at = $2 WHERE id = $1")
                .bind(plan_id)
                .bind(at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(true)
        }

        async fn plan_debriefs(&self, plan_id: &str) -> Result<Vec<DebriefRow>> {
            let rows = sqlx::query(
                "SELECT plan_id, member_id, sealed, submitted_at, updated_at FROM plan_debriefs WHERE plan_id = $1 ORDER BY member_id",
            )
            .bind(plan_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| debrief_from(r)).collect()
        }

        async fn add_follow_up(&self, f: &FollowUpRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO plan_follow_ups (id, plan_id, space_id, member_id, created_at, sealed) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&f.id)
            .bind(&f.plan_id)
            .bind(&f.space_id)
            .bind(&f.member_id)
            .bind(f.created_at)
            .bind(&f.sealed)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn follow_ups_of(&self, plan_id: &str) -> Result<Vec<FollowUpRow>> {
            let rows = sqlx::query(
                "SELECT id, plan_id, space_id, member_id, created_at, sealed FROM plan_follow_ups WHERE plan_id = $1 ORDER BY created_at, id",
            )
            .bind(plan_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r: &$row| {
                    Ok(FollowUpRow {
                        id: r.try_get("id")?,
                        plan_id: r.try_get("plan_id")?,
                        space_id: r.try_get("space_id")?,
                        member_id: r.try_get("member_id")?,
                        created_at: r.try_get("created_at")?,
                        sealed: r.try_get("sealed")?,
                    })
                })
                .collect()
        }

        async fn add_log_entry(&self, e: &LogEntryRow) -> Result<()> {
            match e.consented_at {
                Some(at) => {
                    sqlx::query(
                        "INSERT INTO desire_log (id, space_id, author_member_id, added_by, created_at, consented_at, sealed) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(&e.id)
                    .bind(&e.space_id)
                    .bind(&e.author_member_id)
                    .bind(&e.added_by)
                    .bind(e.created_at)
                    .bind(at)
                    .bind(&e.sealed)
                    .execute(&self.pool)
                    .await?;
                }
                None => {
                    sqlx::query(
                        "INSERT INTO desire_log_pending (id, space_id, author_member_id, added_by, created_at, sealed) VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(&e.id)
                    .bind(&e.space_id)
                    .bind(&e.author_member_id)
                    .bind(&e.added_by)
                    .bind(e.created_at)
                    .bind(&e.sealed)
                    .execute(&self.pool)
                    .await?;
                }
            }
            Ok(())
        }

        async fn log_entries(&self, space_id: &str) -> Result<Vec<LogEntryRow>> {
            let rows = sqlx::query(
                "SELECT id, space_id, author_member_id, added_by, created_at, consented_at, sealed FROM desire_log \
                 WHERE space_id = $1 ORDER BY created_at DESC, id",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| log_from(r, true)).collect()
        }

        async fn pending_log_entries(&self, space_id: &str) -> Result<Vec<LogEntryRow>> {
            let rows = sqlx::query(
                "SELECT id, space_id, author_member_id, added_by, created_at, sealed FROM desire_log_pending \
                 WHERE space_id = $1 ORDER BY created_at, id",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| log_from(r, false)).collect()
        }

        async fn consent_log_entry(&self, space_id: &str, id: &str, author: &str, at: i64) -> Result<bool> {
            let mut tx = self.write_tx().await?;
            let moved = sqlx::query(
                "INSERT INTO desire_log (id, space_id, author_member_id, added_by, created_at, consented_at, sealed) \
                 SELECT id, space_id, author_member_id, added_by, created_at, $4, sealed FROM desire_log_pending \
                 WHERE space_id = $1 AND id = $2 AND author_member_id = $3",
            )
            .bind(space_id)
            .bind(id)
            .bind(author)
            .bind(at)
            .execute(&mut *tx)
            .await?;
            if moved.rows_affected() != 1 {
                return Ok(false);
            }
            sqlx::query("DELETE FROM desire_log_pending WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(true)
        }

        async fn decline_log_entry(&self, space_id: &str, id: &str, member: &str) -> Result<bool> {
            let done = sqlx::query(
                "DELETE FROM desire_log_pending WHERE space_id = $1 AND id = $2 AND (author_member_id = $3 OR added_by = $3)",
            )
            .bind(space_id)
            .bind(id)
            .bind(member)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        }
        }
    };
}
