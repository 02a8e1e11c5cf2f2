//! Revisiting (C5): review dates on boundaries and the agreement, "we've looked at this again",
//! and "something changed in our life", which marks everything in the space for review.

use attune_domain::boundaries::review::{
    LifeChange, format_date, is_due, life_note, parse_review_date,
};
use attune_store::rows::LifeChangeRow;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::changes::names;
use super::history::{self, AGREEMENT};
use super::keys::Place;
use super::sessions::SignedIn;
use super::spaces::membership;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

const LIFE_PURPOSE: &str = "life-change";

/// A review date to set, and whether we've just looked at it again.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    /// `YYYY-MM-DD`, today or later; empty or missing clears the date.
    #[serde(default)]
    pub review_on: Option<String>,
    /// `true` to mark it as looked at now (clears "due for review").
    #[serde(default)]
    pub looked_at: bool,
}

/// Sets the review date of a boundary (its owner) or of the agreement (anyone).
pub async fn set_review(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    record_id: &str,
    input: &ReviewInput,
) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    let now = state.clock.now();
    let review_at = match input.review_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(parse_review_date(d, now)?),
    };
    if record_id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let record = state
        .store
        .record(space_id, record_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if record.kind != AGREEMENT && record.owner_member_id.as_deref() != Some(m.member.id.as_str()) {
        return Err(AppError::Forbidden(
            "Only the person whose boundary this is can set its review date.".into(),
        ));
    }
    state
        .store
        .set_review(&record.id, review_at, input.looked_at.then_some(now))
        .await?;
    Ok(())
}

/// "Something changed in our life".
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LifeChangeInput {
    /// `new_baby`, `illness`, `stress`, `move` or `other`.
    pub kind: String,
    /// Optional note (up to 300 characters), shared with the space.
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct LifeBody {
    kind: LifeChange,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

/// Marks everything in the space for review because something changed in our life.
pub async fn life_changed(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    input: &LifeChangeInput,
) -> AppResult<()> {
    // SECURITY: membership first, so someone outside the space learns nothing from validation.
    let mut m = membership(state, me, space_id).await?;
    let kind = LifeChange::parse(&input.kind)?;
    let note = life_note(input.note.as_deref().unwrap_or(""))?;
    let id = uuid::Uuid::new_v4().to_string();
    let version = m.space.key_version;
    let rk = m.keys.get(state.store.as_ref(), version).await?;
    let json =
        serde_json::to_vec(&LifeBody { kind, note }).map_err(|e| AppError::Internal(e.into()))?;
    let place = Place {
        purpose: LIFE_PURPOSE,
        table: "life_changes",
        row: &id,
        owner: &m.member.id,
    };
    let sealed = m.keys.seal_with(&rk, version, place, &json);
    state
        .store
        .add_life_change(&LifeChangeRow {
            id,
            space_id: space_id.into(),
            member_id: m.member.id.clone(),
            created_at: state.clock.now(),
            sealed,
        })
        .await?;
    Ok(())
}

/// Something due to be looked at again.
#[derive(Debug, Serialize, ToSchema)]
pub struct DueItem {
    /// `boundary` or `agreement`.
    pub kind: String,
    /// Its id.
    pub record_id: String,
    /// What it is, in words.
    pub title: String,
}

/// What the space home shows about reviews.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReviewSummary {
    /// The latest "something changed in our life", if any: what changed.
    pub life_change: Option<String>,
    /// Its note, if any.
    pub life_note: Option<String>,
    /// Who marked it.
    pub marked_by: Option<String>,
    /// When (`YYYY-MM-DD`).
    pub marked_on: Option<String>,
    /// Everything due to be looked at again.
    pub due: Vec<DueItem>,
}

/// What is due for review in a space, and the latest life change.
pub async fn summary(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<ReviewSummary> {
    let mut m = membership(state, me, space_id).await?;
    let names = names(state, me, space_id).await?;
    let now = state.clock.now();
    let latest = state.store.life_changes(space_id).await?.into_iter().next();
    let mut out = ReviewSummary {
        life_change: None,
        life_note: None,
        marked_by: None,
        marked_on: None,
        due: Vec::new(),
    };
    if let Some(l) = &latest {
        let opened = m
            .keys
            .open(
                state.store.as_ref(),
                LIFE_PURPOSE,
                "life_changes",
                &l.id,
                &l.member_id,
                &l.sealed,
            )
            .await;
        if let Ok(plain) = opened
            && let Ok(body) = serde_json::from_slice::<LifeBody>(&plain)
        {
            out.life_change = Some(body.kind.label().into());
            out.life_note = body.note;
        }
        out.marked_by = Some(names.of(&l.member_id));
        out.marked_on = Some(format_date(l.created_at));
    }
    for record in state.store.records_of_space(space_id).await? {
        if !is_due(
            record.review_at,
            record.reviewed_at,
            latest.as_ref().map(|l| l.created_at),
            now,
        ) {
            continue;
        }
        let versions = state.store.versions_of(&record.id).await?;
        let Some(head) = versions.last() else {
            continue;
        };
        let title = if record.kind == AGREEMENT {
            "The space agreement".to_string()
        } else {
            match history::open_version(state, &mut m, &record, head).await? {
                Some(body) if body.content.is_null() => continue,
                Some(body) => {
                    let about = body
                        .content
                        .get("about")
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_string();
                    format!(
                        "{}'s boundary: {about}",
                        names.of(record.owner_member_id.as_deref().unwrap_or(""))
                    )
                }
                None => "A boundary".to_string(),
            }
        };
        out.due.push(DueItem {
            kind: record.kind.clone(),
            record_id: record.id.clone(),
            title,
        });
    }
    Ok(out)
}
