//! What a member can see to answer: the built-in catalog (B1, B2) and the custom items visible
//! to them (B4): their own, the offered ones, and private ones that matched in the open round.

use std::collections::BTreeSet;

use attune_domain::inventory::catalog;
use serde::Serialize;
use utoipa::ToSchema;

use super::custom::load_customs;
use super::envelope::snake;
use super::rounds::latest;
use crate::error::AppResult;
use crate::services::sessions::SignedIn;
use crate::services::spaces::membership;
use crate::state::AppState;

/// How a custom item stands, for the member looking at it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomInfo {
    /// I wrote it.
    pub mine: bool,
    /// Its author offered it: everyone can see and answer it.
    pub offered: bool,
    /// I can answer it (it is mine, or offered).
    pub answerable: bool,
}

/// One item I can see.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CatalogItem {
    /// Stable id.
    pub id: String,
    /// Category, in snake_case; `custom` for items members wrote.
    pub category: String,
    /// Short title.
    pub title: String,
    /// One neutral sentence.
    pub description: String,
    /// 1 gentle … 4 intense.
    pub intensity: u8,
    /// The roles it can be rated in.
    pub roles: Vec<String>,
    /// Only for items members wrote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom: Option<CustomInfo>,
}

/// The built-in catalog (B1).
pub fn catalog_items() -> Vec<CatalogItem> {
    catalog::all()
        .iter()
        .map(|i| CatalogItem {
            id: i.id.into(),
            category: snake(&i.category),
            title: i.title.into(),
            description: i.description.into(),
            intensity: i.intensity,
            roles: i.roles.iter().map(|r| r.as_str().to_string()).collect(),
            custom: None,
        })
        .collect()
}

/// The catalog and the custom items this member may see, custom items last, oldest first.
pub async fn catalog_for(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
) -> AppResult<Vec<CatalogItem>> {
    let mut m = membership(state, me, space_id).await?;
    let member = m.member.id.clone();
    let customs = load_customs(state, &mut m).await?;
    let mut items = catalog_items();
    if customs.is_empty() {
        return Ok(items);
    }
    let (_, open) = latest(state, &mut m, &customs).await?;
    let matched: BTreeSet<String> = open
        .map(|o| o.matches.into_iter().map(|x| x.item).collect())
        .unwrap_or_default();
    for c in customs {
        let answerable = c.answerable_by(&member);
        // A group of private twins is matched under one id; that item is shown to everyone.
        let revealed = matched.contains(&c.id);
        // SECURITY: another member's private item stays invisible unless it matched (B4).
        if !answerable && !revealed {
            continue;
        }
        items.push(CatalogItem {
            id: c.id,
            category: "custom".into(),
            title: c.text.title,
            description: c.text.description,
            intensity: c.text.intensity,
            roles: c
                .text
                .roles
                .iter()
                .map(|r| r.as_str().to_string())
                .collect(),
            custom: Some(CustomInfo {
                mine: c.author.as_deref() == Some(member.as_str()),
                offered: c.offered,
                answerable,
            }),
        });
    }
    Ok(items)
}
