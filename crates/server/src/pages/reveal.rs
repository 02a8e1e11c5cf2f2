//! The reveal page: pressing reveal, what we share in two tiers grouped by topic, the honesty
//! guard, and the cooling period chosen together.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{Html, Response};
use serde::Deserialize;

use super::error::{FormError, PageResult, render};
use super::form::{TokenForm, settle};
use super::inventory::category_label;
use super::shell::{NoticeQuery, Shell};
use crate::services::inventory::{self, MatchView};
use crate::services::sessions::SignedIn;
use crate::services::spaces::{self, MemberView};
use crate::state::AppState;
use crate::web::auth::PageUser;
use crate::web::extract::PageForm;

/// One shared item, in words.
pub struct SharedItem {
    title: String,
    /// "You lead, Sam follows".
    roles: String,
}

/// One topic's shared items in one tier.
pub struct TopicGroup {
    label: &'static str,
    items: Vec<SharedItem>,
}

/// The honesty guard for one other member, in words.
pub struct GuardRow {
    name: String,
    answered: usize,
    yes_band: &'static str,
    changed: usize,
}

#[derive(Template)]
#[template(path = "inventory_reveal.html")]
struct RevealPage {
    shell: Shell,
    space_id: String,
    status: String,
    ready_names: Vec<String>,
    waiting_for: Vec<String>,
    i_am_ready: bool,
    opened_on: String,
    yes: Vec<TopicGroup>,
    maybe: Vec<TopicGroup>,
    guard: Vec<GuardRow>,
    explanation: String,
    next_round: String,
    cooling_days: i64,
    cooling_choices: Vec<String>,
    alone: bool,
    error: Option<FormError>,
}

fn phrase(role: &str, me: bool) -> &'static str {
    match (role, me) {
        ("doing", true) => "give",
        ("doing", false) => "gives",
        ("receiving", true) => "receive",
        ("receiving", false) => "receives",
        ("leading", true) => "lead",
        ("leading", false) => "leads",
        ("following", true) => "follow",
        ("following", false) => "follows",
        _ => "either way",
    }
}

/// "You lead, Sam follows"; "together, either way" when everyone is happy either way.
fn roles_in_words(m: &MatchView, members: &[MemberView]) -> String {
    if m.roles.values().all(|r| r == "either") {
        return "together, either way".into();
    }
    // You first, then the others in the order they joined.
    let ordered = members
        .iter()
        .filter(|p| p.is_me)
        .chain(members.iter().filter(|p| !p.is_me));
    ordered
        .filter_map(|p| {
            m.roles.get(&p.member_id).map(|r| {
                let who = if p.is_me {
                    "You".to_string()
                } else {
                    p.display_name.clone()
                };
                format!("{who} {}", phrase(r, p.is_me))
            })
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn band(b: &str) -> &'static str {
    match b {
        "under_half" => "under half",
        "most" => "most",
        _ => "nearly all",
    }
}

async fn reveal_page(
    state: &AppState,
    me: &SignedIn,
    id: &str,
    notice: Option<&str>,
    error: Option<FormError>,
) -> PageResult<Html<String>> {
    let space = spaces::view(state, me, id).await?;
    let round = inventory::round(state, me, id).await?;
    let cooling = inventory::cooling(state, me, id).await?;
    let items: BTreeMap<String, (String, String)> = inventory::catalog_for(state, me, id)
        .await?
        .into_iter()
        .map(|i| (i.id, (i.category, i.title)))
        .collect();
    let name_of = |member: &str| {
        space
            .members
            .iter()
            .find(|m| m.member_id == member)
            .map(|m| {
                if m.is_me {
                    "You".to_string()
                } else {
                    m.display_name.clone()
                }
            })
            .unwrap_or_else(|| "Someone who has left".into())
    };
    let mut tiers: [BTreeMap<String, Vec<SharedItem>>; 2] = Default::default();
    for m in &round.matches {
        let (category, title) = items
            .get(&m.item)
            .cloned()
            .unwrap_or_else(|| ("custom".into(), "An item one of you wrote".into()));
        let tier = usize::from(m.tier != "yes");
        tiers[tier].entry(category).or_default().push(SharedItem {
            title,
            roles: roles_in_words(m, &space.members),
        });
    }
    let [yes, maybe] = tiers.map(|t| {
        t.into_iter()
            .map(|(c, items)| TopicGroup {
                label: category_label(&c),
                items,
            })
            .collect()
    });
    let ready_names: Vec<String> = round.ready.iter().map(|r| name_of(r)).collect();
    let waiting_for = space
        .members
        .iter()
        .filter(|m| !round.ready.contains(&m.member_id))
        .map(|m| {
            if m.is_me {
                "you".to_string()
            } else {
                m.display_name.clone()
            }
        })
        .collect();
    let guard = round
        .members
        .iter()
        .map(|h| GuardRow {
            name: name_of(&h.member_id),
            answered: h.answered,
            yes_band: band(&h.yes_band),
            changed: h.changed_since_last_round,
        })
        .collect();
    let cooling_choices = cooling
        .choices
        .iter()
        .map(|c| {
            format!(
                "{} would like {} {}",
                name_of(&c.member_id),
                c.days,
                if c.days == 1 { "day" } else { "days" }
            )
        })
        .collect();
    let shell = Shell::new(state, Some(me), "Reveal")
        .await
        .in_space(state, me, &space.id, &space.name)
        .await
        .with_notice(notice);
    render(&RevealPage {
        shell,
        space_id: space.id.clone(),
        i_am_ready: round.ready.contains(&space.me) && round.status == "waiting",
        status: round.status,
        ready_names,
        waiting_for,
        opened_on: round
            .opened_at
            .map(|t| super::settings::ago(t, state.clock.now()))
            .unwrap_or_default(),
        yes,
        maybe,
        guard,
        explanation: round.explanation,
        next_round: round
            .next_round_in
            .map(|s| {
                let days = (s + 86_399) / 86_400;
                if days <= 1 {
                    "within a day".to_string()
                } else {
                    format!("in about {days} days")
                }
            })
            .unwrap_or_default(),
        cooling_days: cooling.days,
        cooling_choices,
        alone: space.members.len() < 2,
        error,
    })
}

/// GET /spaces/{id}/inventory/reveal
pub async fn show(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> PageResult<Html<String>> {
    reveal_page(&state, &me, &id, q.n.as_deref(), None).await
}

/// POST /spaces/{id}/inventory/reveal: my "ready" mark.
pub async fn press(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<TokenForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    settle(
        inventory::reveal(&state, &me, &id).await,
        |_| format!("/spaces/{id}/inventory/reveal"),
        |error| reveal_page(&state, &me, &id, None, Some(error)),
    )
    .await
}

/// The cooling period I want.
#[derive(Deserialize)]
pub struct CoolingForm {
    csrf: String,
    days: String,
}

/// POST /spaces/{id}/inventory/cooling
pub async fn choose_cooling(
    State(state): State<AppState>,
    PageUser(me): PageUser,
    Path(id): Path<String>,
    PageForm(form): PageForm<CoolingForm>,
) -> PageResult<Response> {
    me.check_csrf(&form.csrf)?;
    let days = form.days.trim().parse::<i64>().unwrap_or(0);
    settle(
        inventory::choose_cooling(&state, &me, &id, days).await,
        |_| format!("/spaces/{id}/inventory/reveal?n=saved"),
        |error| reveal_page(&state, &me, &id, None, Some(error)),
    )
    .await
}
