//! Rows the store reads and writes. Ids are text, times are Unix seconds, content is ciphertext.

pub use crate::rows_consent::*;
pub use crate::rows_plans::*;

/// An account. Everything secret is wrapped; the username is a blind index plus an envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserRow {
    pub id: String,
    pub username_index: Vec<u8>,
    pub username_sealed: Vec<u8>,
    pub kdf_profile: String,
    pub kdf_salt: Vec<u8>,
    pub verifier_digest: Vec<u8>,
    pub uk_by_password: Vec<u8>,
    pub uk_by_recovery: Vec<u8>,
    pub public_key: Vec<u8>,
    pub private_key_wrapped: Vec<u8>,
    /// Personal settings (discreet mode, …) sealed under the user key.
    pub prefs_sealed: Vec<u8>,
    pub created_at: i64,
}

/// New password material for an account (password change, recovery, or a profile upgrade).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordUpdate {
    pub kdf_profile: String,
    pub kdf_salt: Vec<u8>,
    pub verifier_digest: Vec<u8>,
    pub uk_by_password: Vec<u8>,
}

/// A signed-in session. Only a digest of its id and the user key wrapped under its key are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRow {
    pub id_digest: Vec<u8>,
    /// A random public handle, to list and end sessions without revealing the id digest.
    pub handle: String,
    pub user_id: String,
    pub uk_wrapped: Vec<u8>,
    pub device_sealed: Vec<u8>,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// Failed-login bookkeeping for one throttle key (a blind index of a username or an address).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottleRow {
    pub failures: i64,
    pub next_allowed_at: i64,
}

/// A space (one relationship). Its name is sealed under the current relationship key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpaceRow {
    pub id: String,
    pub created_at: i64,
    pub key_version: i64,
    pub name_sealed: Vec<u8>,
}

/// A member of a space. Display name and pronouns are one sealed profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberRow {
    pub id: String,
    pub space_id: String,
    pub user_id: String,
    pub joined_at: i64,
    pub profile_sealed: Vec<u8>,
}

/// A relationship key version sealed to one member's public key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpaceKeyRow {
    pub space_id: String,
    pub user_id: String,
    pub key_version: i64,
    pub sealed_key: Vec<u8>,
}

/// A one-time invite. The code is not stored: only a lookup handle and the key wrapped under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteRow {
    pub id: String,
    pub space_id: String,
    pub created_by: String,
    pub lookup: Vec<u8>,
    pub key_wrapped: Vec<u8>,
    pub key_version: i64,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

/// Everything written when a space is created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSpace {
    pub space: SpaceRow,
    pub founder: MemberRow,
    pub founder_key: SpaceKeyRow,
}

/// Everything written when someone joins through an invite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Join {
    pub invite_id: String,
    pub used_at: i64,
    pub member: MemberRow,
    pub key: SpaceKeyRow,
    /// The most members the space may have; checked inside the same transaction.
    pub max_members: i64,
}

/// Everything written when a member leaves: the leaver's rows go, the key rotates for the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leave {
    pub space_id: String,
    pub member_id: String,
    pub user_id: String,
    /// The new key version, sealed to each remaining member. Empty when nobody remains.
    pub new_keys: Vec<SpaceKeyRow>,
    pub new_key_version: i64,
    /// The space's name sealed under the new key.
    pub new_name_sealed: Vec<u8>,
    /// Remaining members' profiles re-sealed under the new key: (member id, envelope).
    pub new_profiles: Vec<(String, Vec<u8>)>,
}

/// One member's inventory answers in one space: a single padded server-enforced envelope holding
/// every item, so the number of rows says nothing about how many items were answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswersRow {
    pub space_id: String,
    pub member_id: String,
    pub sealed: Vec<u8>,
    pub updated_at: i64,
}

/// A reveal round of a space. It is waiting while `opened_at` is `None` and open once it is set;
/// only the newest round (highest `number`) of a space matters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundRow {
    pub id: String,
    pub space_id: String,
    /// Counts up from 1 within a space; unique per space.
    pub number: i64,
    pub created_at: i64,
    pub opened_at: Option<i64>,
}

/// A custom activity added to a space's inventory. Its text is a shared or server-enforced
/// envelope. Until it is offered it is the author's private data and goes when they leave;
/// once offered it belongs to the space and stays, with `author_member_id` cleared when the
/// author leaves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomItemRow {
    pub id: String,
    pub space_id: String,
    /// The member who wrote it; `None` once they have left (offered items only).
    pub author_member_id: Option<String>,
    pub sealed: Vec<u8>,
    /// Whether the author offered it to the other members.
    pub offered: bool,
    pub created_at: i64,
}

/// A versioned shared record of a space: one member's boundary, or the space's agreement. Its
/// versions form a hash chain. It stays with the space when its owner leaves (invariant 8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRow {
    pub id: String,
    pub space_id: String,
    /// `boundary` or `agreement`.
    pub kind: String,
    /// The boundary's owner (a member id, kept after they leave); `None` for the agreement.
    pub owner_member_id: Option<String>,
    pub created_at: i64,
    /// When it should be looked at again, if a date was set.
    pub review_at: Option<i64>,
    /// When it last got a new version or was marked as looked at.
    pub reviewed_at: i64,
}

/// One version of a shared record: a shared envelope plus the hash chain link. `hash` covers the
/// record id, number, author, time, envelope bytes and `prev_hash`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionRow {
    pub record_id: String,
    /// Counts up from 1 within a record.
    pub number: i64,
    pub author_member_id: String,
    pub created_at: i64,
    pub sealed: Vec<u8>,
    pub prev_hash: Vec<u8>,
    pub hash: Vec<u8>,
}

/// A proposed change to a shared record that waits for every member's confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRow {
    pub id: String,
    pub space_id: String,
    pub record_id: String,
    /// The version number it changes (0 when the record has no version yet).
    pub base_number: i64,
    pub proposed_by: String,
    pub created_at: i64,
    /// The proposed content and reason (shared envelope).
    pub sealed: Vec<u8>,
    /// `pending`, `applied`, `declined` or `withdrawn`.
    pub state: String,
    /// Who applied (the last to confirm), declined or withdrew it; `None` when the system
    /// withdrew it (someone left the space, or the owner tightened the boundary meanwhile).
    pub closed_by: Option<String>,
    pub closed_at: Option<i64>,
}

/// "Something changed in our life" (C5): marks everything in the space for review.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LifeChangeRow {
    pub id: String,
    pub space_id: String,
    pub member_id: String,
    pub created_at: i64,
    /// What changed, and an optional note (shared envelope).
    pub sealed: Vec<u8>,
}
