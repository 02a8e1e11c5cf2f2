//! The desire log (F5): a shared log of what worked, what did not and what surprised. Lines are
//! written by hand, or taken word for word from a revealed debrief — and a debrief line reaches
//! the log only with its author's consent.

use std::collections::BTreeMap;

use attune_domain::debrief::{LogKind, MAX_LOG_CHARS, QUESTIONS};
use attune_domain::text::{Lines, clean};
use attune_store::rows::LogEntryRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::debriefs::revealed_debriefs;
use crate::error::{AppError, AppResult};
use crate::services::inventory::catalog;
use crate::services::keys::Place;
use crate::services::people::People;
use crate::services::sessions::SignedIn;
use crate::services::shared;
use crate::services::spaces::{Membership, membership};
use crate::state::AppState;

const PURPOSE: &str = "desire-log";
// Both the shared table and the waiting table use one name in the envelope's associated data, so
// a line moves from waiting to shared without being re-sealed.
const TABLE: &str = "desire_log";

/// The content of a log line's envelope.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct LogBody {
    kind: String,
    text: String,
    #[serde(default)]
    item: Option<String>,
    #[serde(default)]
    item_title: Option<String>,
    #[serde(default)]
    plan_id: Option<String>,
}

/// Where a line comes from when it is taken from a debrief.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FromDebrief {
    /// The plan whose debriefs are shown side by side.
    pub plan_id: String,
    /// Whose debrief.
    pub member_id: String,
    /// Which answer: `exciting`, `doubt`, `refine` or `feel_now`.
    pub field: String,
}

/// A new log line: typed by hand (`text`), or taken from a debrief (`from_debrief`).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogInput {
    /// `worked`, `did_not` or `surprised`.
    pub kind: String,
    /// The line (1–2000 characters), when written by hand.
    #[serde(default)]
    pub text: Option<String>,
    /// The activity it is about (an item id), optional.
    #[serde(default)]
    pub item: Option<String>,
    /// Take the words from a revealed debrief instead.
    #[serde(default)]
    pub from_debrief: Option<FromDebrief>,
}

/// One line of the log.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LogEntryView {
    /// Its id.
    pub id: String,
    /// `worked`, `did_not` or `surprised`.
    pub kind: String,
    /// The words.
    pub text: String,
    /// The activity it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The activity's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_title: Option<String>,
    /// The plan it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan_id: Option<String>,
    /// Whose words.
    pub author: String,
    /// Whether they are mine.
    pub author_is_me: bool,
    /// Who suggested it (for lines waiting for consent).
    pub added_by: String,
    /// When (Unix seconds).
    pub created_at: i64,
}

/// The log as a member sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LogView {
    /// Shared lines, newest first (filtered by activity if asked).
    pub entries: Vec<LogEntryView>,
    /// Debrief lines waiting for their author's consent.
    pub waiting: Vec<LogEntryView>,
    /// Activities that appear in the log, for the filter: `(item id, title)`.
    pub activities: Vec<(String, String)>,
}

/// The answer to adding a line.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LogAdded {
    /// The line's id.
    pub entry_id: String,
    /// Whether it is in the shared log now (`false`: waiting for its author's consent).
    pub shared: bool,
}

fn seal_line(
    m: &Membership,
    rk: &attune_crypto::RelationshipKey,
    id: &str,
    body: &LogBody,
) -> AppResult<Vec<u8>> {
    let json = serde_json::to_vec(body).map_err(|e| AppError::Internal(e.into()))?;
    let place = Place {
        purpose: PURPOSE,
        table: TABLE,
        row: id,
        owner: "",
    };
    Ok(m.keys.seal_with(rk, m.space.key_version, place, &json))
}

async fn open_line(
    state: &AppState,
    m: &mut Membership,
    row: &LogEntryRow,
) -> AppResult<Option<LogBody>> {
    let place = Place {
        purpose: PURPOSE,
        table: TABLE,
        row: &row.id,
        owner: "",
    };
    shared::open_json(state, m, place, &row.sealed).await
}

/// Adds a line. By hand: shared at once, as mine. From a revealed debrief: the words are taken
/// as written; if they are mine they are shared at once, otherwise they wait for their author's
/// consent (invariant 4's spirit: nobody's words are published for them).
pub async fn add(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    input: &LogInput,
) -> AppResult<LogAdded> {
    let mut m = membership(state, me, space_id).await?;
    let kind = LogKind::parse(&input.kind)?;
    let titles: BTreeMap<String, String> = catalog::catalog_for(state, me, space_id)
        .await?
        .into_iter()
        .map(|i| (i.id, i.title))
        .collect();
    let (item, item_title) = match input.item.as_deref().filter(|i| !i.is_empty()) {
        None => (None, None),
        Some(item) => match titles.get(item) {
            Some(t) => (Some(item.to_string()), Some(t.clone())),
            None => {
                return Err(AppError::invalid(
                    "item",
                    "Choose an activity from the inventory, or none.",
                ));
            }
        },
    };
    let now = state.clock.now();
    let (text, author, plan_id) = match (&input.from_debrief, &input.text) {
        (Some(_), Some(_)) => {
            return Err(AppError::invalid(
                "text",
                "Write a line, or take one from a debrief, not both.",
            ));
        }
        (None, None) => {
            return Err(AppError::invalid("text", "Write what you'd like to log."));
        }
        (None, Some(t)) => (
            clean("text", "The line", t, 1, MAX_LOG_CHARS, Lines::Multi)?,
            m.member.id.clone(),
            None,
        ),
        (Some(src), None) => {
            if !QUESTIONS.iter().any(|q| q.key == src.field) {
                return Err(AppError::invalid(
                    "from_debrief",
                    "Choose one of the written debrief answers.",
                ));
            }
            if src.plan_id.len() > 64 || src.member_id.len() > 64 {
                return Err(AppError::NotFound);
            }
            // SECURITY: only revealed debriefs can be quoted (invariant 5).
            let debriefs = revealed_debriefs(state, &mut m, &src.plan_id).await?;
            let words = debriefs
                .iter()
                .find(|(id, _)| *id == src.member_id)
                .and_then(|(_, d)| d.field(&src.field))
                .map(str::to_string)
                .ok_or(AppError::NotFound)?;
            (words, src.member_id.clone(), Some(src.plan_id.clone()))
        }
    };
    let id = uuid::Uuid::new_v4().to_string();
    let rk = m
        .keys
        .get(state.store.as_ref(), m.space.key_version)
        .await?;
    let sealed = seal_line(
        &m,
        &rk,
        &id,
        &LogBody {
            kind: kind.as_str().into(),
            text,
            item,
            item_title,
            plan_id,
        },
    )?;
    // SECURITY: someone else's words wait for their own "yes" before anyone sees them in the log.
    let shared = author == m.member.id;
    state
        .store
        .add_log_entry(&LogEntryRow {
            id: id.clone(),
            space_id: space_id.into(),
            author_member_id: Some(author),
            added_by: Some(m.member.id.clone()),
            created_at: now,
            consented_at: shared.then_some(now),
            sealed,
        })
        .await?;
    Ok(LogAdded {
        entry_id: id,
        shared,
    })
}

fn entry_view(people: &People, row: &LogEntryRow, body: LogBody) -> LogEntryView {
    let name = |id: &Option<String>| {
        id.as_deref()
            .map(|id| people.name(id))
            .unwrap_or_else(|| "A former member".into())
    };
    LogEntryView {
        id: row.id.clone(),
        kind: body.kind,
        text: body.text,
        item: body.item,
        item_title: body.item_title,
        plan_id: body.plan_id,
        author: name(&row.author_member_id),
        author_is_me: row.author_member_id.as_deref() == Some(people.me.as_str()),
        added_by: name(&row.added_by),
        created_at: row.created_at,
    }
}

/// The log, optionally only the lines about one activity.
pub async fn view(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    item: Option<&str>,
) -> AppResult<LogView> {
    let mut m = membership(state, me, space_id).await?;
    let people = People::of(state, &mut m).await?;
    let mut entries = Vec::new();
    let mut activities = BTreeMap::new();
    for row in state.store.log_entries(space_id).await? {
        let Some(body) = open_line(state, &mut m, &row).await? else {
            continue;
        };
        if let (Some(i), Some(t)) = (&body.item, &body.item_title) {
            activities.insert(i.clone(), t.clone());
        }
        if item.is_some_and(|f| body.item.as_deref() != Some(f)) {
            continue;
        }
        entries.push(entry_view(&people, &row, body));
    }
    let mut waiting = Vec::new();
    for row in state.store.pending_log_entries(space_id).await? {
        if let Some(body) = open_line(state, &mut m, &row).await? {
            waiting.push(entry_view(&people, &row, body));
        }
    }
    let mut activities: Vec<(String, String)> = activities.into_iter().collect();
    activities.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(LogView {
        entries,
        waiting,
        activities,
    })
}

/// The author says yes to sharing their words: the line moves into the shared log.
pub async fn consent(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    entry_id: &str,
) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    if entry_id.len() > 64 {
        return Err(AppError::NotFound);
    }
    // SECURITY: the store moves the line only when the consenting member is its author.
    if !state
        .store
        .consent_log_entry(space_id, entry_id, &m.member.id, state.clock.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The author (or whoever suggested it) lets a waiting line go; it is deleted.
pub async fn decline(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    entry_id: &str,
) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    if entry_id.len() > 64 {
        return Err(AppError::NotFound);
    }
    if !state
        .store
        .decline_log_entry(space_id, entry_id, &m.member.id)
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(())
}
