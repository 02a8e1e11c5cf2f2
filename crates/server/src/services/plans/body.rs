//! A plan's shared envelope: everything people wrote, and the activities with their roles.

use std::collections::BTreeMap;

use attune_store::rows::PlanRow;
use serde::{Deserialize, Serialize};

use super::input::ChecklistEntry;
use crate::error::AppResult;
use crate::services::keys::Place;
use crate::services::shared;
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

/// Where a plan body lives.
fn place(plan_id: &str) -> Place<'_> {
    Place {
        purpose: PURPOSE,
        table: TABLE,
        row: plan_id,
        owner: "",
    }
}

/// Seals a plan body for row `plan_id` under the space's current key.
pub async fn seal_body(
    state: &AppState,
    m: &mut Membership,
    plan_id: &str,
    body: &PlanBody,
) -> AppResult<Vec<u8>> {
    shared::seal_json(state, m, place(plan_id), body).await
}

/// Opens a plan body; `None` when this member holds no copy of the key it was sealed under
/// (they joined after it was made).
pub async fn open_body(
    state: &AppState,
    m: &mut Membership,
    row: &PlanRow,
) -> AppResult<Option<PlanBody>> {
    shared::open_json(state, m, place(&row.id), &row.sealed).await
}
