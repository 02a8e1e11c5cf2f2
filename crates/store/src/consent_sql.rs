//! The SQL of [`crate::ConsentStore`], shared by both backends (`$n` placeholders, portable SQL).

/// Implements `ConsentStore` for a backend struct with a `pool` field.
macro_rules! impl_consent_store {
    ($ty:ty, $row:ty) => {
        fn consent_now_from(r: &$row) -> Result<ConsentNowRow> {
            Ok(ConsentNowRow {
                space_id: r.try_get("space_id")?,
                member_id: r.try_get("member_id")?,
                sealed: r.try_get("sealed")?,
                set_at: r.try_get("set_at")?,
                expires_at: r.try_get("expires_at")?,
            })
        }

        fn invitation_from(r: &$row) -> Result<InvitationRow> {
            Ok(InvitationRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                from_member: r.try_get("from_member")?,
                to_member: r.try_get("to_member")?,
                answer: r.try_get("answer")?,
                created_at: r.try_get("created_at")?,
                expires_at: r.try_get("expires_at")?,
            })
        }

        #[async_trait::async_trait]
        impl ConsentStore for $ty {
        async fn put_consent_now(&self, c: &ConsentNowRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO consent_now (space_id, member_id, sealed, set_at, expires_at) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (space_id, member_id) DO UPDATE SET sealed = excluded.sealed, set_at = excluded.set_at, \
                 expires_at = excluded.expires_at",
            )
            .bind(&c.space_id)
            .bind(&c.member_id)
            .bind(&c.sealed)
            .bind(c.set_at)
            .bind(c.expires_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn delete_consent_now(&self, space_id: &str, member_id: &str) -> Result<bool> {
            let done = sqlx::query("DELETE FROM consent_now WHERE space_id = $1 AND member_id = $2")
                .bind(space_id)
                .bind(member_id)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn consent_now_of_space(&self, space_id: &str, now: i64) -> Result<Vec<ConsentNowRow>> {
            let rows = sqlx::query(
                "SELECT space_id, member_id, sealed, set_at, expires_at FROM consent_now \
                 WHERE space_id = $1 AND expires_at > $2 ORDER BY set_at, member_id",
            )
            .bind(space_id)
            .bind(now)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| consent_now_from(r)).collect()
        }

        async fn sweep_expired_consent(&self, now: i64) -> Result<u64> {
            let mut tx = self.write_tx().await?;
            // SECURITY: D1 keeps no history of consent states: an expired state is deleted, not
            // hidden. Answered or ignored invitations go the same way.
            let a = sqlx::query("DELETE FROM consent_now WHERE expires_at <= $1").bind(now).execute(&mut *tx).await?;
            let b = sqlx::query("DELETE FROM closeness_invitations WHERE expires_at <= $1")
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM consent_quiet WHERE until_at <= $1 AND cooling_secs IS NULL")
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(a.rows_affected() + b.rows_affected())
        }

        async fn pause_space(&self, p: &PauseRow) -> Result<bool> {
            let done = sqlx::query(
                "INSERT INTO space_pauses (space_id, member_id, paused_at, revisit_at) \
                 SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM members WHERE id = $2 AND space_id = $1) \
                 ON CONFLICT (space_id, member_id) DO NOTHING",
            )
            .bind(&p.space_id)
            .bind(&p.member_id)
            .bind(p.paused_at)
            .bind(p.revisit_at)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn lift_pause(&self, space_id: &str, member_id: &str) -> Result<bool> {
            let done = sqlx::query("DELETE FROM space_pauses WHERE space_id = $1 AND member_id = $2")
                .bind(space_id)
                .bind(member_id)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn pauses_of(&self, space_id: &str) -> Result<Vec<PauseRow>> {
            let rows = sqlx::query(
                "SELECT space_id, member_id, paused_at, revisit_at FROM space_pauses WHERE space_id = $1 \
                 ORDER BY paused_at, member_id",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r: &$row| {
                    Ok(PauseRow {
                        space_id: r.try_get("space_id")?,
                        member_id: r.try_get("member_id")?,
                        paused_at: r.try_get("paused_at")?,
                        revisit_at: r.try_get("revisit_at")?,
                    })
                })
                .collect()
        }

        async fn start_quiet(&self, space_id: &str, member_id: &str, until_at: i64) -> Result<()> {
            sqlx::query(
                "INSERT INTO consent_quiet (space_id, member_id, until_at, cooling_secs) VALUES ($1, $2, $3, NULL) \
                 ON CONFLICT (space_id, member_id) DO UPDATE SET until_at = CASE \
                 WHEN consent_quiet.until_at IS NULL OR consent_quiet.until_at < excluded.until_at \
                 THEN excluded.until_at ELSE consent_quiet.until_at END",
            )
            .bind(space_id)
            .bind(member_id)
            .bind(until_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn end_quiet(&self, space_id: &str, member_id: &str) -> Result<()> {
            sqlx::query("UPDATE consent_quiet SET until_at = NULL WHERE space_id = $1 AND member_id = $2")
                .bind(space_id)
                .bind(member_id)
                .execute(&self.pool)
                .await?;
            Ok(())
        }

        async fn set_quiet_length(&self, space_id: &str, member_id: &str, secs: Option<i64>) -> Result<()> {
            sqlx::query(
                "INSERT INTO consent_quiet (space_id, member_id, until_at, cooling_secs) VALUES ($1, $2, NULL, $3) \
                 ON CONFLICT (space_id, member_id) DO UPDATE SET cooling_secs = excluded.cooling_secs",
            )
            .bind(space_id)
            .bind(member_id)
            .bind(secs)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn quiet_of_space(&self, space_id: &str) -> Result<Vec<QuietRow>> {
            let rows = sqlx::query(
                "SELECT space_id, member_id, until_at, cooling_secs FROM consent_quiet WHERE space_id = $1 ORDER BY member_id",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r: &$row| {
                    Ok(QuietRow {
                        space_id: r.try_get("space_id")?,
                        member_id: r.try_get("member_id")?,
                        until_at: r.try_get("until_at")?,
                        cooling_secs: r.try_get("cooling_secs")?,
                    })
                })
                .collect()
        }

        async fn set_slower(&self, s: &SlowerRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO go_slower (space_id, member_id, ceiling, set_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (space_id, member_id) DO UPDATE SET ceiling = excluded.ceiling, set_at = excluded.set_at",
            )
            .bind(&s.space_id)
            .bind(&s.member_id)
            .bind(s.ceiling)
            .bind(s.set_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn lift_slower(&self, space_id: &str, member_id: &str) -> Result<bool> {
            let done = sqlx::query("DELETE FROM go_slower WHERE space_id = $1 AND member_id = $2")
                .bind(space_id)
                .bind(member_id)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn slower_of_space(&self, space_id: &str) -> Result<Vec<SlowerRow>> {
            let rows = sqlx::query(
                "SELECT space_id, member_id, ceiling, set_at FROM go_slower WHERE space_id = $1 ORDER BY set_at, member_id",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r: &$row| {
                    Ok(SlowerRow {
                        space_id: r.try_get("space_id")?,
                        member_id: r.try_get("member_id")?,
                        ceiling: r.try_get("ceiling")?,
                        set_at: r.try_get("set_at")?,
                    })
                })
                .collect()
        }

        async fn create_invitation(&self, i: &InvitationRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO closeness_invitations (id, space_id, from_member, to_member, answer, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&i.id)
            .bind(&i.space_id)
            .bind(&i.from_member)
            .bind(&i.to_member)
            .bind(&i.answer)
            .bind(i.created_at)
            .bind(i.expires_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn answer_invitation(&self, space_id: &str, id: &str, to_member: &str, answer: &str, now: i64) -> Result<bool> {
            let done = sqlx::query(
                "UPDATE closeness_invitations SET answer = $4 WHERE space_id = $1 AND id = $2 AND to_member = $3 \
                 AND answer IS NULL AND expires_at > $5",
            )
            .bind(space_id)
            .bind(id)
            .bind(to_member)
            .bind(answer)
            .bind(now)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn invitations_of_space(&self, space_id: &str, now: i64) -> Result<Vec<InvitationRow>> {
            let rows = sqlx::query(
                "SELECT id, space_id, from_member, to_member, answer, created_at, expires_at FROM closeness_invitations \
                 WHERE space_id = $1 AND expires_at > $2 ORDER BY created_at DESC, id",
            )
            .bind(space_id)
            .bind(now)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| invitation_from(r)).collect()
        }
        }
    };
}

/// The tables holding one member's private consent, check-in and reminder rows, each keyed by a
/// member id column. Leaving a space and deleting an account delete these rows explicitly.
pub(crate) const MEMBER_PRIVATE_ROWS: &[(&str, &str)] = &[
    ("consent_now", "member_id"),
    ("space_pauses", "member_id"),
    ("consent_quiet", "member_id"),
    ("go_slower", "member_id"),
    ("closeness_invitations", "from_member"),
    ("closeness_invitations", "to_member"),
    ("checkin_cadence_choices", "member_id"),
    ("checkin_answers", "member_id"),
    ("calendar_feeds", "member_id"),
    ("reminder_emails", "member_id"),
    // Plans: a member's debriefs (sealed answers) go with them; confirmations, and log lines
    // still waiting for their consent, go by cascade with the membership.
    ("plan_debriefs", "member_id"),
];

/// Deletes one member's private consent, check-in and reminder rows inside a transaction.
macro_rules! member_consent_cleanup {
    ($db:ty) => {
        async fn delete_member_consent(tx: &mut sqlx::Transaction<'static, $db>, member_id: &str) -> Result<()> {
            for (table, column) in crate::consent_sql::MEMBER_PRIVATE_ROWS {
                // Table and column names are constants above, never input.
                let sql = format!("DELETE FROM {table} WHERE {column} = $1");
                sqlx::query(sqlx::AssertSqlSafe(sql)).bind(member_id).execute(&mut **tx).await?;
            }
            Ok(())
        }

        async fn delete_user_consent(tx: &mut sqlx::Transaction<'static, $db>, user_id: &str) -> Result<()> {
            for (table, column) in crate::consent_sql::MEMBER_PRIVATE_ROWS {
                let sql = format!("DELETE FROM {table} WHERE {column} IN (SELECT id FROM members WHERE user_id = $1)");
                sqlx::query(sqlx::AssertSqlSafe(sql)).bind(user_id).execute(&mut **tx).await?;
            }
            Ok(())
        }
    };
}
