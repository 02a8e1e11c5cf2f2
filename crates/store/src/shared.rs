//! The SQL both backends share. Statements use `$1…$n` placeholders in order, which SQLite and
//! PostgreSQL both accept, and only portable SQL (`ON CONFLICT`, no backend functions).

/// Implements [`crate::Store`] for a backend struct with a `pool` field: the backend passes its
/// own items (`backend`, `migrate`, `ping`, `checkpoint`) in braces; the rest is shared.
macro_rules! impl_store {
    ($ty:ty, $row:ty, { $($own:tt)* }) => {
        #[async_trait::async_trait]
        impl Store for $ty {
        $($own)*
        async fn create_user(&self, u: &UserRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO users (id, username_index, username_sealed, kdf_profile, kdf_salt, \
                 verifier_digest, uk_by_password, uk_by_recovery, public_key, private_key_wrapped, prefs_sealed, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            )
            .bind(&u.id)
            .bind(&u.username_index)
            .bind(&u.username_sealed)
            .bind(&u.kdf_profile)
            .bind(&u.kdf_salt)
            .bind(&u.verifier_digest)
            .bind(&u.uk_by_password)
            .bind(&u.uk_by_recovery)
            .bind(&u.public_key)
            .bind(&u.private_key_wrapped)
            .bind(&u.prefs_sealed)
            .bind(u.created_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn user_by_index(&self, index: &[u8]) -> Result<Option<UserRow>> {
            let row = sqlx::query(concat!("SELECT ", user_cols!(), " FROM users WHERE username_index = $1"))
                .bind(index)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r: $row| user_from(&r)).transpose()
        }

        async fn user_by_id(&self, id: &str) -> Result<Option<UserRow>> {
            let row = sqlx::query(concat!("SELECT ", user_cols!(), " FROM users WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r: $row| user_from(&r)).transpose()
        }

        async fn update_password(&self, user_id: &str, p: &PasswordUpdate) -> Result<()> {
            let done = sqlx::query(
                "UPDATE users SET kdf_profile = $1, kdf_salt = $2, verifier_digest = $3, uk_by_password = $4 WHERE id = $5",
            )
            .bind(&p.kdf_profile)
            .bind(&p.kdf_salt)
            .bind(&p.verifier_digest)
            .bind(&p.uk_by_password)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
            found(done.rows_affected())
        }

        async fn update_prefs(&self, user_id: &str, sealed: &[u8]) -> Result<()> {
            let done = sqlx::query("UPDATE users SET prefs_sealed = $1 WHERE id = $2")
                .bind(sealed)
                .bind(user_id)
                .execute(&self.pool)
                .await?;
            found(done.rows_affected())
        }

        async fn update_recovery(&self, user_id: &str, wrapped: &[u8]) -> Result<()> {
            let done = sqlx::query("UPDATE users SET uk_by_recovery = $1 WHERE id = $2")
                .bind(wrapped)
                .bind(user_id)
                .execute(&self.pool)
                .await?;
            found(done.rows_affected())
        }

        async fn delete_user(&self, user_id: &str) -> Result<()> {
            let mut tx = self.write_tx().await?;
            // Invites the user created go with their memberships (cascade); sessions and keys too.
            sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
            sqlx::query("DELETE FROM space_keys WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
            // SECURITY: each membership's private inventory rows go too (invariant 8). Custom
            // items must go before the memberships: deleting a member only clears the author of
            // the items they wrote, so offered ones can stay.
            for sql in [
                "DELETE FROM inventory_custom_items WHERE offered = 0 AND author_member_id IN (SELECT id FROM members WHERE user_id = $1)",
                "DELETE FROM inventory_answers WHERE member_id IN (SELECT id FROM members WHERE user_id = $1)",
                "DELETE FROM inventory_ready WHERE member_id IN (SELECT id FROM members WHERE user_id = $1)",
                "DELETE FROM inventory_snapshots WHERE member_id IN (SELECT id FROM members WHERE user_id = $1)",
                "DELETE FROM space_setting_choices WHERE member_id IN (SELECT id FROM members WHERE user_id = $1)",
            ] {
                sqlx::query(sql).bind(user_id).execute(&mut *tx).await?;
            }
            delete_user_consent(&mut tx, user_id).await?;
            sqlx::query("DELETE FROM members WHERE user_id = $1").bind(user_id).execute(&mut *tx).await?;
            let done = sqlx::query("DELETE FROM users WHERE id = $1").bind(user_id).execute(&mut *tx).await?;
            tx.commit().await?;
            found(done.rows_affected())
        }

        async fn throttle_get(&self, key: &[u8]) -> Result<Option<ThrottleRow>> {
            let row = sqlx::query("SELECT failures, next_allowed_at FROM login_throttle WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r: $row| {
                Ok(ThrottleRow { failures: r.try_get("failures")?, next_allowed_at: r.try_get("next_allowed_at")? })
            })
            .transpose()
        }

        async fn throttle_set(&self, key: &[u8], t: ThrottleRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO login_throttle (key, failures, next_allowed_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, next_allowed_at = excluded.next_allowed_at",
            )
            .bind(key)
            .bind(t.failures)
            .bind(t.next_allowed_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn throttle_clear(&self, key: &[u8]) -> Result<()> {
            sqlx::query("DELETE FROM login_throttle WHERE key = $1").bind(key).execute(&self.pool).await?;
            Ok(())
        }

        async fn create_session(&self, s: &SessionRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO sessions (id_digest, handle, user_id, uk_wrapped, device_sealed, created_at, last_seen_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&s.id_digest)
            .bind(&s.handle)
            .bind(&s.user_id)
            .bind(&s.uk_wrapped)
            .bind(&s.device_sealed)
            .bind(s.created_at)
            .bind(s.last_seen_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn session_by_digest(&self, digest: &[u8]) -> Result<Option<SessionRow>> {
            let row = sqlx::query(concat!("SELECT ", session_cols!(), " FROM sessions WHERE id_digest = $1"))
                .bind(digest)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r: $row| session_from(&r)).transpose()
        }

        async fn touch_session(&self, digest: &[u8], now: i64) -> Result<()> {
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_digest = $2")
                .bind(now)
                .bind(digest)
                .execute(&self.pool)
                .await?;
            Ok(())
        }

        async fn delete_session(&self, digest: &[u8]) -> Result<()> {
            sqlx::query("DELETE FROM sessions WHERE id_digest = $1").bind(digest).execute(&self.pool).await?;
            Ok(())
        }

        async fn delete_session_by_handle(&self, user_id: &str, handle: &str) -> Result<bool> {
            let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND handle = $2")
                .bind(user_id)
                .bind(handle)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn delete_sessions_of_user(&self, user_id: &str) -> Result<u64> {
            let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(&self.pool).await?;
            Ok(done.rows_affected())
        }

        async fn sessions_of_user(&self, user_id: &str) -> Result<Vec<SessionRow>> {
            let rows = sqlx::query(concat!(
                "SELECT ", session_cols!(), " FROM sessions WHERE user_id = $1 ORDER BY last_seen_at DESC"
            ))
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| session_from(r)).collect()
        }

        async fn delete_stale_sessions(&self, idle_before: i64, created_before: i64) -> Result<u64> {
            let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
                .bind(idle_before)
                .bind(created_before)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected())
        }

        async fn create_space(&self, n: &NewSpace) -> Result<()> {
            let mut tx = self.write_tx().await?;
            sqlx::query("INSERT INTO spaces (id, created_at, key_version, name_sealed) VALUES ($1, $2, $3, $4)")
                .bind(&n.space.id)
                .bind(n.space.created_at)
                .bind(n.space.key_version)
                .bind(&n.space.name_sealed)
                .execute(&mut *tx)
                .await?;
            insert_member(&mut tx, &n.founder).await?;
            insert_key(&mut tx, &n.founder_key).await?;
            tx.commit().await?;
            Ok(())
        }

        async fn space_by_id(&self, id: &str) -> Result<Option<SpaceRow>> {
            let row = sqlx::query("SELECT id, created_at, key_version, name_sealed FROM spaces WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r: $row| space_from(&r)).transpose()
        }

        async fn spaces_of_user(&self, user_id: &str) -> Result<Vec<(SpaceRow, MemberRow)>> {
            let rows = sqlx::query(
                "SELECT s.id, s.created_at, s.key_version, s.name_sealed, \
                 m.id AS m_id, m.space_id, m.user_id, m.joined_at, m.profile_sealed \
                 FROM members m JOIN spaces s ON s.id = m.space_id WHERE m.user_id = $1 ORDER BY m.joined_at, s.id",
            )
            .bind(user_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r: &$row| {
                    Ok((
                        space_from(r)?,
                        MemberRow {
                            id: r.try_get("m_id")?,
                            space_id: r.try_get("space_id")?,
                            user_id: r.try_get("user_id")?,
                            joined_at: r.try_get("joined_at")?,
                            profile_sealed: r.try_get("profile_sealed")?,
                        },
                    ))
                })
                .collect()
        }

        async fn members_of_space(&self, space_id: &str) -> Result<Vec<MemberRow>> {
            let rows = sqlx::query(concat!(
                "SELECT ", member_cols!(), " FROM members WHERE space_id = $1 ORDER BY joined_at, id"
            ))
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| member_from(r)).collect()
        }

        async fn member_of(&self, space_id: &str, user_id: &str) -> Result<Option<MemberRow>> {
            let row = sqlx::query(concat!(
                "SELECT ", member_cols!(), " FROM members WHERE space_id = $1 AND user_id = $2"
            ))
            .bind(space_id)
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| member_from(&r)).transpose()
        }

        async fn update_member_profile(&self, member_id: &str, sealed: &[u8]) -> Result<()> {
            let done = sqlx::query("UPDATE members SET profile_sealed = $1 WHERE id = $2")
                .bind(sealed)
                .bind(member_id)
                .execute(&self.pool)
                .await?;
            found(done.rows_affected())
        }

        async fn space_key(&self, space_id: &str, user_id: &str, version: i64) -> Result<Option<Vec<u8>>> {
            let row = sqlx::query(
                "SELECT sealed_key FROM space_keys WHERE space_id = $1 AND user_id = $2 AND key_version = $3",
            )
            .bind(space_id)
            .bind(user_id)
            .bind(version)
            .fetch_optional(&self.pool)
            .await?;
            Ok(match row {
                Some(r) => Some(r.try_get("sealed_key")?),
                None => None,
            })
        }

        async fn join_space(&self, j: &Join) -> Result<()> {
            let mut tx = self.write_tx().await?;
            // SECURITY: the invite is claimed with a conditional update inside the transaction,
            // so two people racing with the same code cannot both join.
            let claimed = sqlx::query("UPDATE invites SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
                .bind(j.used_at)
                .bind(&j.invite_id)
                .execute(&mut *tx)
                .await?;
            if claimed.rows_affected() != 1 {
                return Err(StoreError::Conflict("invite_used"));
            }
            let already: i64 = sqlx::query("SELECT COUNT(*) AS n FROM members WHERE space_id = $1 AND user_id = $2")
                .bind(&j.member.space_id)
                .bind(&j.member.user_id)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
            if already > 0 {
                return Err(StoreError::Conflict("already_member"));
            }
            let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM members WHERE space_id = $1")
                .bind(&j.member.space_id)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
            if count >= j.max_members {
                return Err(StoreError::Conflict("space_full"));
            }
            insert_member(&mut tx, &j.member).await?;
            insert_key(&mut tx, &j.key).await?;
            tx.commit().await?;
            Ok(())
        }

        async fn leave_space(&self, l: &Leave) -> Result<()> {
            let mut tx = self.write_tx().await?;
            // SECURITY: the leaver's private inventory rows go (invariant 8): answers, ready
            // marks, round snapshots and the custom items they never offered. This runs before the
            // membership is deleted, which would only clear the author of their items. If the
            // membership turns out not to exist the transaction is rolled back below.
            delete_member_inventory(&mut tx, &l.space_id, &l.member_id).await?;
            delete_member_consent(&mut tx, &l.member_id).await?;
            let gone = sqlx::query("DELETE FROM members WHERE id = $1 AND space_id = $2 AND user_id = $3")
                .bind(&l.member_id)
                .bind(&l.space_id)
                .bind(&l.user_id)
                .execute(&mut *tx)
                .await?;
            if gone.rows_affected() != 1 {
                return Err(StoreError::NotFound);
            }
            // SECURITY: the leaver's copies of every key version go, so the server can no longer
            // open anything of this space on their behalf.
            sqlx::query("DELETE FROM space_keys WHERE space_id = $1 AND user_id = $2")
                .bind(&l.space_id)
                .bind(&l.user_id)
                .execute(&mut *tx)
                .await?;
            // SECURITY: pending changes are withdrawn when the people in the space change: a
            // change must be confirmed by exactly the people it will bind, and a leaver's own
            // proposals stop with them. Shared history (versions) stays (invariant 8).
            sqlx::query("UPDATE pending_changes SET state = 'withdrawn' WHERE space_id = $1 AND state = 'pending'")
                .bind(&l.space_id)
                .execute(&mut *tx)
                .await?;
            // Pending invites carry the old key; they are withdrawn with the rotation.
            sqlx::query("DELETE FROM invites WHERE space_id = $1 AND used_at IS NULL")
                .bind(&l.space_id)
                .execute(&mut *tx)
                .await?;
            let left: i64 = sqlx::query("SELECT COUNT(*) AS n FROM members WHERE space_id = $1")
                .bind(&l.space_id)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
            if left == 0 {
                sqlx::query("DELETE FROM spaces WHERE id = $1").bind(&l.space_id).execute(&mut *tx).await?;
            } else {
                for k in &l.new_keys {
                    insert_key(&mut tx, k).await?;
                }
                for (member_id, sealed) in &l.new_profiles {
                    sqlx::query("UPDATE members SET profile_sealed = $1 WHERE id = $2 AND space_id = $3")
                        .bind(sealed)
                        .bind(member_id)
                        .bind(&l.space_id)
                        .execute(&mut *tx)
                        .await?;
                }
                sqlx::query("UPDATE spaces SET key_version = $1, name_sealed = $2 WHERE id = $3")
                    .bind(l.new_key_version)
                    .bind(&l.new_name_sealed)
                    .bind(&l.space_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        }

        async fn create_invite(&self, i: &InviteRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO invites (id, space_id, created_by, lookup, key_wrapped, key_version, created_at, expires_at, used_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&i.id)
            .bind(&i.space_id)
            .bind(&i.created_by)
            .bind(&i.lookup)
            .bind(&i.key_wrapped)
            .bind(i.key_version)
            .bind(i.created_at)
            .bind(i.expires_at)
            .bind(i.used_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn invite_by_lookup(&self, lookup: &[u8]) -> Result<Option<InviteRow>> {
            let row = sqlx::query(concat!("SELECT ", invite_cols!(), " FROM invites WHERE lookup = $1"))
                .bind(lookup)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r: $row| invite_from(&r)).transpose()
        }

        async fn invites_of_space(&self, space_id: &str) -> Result<Vec<InviteRow>> {
            let rows = sqlx::query(concat!(
                "SELECT ", invite_cols!(), " FROM invites WHERE space_id = $1 ORDER BY created_at, id"
            ))
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| invite_from(r)).collect()
        }

        async fn delete_invite(&self, space_id: &str, invite_id: &str) -> Result<bool> {
            let done = sqlx::query("DELETE FROM invites WHERE space_id = $1 AND id = $2")
                .bind(space_id)
                .bind(invite_id)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn put_answers(&self, a: &AnswersRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO inventory_answers (space_id, member_id, sealed, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (space_id, member_id) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at",
            )
            .bind(&a.space_id)
            .bind(&a.member_id)
            .bind(&a.sealed)
            .bind(a.updated_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn answers_of(&self, space_id: &str, member_id: &str) -> Result<Option<AnswersRow>> {
            let row = sqlx::query(concat!(
                "SELECT ", answers_cols!(), " FROM inventory_answers WHERE space_id = $1 AND member_id = $2"
            ))
            .bind(space_id)
            .bind(member_id)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| answers_from(&r)).transpose()
        }

        async fn answers_in_space(&self, space_id: &str) -> Result<Vec<AnswersRow>> {
            let rows = sqlx::query(concat!(
                "SELECT ", answers_cols!(), " FROM inventory_answers WHERE space_id = $1 ORDER BY member_id"
            ))
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| answers_from(r)).collect()
        }

        async fn latest_round(&self, space_id: &str) -> Result<Option<RoundRow>> {
            let row = sqlx::query(concat!(
                "SELECT ", round_cols!(), " FROM inventory_rounds WHERE space_id = $1 ORDER BY number DESC LIMIT 1"
            ))
            .bind(space_id)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| round_from(&r)).transpose()
        }

        async fn create_round(&self, r: &RoundRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO inventory_rounds (id, space_id, number, created_at, opened_at) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(&r.id)
            .bind(&r.space_id)
            .bind(r.number)
            .bind(r.created_at)
            .bind(r.opened_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn mark_ready(&self, round_id: &str, member_id: &str, at: i64) -> Result<()> {
            sqlx::query(
                "INSERT INTO inventory_ready (round_id, member_id, ready_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (round_id, member_id) DO NOTHING",
            )
            .bind(round_id)
            .bind(member_id)
            .bind(at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn ready_members(&self, round_id: &str) -> Result<Vec<String>> {
            let rows = sqlx::query(
                "SELECT member_id FROM inventory_ready WHERE round_id = $1 ORDER BY ready_at, member_id",
            )
            .bind(round_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| Ok(r.try_get("member_id")?)).collect()
        }

        async fn open_round(&self, round_id: &str, opened_at: i64, snapshots: &[(String, Vec<u8>)]) -> Result<bool> {
            let mut tx = self.write_tx().await?;
            // SECURITY: the round is claimed with a conditional update inside the transaction,
            // so two members pressing at once open it (and freeze the answers) only once.
            let claimed = sqlx::query("UPDATE inventory_rounds SET opened_at = $1 WHERE id = $2 AND opened_at IS NULL")
                .bind(opened_at)
                .bind(round_id)
                .execute(&mut *tx)
                .await?;
            if claimed.rows_affected() != 1 {
                let exists: i64 = sqlx::query("SELECT COUNT(*) AS n FROM inventory_rounds WHERE id = $1")
                    .bind(round_id)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get("n")?;
                return if exists == 0 { Err(StoreError::NotFound) } else { Ok(false) };
            }
            for (member_id, sealed) in snapshots {
                sqlx::query("INSERT INTO inventory_snapshots (round_id, member_id, sealed) VALUES ($1, $2, $3)")
                    .bind(round_id)
                    .bind(member_id)
                    .bind(sealed)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(true)
        }

        async fn snapshots_of(&self, round_id: &str) -> Result<Vec<(String, Vec<u8>)>> {
            let rows = sqlx::query(
                "SELECT member_id, sealed FROM inventory_snapshots WHERE round_id = $1 ORDER BY member_id",
            )
            .bind(round_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| Ok((r.try_get("member_id")?, r.try_get("sealed")?))).collect()
        }

        async fn create_custom_item(&self, c: &CustomItemRow) -> Result<()> {
            sqlx::query(
                "INSERT INTO inventory_custom_items (id, space_id, author_member_id, sealed, offered, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&c.id)
            .bind(&c.space_id)
            .bind(&c.author_member_id)
            .bind(&c.sealed)
            .bind(i32::from(c.offered))
            .bind(c.created_at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn custom_items_of(&self, space_id: &str) -> Result<Vec<CustomItemRow>> {
            let rows = sqlx::query(concat!(
                "SELECT ", custom_item_cols!(), " FROM inventory_custom_items WHERE space_id = $1 ORDER BY created_at, id"
            ))
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| custom_item_from(r)).collect()
        }

        async fn set_custom_item_offered(&self, space_id: &str, id: &str, offered: bool) -> Result<bool> {
            let done = sqlx::query("UPDATE inventory_custom_items SET offered = $1 WHERE space_id = $2 AND id = $3")
                .bind(i32::from(offered))
                .bind(space_id)
                .bind(id)
                .execute(&self.pool)
                .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn delete_private_custom_item(&self, space_id: &str, id: &str, author_member_id: &str) -> Result<bool> {
            let done = sqlx::query(
                "DELETE FROM inventory_custom_items WHERE space_id = $1 AND id = $2 AND author_member_id = $3 AND offered = 0",
            )
            .bind(space_id)
            .bind(id)
            .bind(author_member_id)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() > 0)
        }

        async fn round_cooling(&self, space_id: &str) -> Result<Option<i64>> {
            let row = sqlx::query("SELECT round_cooling_secs FROM space_settings WHERE space_id = $1")
                .bind(space_id)
                .fetch_optional(&self.pool)
                .await?;
            Ok(match row {
                Some(r) => Some(r.try_get("round_cooling_secs")?),
                None => None,
            })
        }

        async fn set_round_cooling(&self, space_id: &str, secs: i64) -> Result<()> {
            sqlx::query(
                "INSERT INTO space_settings (space_id, round_cooling_secs) VALUES ($1, $2) \
                 ON CONFLICT (space_id) DO UPDATE SET round_cooling_secs = excluded.round_cooling_secs",
            )
            .bind(space_id)
            .bind(secs)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn choose_round_cooling(&self, space_id: &str, member_id: &str, secs: i64, at: i64) -> Result<()> {
            sqlx::query(
                "INSERT INTO space_setting_choices (space_id, member_id, round_cooling_secs, chosen_at) \
                 SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM members WHERE id = $2 AND space_id = $1) \
                 ON CONFLICT (space_id, member_id) DO UPDATE SET round_cooling_secs = excluded.round_cooling_secs, \
                 chosen_at = excluded.chosen_at",
            )
            .bind(space_id)
            .bind(member_id)
            .bind(secs)
            .bind(at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn round_cooling_choices(&self, space_id: &str) -> Result<Vec<(String, i64)>> {
            let rows = sqlx::query(
                "SELECT member_id, round_cooling_secs FROM space_setting_choices WHERE space_id = $1 ORDER BY chosen_at, member_id",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r: &$row| Ok((r.try_get("member_id")?, r.try_get("round_cooling_secs")?)))
                .collect()
        }

        async fn settle_round_cooling(&self, space_id: &str, secs: i64) -> Result<bool> {
            let mut tx = self.write_tx().await?;
            // Everyone must still be choosing exactly this value inside the transaction.
            let members: i64 = sqlx::query("SELECT COUNT(*) AS n FROM members WHERE space_id = $1")
                .bind(space_id)
                .fetch_one(&mut *tx)
                .await?
                .try_get("n")?;
            let agreeing: i64 = sqlx::query(
                "SELECT COUNT(*) AS n FROM space_setting_choices c JOIN members m ON m.id = c.member_id \
                 WHERE c.space_id = $1 AND m.space_id = $1 AND c.round_cooling_secs = $2",
            )
            .bind(space_id)
            .bind(secs)
            .fetch_one(&mut *tx)
            .await?
            .try_get("n")?;
            if members < 2 || agreeing != members {
                return Ok(false);
            }
            sqlx::query(
                "INSERT INTO space_settings (space_id, round_cooling_secs) VALUES ($1, $2) \
                 ON CONFLICT (space_id) DO UPDATE SET round_cooling_secs = excluded.round_cooling_secs",
            )
            .bind(space_id)
            .bind(secs)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM space_setting_choices WHERE space_id = $1")
                .bind(space_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(true)
        }

        async fn create_record(&self, r: &RecordRow) -> Result<()> {
            insert_record(&self.pool, r).await
        }

        async fn record(&self, space_id: &str, id: &str) -> Result<Option<RecordRow>> {
            let row = sqlx::query(concat!("SELECT ", record_cols!(), " FROM shared_records WHERE space_id = $1 AND id = $2"))
                .bind(space_id)
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r: $row| record_from(&r)).transpose()
        }

        async fn agreement_record(&self, space_id: &str) -> Result<Option<RecordRow>> {
            let row = sqlx::query(concat!(
                "SELECT ", record_cols!(), " FROM shared_records WHERE space_id = $1 AND kind = 'agreement'"
            ))
            .bind(space_id)
            .fetch_optional(&self.pool)
            .await?;
            row.map(|r: $row| record_from(&r)).transpose()
        }

        async fn records_of_space(&self, space_id: &str) -> Result<Vec<RecordRow>> {
            let rows = sqlx::query(concat!(
                "SELECT ", record_cols!(), " FROM shared_records WHERE space_id = $1 ORDER BY created_at, id"
            ))
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| record_from(r)).collect()
        }

        async fn all_records(&self) -> Result<Vec<RecordRow>> {
            let rows = sqlx::query(concat!("SELECT ", record_cols!(), " FROM shared_records ORDER BY space_id, created_at, id"))
                .fetch_all(&self.pool)
                .await?;
            rows.iter().map(|r: &$row| record_from(r)).collect()
        }

        async fn versions_of(&self, record_id: &str) -> Result<Vec<VersionRow>> {
            let rows = sqlx::query(concat!(
                "SELECT ", version_cols!(), " FROM record_versions WHERE record_id = $1 ORDER BY number"
            ))
            .bind(record_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| version_from(r)).collect()
        }

        async fn append_version(&self, new_record: Option<&RecordRow>, v: &VersionRow) -> Result<()> {
            let mut tx = self.write_tx().await?;
            if let Some(r) = new_record {
                insert_record(&mut *tx, r).await?;
            }
            insert_version(&mut tx, v).await?;
            // SECURITY: a tightening supersedes any pending change of the record, so a change
            // confirmed later can never undo it without being proposed again.
            sqlx::query("UPDATE pending_changes SET state = 'withdrawn', closed_at = $1 WHERE record_id = $2 AND state = 'pending'")
                .bind(v.created_at)
                .bind(&v.record_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE shared_records SET reviewed_at = $1 WHERE id = $2")
                .bind(v.created_at)
                .bind(&v.record_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        }

        async fn set_review(&self, record_id: &str, review_at: Option<i64>, reviewed_at: Option<i64>) -> Result<()> {
            let done = sqlx::query(
                "UPDATE shared_records SET review_at = $1, reviewed_at = COALESCE($2, reviewed_at) WHERE id = $3",
            )
            .bind(review_at)
            .bind(reviewed_at)
            .bind(record_id)
            .execute(&self.pool)
            .await?;
            found(done.rows_affected())
        }

        async fn create_change(&self, c: &ChangeRow) -> Result<()> {
            let mut tx = self.write_tx().await?;
            sqlx::query(
                "INSERT INTO pending_changes (id, space_id, record_id, base_number, proposed_by, created_at, sealed, state, closed_by, closed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(&c.id)
            .bind(&c.space_id)
            .bind(&c.record_id)
            .bind(c.base_number)
            .bind(&c.proposed_by)
            .bind(c.created_at)
            .bind(&c.sealed)
            .bind(&c.state)
            .bind(&c.closed_by)
            .bind(c.closed_at)
            .execute(&mut *tx)
            .await?;
            sqlx::query("INSERT INTO pending_confirmations (change_id, member_id, confirmed_at) VALUES ($1, $2, $3)")
                .bind(&c.id)
                .bind(&c.proposed_by)
                .bind(c.created_at)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        }

        async fn change(&self, space_id: &str, id: &str) -> Result<Option<ChangeRow>> {
            let row = sqlx::query(concat!("SELECT ", change_cols!(), " FROM pending_changes WHERE space_id = $1 AND id = $2"))
                .bind(space_id)
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
            row.map(|r: $row| change_from(&r)).transpose()
        }

        async fn changes_of_space(&self, space_id: &str, pending_only: bool) -> Result<Vec<ChangeRow>> {
            let sql = if pending_only {
                concat!("SELECT ", change_cols!(), " FROM pending_changes WHERE space_id = $1 AND state = 'pending' ORDER BY created_at DESC, id")
            } else {
                concat!("SELECT ", change_cols!(), " FROM pending_changes WHERE space_id = $1 ORDER BY created_at DESC, id")
            };
            let rows = sqlx::query(sql).bind(space_id).fetch_all(&self.pool).await?;
            rows.iter().map(|r: &$row| change_from(r)).collect()
        }

        async fn confirm_change(&self, change_id: &str, member_id: &str, at: i64) -> Result<()> {
            sqlx::query(
                "INSERT INTO pending_confirmations (change_id, member_id, confirmed_at) \
                 SELECT c.id, m.id, $3 FROM pending_changes c JOIN members m ON m.space_id = c.space_id \
                 WHERE c.id = $1 AND m.id = $2 AND c.state = 'pending' \
                 ON CONFLICT (change_id, member_id) DO NOTHING",
            )
            .bind(change_id)
            .bind(member_id)
            .bind(at)
            .execute(&self.pool)
            .await?;
            Ok(())
        }

        async fn confirmations(&self, change_id: &str) -> Result<Vec<String>> {
            let rows = sqlx::query(
                "SELECT member_id FROM pending_confirmations WHERE change_id = $1 ORDER BY confirmed_at, member_id",
            )
            .bind(change_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter().map(|r: &$row| Ok(r.try_get("member_id")?)).collect()
        }

        async fn close_change(&self, change_id: &str, state: &str, by: Option<&str>, at: i64) -> Result<bool> {
            let done = sqlx::query(
                "UPDATE pending_changes SET state = $1, closed_by = $2, closed_at = $3 WHERE id = $4 AND state = 'pending'",
            )
            .bind(state)
            .bind(by)
            .bind(at)
            .bind(change_id)
            .execute(&self.pool)
            .await?;
            Ok(done.rows_affected() == 1)
        }

        async fn apply_change(&self, change_id: &str, by: &str, v: &VersionRow) -> Result<bool> {
            let mut tx = self.write_tx().await?;
            // SECURITY: claimed with a conditional update, so two last confirmations racing apply
            // the change once; a declined change can never be applied afterwards.
            let claimed = sqlx::query(
                "UPDATE pending_changes SET state = 'applied', closed_by = $1, closed_at = $2 \
                 WHERE id = $3 AND state = 'pending' AND record_id = $4 AND base_number = $5",
            )
            .bind(by)
            .bind(v.created_at)
            .bind(change_id)
            .bind(&v.record_id)
            .bind(v.number - 1)
            .execute(&mut *tx)
            .await?;
            if claimed.rows_affected() != 1 {
                return Ok(false);
            }
            insert_version(&mut tx, v).await?;
            sqlx::query("UPDATE shared_records SET reviewed_at = $1 WHERE id = $2")
                .bind(v.created_at)
                .bind(&v.record_id)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(true)
        }

        async fn add_life_change(&self, l: &LifeChangeRow) -> Result<()> {
            sqlx::query("INSERT INTO life_changes (id, space_id, member_id, created_at, sealed) VALUES ($1, $2, $3, $4, $5)")
                .bind(&l.id)
                .bind(&l.space_id)
                .bind(&l.member_id)
                .bind(l.created_at)
                .bind(&l.sealed)
                .execute(&self.pool)
                .await?;
            Ok(())
        }

        async fn life_changes(&self, space_id: &str) -> Result<Vec<LifeChangeRow>> {
            let rows = sqlx::query(
                "SELECT id, space_id, member_id, created_at, sealed FROM life_changes WHERE space_id = $1 ORDER BY created_at DESC, id",
            )
            .bind(space_id)
            .fetch_all(&self.pool)
            .await?;
            rows.iter()
                .map(|r: &$row| {
                    Ok(LifeChangeRow {
                        id: r.try_get("id")?,
                        space_id: r.try_get("space_id")?,
                        member_id: r.try_get("member_id")?,
                        created_at: r.try_get("created_at")?,
                        sealed: r.try_get("sealed")?,
                    })
                })
                .collect()
        }
        }
    };
}

/// Column lists, kept next to the row builders below so they cannot drift apart.
macro_rules! user_cols {
    () => {
        "id, username_index, username_sealed, kdf_profile, kdf_salt, verifier_digest, uk_by_password, \
         uk_by_recovery, public_key, private_key_wrapped, prefs_sealed, created_at"
    };
}
macro_rules! session_cols {
    () => {
        "id_digest, handle, user_id, uk_wrapped, device_sealed, created_at, last_seen_at"
    };
}
macro_rules! member_cols {
    () => {
        "id, space_id, user_id, joined_at, profile_sealed"
    };
}
macro_rules! invite_cols {
    () => {
        "id, space_id, created_by, lookup, key_wrapped, key_version, created_at, expires_at, used_at"
    };
}

macro_rules! answers_cols {
    () => {
        "space_id, member_id, sealed, updated_at"
    };
}
macro_rules! round_cols {
    () => {
        "id, space_id, number, created_at, opened_at"
    };
}
macro_rules! custom_item_cols {
    () => {
        "id, space_id, author_member_id, sealed, offered, created_at"
    };
}

macro_rules! record_cols {
    () => {
        "id, space_id, kind, owner_member_id, created_at, review_at, reviewed_at"
    };
}
macro_rules! version_cols {
    () => {
        "record_id, number, author_member_id, created_at, sealed, prev_hash, hash"
    };
}
macro_rules! change_cols {
    () => {
        "id, space_id, record_id, base_number, proposed_by, created_at, sealed, state, closed_by, closed_at"
    };
}

/// Row builders, generic over the backend's row type.
macro_rules! shared_row_builders {
    ($row:ty, $db:ty) => {
        fn found(affected: u64) -> Result<()> {
            if affected == 0 { Err(StoreError::NotFound) } else { Ok(()) }
        }

        fn user_from(r: &$row) -> Result<UserRow> {
            Ok(UserRow {
                id: r.try_get("id")?,
                username_index: r.try_get("username_index")?,
                username_sealed: r.try_get("username_sealed")?,
                kdf_profile: r.try_get("kdf_profile")?,
                kdf_salt: r.try_get("kdf_salt")?,
                verifier_digest: r.try_get("verifier_digest")?,
                uk_by_password: r.try_get("uk_by_password")?,
                uk_by_recovery: r.try_get("uk_by_recovery")?,
                public_key: r.try_get("public_key")?,
                private_key_wrapped: r.try_get("private_key_wrapped")?,
                prefs_sealed: r.try_get("prefs_sealed")?,
                created_at: r.try_get("created_at")?,
            })
        }

        fn session_from(r: &$row) -> Result<SessionRow> {
            Ok(SessionRow {
                id_digest: r.try_get("id_digest")?,
                handle: r.try_get("handle")?,
                user_id: r.try_get("user_id")?,
                uk_wrapped: r.try_get("uk_wrapped")?,
                device_sealed: r.try_get("device_sealed")?,
                created_at: r.try_get("created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
            })
        }

        fn space_from(r: &$row) -> Result<SpaceRow> {
            Ok(SpaceRow {
                id: r.try_get("id")?,
                created_at: r.try_get("created_at")?,
                key_version: r.try_get("key_version")?,
                name_sealed: r.try_get("name_sealed")?,
            })
        }

        fn member_from(r: &$row) -> Result<MemberRow> {
            Ok(MemberRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                user_id: r.try_get("user_id")?,
                joined_at: r.try_get("joined_at")?,
                profile_sealed: r.try_get("profile_sealed")?,
            })
        }

        fn invite_from(r: &$row) -> Result<InviteRow> {
            Ok(InviteRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                created_by: r.try_get("created_by")?,
                lookup: r.try_get("lookup")?,
                key_wrapped: r.try_get("key_wrapped")?,
                key_version: r.try_get("key_version")?,
                created_at: r.try_get("created_at")?,
                expires_at: r.try_get("expires_at")?,
                used_at: r.try_get("used_at")?,
            })
        }

        fn answers_from(r: &$row) -> Result<AnswersRow> {
            Ok(AnswersRow {
                space_id: r.try_get("space_id")?,
                member_id: r.try_get("member_id")?,
                sealed: r.try_get("sealed")?,
                updated_at: r.try_get("updated_at")?,
            })
        }

        fn round_from(r: &$row) -> Result<RoundRow> {
            Ok(RoundRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                number: r.try_get("number")?,
                created_at: r.try_get("created_at")?,
                opened_at: r.try_get("opened_at")?,
            })
        }

        fn custom_item_from(r: &$row) -> Result<CustomItemRow> {
            // `offered` is a plain INTEGER (0 or 1) on both backends.
            let offered: i32 = r.try_get("offered")?;
            Ok(CustomItemRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                author_member_id: r.try_get("author_member_id")?,
                sealed: r.try_get("sealed")?,
                offered: offered != 0,
                created_at: r.try_get("created_at")?,
            })
        }

        fn record_from(r: &$row) -> Result<RecordRow> {
            Ok(RecordRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                kind: r.try_get("kind")?,
                owner_member_id: r.try_get("owner_member_id")?,
                created_at: r.try_get("created_at")?,
                review_at: r.try_get("review_at")?,
                reviewed_at: r.try_get("reviewed_at")?,
            })
        }

        fn version_from(r: &$row) -> Result<VersionRow> {
            Ok(VersionRow {
                record_id: r.try_get("record_id")?,
                number: r.try_get("number")?,
                author_member_id: r.try_get("author_member_id")?,
                created_at: r.try_get("created_at")?,
                sealed: r.try_get("sealed")?,
                prev_hash: r.try_get("prev_hash")?,
                hash: r.try_get("hash")?,
            })
        }

        fn change_from(r: &$row) -> Result<ChangeRow> {
            Ok(ChangeRow {
                id: r.try_get("id")?,
                space_id: r.try_get("space_id")?,
                record_id: r.try_get("record_id")?,
                base_number: r.try_get("base_number")?,
                proposed_by: r.try_get("proposed_by")?,
                created_at: r.try_get("created_at")?,
                sealed: r.try_get("sealed")?,
                state: r.try_get("state")?,
                closed_by: r.try_get("closed_by")?,
                closed_at: r.try_get("closed_at")?,
            })
        }

        async fn insert_record<'e, E>(exec: E, r: &RecordRow) -> Result<()>
        where
            E: sqlx::Executor<'e, Database = $db>,
        {
            sqlx::query(
                "INSERT INTO shared_records (id, space_id, kind, owner_member_id, created_at, review_at, reviewed_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&r.id)
            .bind(&r.space_id)
            .bind(&r.kind)
            .bind(&r.owner_member_id)
            .bind(r.created_at)
            .bind(r.review_at)
            .bind(r.reviewed_at)
            .execute(exec)
            .await?;
            Ok(())
        }

        /// Inserts a version only if it is the next number of its record (`Conflict("stale")`).
        async fn insert_version(tx: &mut sqlx::Transaction<'static, $db>, v: &VersionRow) -> Result<()> {
            let head: i64 = sqlx::query("SELECT COALESCE(MAX(number), 0) AS n FROM record_versions WHERE record_id = $1")
                .bind(&v.record_id)
                .fetch_one(&mut **tx)
                .await?
                .try_get("n")?;
            if head != v.number - 1 {
                return Err(StoreError::Conflict("stale"));
            }
            sqlx::query(
                "INSERT INTO record_versions (record_id, number, author_member_id, created_at, sealed, prev_hash, hash) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&v.record_id)
            .bind(v.number)
            .bind(&v.author_member_id)
            .bind(v.created_at)
            .bind(&v.sealed)
            .bind(&v.prev_hash)
            .bind(&v.hash)
            .execute(&mut **tx)
            .await
            .map_err(|e| match StoreError::from(e) {
                StoreError::Conflict(_) => StoreError::Conflict("stale"),
                other => other,
            })?;
            Ok(())
        }

        /// Deletes one member's private inventory rows: answers, ready marks, round snapshots and
        /// the custom items they never offered. Offered items stay; the member's deletion clears
        /// their author.
        async fn delete_member_inventory(
            tx: &mut sqlx::Transaction<'static, $db>,
            space_id: &str,
            member_id: &str,
        ) -> Result<()> {
            sqlx::query("DELETE FROM inventory_custom_items WHERE space_id = $1 AND author_member_id = $2 AND offered = 0")
                .bind(space_id)
                .bind(member_id)
                .execute(&mut **tx)
                .await?;
            sqlx::query("DELETE FROM inventory_answers WHERE space_id = $1 AND member_id = $2")
                .bind(space_id)
                .bind(member_id)
                .execute(&mut **tx)
                .await?;
            // Rounds and snapshots hang off a round of the member's own space; the member id is
            // unique across spaces, so it alone picks their rows.
            sqlx::query("DELETE FROM inventory_ready WHERE member_id = $1").bind(member_id).execute(&mut **tx).await?;
            sqlx::query("DELETE FROM inventory_snapshots WHERE member_id = $1").bind(member_id).execute(&mut **tx).await?;
            sqlx::query("DELETE FROM space_setting_choices WHERE member_id = $1").bind(member_id).execute(&mut **tx).await?;
            Ok(())
        }

        async fn insert_member(tx: &mut sqlx::Transaction<'static, $db>, m: &MemberRow) -> Result<()> {
            sqlx::query("INSERT INTO members (id, space_id, user_id, joined_at, profile_sealed) VALUES ($1, $2, $3, $4, $5)")
                .bind(&m.id)
                .bind(&m.space_id)
                .bind(&m.user_id)
                .bind(m.joined_at)
                .bind(&m.profile_sealed)
                .execute(&mut **tx)
                .await?;
            Ok(())
        }

        async fn insert_key(tx: &mut sqlx::Transaction<'static, $db>, k: &SpaceKeyRow) -> Result<()> {
            sqlx::query("INSERT INTO space_keys (space_id, user_id, key_version, sealed_key) VALUES ($1, $2, $3, $4)")
                .bind(&k.space_id)
                .bind(&k.user_id)
                .bind(k.key_version)
                .bind(&k.sealed_key)
                .execute(&mut **tx)
                .await?;
            Ok(())
        }
    };
}
