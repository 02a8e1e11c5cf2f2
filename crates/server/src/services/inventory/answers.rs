//! My private answers (B3): one server-enforced envelope per member per space, merged one
//! change at a time; notes and conditions never leave it.

use std::collections::BTreeMap;

use attune_domain::inventory::catalog;
use attune_domain::inventory::item::Role;
use attune_domain::inventory::rating::Rating;
use attune_domain::text::{Lines, clean};
use attune_store::rows::AnswersRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::custom::load_customs;
use super::envelope::{ANSWERS, Blob, Experience, Stored, my_blob, seal_value, snake};
use crate::error::{AppError, AppResult};
use crate::services::sessions::SignedIn;
use crate::services::spaces::membership;
use crate::state::AppState;

/// The most answers one request may change.
pub const MAX_ANSWERS_PER_REQUEST: usize = 1000;
/// The longest private note or condition, in characters.
pub const MAX_NOTE_CHARS: usize = 500;

/// One answer as sent by its owner.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerInput {
    /// A catalog item id, or the id of a custom item I may answer.
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

/// Reads a role name.
pub(super) fn parse_role(s: &str) -> Option<Role> {
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

/// Checks one input against the items I may answer: the catalog, and `customs` (id → roles).
fn check(input: &AnswerInput, customs: &BTreeMap<String, Vec<Role>>) -> AppResult<Change> {
    let (id, roles): (String, &[Role]) = match catalog::find(&input.item) {
        Some(item) => (item.id.to_string(), item.roles),
        None => match customs.get_key_value(&input.item) {
            Some((id, roles)) => (id.clone(), roles.as_slice()),
            None => {
                // SECURITY: someone else's private item reads exactly like an unknown id.
                return Err(AppError::invalid(
                    "item",
                    format!("There is no item \"{}\" here.", shown(&input.item)),
                ));
            }
        },
    };
    let role = parse_role(&input.role)
        .filter(|r| roles.contains(r))
        .ok_or_else(|| {
            let offered: Vec<&str> = roles.iter().map(|r| r.as_str()).collect();
            AppError::invalid(
                "role",
                format!(
                    "\"{}\" can be answered as {}, not as \"{}\".",
                    shown(&id),
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
        None | Some("") => None,
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
    let key = (id.clone(), role);
    Ok((
        key,
        rating.map(|rating| Stored {
            item: id,
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
    let customs: BTreeMap<String, Vec<Role>> =
        if inputs.iter().any(|i| catalog::find(&i.item).is_none()) {
            let member = m.member.id.clone();
            load_customs(state, &mut m)
                .await?
                .into_iter()
                .filter(|c| c.answerable_by(&member))
                .map(|c| (c.id, c.text.roles))
                .collect()
        } else {
            BTreeMap::new()
        };
    let changes = inputs
        .iter()
        .map(|i| check(i, &customs))
        .collect::<AppResult<Vec<_>>>()?;
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
    let sealed = seal_value(state, &mut m, ANSWERS, &member, &member, &blob).await?;
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
