//! The history of one boundary or of the agreement (C4): every version with author, time and
//! reason, whether the chain checks out, its fingerprint, and the differences between any two
//! versions.

use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::changes::{Names, fields_of, names};
use super::history::{self, AGREEMENT, FieldDiff};
use super::sessions::SignedIn;
use super::spaces::membership;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// One field of a version.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldView {
    /// Heading.
    pub field: String,
    /// Text.
    pub text: String,
}

/// One version.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionView {
    /// 1, 2, 3 …
    pub number: i64,
    /// Who wrote it (for a change that needed everyone: who proposed it).
    pub author: String,
    /// When it came into force (Unix seconds).
    pub created_at: i64,
    /// Their reason, if given.
    pub reason: Option<String>,
    /// Who confirmed it (empty for a solo tightening).
    pub confirmed_by: Vec<String>,
    /// Whether this version removed the boundary.
    pub removed: bool,
    /// `false` when it was sealed before I joined under a key I don't hold.
    pub readable: bool,
    /// Its content, field by field.
    pub fields: Vec<FieldView>,
}

/// The differences between two versions.
#[derive(Debug, Serialize, ToSchema)]
pub struct DiffView {
    /// The older version's number.
    pub from: i64,
    /// The newer version's number.
    pub to: i64,
    /// Only the fields that differ.
    pub changes: Vec<FieldDiff>,
}

/// The history of one record.
#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryView {
    /// Its id.
    pub record_id: String,
    /// `boundary` or `agreement`.
    pub kind: String,
    /// What it is, in words.
    pub title: String,
    /// Every version, newest first.
    pub versions: Vec<VersionView>,
    /// Whether the hash chain checks out.
    pub history_intact: bool,
    /// Where it breaks, if it does.
    pub broken: Option<String>,
    /// A short fingerprint of the newest version and all before it.
    pub fingerprint: Option<String>,
    /// The differences between the two chosen versions (by default the last two).
    pub diff: Option<DiffView>,
}

/// The history of a boundary (`kind` = boundary) or the agreement.
pub async fn history(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    record_id: &str,
    kind: &str,
    range: (Option<i64>, Option<i64>),
) -> AppResult<HistoryView> {
    let mut m = membership(state, me, space_id).await?;
    if record_id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let record = state
        .store
        .record(space_id, record_id)
        .await?
        .filter(|r| r.kind == kind)
        .ok_or(AppError::NotFound)?;
    let names: Names = names(state, me, space_id).await?;
    let rows = state.store.versions_of(&record.id).await?;
    let (intact, broken, fingerprint) = match history::verify_chain(&record, &rows) {
        Ok(head) => (true, None, head.map(|h| history::fingerprint(&[h]))),
        Err(b) => (
            false,
            Some(format!("Version {}: {}.", b.number, b.what)),
            None,
        ),
    };
    let mut contents: Vec<Option<Value>> = Vec::new();
    let mut versions = Vec::new();
    for v in &rows {
        let body = history::open_version(state, &mut m, &record, v).await?;
        let content = body.as_ref().map(|b| b.content.clone());
        let fields = content
            .as_ref()
            .filter(|c| !c.is_null())
            .map(|c| fields_of(&record.kind, c, &names))
            .unwrap_or_default();
        versions.push(VersionView {
            number: v.number,
            author: names.of(&v.author_member_id),
            created_at: v.created_at,
            reason: body.as_ref().and_then(|b| b.reason.clone()),
            confirmed_by: body
                .as_ref()
                .map(|b| b.confirmed_by.iter().map(|id| names.of(id)).collect())
                .unwrap_or_default(),
            removed: content.as_ref().is_some_and(Value::is_null),
            readable: body.is_some(),
            fields: fields
                .into_iter()
                .map(|(field, text)| FieldView { field, text })
                .collect(),
        });
        contents.push(content);
    }
    let n = rows.len() as i64;
    let (from, to) = match range {
        (None, None) if n >= 2 => (Some(n - 1), Some(n)),
        (None, None) => (None, None),
        (from, to) => (Some(from.unwrap_or(1)), Some(to.unwrap_or(n))),
    };
    let diff = match (from, to) {
        (Some(a), Some(b)) => {
            for (field, v) in [("from", a), ("to", b)] {
                if v < 1 || v > n {
                    return Err(AppError::invalid(
                        field,
                        format!("Choose a version between 1 and {n}."),
                    ));
                }
            }
            let (a, b) = (a.min(b), a.max(b));
            let render = |i: i64| -> Vec<(String, String)> {
                match &contents[(i - 1) as usize] {
                    Some(c) if !(c.is_null() && record.kind == AGREEMENT) => {
                        fields_of(&record.kind, c, &names)
                    }
                    _ => Vec::new(),
                }
            };
            Some(DiffView {
                from: a,
                to: b,
                changes: history::diff_fields(&render(a), &render(b)),
            })
        }
        _ => None,
    };
    let title = if record.kind == AGREEMENT {
        "The space agreement".to_string()
    } else {
        let about = contents
            .iter()
            .rev()
            .flatten()
            .find_map(|c| c.get("about").and_then(Value::as_str).map(str::to_string))
            .unwrap_or_default();
        format!(
            "{}'s boundary: {about}",
            names.of(record.owner_member_id.as_deref().unwrap_or(""))
        )
    };
    versions.reverse();
    Ok(HistoryView {
        record_id: record.id,
        kind: record.kind,
        title,
        versions,
        history_intact: intact,
        broken,
        fingerprint,
        diff,
    })
}
