//! Boundary pages: everyone's boundaries, adding mine, one boundary with its history, changing,
//! removing and reviewing it. Tightening applies at once; loosening asks everyone.

use askama::Template;
use attune_domain::boundaries::boundary::CONDITION_KINDS;
use attune_domain::boundaries::review::format_date;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::again;
use super::shell::{NoticeQuery, Shell};
use crate::api::boundaries::Range;
use crate::services::boundaries::{self, BoundariesView, BoundaryInput, BoundaryView};
use crate::services::changes::ChangeOutcome;
use crate::services::history::BOUNDARY;
use crate::services::review::{self, ReviewInput};
use crate::services::sessions::SignedIn;
use crate::services::spaces;
use crate::services::versions::{self, HistoryView};
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;

/// One condition field of the form, with what was typed.
pub struct ConditionField {
    /// Field name.
    pub key: &'static str,
    /// Label.
    pub label: &'static str,
    /// Example.
    pub hint: &'static str,
    /// Current value.
    pub value: String,
}

/// The boundary form as typed (to show it again after a mistake).
#[derive(Deserialize, Default)]
pub struct BoundaryForm {
    csrf: String,
    #[serde(default)]
    firmness: String,
    #[serde(default)]
    about: String,
    #[serde(default)]
    mood: String,
    #[serde(default)]
    context: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    pacing: String,
    #[serde(default)]
    safety: String,
    #[serde(default)]
    reason: String,
}

impl BoundaryForm {
    fn input(&self) -> BoundaryInput {
        let opt = |s: &str| Some(s.to_string());
        BoundaryInput {
            firmness: self.firmness.clone(),
            about: self.about.clone(),
            mood: opt(&self.mood),
            context: opt(&self.context),
            place: opt(&self.place),
            pacing: opt(&self.pacing),
            safety: opt(&self.safety),
            reason: opt(&self.reason),
        }
    }

    fn fields(&self) -> Vec<ConditionField> {
        CONDITION_KINDS
            .iter()
            .map(|k| ConditionField {
                key: k.key(),
                label: k.label(),
                hint: k.hint(),
                value: match k.key() {
                    "mood" => &self.mood,
                    "context" => &self.context,
                    "place" => &self.place,
                    "pacing" => &self.pacing,
                    _ => &self.safety,
                }
                .clone(),
            })
            .collect()
    }

    fn from_view(b: &BoundaryView) -> Self {
        let cond = |k: &str| {
            b.conditions
                .iter()
                .find(|c| c.kind == k)
                .map(|c| c.text.clone())
                .unwrap_or_default()
        };
        BoundaryForm {
            csrf: String::new(),
            firmness: b.firmness.clone(),
            about: b.about.clone(),
            mood: cond("mood"),
            context: cond("context"),
            place: cond("place"),
            pacing: cond("pacing"),
            safety: cond("safety"),
            reason: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "boundaries.html")]
struct ListPage {
    shell: Shell,
    space_id: String,
    view: BoundariesView,
    form: BoundaryForm,
    fields: Vec<ConditionField>,
    error: Option<FormError>,
}

impl ListPage {
    fn date(&self, t: &i64) -> String {
        format_date(*t)
    }
}

#[derive(Template)]
#[template(path = "boundary.html")]
struct OnePage {
    shell: Shell,
    space_id: String,
    intentions: &'static str,
    current: Option<BoundaryView>,
    history: HistoryView,
    form: BoundaryForm,
    fields: Vec<ConditionField>,
    error: Option<FormError>,
    today: String,
    history_url: String,
}

impl OnePage {
    fn date(&self, t: &i64) -> String {
        format_date(*t)
    }
}

async fn list_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    notice: Option<&str>,
    form: BoundaryForm,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let view = boundaries::list(state, me, id).await?;
    let space = spaces::view(state, me, id).await?;
    let shell = Shell::new(state, Some(me), "Boundaries")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    render(&ListPage {
        shell,
        space_id: space.id,
        fields: form.fields(),
        view,
        form,
        error,
    })
}

/// GET /spaces/{id}/boundaries
pub async fn list(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    let form = BoundaryForm {
        firmness: "hard".into(),
        ..BoundaryForm::default()
    };
    list_page(&state, &me, &id, q.n.as_deref(), form, None).await
}

/// POST /spaces/{id}/boundaries
pub async fn add(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<BoundaryForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match boundaries::add(&state, &me, &id, &form.input()).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/spaces/{id}/boundaries?n=boundary-added")).into_response())
        }
        Err(e) => {
            again(e, |error| {
                list_page(&state, &me, &id, None, form, Some(error))
            })
            .await
        }
    }
}

async fn one_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    bid: &str,
    range: (Option<i64>, Option<i64>),
    notice: Option<&str>,
    retry: Option<(Option<BoundaryForm>, FormError)>,
) -> PageResult<Html<String>> {
    let history = versions::history(state, me, id, bid, BOUNDARY, range).await?;
    let view = boundaries::list(state, me, id).await?;
    let current = view
        .members
        .into_iter()
        .flat_map(|m| m.boundaries)
        .chain(view.kept)
        .find(|b| b.id == bid);
    let space = spaces::view(state, me, id).await?;
    let shell = Shell::new(state, Some(me), "Boundary")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    let (form, error) = match retry {
        Some((form, error)) => (form, Some(error)),
        None => (None, None),
    };
    let form = form.unwrap_or_else(|| {
        current
            .as_ref()
            .map(BoundaryForm::from_view)
            .unwrap_or_default()
    });
    render(&OnePage {
        shell,
        space_id: space.id,
        intentions: boundaries::CURRENT_INTENTIONS,
        fields: form.fields(),
        current,
        history,
        form,
        error,
        today: format_date(state.clock.now()),
        history_url: format!("/spaces/{id}/boundaries/{bid}"),
    })
}

/// Which versions to compare, plus a notice.
#[derive(Deserialize, Default)]
pub struct OneQuery {
    /// A notice key.
    pub n: Option<String>,
    /// One version number.
    pub from: Option<String>,
    /// The other.
    pub to: Option<String>,
}

/// GET /spaces/{id}/boundaries/{boundary_id}
pub async fn one(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, bid)): Path<(String, String)>,
    Query(q): Query<OneQuery>,
) -> PageResult<Html<String>> {
    let range = Range {
        from: q.from,
        to: q.to,
    }
    .parse()?;
    one_page(&state, &me, &id, &bid, range, q.n.as_deref(), None).await
}

fn outcome_notice(o: &ChangeOutcome) -> &'static str {
    if o.status == "applied" {
        "applied"
    } else {
        "pending"
    }
}

/// POST /spaces/{id}/boundaries/{boundary_id}
pub async fn change(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, bid)): Path<(String, String)>,
    PageForm(form): PageForm<BoundaryForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match boundaries::change(&state, &me, &id, &bid, &form.input()).await {
        Ok(o) => Ok(Redirect::to(&format!(
            "/spaces/{id}/boundaries/{bid}?n={}",
            outcome_notice(&o)
        ))
        .into_response()),
        Err(e) => {
            again(e, |error| {
                one_page(
                    &state,
                    &me,
                    &id,
                    &bid,
                    (None, None),
                    None,
                    Some((Some(form), error)),
                )
            })
            .await
        }
    }
}

/// The remove form.
#[derive(Deserialize)]
pub struct RemoveForm {
    csrf: String,
    #[serde(default)]
    reason: String,
}

/// POST /spaces/{id}/boundaries/{boundary_id}/remove
pub async fn remove(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, bid)): Path<(String, String)>,
    PageForm(form): PageForm<RemoveForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    match boundaries::remove(&state, &me, &id, &bid, Some(&form.reason)).await {
        Ok(o) => Ok(Redirect::to(&format!(
            "/spaces/{id}/boundaries/{bid}?n={}",
            outcome_notice(&o)
        ))
        .into_response()),
        Err(e) => {
            again(e, |error| {
                one_page(
                    &state,
                    &me,
                    &id,
                    &bid,
                    (None, None),
                    None,
                    Some((None, error)),
                )
            })
            .await
        }
    }
}

/// The review form.
#[derive(Deserialize)]
pub struct ReviewForm {
    csrf: String,
    #[serde(default)]
    review_on: String,
    #[serde(default)]
    looked_at: Option<String>,
}

impl ReviewForm {
    /// As the service takes it.
    pub fn input(&self) -> ReviewInput {
        ReviewInput {
            review_on: Some(self.review_on.clone()),
            looked_at: self.looked_at.is_some(),
        }
    }

    /// The form token.
    pub fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// POST /spaces/{id}/boundaries/{boundary_id}/review
pub async fn review(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, bid)): Path<(String, String)>,
    PageForm(form): PageForm<ReviewForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let m = spaces::membership(&state, &me, &id).await?;
    boundaries::boundary_record(&state, &m, &bid).await?;
    match review::set_review(&state, &me, &id, &bid, &form.input()).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/spaces/{id}/boundaries/{bid}?n=saved")).into_response())
        }
        Err(e) => {
            again(e, |error| {
                one_page(
                    &state,
                    &me,
                    &id,
                    &bid,
                    (None, None),
                    None,
                    Some((None, error)),
                )
            })
            .await
        }
    }
}
