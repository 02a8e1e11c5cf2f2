//! What a space may plan right now (F1–F3, invariants 2 and 3): the open round's matches as
//! they stand (lowering applies at once), every declared limit, the "go slower" ceiling, the
//! pause, and what the space has already done — for gradual progression and the reflection
//! interval.

use std::collections::{BTreeMap, BTreeSet};

use attune_domain::debrief::debriefs_good;
use attune_domain::plan::{PlanFacts, PlanStatus, status};
use attune_store::rows::{PlanConfirmationRow, PlanRow};

use super::body::{PlanBody, open_body};
use super::debriefs::aftercare_answers;
use crate::error::AppResult;
use crate::services::consent::intensity_ceiling;
use crate::services::inventory::{catalog, rounds};
use crate::services::pause::is_paused;
use crate::services::sessions::SignedIn;
use crate::services::spaces::Membership;
use crate::state::AppState;

/// An item any member can see: its title and intensity.
#[derive(Debug, Clone)]
pub struct ItemInfo {
    pub title: String,
    pub intensity: u8,
}

/// One plan with what its status is worked out from.
pub struct PlanState {
    pub row: PlanRow,
    pub body: PlanBody,
    pub confirmations: Vec<PlanConfirmationRow>,
    pub status: PlanStatus,
}

impl PlanState {
    /// Whether it took place: everyone confirmed, its time came, and nobody withdrew before.
    pub fn happened(&self) -> bool {
        matches!(self.status, PlanStatus::Debrief | PlanStatus::Done)
            && self.row.withdrawn_at.is_none()
    }
}

/// Everything the plan rules need, loaded once per request.
pub struct Context {
    pub now: i64,
    /// Current member ids.
    pub members: BTreeSet<String>,
    /// The open round's matches now: item → roles.
    pub matches: BTreeMap<String, BTreeMap<String, String>>,
    /// Items any member has declared a limit on (in any role).
    pub limits: BTreeSet<String>,
    /// Titles and intensities of every item I can see.
    pub items: BTreeMap<String, ItemInfo>,
    /// The "go slower" ceiling, if anyone set one.
    pub slower: Option<u8>,
    /// Whether the space is paused.
    pub paused: bool,
}

impl Context {
    /// Loads the rules' inputs for the space `m` belongs to.
    pub async fn load(state: &AppState, me: &SignedIn, m: &Membership) -> AppResult<Context> {
        let space = m.space.id.as_str();
        let members = state
            .store
            .members_of_space(space)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        let round = rounds::round(state, me, space).await?;
        let matches = round
            .matches
            .into_iter()
            .map(|x| (x.item, x.roles))
            .collect();
        // SECURITY: invariant 3: every declared limit, in any role, keeps its item out of plans.
        let limits = rounds::declared_limits(state, me, space)
            .await?
            .into_iter()
            .map(|l| l.item)
            .collect();
        let items = catalog::catalog_for(state, me, space)
            .await?
            .into_iter()
            .map(|i| {
                (
                    i.id,
                    ItemInfo {
                        title: i.title,
                        intensity: i.intensity,
                    },
                )
            })
            .collect();
        Ok(Context {
            now: state.clock.now(),
            members,
            matches,
            limits,
            items,
            slower: intensity_ceiling(state, space).await?,
            paused: is_paused(state, space).await?,
        })
    }

    /// Whether an activity with these roles may be planned now: a current match with exactly
    /// these roles, and nobody's declared limit. The answer never says which it was.
    pub fn plannable(&self, item: &str, roles: &BTreeMap<String, String>) -> bool {
        self.matches.get(item) == Some(roles) && !self.limits.contains(item)
    }

    /// Whether every activity of a plan is still plannable, under the "go slower" ceiling, for
    /// exactly the people now in the space.
    pub fn still_possible(&self, body: &PlanBody) -> bool {
        let made_for: BTreeSet<String> = body.members.iter().cloned().collect();
        made_for == self.members
            && body.activities.iter().all(|a| {
                self.plannable(&a.item, &a.roles) && self.slower.is_none_or(|c| a.intensity <= c)
            })
    }

    /// Whether every member the plan was made for confirmed it (and its bigger step, if any),
    /// and they are still exactly the people in the space.
    pub fn all_confirmed(
        &self,
        row: &PlanRow,
        body: &PlanBody,
        confirmations: &[PlanConfirmationRow],
    ) -> bool {
        let made_for: BTreeSet<String> = body.members.iter().cloned().collect();
        made_for == self.members
            && made_for.iter().all(|m| {
                confirmations
                    .iter()
                    .any(|c| &c.member_id == m && (row.bigger_step == 0 || c.bigger_step == 1))
            })
    }

    /// Works out a plan's status now.
    pub fn status_of(
        &self,
        row: &PlanRow,
        body: &PlanBody,
        confirmations: &[PlanConfirmationRow],
    ) -> PlanStatus {
        status(
            PlanFacts {
                withdrawn_at: row.withdrawn_at,
                paused: self.paused,
                still_possible: self.still_possible(body),
                all_confirmed: self.all_confirmed(row, body, confirmations),
                at: row.at,
                debriefs_revealed: row.debriefs_revealed_at.is_some(),
            },
            self.now,
        )
    }

    /// Every plan of the space I can open, newest first, with its status.
    pub async fn plans(&self, state: &AppState, m: &mut Membership) -> AppResult<Vec<PlanState>> {
        let mut out = Vec::new();
        for row in state.store.plans_of(&m.space.id).await? {
            let Some(body) = open_body(state, m, &row).await? else {
                continue;
            };
            let confirmations = state.store.plan_confirmations(&row.id).await?;
            let status = self.status_of(&row, &body, &confirmations);
            out.push(PlanState {
                row,
                body,
                confirmations,
                status,
            });
        }
        Ok(out)
    }
}

/// What the space has done together, from its plans.
pub struct History {
    /// Items that were part of a plan that took place.
    pub done: BTreeSet<String>,
    /// The highest intensity completed with good debriefs (0 if none).
    pub highest_good: u8,
}

/// Works out the history from the space's plans.
pub async fn history(
    state: &AppState,
    m: &mut Membership,
    plans: &[PlanState],
) -> AppResult<History> {
    let mut done = BTreeSet::new();
    let mut highest_good = 0;
    for p in plans.iter().filter(|p| p.happened()) {
        done.extend(p.body.activities.iter().map(|a| a.item.clone()));
        if p.status == PlanStatus::Done {
            let answers = aftercare_answers(state, m, &p.row.id).await?;
            if debriefs_good(&answers) {
                let level = p.body.activities.iter().map(|a| a.intensity).max();
                highest_good = highest_good.max(level.unwrap_or(0));
            }
        }
    }
    Ok(History { done, highest_good })
}
