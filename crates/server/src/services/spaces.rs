//! Spaces (one relationship each): create, list, view, member profiles, leave.

use attune_crypto::RelationshipKey;
use attune_domain::space::{DisplayName, Pronouns, SpaceName};
use attune_store::rows::{Leave, MemberRow, NewSpace, SpaceKeyRow, SpaceRow};
use serde::{Deserialize, Serialize};

use super::keys::{Place, SpaceKeys, keypair, seal_space_key};
use super::sessions::SignedIn;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// What a member shows of themselves in one space (sealed as one shared envelope).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Profile {
    /// How they are called in this space.
    pub display_name: String,
    /// Optional pronouns.
    pub pronouns: Option<String>,
}

/// A member's access to one space: rows plus the keys to open its envelopes.
pub struct Membership {
    /// The space.
    pub space: SpaceRow,
    /// The requesting member.
    pub member: MemberRow,
    /// The relationship keys this member can open.
    pub keys: SpaceKeys,
}

/// Finds the space as a member sees it. Anything else — a missing space, someone else's space,
/// a space the user has left — is the same `NotFound`.
pub async fn membership(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<Membership> {
    // SECURITY: authorisation is membership; non-members cannot tell a foreign space from a missing one.
    if space_id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let member = state
        .store
        .member_of(space_id, &me.user_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let space = state
        .store
        .space_by_id(space_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let user = state
        .store
        .user_by_id(&me.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let keys = SpaceKeys::new(space_id, &me.user_id, keypair(&user, &me.uk)?);
    Ok(Membership {
        space,
        member,
        keys,
    })
}

fn seal_name(
    keys: &SpaceKeys,
    rk: &RelationshipKey,
    version: i64,
    space_id: &str,
    name: &str,
) -> Vec<u8> {
    let place = Place {
        purpose: "space-name",
        table: "spaces",
        row: space_id,
        owner: "",
    };
    keys.seal_with(rk, version, place, name.as_bytes())
}

fn seal_profile(
    keys: &SpaceKeys,
    rk: &RelationshipKey,
    version: i64,
    member_id: &str,
    profile: &Profile,
) -> Vec<u8> {
    let json = serde_json::to_vec(profile).unwrap_or_default();
    let place = Place {
        purpose: "member-profile",
        table: "members",
        row: member_id,
        owner: member_id,
    };
    keys.seal_with(rk, version, place, &json)
}

/// Seals a new member's profile (used when joining).
pub fn sealed_profile(
    keys: &SpaceKeys,
    rk: &RelationshipKey,
    version: i64,
    member_id: &str,
    profile: &Profile,
) -> Vec<u8> {
    seal_profile(keys, rk, version, member_id, profile)
}

/// Checks a display name and pronouns and builds the profile.
pub fn parse_profile(display_name: &str, pronouns: Option<&str>) -> AppResult<Profile> {
    Ok(Profile {
        display_name: DisplayName::parse(display_name)?.as_str().to_string(),
        pronouns: Pronouns::parse(pronouns.unwrap_or(""))?.map(|p| p.as_str().to_string()),
    })
}

async fn open_name(state: &AppState, m: &mut Membership) -> AppResult<String> {
    let plain = m
        .keys
        .open(
            state.store.as_ref(),
            "space-name",
            "spaces",
            &m.space.id,
            "",
            &m.space.name_sealed,
        )
        .await?;
    Ok(String::from_utf8_lossy(&plain).into_owned())
}

pub(crate) async fn open_profile(
    state: &AppState,
    keys: &mut SpaceKeys,
    member: &MemberRow,
) -> AppResult<Profile> {
    let plain = keys
        .open(
            state.store.as_ref(),
            "member-profile",
            "members",
            &member.id,
            &member.id,
            &member.profile_sealed,
        )
        .await?;
    serde_json::from_slice(&plain).map_err(|e| AppError::Internal(e.into()))
}

/// Creates a space with the signed-in user as its first member; returns its id.
pub async fn create(
    state: &AppState,
    me: &SignedIn,
    name: &str,
    display_name: &str,
    pronouns: Option<&str>,
) -> AppResult<String> {
    let name = SpaceName::parse(name)?;
    let profile = parse_profile(display_name, pronouns)?;
    let user = state
        .store
        .user_by_id(&me.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let space_id = uuid::Uuid::new_v4().to_string();
    let member_id = uuid::Uuid::new_v4().to_string();
    let rk = RelationshipKey::random();
    let keys = SpaceKeys::new(&space_id, &me.user_id, keypair(&user, &me.uk)?);
    let now = state.clock.now();
    state
        .store
        .create_space(&NewSpace {
            space: SpaceRow {
                id: space_id.clone(),
                created_at: now,
                key_version: 1,
                name_sealed: seal_name(&keys, &rk, 1, &space_id, name.as_str()),
            },
            founder: MemberRow {
                id: member_id.clone(),
                space_id: space_id.clone(),
                user_id: me.user_id.clone(),
                joined_at: now,
                profile_sealed: seal_profile(&keys, &rk, 1, &member_id, &profile),
            },
            founder_key: SpaceKeyRow {
                space_id: space_id.clone(),
                user_id: me.user_id.clone(),
                key_version: 1,
                sealed_key: seal_space_key(&space_id, 1, &me.user_id, &user.public_key, &rk)?,
            },
        })
        .await?;
    Ok(space_id)
}

/// One of my spaces, as listed on the home page.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SpaceSummary {
    /// The space's id.
    pub id: String,
    /// Its name (only members see it).
    pub name: String,
    /// My member id in it.
    pub member_id: String,
    /// My display name in it.
    pub display_name: String,
}

/// Lists the spaces of the signed-in user.
pub async fn list(state: &AppState, me: &SignedIn) -> AppResult<Vec<SpaceSummary>> {
    let user = state
        .store
        .user_by_id(&me.user_id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let mut out = Vec::new();
    for (space, member) in state.store.spaces_of_user(&me.user_id).await? {
        let keys = SpaceKeys::new(&space.id, &me.user_id, keypair(&user, &me.uk)?);
        let mut m = Membership {
            space,
            member,
            keys,
        };
        let name = open_name(state, &mut m).await?;
        let profile = open_profile(state, &mut m.keys, &m.member).await?;
        out.push(SpaceSummary {
            id: m.space.id,
            name,
            member_id: m.member.id,
            display_name: profile.display_name,
        });
    }
    Ok(out)
}

/// A member as the others see them.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MemberView {
    /// The member's id in this space.
    pub member_id: String,
    /// Their display name here.
    pub display_name: String,
    /// Their pronouns, if given.
    pub pronouns: Option<String>,
    /// When they joined (Unix seconds).
    pub joined_at: i64,
    /// Whether this is the requesting member.
    pub is_me: bool,
}

/// A space as its members see it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SpaceView {
    /// The space's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The requesting member's id.
    pub me: String,
    /// When it was created (Unix seconds).
    pub created_at: i64,
    /// Everyone in it, in order of joining.
    pub members: Vec<MemberView>,
}

/// Shows one space to one of its members.
pub async fn view(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<SpaceView> {
    let mut m = membership(state, me, space_id).await?;
    let name = open_name(state, &mut m).await?;
    let mut members = Vec::new();
    for row in state.store.members_of_space(space_id).await? {
        let profile = open_profile(state, &mut m.keys, &row).await?;
        members.push(MemberView {
            is_me: row.id == m.member.id,
            member_id: row.id,
            display_name: profile.display_name,
            pronouns: profile.pronouns,
            joined_at: row.joined_at,
        });
    }
    Ok(SpaceView {
        id: m.space.id,
        name,
        me: m.member.id,
        created_at: m.space.created_at,
        members,
    })
}

/// Changes my display name and pronouns in one space.
pub async fn update_profile(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    display_name: &str,
    pronouns: Option<&str>,
) -> AppResult<()> {
    let profile = parse_profile(display_name, pronouns)?;
    let mut m = membership(state, me, space_id).await?;
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    let sealed = seal_profile(&m.keys, &rk, version, &m.member.id, &profile);
    state
        .store
        .update_member_profile(&m.member.id, &sealed)
        .await?;
    Ok(())
}

/// Leaves a space, alone and at once (invariant 8). The relationship key rotates so the server
/// can no longer open anything new of the space for the leaver; the leaver's rows are deleted;
/// the remaining members keep the shared record.
pub async fn leave(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<()> {
    let mut m = membership(state, me, space_id).await?;
    let others: Vec<MemberRow> = state
        .store
        .members_of_space(space_id)
        .await?
        .into_iter()
        .filter(|r| r.id != m.member.id)
        .collect();
    let new_version = m.space.key_version + 1;
    let mut leave = Leave {
        space_id: space_id.into(),
        member_id: m.member.id.clone(),
        user_id: me.user_id.clone(),
        new_keys: Vec::new(),
        new_key_version: new_version,
        new_name_sealed: Vec::new(),
        new_profiles: Vec::new(),
    };
    if !others.is_empty() {
        let rk = RelationshipKey::random();
        let name = open_name(state, &mut m).await?;
        leave.new_name_sealed = seal_name(&m.keys, &rk, new_version, space_id, &name);
        for other in &others {
            let user = state
                .store
                .user_by_id(&other.user_id)
                .await?
                .ok_or(AppError::NotFound)?;
            leave.new_keys.push(SpaceKeyRow {
                space_id: space_id.into(),
                user_id: other.user_id.clone(),
                key_version: new_version,
                sealed_key: seal_space_key(
                    space_id,
                    new_version,
                    &other.user_id,
                    &user.public_key,
                    &rk,
                )?,
            });
            let profile = open_profile(state, &mut m.keys, other).await?;
            leave.new_profiles.push((
                other.id.clone(),
                seal_profile(&m.keys, &rk, new_version, &other.id, &profile),
            ));
        }
    }
    state.store.leave_space(&leave).await?;
    state.store.checkpoint().await?;
    Ok(())
}
