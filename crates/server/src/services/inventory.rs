//! The desire inventory (B1–B7): the catalog, a member's private answers, reveal rounds, matches and the honesty guard.

use std::collections::BTreeMap;

use attune_crypto::{Aad, EnvelopeKind, envelope_key_version, open, seal};
use attune_domain::inventory::catalog;
use attune_domain::inventory::honesty::honesty;
use attune_domain::inventory::item::Role;
use attune_domain::inventory::matching::{Answers, Round, visible_matches};
use attune_domain::inventory::rating::Rating;
use attune_domain::text::{Lines, clean};
use attune_store::StoreError;
use attune_store::rows::{AnswersRow, RoundRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::sessions::SignedIn;
use super::spaces::{Membership, membership};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The most answers one request may change.
pub const MAX_ANSWERS_PER_REQUEST: usize = 1000;
/// The longest private note or condition, in characters.
pub const MAX_NOTE_CHARS: usize = 500;
/// The cooling period between rounds when the space has not chosen one (7 days).
pub const DEFAULT_COOLING_SECS: i64 = 7 * 24 * 60 * 60;
/// What the round view says about the limits of matching (B6).
pub const EXPLANATION: &str = "Matching shows only what everyone is at least curious about. \
It can't tell whether someone answered honestly, which is why the counts below are shown: how \
many items each person answered, how many of them were a yes, and how many answers changed \
since the last round.";

const ANSWERS: &str = "inventory-answers";
const SNAPSHOT: &str = "inventory-snapshot";

/// Have done / have not, kept apart from desire (B3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Experience {
    Done,
    NotYet,
}

/// One stored answer. Note and conditions live only in the member's own answers envelope.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    item: String,
    role: Role,
    rating: Rating,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    experience: Option<Experience>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    conditions: Option<String>,
}

/// The plaintext of an answers or snapshot envelope.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Blob {
    answers: Vec<Stored>,
}

/// One answer as sent by its owner.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerInput {
    /// A catalog item id.
    pub item: String,
    /// One of the roles the item offers: `doing`, `receiving`, `either`, `leading`, `following`.
    pub role: String,
    /// `yes`, `maybe`, `no`, `limit`, or `none` to clear the answer.
    pub rating: String,
    /// Optional: `done` or `not_yet`.
    #[serde(default)]
    pub experience: Option<String>,
    /// Optional private note, up to 500 characters; only its author ever sees it.
    #[serde(default)]
    pub note: Option<String>,
    /// Optional private conditions ("only if…"), up to 500 characters; only its author sees them.
    #[serde(default)]
    pub conditions: Option<String>,
}

/// One of my answers, as I see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AnswerView {
    /// The item id.
    pub item: String,
    /// The role answered.
    pub role: String,
    /// `yes`, `maybe`, `no` or `limit`.
    pub rating: String,
    /// `done` or `not_yet`, if marked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<String>,
    /// My private note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// My private conditions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditions: Option<String>,
}

/// One catalog item.
#[derive(Debug, Serialize, ToSchema)]
pub struct CatalogItem {
    /// Stable id.
    pub id: String,
    /// Category, in snake_case.
    pub category: String,
    /// Short title.
    pub title: String,
    /// One neutral sentence.
    pub description: String,
    /// 1 gentle … 4 intense.
    pub intensity: u8,
    /// The roles it can be rated in.
    pub roles: Vec<String>,
}

fn snake<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The built-in catalog (B1).
pub fn catalog_items() -> Vec<CatalogItem> {
    catalog::all()
        .iter()
        .map(|i| CatalogItem {
            id: i.id.into(),
            category: snake(&i.category),
            title: i.title.into(),
            description: i.description.into(),
            intensity: i.intensity,
            roles: i.roles.iter().map(|r| r.as_str().to_string()).collect(),
        })
        .collect()
}

/// Lists the catalog to a member of the space.
pub async fn catalog_for(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
) -> AppResult<Vec<CatalogItem>> {
    membership(state, me, space_id).await?;
    Ok(catalog_items())
}

fn roles_of(item: &str) -> Option<&'static [Role]> {
    catalog::find(item).map(|i| i.roles)
}

fn aad<'a>(purpose: &'a str, row: &'a str, owner: &'a str, space: &'a str, v: u32) -> Aad<'a> {
    let table = if purpose == ANSWERS {
        "inventory_answers"
    } else {
        "inventory_snapshots"
    };
    Aad {
        kind: EnvelopeKind::ServerEnforced,
        purpose,
        table,
        row_id: row,
        owner,
        space,
        key_version: v,
    }
}

/// Seals a blob under the space's current key.
async fn seal_blob(
    state: &AppState,
    m: &mut Membership,
    purpose: &str,
    row: &str,
    owner: &str,
    blob: &Blob,
) -> AppResult<Vec<u8>> {
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    // SECURITY: server-enforced envelopes need the relationship key and the server secret; the
    // padding in `seal` hides how many answers there are.
    let key = state.secret.enforced_key(&rk, purpose);
    let json = serde_json::to_vec(blob).map_err(|e| AppError::Internal(e.into()))?;
    let space = m.space.id.clone();
    Ok(seal(
        &key,
        &aad(purpose, row, owner, &space, version as u32),
        &json,
    ))
}

/// Opens a blob with the key version named in its header. `None` when this member holds no copy
/// of that key version (it was sealed before they joined and never rewritten): it then counts as
/// unanswered, which can only hide matches, never show one.
async fn open_blob(
    state: &AppState,
    m: &mut Membership,
    purpose: &str,
    row: &str,
    owner: &str,
    envelope: &[u8],
) -> AppResult<Option<Blob>> {
    let version = envelope_key_version(envelope)?;
    let rk = match m.keys.get(state.store.as_ref(), i64::from(version)).await {
        Ok(rk) => rk,
        Err(AppError::NotFound) => return Ok(None),
        Err(e) => return Err(e),
    };
    let key = state.secret.enforced_key(&rk, purpose);
    let space = m.space.id.clone();
    let plain = open(&key, &aad(purpose, row, owner, &space, version), envelope)?;
    serde_json::from_slice(&plain)
        .map(Some)
        .map_err(|e| AppError::Internal(e.into()))
}

async fn my_blob(state: &AppState, m: &mut Membership) -> AppResult<Blob> {
    let member = m.member.id.clone();
    match state.store.answers_of(&m.space.id, &member).await? {
        Some(row) => Ok(open_blob(state, m, ANSWERS, &member, &member, &row.sealed)
            .await?
            .unwrap_or_default()),
        None => Ok(Blob::default()),
    }
}

fn ratings(blob: &Blob) -> Answers {
    blob.answers
        .iter()
        .map(|a| ((a.item.clone(), a.role), a.rating))
        .collect()
}

fn parse_role(s: &str) -> Option<Role> {
    Some(match s {
        "doing" => Role::Doing,
        "receiving" => Role::Receiving,
        "either" => Role::Either,
        "leading" => Role::Leading,
        "following" => Role::Following,
        _ => return None,
    })
}

fn shown(id: &str) -> String {
    id.chars().take(64).collect()
}

fn private_text(field: &'static str, label: &str, v: Option<&str>) -> AppResult<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    let text = clean(field, label, v, 0, MAX_NOTE_CHARS, Lines::Multi)?;
    Ok((!text.is_empty()).then_some(text))
}

/// A checked input: the key it answers, and the new answer (`None` clears it).
type Change = ((String, Role), Option<Stored>);

fn check(input: &AnswerInput) -> AppResult<Change> {
    let item = catalog::find(&input.item).ok_or_else(|| {
        AppError::invalid(
            "item",
            format!(
                "There is no item \"{}\" in the catalog.",
                shown(&input.item)
            ),
        )
    })?;
    let role = parse_role(&input.role)
        .filter(|r| item.roles.contains(r))
        .ok_or_else(|| {
            let offered: Vec<&str> = item.roles.iter().map(|r| r.as_str()).collect();
            AppError::invalid(
                "role",
                format!(
                    "\"{}\" can be answered as {}, not as \"{}\".",
                    item.id,
                    offered.join(" or "),
                    shown(&input.role)
                ),
            )
        })?;
    let rating = match input.rating.as_str() {
        "yes" => Some(Rating::Yes),
        "maybe" => Some(Rating::Maybe),
        "no" => Some(Rating::No),
        "limit" => Some(Rating::Limit),
        "none" => None,
        _ => {
            return Err(AppError::invalid(
                "rating",
                "A rating is yes, maybe, no, limit, or none to clear the answer.",
            ));
        }
    };
    let experience = match input.experience.as_deref() {
        None => None,
        Some("done") => Some(Experience::Done),
        Some("not_yet") => Some(Experience::NotYet),
        Some(_) => {
            return Err(AppError::invalid(
                "experience",
                "Experience is done or not_yet, or left out.",
            ));
        }
    };
    let note = private_text("note", "A note", input.note.as_deref())?;
    let conditions = private_text("conditions", "Conditions", input.conditions.as_deref())?;
    let key = (item.id.to_string(), role);
    Ok((
        key,
        rating.map(|rating| Stored {
            item: item.id.into(),
            role,
            rating,
            experience,
            note,
            conditions,
        }),
    ))
}

/// Merges answers into mine (B3). Every entry is checked before anything is written.
pub async fn put_answers(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    inputs: &[AnswerInput],
) -> AppResult<()> {
    if inputs.len() > MAX_ANSWERS_PER_REQUEST {
        return Err(AppError::invalid(
            "answers",
            format!("Send at most {MAX_ANSWERS_PER_REQUEST} answers at a time."),
        ));
    }
    let mut m = membership(state, me, space_id).await?;
    let changes = inputs.iter().map(check).collect::<AppResult<Vec<_>>>()?;
    let mut mine: BTreeMap<(String, Role), Stored> = my_blob(state, &mut m)
        .await?
        .answers
        .into_iter()
        .map(|a| ((a.item.clone(), a.role), a))
        .collect();
    for (key, answer) in changes {
        match answer {
            Some(a) => mine.insert(key, a),
            None => mine.remove(&key),
        };
    }
    let blob = Blob {
        answers: mine.into_values().collect(),
    };
    let member = m.member.id.clone();
    let sealed = seal_blob(state, &mut m, ANSWERS, &member, &member, &blob).await?;
    state
        .store
        .put_answers(&AnswersRow {
            space_id: space_id.into(),
            member_id: member,
            sealed,
            updated_at: state.clock.now(),
        })
        .await?;
    Ok(())
}

/// My own answers, with my notes and conditions, sorted by item then role.
pub async fn my_answers(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
) -> AppResult<Vec<AnswerView>> {
    let mut m = membership(state, me, space_id).await?;
    let mut answers = my_blob(state, &mut m).await?.answers;
    answers.sort_by(|a, b| (&a.item, a.role).cmp(&(&b.item, b.role)));
    Ok(answers
        .into_iter()
        .map(|a| AnswerView {
            item: a.item,
            role: a.role.as_str().into(),
            rating: snake(&a.rating),
            experience: a.experience.map(|e| snake(&e)),
            note: a.note,
            conditions: a.conditions,
        })
        .collect())
}

fn round_id(space_id: &str, number: i64) -> String {
    // Deterministic, so the previous round's snapshots can be found for the honesty guard.
    format!("{space_id}/{number}")
}

async fn new_round(state: &AppState, space_id: &str, number: i64) -> AppResult<RoundRow> {
    let row = RoundRow {
        id: round_id(space_id, number),
        space_id: space_id.into(),
        number,
        created_at: state.clock.now(),
        opened_at: None,
    };
    match state.store.create_round(&row).await {
        Ok(()) => Ok(row),
        // Someone else started the same round at the same moment: use theirs.
        Err(StoreError::Conflict(_)) => state
            .store
            .latest_round(space_id)
            .await?
            .ok_or(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

fn wait_message(secs: i64) -> String {
    let hours = (secs + 3599) / 3600;
    let when = if hours > 48 {
        format!("{} days", (secs + 86_399) / 86_400)
    } else if hours > 1 {
        format!("{hours} hours")
    } else {
        "an hour".to_string()
    };
    format!(
        "A new round can start once the cooling period since the last reveal has passed: in about {when}."
    )
}

/// The round my "reveal" applies to: the waiting one, or a new one if cooling allows.
async fn current_round(state: &AppState, space_id: &str) -> AppResult<RoundRow> {
    let Some(latest) = state.store.latest_round(space_id).await? else {
        return new_round(state, space_id, 1).await;
    };
    let Some(opened_at) = latest.opened_at else {
        return Ok(latest);
    };
    let cooling = state
        .store
        .round_cooling(space_id)
        .await?
        .unwrap_or(DEFAULT_COOLING_SECS);
    let left = opened_at + cooling - state.clock.now();
    if left > 0 {
        return Err(AppError::Conflict(wait_message(left)));
    }
    new_round(state, space_id, latest.number + 1).await
}

/// Presses "reveal" (B5). Returns whether the round is now open.
pub async fn reveal(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<bool> {
    let mut m = membership(state, me, space_id).await?;
    let round = current_round(state, space_id).await?;
    let now = state.clock.now();
    state.store.mark_ready(&round.id, &m.member.id, now).await?;
    let ready = state.store.ready_members(&round.id).await?;
    let members = state.store.members_of_space(space_id).await?;
    if !members.iter().all(|r| ready.contains(&r.id)) {
        return Ok(false);
    }
    let mut sealed_answers: BTreeMap<String, Vec<u8>> = state
        .store
        .answers_in_space(space_id)
        .await?
        .into_iter()
        .map(|row| (row.member_id, row.sealed))
        .collect();
    let mut snapshots = Vec::new();
    for member in &members {
        let blob = match sealed_answers.remove(&member.id) {
            Some(sealed) => open_blob(state, &mut m, ANSWERS, &member.id, &member.id, &sealed)
                .await?
                .unwrap_or_default(),
            None => Blob::default(),
        };
        // SECURITY: only ratings are frozen; private notes and conditions never leave the
        // member's own answers envelope.
        let frozen = Blob {
            answers: blob
                .answers
                .into_iter()
                .map(|a| Stored {
                    experience: None,
                    note: None,
                    conditions: None,
                    ..a
                })
                .collect(),
        };
        let sealed = seal_blob(state, &mut m, SNAPSHOT, &round.id, &member.id, &frozen).await?;
        snapshots.push((member.id.clone(), sealed));
    }
    state.store.open_round(&round.id, now, &snapshots).await?;
    Ok(true)
}

/// One revealed item.
#[derive(Debug, Serialize, ToSchema)]
pub struct MatchView {
    /// The item id.
    pub item: String,
    /// `yes` (everyone yes) or `maybe` (everyone at least maybe: worth talking about).
    pub tier: String,
    /// The role each member takes: member id → role.
    pub roles: BTreeMap<String, String>,
}

/// The honesty guard for one other member (B6): counts, never answers.
#[derive(Debug, Serialize, ToSchema)]
pub struct HonestyView {
    /// The member's id.
    pub member_id: String,
    /// How many item-roles they had answered when the round opened.
    pub answered: usize,
    /// The share of yes: `under_half`, `most` or `nearly_all`.
    pub yes_band: String,
    /// How many answers changed since the previous round.
    pub changed_since_last_round: usize,
}

/// The latest round as one member sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoundView {
    /// `none`, `waiting` or `open`.
    pub status: String,
    /// When it opened (Unix seconds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<i64>,
    /// Member ids who pressed reveal.
    pub ready: Vec<String>,
    /// What everyone is at least curious about; empty until the round is open.
    pub matches: Vec<MatchView>,
    /// The honesty guard for every other member; empty until the round is open.
    pub members: Vec<HonestyView>,
    /// What matching can and cannot tell, in plain words.
    pub explanation: String,
}

async fn frozen_of(
    state: &AppState,
    m: &mut Membership,
    round_id: &str,
) -> AppResult<BTreeMap<String, Answers>> {
    let mut out = BTreeMap::new();
    for (member, sealed) in state.store.snapshots_of(round_id).await? {
        let blob = open_blob(state, m, SNAPSHOT, round_id, &member, &sealed).await?;
        out.insert(member, blob.as_ref().map(ratings).unwrap_or_default());
    }
    Ok(out)
}

/// The latest round: matches with lowering applied at once (B7), and the honesty guard.
pub async fn round(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<RoundView> {
    let mut m = membership(state, me, space_id).await?;
    let mut view = RoundView {
        status: "none".into(),
        opened_at: None,
        ready: Vec::new(),
        matches: Vec::new(),
        members: Vec::new(),
        explanation: EXPLANATION.into(),
    };
    let Some(latest) = state.store.latest_round(space_id).await? else {
        return Ok(view);
    };
    view.ready = state.store.ready_members(&latest.id).await?;
    let Some(opened_at) = latest.opened_at else {
        view.status = "waiting".into();
        return Ok(view);
    };
    view.status = "open".into();
    view.opened_at = Some(opened_at);
    let frozen = frozen_of(state, &mut m, &latest.id).await?;
    let mut current = BTreeMap::new();
    for row in state.store.answers_in_space(space_id).await? {
        let blob = open_blob(
            state,
            &mut m,
            ANSWERS,
            &row.member_id,
            &row.member_id,
            &row.sealed,
        )
        .await?;
        current.insert(
            row.member_id,
            blob.as_ref().map(ratings).unwrap_or_default(),
        );
    }
    let round = Round {
        frozen: frozen.clone(),
    };
    // SECURITY: only matches leave here; a no, a skip and a non-match look the same (invariant 4).
    view.matches = visible_matches(&round, &current, roles_of)
        .into_iter()
        .map(|x| MatchView {
            item: x.item,
            tier: snake(&x.tier),
            roles: x
                .roles
                .into_iter()
                .map(|(k, r)| (k, r.as_str().to_string()))
                .collect(),
        })
        .collect();
    let previous = if latest.number > 1 {
        Some(frozen_of(state, &mut m, &round_id(space_id, latest.number - 1)).await?)
    } else {
        None
    };
    let empty = Answers::new();
    for member in state.store.members_of_space(space_id).await? {
        if member.id == m.member.id {
            continue;
        }
        let this = frozen.get(&member.id).unwrap_or(&empty);
        let prev = previous.as_ref().and_then(|p| p.get(&member.id));
        let h = honesty(this, prev);
        view.members.push(HonestyView {
            member_id: member.id,
            answered: h.answered,
            yes_band: snake(&h.yes_band),
            changed_since_last_round: h.changed_since_last_round,
        });
    }
    Ok(view)
}

/// A hard limit declared by rating an inventory item *limit* (B3). Shown to the whole space.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct DeclaredLimit {
    /// The member who declared it.
    pub member_id: String,
    /// The item id.
    pub item: String,
    /// The role the limit was declared for.
    pub role: String,
}

/// Every limit declared in the space's inventory as the answers stand now, by member then item.
/// Limits are the one rating the whole space sees (they become declared hard limits); nothing
/// else about anyone's answers leaves here.
pub async fn declared_limits(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
) -> AppResult<Vec<DeclaredLimit>> {
    let mut m = membership(state, me, space_id).await?;
    let mut out = Vec::new();
    for row in state.store.answers_in_space(space_id).await? {
        let Some(blob) = open_blob(
            state,
            &mut m,
            ANSWERS,
            &row.member_id,
            &row.member_id,
            &row.sealed,
        )
        .await?
        else {
            continue;
        };
        // SECURITY: only the limit ratings leave; notes and conditions stay private.
        out.extend(
            blob.answers
                .into_iter()
                .filter(|a| a.rating == Rating::Limit)
                .map(|a| DeclaredLimit {
                    member_id: row.member_id.clone(),
                    item: a.item,
                    role: a.role.as_str().into(),
                }),
        );
    }
    out.sort_by(|a, b| (&a.member_id, &a.item, &a.role).cmp(&(&b.member_id, &b.item, &b.role)));
    Ok(out)
}
