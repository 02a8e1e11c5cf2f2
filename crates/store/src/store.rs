//! The storage trait. It speaks in rows of ids, times and ciphertext; it never sees plaintext and
//! holds no business rules beyond what must be atomic.

use crate::rows::*;
use crate::{CheckinStore, ConsentStore, PlanStore, Result};

/// Storage for Attune. Implemented by [`crate::SqliteStore`] and [`crate::PostgresStore`].
#[async_trait::async_trait]
pub trait Store: ConsentStore + CheckinStore + PlanStore + Send + Sync + 'static {
    /// Which backend this is, for health output and tests.
    fn backend(&self) -> crate::Backend;
    /// Applies missing migrations; safe to call from several instances at once.
    async fn migrate(&self) -> Result<()>;
    /// Checks the database answers.
    async fn ping(&self) -> Result<()>;
    /// Flushes deleted data out of write-ahead logs where the backend has them (SQLite).
    async fn checkpoint(&self) -> Result<()>;

    // Accounts.
    async fn create_user(&self, user: &UserRow) -> Result<()>;
    async fn user_by_index(&self, username_index: &[u8]) -> Result<Option<UserRow>>;
    async fn user_by_id(&self, id: &str) -> Result<Option<UserRow>>;
    async fn update_password(&self, user_id: &str, update: &PasswordUpdate) -> Result<()>;
    async fn update_prefs(&self, user_id: &str, prefs_sealed: &[u8]) -> Result<()>;
    async fn update_recovery(&self, user_id: &str, uk_by_recovery: &[u8]) -> Result<()>;
    /// Deletes the account and, by cascade, its sessions, memberships and key copies, with each
    /// membership's private inventory rows (answers, ready marks, round snapshots, custom items
    /// not offered) and private consent, check-in and reminder rows. Offered custom items stay in
    /// their spaces without an author.
    async fn delete_user(&self, user_id: &str) -> Result<()>;

    // Login throttle.
    async fn throttle_get(&self, key: &[u8]) -> Result<Option<ThrottleRow>>;
    async fn throttle_set(&self, key: &[u8], row: ThrottleRow) -> Result<()>;
    async fn throttle_clear(&self, key: &[u8]) -> Result<()>;

    // Sessions.
    async fn create_session(&self, session: &SessionRow) -> Result<()>;
    async fn session_by_digest(&self, id_digest: &[u8]) -> Result<Option<SessionRow>>;
    async fn touch_session(&self, id_digest: &[u8], now: i64) -> Result<()>;
    async fn delete_session(&self, id_digest: &[u8]) -> Result<()>;
    /// Ends one session of a user by its public handle; `false` if there was none.
    async fn delete_session_by_handle(&self, user_id: &str, handle: &str) -> Result<bool>;
    async fn delete_sessions_of_user(&self, user_id: &str) -> Result<u64>;
    async fn sessions_of_user(&self, user_id: &str) -> Result<Vec<SessionRow>>;
    /// Deletes sessions idle since before `idle_before` or created before `created_before`.
    async fn delete_stale_sessions(&self, idle_before: i64, created_before: i64) -> Result<u64>;

    // Spaces and members.
    async fn create_space(&self, new: &NewSpace) -> Result<()>;
    async fn space_by_id(&self, id: &str) -> Result<Option<SpaceRow>>;
    /// The spaces a user belongs to, with their own membership row.
    async fn spaces_of_user(&self, user_id: &str) -> Result<Vec<(SpaceRow, MemberRow)>>;
    async fn members_of_space(&self, space_id: &str) -> Result<Vec<MemberRow>>;
    async fn member_of(&self, space_id: &str, user_id: &str) -> Result<Option<MemberRow>>;
    async fn update_member_profile(&self, member_id: &str, profile_sealed: &[u8]) -> Result<()>;
    async fn space_key(
        &self,
        space_id: &str,
        user_id: &str,
        key_version: i64,
    ) -> Result<Option<Vec<u8>>>;
    /// Joins through an invite atomically: marks it used (only if unused), checks capacity, adds the member and their key.
    async fn join_space(&self, join: &Join) -> Result<()>;
    /// Removes a member, rotates the key for those who remain, and drops pending invites.
    /// The leaver's private inventory rows go in the same transaction: their answers, ready
    /// marks, round snapshots and custom items not offered. Offered custom items stay without an
    /// author. Their consent-now state, pause, quiet period, "go slower", invitations, check-in
    /// answers and choices, calendar feed and reminder opt-in go too. When nobody remains the
    /// space is deleted.
    async fn leave_space(&self, leave: &Leave) -> Result<()>;

    // Invites.
    async fn create_invite(&self, invite: &InviteRow) -> Result<()>;
    async fn invite_by_lookup(&self, lookup: &[u8]) -> Result<Option<InviteRow>>;
    async fn invites_of_space(&self, space_id: &str) -> Result<Vec<InviteRow>>;
    async fn delete_invite(&self, space_id: &str, invite_id: &str) -> Result<bool>;

    // Desire inventory: answers.
    /// Writes a member's answers in a space, replacing any earlier envelope (one row per member
    /// per space).
    async fn put_answers(&self, answers: &AnswersRow) -> Result<()>;
    /// A member's answers in a space, if they have answered anything.
    async fn answers_of(&self, space_id: &str, member_id: &str) -> Result<Option<AnswersRow>>;
    /// Every member's answers in a space, ordered by member id.
    async fn answers_in_space(&self, space_id: &str) -> Result<Vec<AnswersRow>>;

    // Desire inventory: reveal rounds.
    /// The newest round of a space (highest number), if any.
    async fn latest_round(&self, space_id: &str) -> Result<Option<RoundRow>>;
    /// Creates a round; `Conflict` if the space already has a round with that number (or id).
    async fn create_round(&self, round: &RoundRow) -> Result<()>;
    /// Marks a member ready in a round. Idempotent: marking again keeps the first time.
    async fn mark_ready(&self, round_id: &str, member_id: &str, at: i64) -> Result<()>;
    /// The member ids ready in a round, in the order they became ready.
    async fn ready_members(&self, round_id: &str) -> Result<Vec<String>>;
    /// Opens a round atomically: sets `opened_at` only if it is still unset and stores each
    /// member's frozen answers `(member id, envelope)` in the same transaction. Returns `false`
    /// (writing nothing) if the round was already open, so two members pressing at once open it
    /// once; `NotFound` if there is no such round.
    async fn open_round(
        &self,
        round_id: &str,
        opened_at: i64,
        snapshots: &[(String, Vec<u8>)],
    ) -> Result<bool>;
    /// The answers frozen when a round opened: `(member id, envelope)`, ordered by member id.
    async fn snapshots_of(&self, round_id: &str) -> Result<Vec<(String, Vec<u8>)>>;

    // Desire inventory: custom items.
    async fn create_custom_item(&self, item: &CustomItemRow) -> Result<()>;
    /// A space's custom items, oldest first.
    async fn custom_items_of(&self, space_id: &str) -> Result<Vec<CustomItemRow>>;
    /// Offers or withdraws a custom item; `false` if the space has no such item.
    async fn set_custom_item_offered(
        &self,
        space_id: &str,
        id: &str,
        offered: bool,
    ) -> Result<bool>;

    /// Deletes a custom item its author never offered; `false` (nothing deleted) if there is no
    /// such item, it is someone else's, or it was offered (it then belongs to the space).
    async fn delete_private_custom_item(
        &self,
        space_id: &str,
        id: &str,
        author_member_id: &str,
    ) -> Result<bool>;

    // Space settings.
    /// The space's reveal-round cooling period in seconds; `None` if never set (the caller
    /// applies the default).
    async fn round_cooling(&self, space_id: &str) -> Result<Option<i64>>;
    /// Sets the cooling period (insert or replace). The store does not check agreement: the
    /// caller changes it only once everyone has confirmed.
    async fn set_round_cooling(&self, space_id: &str, secs: i64) -> Result<()>;
    /// Records one member's choice of cooling period (insert or replace). Nothing is written if
    /// the member is not in the space.
    async fn choose_round_cooling(
        &self,
        space_id: &str,
        member_id: &str,
        secs: i64,
        at: i64,
    ) -> Result<()>;
    /// The current choices `(member id, seconds)`, oldest first.
    async fn round_cooling_choices(&self, space_id: &str) -> Result<Vec<(String, i64)>>;
    /// In one transaction: if the space has at least two members and every one of them has
    /// chosen `secs`, makes it the space's cooling period, clears the choices and returns `true`;
    /// otherwise writes nothing and returns `false`.
    async fn settle_round_cooling(&self, space_id: &str, secs: i64) -> Result<bool>;

    // Boundaries and the agreement: versioned shared records (C1–C5).
    /// Creates a record with no version yet; `Conflict("unique")` for a second agreement.
    async fn create_record(&self, record: &RecordRow) -> Result<()>;
    /// One record of a space.
    async fn record(&self, space_id: &str, id: &str) -> Result<Option<RecordRow>>;
    /// The space's agreement record, if it has one.
    async fn agreement_record(&self, space_id: &str) -> Result<Option<RecordRow>>;
    /// Every record of a space, oldest first.
    async fn records_of_space(&self, space_id: &str) -> Result<Vec<RecordRow>>;
    /// Every record of every space, for `attune check`.
    async fn all_records(&self) -> Result<Vec<RecordRow>>;
    /// A record's versions, oldest first.
    async fn versions_of(&self, record_id: &str) -> Result<Vec<VersionRow>>;
    /// Appends a version in one transaction, creating `new_record` first when given. The version
    /// must be the next number (`Conflict("stale")` otherwise). Any pending change of the record
    /// is withdrawn (a tightening supersedes it) and the record counts as looked at.
    async fn append_version(
        &self,
        new_record: Option<&RecordRow>,
        version: &VersionRow,
    ) -> Result<()>;
    /// Sets a record's review date (`None` clears it) and, when given, when it was last looked at.
    async fn set_review(
        &self,
        record_id: &str,
        review_at: Option<i64>,
        reviewed_at: Option<i64>,
    ) -> Result<()>;

    // Pending changes.
    /// Creates a pending change and confirms it for its proposer; `Conflict("unique")` if the
    /// record already has one pending.
    async fn create_change(&self, change: &ChangeRow) -> Result<()>;
    /// One change of a space.
    async fn change(&self, space_id: &str, id: &str) -> Result<Option<ChangeRow>>;
    /// The changes of a space, newest first (`pending_only` limits to open ones).
    async fn changes_of_space(&self, space_id: &str, pending_only: bool) -> Result<Vec<ChangeRow>>;
    /// Records a member's confirmation (idempotent). Nothing is written unless the change is
    /// still pending and the member belongs to its space.
    async fn confirm_change(&self, change_id: &str, member_id: &str, at: i64) -> Result<()>;
    /// Member ids who confirmed a change, in order.
    async fn confirmations(&self, change_id: &str) -> Result<Vec<String>>;
    /// Declines or withdraws a pending change; `false` if it was no longer pending.
    async fn close_change(
        &self,
        change_id: &str,
        state: &str,
        by: Option<&str>,
        at: i64,
    ) -> Result<bool>;
    /// Applies a pending change in one transaction: marks it applied (only if still pending) and
    /// appends `version`, which must be the next one after the change's base. `false` (writing
    /// nothing) if it was no longer pending; `Conflict("stale")` if the record moved on.
    async fn apply_change(&self, change_id: &str, by: &str, version: &VersionRow) -> Result<bool>;

    // Review.
    async fn add_life_change(&self, row: &LifeChangeRow) -> Result<()>;
    /// A space's life changes, newest first.
    async fn life_changes(&self, space_id: &str) -> Result<Vec<LifeChangeRow>>;

    /// Checks the database's own integrity (SQLite `integrity_check` and `foreign_key_check`; on
    /// PostgreSQL a sanity query over the catalog and every table). Returns the problems found.
    async fn integrity_problems(&self) -> Result<Vec<String>>;
}
