//! A plan as typed (F1), and its checks. Everything here is validated before any rule about the
//! space is asked, so a malformed plan gets a clear 422 naming the field.

use std::collections::{BTreeMap, BTreeSet};

use attune_domain::plan::{
    CHECKLIST, MAX_ACTIVITIES, MAX_NOTE_CHARS, MAX_TITLE_CHARS, intensity, is_checklist_key,
    planned_time,
};
use attune_domain::text::{Lines, clean};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{AppError, AppResult};

/// One activity picked from the open round's matches.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityInput {
    /// The item id, as listed in the round's matches.
    pub item: String,
    /// The role each member takes: member id → role. Must be the match's roles; leave it out to
    /// take them from the match.
    #[serde(default)]
    pub roles: Option<BTreeMap<String, String>>,
}

/// One point of the safety checklist.
#[derive(Debug, Clone, Default, Deserialize, Serialize, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ChecklistEntry {
    /// Whether you have talked it through.
    #[serde(default)]
    pub done: bool,
    /// What you agreed (up to 2000 characters).
    #[serde(default)]
    pub note: Option<String>,
}

/// A new plan.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    /// A short title (1–120 characters).
    pub title: String,
    /// 1–20 activities, each from the open round's matches.
    pub activities: Vec<ActivityInput>,
    /// When (Unix seconds): ahead, within a year; at least 24 h ahead if anything is new to you.
    pub at: i64,
    /// The plan's intensity ceiling, 1 (gentle) … 4 (intense).
    pub ceiling: i64,
    /// How any of you can stop and step out (up to 2000 characters).
    #[serde(default)]
    pub exit_strategy: Option<String>,
    /// Aftercare per member: member id → what they'd like (up to 2000 characters each).
    #[serde(default)]
    pub aftercare: BTreeMap<String, String>,
    /// The safety checklist: `environment`, `equipment`, `hygiene`, `sensory`, `first_aid`,
    /// `medical_stop`.
    #[serde(default)]
    pub checklist: BTreeMap<String, ChecklistEntry>,
    /// The time in your own words ("Saturday evening"), up to 120 characters.
    #[serde(default)]
    pub when: Option<String>,
    /// Ask everyone to agree to a bigger step than gradual progression suggests (each member
    /// then confirms the bigger step separately).
    #[serde(default)]
    pub bigger_step: bool,
}

/// A plan's checked fields.
pub struct Checked {
    pub title: String,
    pub items: Vec<(String, Option<BTreeMap<String, String>>)>,
    pub at: i64,
    pub ceiling: u8,
    pub exit_strategy: String,
    pub aftercare: BTreeMap<String, String>,
    pub checklist: BTreeMap<String, ChecklistEntry>,
    pub when: String,
}

fn note(field: &'static str, label: &str, v: &str) -> AppResult<String> {
    Ok(clean(field, label, v, 0, MAX_NOTE_CHARS, Lines::Multi)?)
}

impl PlanInput {
    /// Checks every field; `members` are the space's member ids.
    pub fn check(&self, now: i64, members: &BTreeSet<String>) -> AppResult<Checked> {
        let title = clean(
            "title",
            "The title",
            &self.title,
            1,
            MAX_TITLE_CHARS,
            Lines::Single,
        )?;
        if self.activities.is_empty() {
            return Err(AppError::invalid(
                "activities",
                "Pick at least one activity from your matches.",
            ));
        }
        if self.activities.len() > MAX_ACTIVITIES {
            return Err(AppError::invalid(
                "activities",
                format!("A plan can hold at most {MAX_ACTIVITIES} activities."),
            ));
        }
        let mut seen = BTreeSet::new();
        let mut items = Vec::new();
        for a in &self.activities {
            if a.item.is_empty() || a.item.len() > 100 || !seen.insert(a.item.clone()) {
                return Err(AppError::invalid(
                    "activities",
                    "Each activity can be picked once, from your matches.",
                ));
            }
            items.push((a.item.clone(), a.roles.clone()));
        }
        let at = planned_time(now, self.at)?;
        let ceiling = intensity("ceiling", self.ceiling)?;
        let exit_strategy = note(
            "exit_strategy",
            "The exit strategy",
            self.exit_strategy.as_deref().unwrap_or(""),
        )?;
        let mut aftercare = BTreeMap::new();
        for (member, text) in &self.aftercare {
            if !members.contains(member) {
                return Err(AppError::invalid(
                    "aftercare",
                    "Aftercare can be written for members of this space only.",
                ));
            }
            aftercare.insert(member.clone(), note("aftercare", "Aftercare", text)?);
        }
        let mut checklist = BTreeMap::new();
        for (key, entry) in &self.checklist {
            if !is_checklist_key(key) {
                return Err(AppError::invalid(
                    "checklist",
                    format!(
                        "The checklist has these points: {}.",
                        CHECKLIST.map(|p| p.key).join(", ")
                    ),
                ));
            }
            let text = note(
                "checklist",
                "A checklist note",
                entry.note.as_deref().unwrap_or(""),
            )?;
            checklist.insert(
                key.clone(),
                ChecklistEntry {
                    done: entry.done,
                    note: (!text.is_empty()).then_some(text),
                },
            );
        }
        let when = clean(
            "when",
            "The time in your words",
            self.when.as_deref().unwrap_or(""),
            0,
            MAX_TITLE_CHARS,
            Lines::Single,
        )?;
        Ok(Checked {
            title,
            items,
            at,
            ceiling,
            exit_strategy,
            aftercare,
            checklist,
            when,
        })
    }
}
