//! "Our inventory": the overview with progress per category, one form per category (works
//! without JavaScript; saves as you go with it), and the member's own items.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::{TokenForm, again};
use super::shell::{NoticeQuery, Shell};
use crate::error::AppError;
use crate::services::inventory::{self, AnswerInput, AnswerView, CatalogItem, CustomInput};
use crate::services::sessions::SignedIn;
use crate::services::spaces;
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;

/// A category's name for people.
pub fn category_label(slug: &str) -> &'static str {
    match slug {
        "talking" => "Talking and sharing",
        "affection" => "Affection",
        "kissing" => "Kissing",
        "touch" => "Sensual touch",
        "looking" => "Looking and being seen",
        "manual" => "Hands",
        "oral" => "Oral",
        "penetration" => "Penetration",
        "toys" => "Toys",
        "sensation" => "Sensation",
        "restraint" => "Restraint",
        "role_play" => "Role play",
        "power" => "Power exchange",
        "settings" => "Places and times",
        "custom" => "Our own items",
        _ => "Other",
    }
}

/// How a role reads next to a rating.
pub fn role_label(role: &str) -> &'static str {
    match role {
        "doing" => "Me doing it",
        "receiving" => "Me receiving it",
        "either" => "Together / either way",
        "leading" => "Me leading",
        "following" => "Me following",
        _ => "",
    }
}

/// Intensity in words.
pub fn intensity_label(level: u8) -> &'static str {
    match level {
        1 => "gentle",
        2 => "moderate",
        3 => "strong",
        _ => "intense",
    }
}

/// One category on the overview.
pub struct CategoryRow {
    slug: String,
    label: &'static str,
    answered: usize,
    total: usize,
}

/// One of my own items on the overview.
pub struct OwnItem {
    id: String,
    title: String,
    offered: bool,
}

#[derive(Template)]
#[template(path = "inventory.html")]
struct OverviewPage {
    shell: Shell,
    space_id: String,
    categories: Vec<CategoryRow>,
    answered: usize,
    own: Vec<OwnItem>,
    round_status: String,
    error: Option<FormError>,
    draft_title: String,
    draft_description: String,
}

/// One role's answer in the form.
pub struct RoleRow {
    role: String,
    label: &'static str,
    rating: String,
}

/// One item in a category form.
pub struct ItemRow {
    id: String,
    title: String,
    description: String,
    intensity: u8,
    intensity_label: &'static str,
    roles: Vec<RoleRow>,
    experience: String,
    note: String,
    conditions: String,
}

#[derive(Template)]
#[template(path = "inventory_category.html")]
struct CategoryPage {
    shell: Shell,
    space_id: String,
    slug: String,
    label: &'static str,
    upto: u8,
    items: Vec<ItemRow>,
    hidden: usize,
    error: Option<FormError>,
}

fn slug_order(items: &[CatalogItem]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !out.contains(&i.category) {
            out.push(i.category.clone());
        }
    }
    out
}

fn answered_count(items: &[&CatalogItem], mine: &[AnswerView]) -> usize {
    let ids: std::collections::BTreeSet<&str> = items.iter().map(|i| i.id.as_str()).collect();
    mine.iter()
        .filter(|a| ids.contains(a.item.as_str()))
        .count()
}

async fn overview_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    notice: Option<&str>,
    error: Option<FormError>,
    draft: (String, String),
) -> PageResult<Html<String>> {
    let space = spaces::view(state, me, id).await?;
    let items = inventory::catalog_for(state, me, id).await?;
    let mine = inventory::my_answers(state, me, id).await?;
    let round = inventory::round(state, me, id).await?;
    let categories = slug_order(&items)
        .into_iter()
        .map(|slug| {
            let in_cat: Vec<&CatalogItem> = items
                .iter()
                .filter(|i| i.category == slug && answerable(i))
                .collect();
            CategoryRow {
                label: category_label(&slug),
                answered: answered_count(&in_cat, &mine),
                total: in_cat.iter().map(|i| i.roles.len()).sum(),
                slug,
            }
        })
        .filter(|c| c.total > 0)
        .collect();
    let own = items
        .iter()
        .filter(|i| i.custom.as_ref().is_some_and(|c| c.mine))
        .map(|i| OwnItem {
            id: i.id.clone(),
            title: i.title.clone(),
            offered: i.custom.as_ref().is_some_and(|c| c.offered),
        })
        .collect();
    let shell = Shell::new(state, Some(me), "Our inventory")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    render(&OverviewPage {
        shell,
        space_id: space.id,
        categories,
        answered: mine.len(),
        own,
        round_status: round.status,
        error,
        draft_title: draft.0,
        draft_description: draft.1,
    })
}

fn answerable(i: &CatalogItem) -> bool {
    i.custom.as_ref().is_none_or(|c| c.answerable)
}

/// GET /spaces/{id}/inventory
pub async fn overview(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    overview_page(&state, &me, &id, q.n.as_deref(), None, Default::default()).await
}

/// The intensity filter.
#[derive(Deserialize, Default)]
pub struct FilterQuery {
    /// Show items up to this intensity (1–4).
    upto: Option<String>,
    /// A notice key.
    n: Option<String>,
}

async fn category_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    slug: &str,
    upto: u8,
    notice: Option<&str>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let space = spaces::view(state, me, id).await?;
    let items = inventory::catalog_for(state, me, id).await?;
    let mine = inventory::my_answers(state, me, id).await?;
    let in_cat: Vec<&CatalogItem> = items
        .iter()
        .filter(|i| i.category == slug && answerable(i))
        .collect();
    if in_cat.is_empty() {
        return Err(AppError::NotFound.into());
    }
    let by_key: BTreeMap<(&str, &str), &AnswerView> = mine
        .iter()
        .map(|a| ((a.item.as_str(), a.role.as_str()), a))
        .collect();
    let shown: Vec<&&CatalogItem> = in_cat.iter().filter(|i| i.intensity <= upto).collect();
    let hidden = in_cat.len() - shown.len();
    let rows = shown
        .into_iter()
        .map(|i| {
            let answers: Vec<&AnswerView> = i
                .roles
                .iter()
                .filter_map(|r| by_key.get(&(i.id.as_str(), r.as_str())).copied())
                .collect();
            let first = |f: fn(&AnswerView) -> Option<&String>| {
                answers
                    .iter()
                    .find_map(|a| f(a).cloned())
                    .unwrap_or_default()
            };
            ItemRow {
                id: i.id.clone(),
                title: i.title.clone(),
                description: i.description.clone(),
                intensity: i.intensity,
                intensity_label: intensity_label(i.intensity),
                roles: i
                    .roles
                    .iter()
                    .map(|r| RoleRow {
                        label: role_label(r),
                        rating: by_key
                            .get(&(i.id.as_str(), r.as_str()))
                            .map(|a| a.rating.clone())
                            .unwrap_or_else(|| "none".into()),
                        role: r.clone(),
                    })
                    .collect(),
                experience: first(|a| a.experience.as_ref()),
                note: first(|a| a.note.as_ref()),
                conditions: first(|a| a.conditions.as_ref()),
            }
        })
        .collect();
    let label = category_label(slug);
    let shell = Shell::new(state, Some(me), "Our inventory")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    render(&CategoryPage {
        shell,
        space_id: space.id,
        slug: slug.into(),
        label,
        upto,
        items: rows,
        hidden,
        error,
    })
}

fn parse_upto(v: Option<&str>) -> u8 {
    v.and_then(|s| s.parse::<u8>().ok())
        .filter(|n| (1..=4).contains(n))
        .unwrap_or(4)
}

/// GET /spaces/{id}/inventory/c/{category}
pub async fn category(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, slug)): Path<(String, String)>,
    Query(q): Query<FilterQuery>,
) -> PageResult<Html<String>> {
    let upto = parse_upto(q.upto.as_deref());
    category_page(&state, &me, &id, &slug, upto, q.n.as_deref(), None).await
}

/// Per item: experience, note and conditions as typed.
type Extras<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);

/// The most fields one category form may carry (ratings, experience, notes, conditions).
const MAX_FORM_FIELDS: usize = 2000;

/// Turns a category form into answers: `r.<item>.<role>` ratings, and per item `e.<item>`
/// experience, `n.<item>` note and `c.<item>` conditions, applied to each answered role.
fn answers_from_form(fields: &[(String, String)]) -> Result<Vec<AnswerInput>, AppError> {
    if fields.len() > MAX_FORM_FIELDS {
        return Err(AppError::invalid(
            "answers",
            "That form is too large to save at once.",
        ));
    }
    let mut per_item: BTreeMap<&str, Extras<'_>> = BTreeMap::new();
    for (k, v) in fields {
        if let Some(item) = k.strip_prefix("e.") {
            per_item.entry(item).or_default().0 = Some(v);
        } else if let Some(item) = k.strip_prefix("n.") {
            per_item.entry(item).or_default().1 = Some(v);
        } else if let Some(item) = k.strip_prefix("c.") {
            per_item.entry(item).or_default().2 = Some(v);
        }
    }
    let mut rated: BTreeMap<&str, bool> = BTreeMap::new();
    let mut out = Vec::new();
    for (k, v) in fields {
        let Some(rest) = k.strip_prefix("r.") else {
            continue;
        };
        let Some((item, role)) = rest.rsplit_once('.') else {
            return Err(AppError::invalid(
                "answers",
                "The form arrived incomplete. Please reload the page and try again.",
            ));
        };
        let (experience, note, conditions) = per_item.get(item).copied().unwrap_or_default();
        *rated.entry(item).or_default() |= v != "none";
        out.push(AnswerInput {
            item: item.into(),
            role: role.into(),
            rating: v.clone(),
            experience: experience.map(str::to_string),
            note: note.map(str::to_string),
            conditions: conditions.map(str::to_string),
        });
    }
    // Loses nothing: a note typed next to an item without an answer would vanish, so say so.
    for (item, (_, note, conditions)) in &per_item {
        let typed = |v: &Option<&str>| v.is_some_and(|s| !s.trim().is_empty());
        if (typed(note) || typed(conditions)) && !rated.get(item).copied().unwrap_or(false) {
            return Err(AppError::invalid(
                "note",
                "A note or condition is kept with an answer. Choose yes, maybe, no or limit for that item, or clear the note.",
            ));
        }
    }
    Ok(out)
}

/// POST /spaces/{id}/inventory/c/{category}
pub async fn save_category(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, slug)): Path<(String, String)>,
    Query(q): Query<FilterQuery>,
    PageForm(fields): PageForm<Vec<(String, String)>>,
) -> PageResult<Response> {
    let csrf = fields
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str())
        .unwrap_or_default();
    me.check_csrf(csrf)?;
    let upto = parse_upto(q.upto.as_deref());
    let result = match answers_from_form(&fields) {
        Ok(answers) => inventory::put_answers(&state, &me, &id, &answers).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(Redirect::to(&format!(
            "/spaces/{id}/inventory/c/{slug}?upto={upto}&n=saved"
        ))
        .into_response()),
        Err(e) => {
            again(e, |error| {
                category_page(&state, &me, &id, &slug, upto, None, Some(error))
            })
            .await
        }
    }
}

/// The add-your-own form.
#[derive(Deserialize)]
pub struct OwnForm {
    csrf: String,
    title: String,
    #[serde(default)]
    description: String,
    intensity: String,
    #[serde(default)]
    doing: Option<String>,
    #[serde(default)]
    receiving: Option<String>,
    #[serde(default)]
    either: Option<String>,
    #[serde(default)]
    leading: Option<String>,
    #[serde(default)]
    following: Option<String>,
    #[serde(default)]
    offer: Option<String>,
}

/// POST /spaces/{id}/inventory/own
pub async fn add_own(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<OwnForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let roles = [
        ("doing", &form.doing),
        ("receiving", &form.receiving),
        ("either", &form.either),
        ("leading", &form.leading),
        ("following", &form.following),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_some())
    .map(|(r, _)| r.to_string())
    .collect();
    let input = CustomInput {
        title: form.title.clone(),
        description: form.description.clone(),
        intensity: form.intensity.trim().parse().unwrap_or(0),
        roles,
        offer: form.offer.is_some(),
    };
    match inventory::create_custom(&state, &me, &id, &input).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/spaces/{id}/inventory/c/custom?n=saved")).into_response())
        }
        Err(e) => {
            again(e, |error| {
                overview_page(
                    &state,
                    &me,
                    &id,
                    None,
                    Some(error),
                    (form.title, form.description),
                )
            })
            .await
        }
    }
}

/// POST /spaces/{id}/inventory/own/{item}/offer
pub async fn offer_own(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, item)): Path<(String, String)>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    inventory::offer_custom(&state, &me, &id, &item).await?;
    Ok(Redirect::to(&format!("/spaces/{id}/inventory?n=offered")))
}

/// POST /spaces/{id}/inventory/own/{item}/delete
pub async fn delete_own(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path((id, item)): Path<(String, String)>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Redirect> {
    me.check_csrf(&form.csrf)?;
    inventory::delete_custom(&state, &me, &id, &item).await?;
    Ok(Redirect::to(&format!(
        "/spaces/{id}/inventory?n=deleted-item"
    )))
}
