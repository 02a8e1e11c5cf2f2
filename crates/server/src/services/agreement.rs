//! The space agreement (C2, C3): written together, one shared record per space. Every change,
//! including the first version, waits for every member's confirmation (invariant 2).

use attune_domain::boundaries::agreement::{
    AFTERCARE_PROMPT, AFTERCARE_TITLE, Agreement, CURRENT_INTENTIONS, SECTIONS, Section,
};
use attune_domain::boundaries::review::{format_date, is_due};
use attune_store::StoreError;
use attune_store::rows::{RecordRow, VersionRow};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::changes::{self, ChangeOutcome, ChangeView, names};
use super::history::{self, AGREEMENT, ChangeBody};
use super::sessions::SignedIn;
use super::spaces::{Membership, membership};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// A proposed agreement, as typed. Missing sections are empty; the safeword is required.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementInput {
    /// How we treat each other (up to 4000 characters).
    #[serde(default)]
    pub code_of_conduct: Option<String>,
    /// What matters to us, in our own words (up to 4000 characters).
    #[serde(default)]
    pub shared_values: Option<String>,
    /// One word that stops everything (required, one line, up to 60 characters).
    #[serde(default)]
    pub safeword: Option<String>,
    /// A way to pause without words (up to 500 characters).
    #[serde(default)]
    pub pause_signal: Option<String>,
    /// What green, yellow and red mean to us (up to 4000 characters).
    #[serde(default)]
    pub traffic_lights: Option<String>,
    /// How roles stay inside agreed sessions (up to 4000 characters).
    #[serde(default)]
    pub roles_in_sessions: Option<String>,
    /// What happens after a difficult session (up to 4000 characters).
    #[serde(default)]
    pub after_difficult_session: Option<String>,
    /// My own aftercare wishes (up to 2000 characters); other members' stay as they are.
    #[serde(default)]
    pub aftercare: Option<String>,
    /// Optional: why (up to 500 characters), kept in the history.
    #[serde(default)]
    pub reason: Option<String>,
}

impl AgreementInput {
    fn section(&self, s: Section) -> &str {
        match s {
            Section::CodeOfConduct => &self.code_of_conduct,
            Section::SharedValues => &self.shared_values,
            Section::Safeword => &self.safeword,
            Section::PauseSignal => &self.pause_signal,
            Section::TrafficLights => &self.traffic_lights,
            Section::RolesInSessions => &self.roles_in_sessions,
            Section::AfterDifficultSession => &self.after_difficult_session,
        }
        .as_deref()
        .unwrap_or("")
    }
}

/// One section with its prompt.
#[derive(Debug, Serialize, ToSchema)]
pub struct SectionView {
    /// The field name.
    pub key: String,
    /// Its heading.
    pub title: String,
    /// A starting prompt.
    pub prompt: String,
    /// The text in force ("" when empty).
    pub text: String,
}

/// One member's aftercare wishes.
#[derive(Debug, Serialize, ToSchema)]
pub struct AftercareView {
    /// Member id.
    pub member_id: String,
    /// Their name.
    pub display_name: String,
    /// Whether this is me.
    pub is_me: bool,
    /// Their words ("" when not written yet).
    pub text: String,
}

/// The agreement as members see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgreementView {
    /// What the agreement is and is not (invariant 6).
    pub intentions: String,
    /// The version in force, if any.
    pub version: Option<i64>,
    /// When it was made (Unix seconds).
    pub updated_at: Option<i64>,
    /// Who proposed it.
    pub author: Option<String>,
    /// Who confirmed it.
    pub confirmed_by: Vec<String>,
    /// The shared sections, in order, with prompts.
    pub sections: Vec<SectionView>,
    /// The aftercare heading.
    pub aftercare_title: String,
    /// The aftercare prompt.
    pub aftercare_prompt: String,
    /// Each current member's aftercare wishes.
    pub aftercare: Vec<AftercareView>,
    /// A change waiting for everyone, if any.
    pub pending: Option<ChangeView>,
    /// A short fingerprint of the agreement's history, to compare between screens.
    pub fingerprint: Option<String>,
    /// Whether the history checked out.
    pub history_intact: bool,
    /// The review date, `YYYY-MM-DD`, if set.
    pub review_on: Option<String>,
    /// Whether it is due to be looked at again.
    pub due_for_review: bool,
    /// The agreement's record id (for its history), once it exists.
    pub record_id: Option<String>,
}

async fn current(
    state: &AppState,
    m: &mut Membership,
    record: &RecordRow,
    versions: &[VersionRow],
) -> AppResult<Option<(Agreement, history::VersionBody)>> {
    let Some(head) = versions.last() else {
        return Ok(None);
    };
    let Some(body) = history::open_version(state, m, record, head).await? else {
        return Ok(None);
    };
    let a =
        serde_json::from_value(body.content.clone()).map_err(|e| AppError::Internal(e.into()))?;
    Ok(Some((a, body)))
}

/// The agreement of a space, with prompts, the pending change and the fingerprint.
pub async fn show(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<AgreementView> {
    let mut m = membership(state, me, space_id).await?;
    let names = names(state, me, space_id).await?;
    let record = state.store.agreement_record(space_id).await?;
    let (versions, intact, fingerprint) = match &record {
        Some(r) => {
            let versions = state.store.versions_of(&r.id).await?;
            let (intact, fp) = match history::verify_chain(r, &versions) {
                Ok(head) => (true, head.map(|h| history::fingerprint(&[h]))),
                Err(_) => (false, None),
            };
            (versions, intact, fp)
        }
        None => (Vec::new(), true, None),
    };
    let cur = match &record {
        Some(r) => current(state, &mut m, r, &versions).await?,
        None => None,
    };
    let agreement = cur.as_ref().map(|(a, _)| a.clone()).unwrap_or_default();
    let head = versions.last();
    let life = state
        .store
        .life_changes(space_id)
        .await?
        .first()
        .map(|l| l.created_at);
    let pending = changes::pending_views(state, &mut m, &names, Some(AGREEMENT)).await?;
    Ok(AgreementView {
        intentions: CURRENT_INTENTIONS.into(),
        version: head.map(|h| h.number),
        updated_at: head.map(|h| h.created_at),
        author: head.map(|h| names.of(&h.author_member_id)),
        confirmed_by: cur
            .as_ref()
            .map(|(_, b)| b.confirmed_by.iter().map(|id| names.of(id)).collect())
            .unwrap_or_default(),
        sections: SECTIONS
            .iter()
            .map(|s| SectionView {
                key: s.key().into(),
                title: s.title().into(),
                prompt: s.prompt().into(),
                text: agreement.section(*s).into(),
            })
            .collect(),
        aftercare_title: AFTERCARE_TITLE.into(),
        aftercare_prompt: AFTERCARE_PROMPT.into(),
        aftercare: names
            .members
            .iter()
            .map(|id| AftercareView {
                member_id: id.clone(),
                display_name: names.of(id),
                is_me: *id == names.me,
                text: agreement.aftercare.get(id).cloned().unwrap_or_default(),
            })
            .collect(),
        pending: pending.into_iter().next(),
        fingerprint,
        history_intact: intact,
        review_on: record.as_ref().and_then(|r| r.review_at).map(format_date),
        due_for_review: record.as_ref().is_some_and(|r| {
            head.is_some() && is_due(r.review_at, r.reviewed_at, life, state.clock.now())
        }),
        record_id: record.map(|r| r.id),
    })
}

/// The space's agreement record, created (without versions) on first use.
pub async fn agreement_record(state: &AppState, m: &Membership) -> AppResult<RecordRow> {
    if let Some(r) = state.store.agreement_record(&m.space.id).await? {
        return Ok(r);
    }
    let now = state.clock.now();
    let record = RecordRow {
        id: uuid::Uuid::new_v4().to_string(),
        space_id: m.space.id.clone(),
        kind: AGREEMENT.into(),
        owner_member_id: None,
        created_at: now,
        review_at: None,
        reviewed_at: now,
    };
    match state.store.create_record(&record).await {
        Ok(()) => Ok(record),
        // Someone else created it at the same moment.
        Err(StoreError::Conflict(_)) => state
            .store
            .agreement_record(&m.space.id)
            .await?
            .ok_or(AppError::NotFound),
        Err(e) => Err(e.into()),
    }
}

/// Proposes a new version of the agreement. It waits until every member confirms (if I am the
/// only member, my proposal is everyone's and applies at once).
pub async fn propose(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    input: &AgreementInput,
) -> AppResult<ChangeOutcome> {
    let mut m = membership(state, me, space_id).await?;
    let reason = history::parse_reason(input.reason.as_deref())?;
    let sections: Vec<(Section, &str)> = SECTIONS.iter().map(|s| (*s, input.section(*s))).collect();
    // Validate before writing anything, so bad input never creates a record.
    Agreement::parse(&sections, &[])?;
    let names = names(state, me, space_id).await?;
    let record = agreement_record(state, &m).await?;
    let versions = state.store.versions_of(&record.id).await?;
    let old = current(state, &mut m, &record, &versions)
        .await?
        .map(|(a, _)| a);
    // My aftercare is mine to write; the others' stay as they are. Former members' go.
    let mut aftercare: Vec<(String, String)> = old
        .as_ref()
        .map(|a| {
            a.aftercare
                .iter()
                .filter(|(id, _)| names.is_member(id) && **id != names.me)
                .map(|(id, t)| (id.clone(), t.clone()))
                .collect()
        })
        .unwrap_or_default();
    aftercare.push((
        names.me.clone(),
        input.aftercare.clone().unwrap_or_default(),
    ));
    let pairs: Vec<(String, &str)> = aftercare
        .iter()
        .map(|(id, t)| (id.clone(), t.as_str()))
        .collect();
    let new = Agreement::parse(&sections, &pairs)?;
    if old.as_ref() == Some(&new) {
        return Err(AppError::Conflict(
            "Nothing changed: this is already what the agreement says.".into(),
        ));
    }
    let content = serde_json::to_value(&new).map_err(|e| AppError::Internal(e.into()))?;
    changes::propose(
        state,
        &mut m,
        &record,
        versions.last(),
        &ChangeBody { content, reason },
    )
    .await
}
