//! A plan's shared envelope: everything people wrote, and the activities with their roles.

use std::collections::BTreeMap;

use attune_store::rows::PlanRow;
use serde::{Deserialize, Serialize};

use super::input::ChecklistEntry;
use crate::error::{AppError, AppResult};
use crate::services::keys::Place;
use crate::services::spaces::Membership;
use crate::state::AppState;

const PURPOSE: &str = "plan";
const TABLE: &str = "plans";

/// One planned activity as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredActivity {
    pub item: String,
    pub title: String,
    pub intensity: u8,
    pub roles: BTreeMap<String, String>,
}

/// The content of a plan's envelope.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlanBody {
    pub title: String,
    /// The members the plan was made for (everyone in the space when it was proposed).
    pub members: Vec<String>,
    pub activities: Vec<StoredActivity>,
    pub exit_strategy: String,
    pub aftercare: BTreeMap<String, String>,
    pub checklist: BTreeMap<String, ChecklistEntry>,
    #[serde(default)]
    pub when: String,
}

/// Seals a plan body for row `plan_id` under the space's current key.
pub async fn seal_body(
    state: &AppState,
    m: &mut Membership,
    plan_id: &str,
    body: &PlanBody,
) -> AppResult<Vec<u8>> {
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    let json = serde_json::to_vec(body).map_err(|e| AppError::Internal(e.into()))?;
    let place = Place {
        purpose: PURPOSE,
        table: TABLE,
        row: plan_id,
        owner: "",
    };
    Ok(m.keys.seal_with(&rk, version, place, &json))
}

/// Opens a plan body; `None` when this member holds no copy of the key it was sealed under
/// (they joined after it was made).
pub async fn open_body(
    state: &AppState,
    m: &mut Membership,
    row: &PlanRow,
) -> AppResult<Option<PlanBody>> {
    match m
        .keys
        .open(
            state.store.as_ref(),
            PURPOSE,
            TABLE,
            &row.id,
            "",
            &row.sealed,
        )
        .await
    {
        Ok(plain) => serde_json::from_slice(&plain)
            .map(Some)
            .map_err(|e| AppError::Internal(e.into())),
        Err(AppError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}
