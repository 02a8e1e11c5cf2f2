//! Plans (F1–F3): the safety checklist, the gradual-progression rule, the reflection interval
//! for a new activity, and how a plan stands at a given moment. No clock: callers pass `now`.

use serde::{Deserialize, Serialize};

use crate::DomainError;

/// The longest plan title, in characters.
pub const MAX_TITLE_CHARS: usize = 120;
/// The longest exit strategy, aftercare plan or checklist note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// The most activities one plan can hold.
pub const MAX_ACTIVITIES: usize = 20;
/// The reflection interval (F3): a new activity waits this long between proposal and use.
pub const REFLECTION_SECS: i64 = 24 * 60 * 60;
/// How far ahead a plan can be set (a year).
pub const MAX_AHEAD_SECS: i64 = 366 * 24 * 60 * 60;
/// The lowest intensity level.
pub const LOWEST_INTENSITY: u8 = 1;
/// The highest intensity level.
pub const HIGHEST_INTENSITY: u8 = 4;

/// One point of the safety checklist (F1): its key, a heading, and what to talk through.
#[derive(Debug, Clone, Copy)]
pub struct ChecklistPoint {
    /// The field name in forms and the API.
    pub key: &'static str,
    /// A short heading.
    pub title: &'static str,
    /// What to talk through, in our words.
    pub prompt: &'static str,
    /// The learning library page that helps, `/learn/<slug>`.
    pub learn: &'static str,
}

/// The safety checklist, in the order it is walked.
pub const CHECKLIST: [ChecklistPoint; 6] = [
    ChecklistPoint {
        key: "environment",
        title: "The place",
        prompt: "Where will you be? Is it private, warm enough, and free of interruptions? Can either of you leave the room easily?",
        learn: "safewords",
    },
    ChecklistPoint {
        key: "equipment",
        title: "Anything you'll use",
        prompt: "Is everything you'll use clean, in good condition and within reach? For anything that restrains, keep a way to undo it quickly close by.",
        learn: "first-aid",
    },
    ChecklistPoint {
        key: "hygiene",
        title: "Hygiene and safer sex",
        prompt: "Washing, barriers, lubricant, and anything you've agreed about testing or contraception.",
        learn: "hygiene",
    },
    ChecklistPoint {
        key: "sensory",
        title: "Senses and temperature",
        prompt: "Limits for sight, sound, touch, heat and cold. Anything that numbs, blindfolds or muffles makes signals harder to notice.",
        learn: "overwhelm",
    },
    ChecklistPoint {
        key: "first_aid",
        title: "First aid",
        prompt: "Where is a first-aid kit? Does anyone have an allergy, a condition or medication the other should know about?",
        learn: "first-aid",
    },
    ChecklistPoint {
        key: "medical_stop",
        title: "When to stop for health reasons",
        prompt: "Agree the signs that mean stopping at once: numbness, tingling, pain that feels wrong, dizziness, trouble breathing, panic.",
        learn: "first-aid",
    },
];

/// Whether `key` is a checklist point.
pub fn is_checklist_key(key: &str) -> bool {
    CHECKLIST.iter().any(|p| p.key == key)
}

/// Checks an intensity ceiling or level (1 gentle … 4 intense).
pub fn intensity(field: &'static str, value: i64) -> Result<u8, DomainError> {
    match u8::try_from(value) {
        Ok(v) if (LOWEST_INTENSITY..=HIGHEST_INTENSITY).contains(&v) => Ok(v),
        _ => Err(DomainError::invalid(
            field,
            "Choose an intensity from 1 (gentle) to 4 (intense).",
        )),
    }
}

/// Checks the planned time: in the future, and at most a year ahead.
pub fn planned_time(now: i64, at: i64) -> Result<i64, DomainError> {
    if at <= now {
        return Err(DomainError::invalid(
            "at",
            "Choose a time that is still ahead.",
        ));
    }
    if at > now + MAX_AHEAD_SECS {
        return Err(DomainError::invalid(
            "at",
            "Choose a time within the next year.",
        ));
    }
    Ok(at)
}

/// Gradual progression (F2): whether an activity of `level` is a bigger step than the rule
/// allows, given the highest level the space has completed with good debriefs (0 if none).
/// One level above that is a fine next step; anything further asks for a smaller step first.
pub fn step_too_big(level: u8, highest_completed: u8) -> bool {
    level > highest_completed.saturating_add(1)
}

/// The reflection interval (F3): a plan holding a new activity (never part of a completed plan
/// of this space) can be used no sooner than [`REFLECTION_SECS`] after it was proposed.
pub fn reflection_respected(proposed_at: i64, at: i64, has_new_activity: bool) -> bool {
    !has_new_activity || at >= proposed_at + REFLECTION_SECS
}

/// How a plan stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// Someone withdrew: it is off, at once, for everyone.
    Withdrawn,
    /// The space is paused: the plan is suspended while the pause stands.
    Paused,
    /// Something in it can no longer be planned (a lowered answer, a new limit): it is off.
    NoLongerPossible,
    /// Waiting for everyone to confirm.
    Proposed,
    /// Everyone confirmed; its time has not come yet.
    Confirmed,
    /// Its time passed before everyone confirmed: it did not go ahead (silence is never a yes).
    Lapsed,
    /// Its time has come: debriefs are open.
    Debrief,
    /// Everyone has written their debrief: they are shown side by side.
    Done,
}

impl PlanStatus {
    /// The snake_case name used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Withdrawn => "withdrawn",
            PlanStatus::Paused => "paused",
            PlanStatus::NoLongerPossible => "no_longer_possible",
            PlanStatus::Proposed => "proposed",
            PlanStatus::Confirmed => "confirmed",
            PlanStatus::Lapsed => "lapsed",
            PlanStatus::Debrief => "debrief",
            PlanStatus::Done => "done",
        }
    }
}

/// The facts a plan's status is worked out from.
#[derive(Debug, Clone, Copy)]
pub struct PlanFacts {
    /// When it was withdrawn, if it was.
    pub withdrawn_at: Option<i64>,
    /// Whether the space is paused now.
    pub paused: bool,
    /// Whether every activity could still be planned now.
    pub still_possible: bool,
    /// Whether every current member has confirmed.
    pub all_confirmed: bool,
    /// The planned time.
    pub at: i64,
    /// Whether the debriefs have been revealed.
    pub debriefs_revealed: bool,
}

/// Works out a plan's status. Withdrawal wins over everything (invariant 1); a pause suspends
/// every plan that has not been debriefed; nothing turns into a yes by waiting (invariant 2).
pub fn status(f: PlanFacts, now: i64) -> PlanStatus {
    if f.debriefs_revealed {
        return PlanStatus::Done;
    }
    if let Some(w) = f.withdrawn_at {
        // Withdrawn during the plan: debriefs stay open, but it never counts as completed.
        if !(f.all_confirmed && w >= f.at && now >= f.at) {
            return PlanStatus::Withdrawn;
        }
        return PlanStatus::Debrief;
    }
    if f.paused {
        return PlanStatus::Paused;
    }
    if now < f.at {
        if !f.still_possible {
            return PlanStatus::NoLongerPossible;
        }
        return if f.all_confirmed {
            PlanStatus::Confirmed
        } else {
            PlanStatus::Proposed
        };
    }
    if f.all_confirmed {
        PlanStatus::Debrief
    } else {
        PlanStatus::Lapsed
    }
}

/// Whether a plan may still be confirmed: only while proposed (not paused, withdrawn, lapsed
/// or changed), and only before its time.
pub fn can_confirm(s: PlanStatus) -> bool {
    s == PlanStatus::Proposed
}

/// Whether debriefs may be written: once the plan's time has come after everyone confirmed
/// (also when someone withdrew during it), until everyone has written theirs.
pub fn can_debrief(s: PlanStatus) -> bool {
    s == PlanStatus::Debrief
}
