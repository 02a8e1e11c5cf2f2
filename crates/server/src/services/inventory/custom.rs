//! Custom items (B4): a member writes their own activity. It stays private to them — only they
//! can see and answer it — until they offer it to the space. A private item still surfaces if
//! another member privately wrote its twin (same wording) and everyone rated it at least maybe.

use std::collections::BTreeMap;

use attune_domain::inventory::custom::{self, ID_PREFIX, MAX_PER_MEMBER, Private, twin_key};
use attune_domain::inventory::item::Role;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::answers::parse_role;
use super::envelope::my_blob;
use super::envelope::{ANSWERS, CUSTOM, open_value, seal_value};
use crate::error::{AppError, AppResult};
use crate::services::sessions::SignedIn;
use crate::services::spaces::{Membership, membership};
use crate::state::AppState;
use attune_store::rows::{AnswersRow, CustomItemRow};

/// The text of a custom item, inside its envelope.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct CustomText {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub intensity: u8,
    pub roles: Vec<Role>,
}

/// A custom item, opened.
#[derive(Debug, Clone)]
pub(super) struct Custom {
    pub id: String,
    /// `None` once the author has left (only offered items stay).
    pub author: Option<String>,
    pub offered: bool,
    pub text: CustomText,
}

impl Custom {
    /// Whether `member` may see and answer it: its author, or anyone once it is offered.
    pub fn answerable_by(&self, member: &str) -> bool {
        self.offered || self.author.as_deref() == Some(member)
    }
}

/// Every custom item of the space, opened. Items sealed under a key version this member never
/// held are left out.
pub(super) async fn load_customs(state: &AppState, m: &mut Membership) -> AppResult<Vec<Custom>> {
    let space = m.space.id.clone();
    let mut out = Vec::new();
    for row in state.store.custom_items_of(&space).await? {
        let text: Option<CustomText> =
            open_value(state, m, CUSTOM, &row.id, "", &row.sealed).await?;
        if let Some(text) = text {
            out.push(Custom {
                id: row.id,
                author: row.author_member_id,
                offered: row.offered,
                text,
            });
        }
    }
    Ok(out)
}

/// Private items with a twin written by another member: item id → the id the group matches under.
pub(super) fn twins_of(customs: &[Custom]) -> BTreeMap<String, String> {
    let keys: Vec<(String, String, String)> = customs
        .iter()
        .filter(|c| !c.offered)
        .filter_map(|c| {
            c.author
                .as_ref()
                .map(|a| (c.id.clone(), a.clone(), twin_key(&c.text.title)))
        })
        .collect();
    let private: Vec<Private<'_>> = keys
        .iter()
        .map(|(id, author, key)| Private { id, author, key })
        .collect();
    custom::twins(&private)
}

/// What a member sends to write a custom item.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomInput {
    /// A short title, 1–80 characters.
    pub title: String,
    /// An optional sentence, up to 300 characters.
    #[serde(default)]
    pub description: String,
    /// 1 gentle … 4 intense.
    pub intensity: i64,
    /// One or more of `doing`, `receiving`, `either`, `leading`, `following`.
    pub roles: Vec<String>,
    /// Offer it to the space now (everyone can see and answer it). Otherwise only I see it.
    #[serde(default)]
    pub offer: bool,
}

/// Writes a custom item and returns its id.
pub async fn create_custom(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    input: &CustomInput,
) -> AppResult<String> {
    let mut m = membership(state, me, space_id).await?;
    if input.roles.len() > 5 {
        return Err(AppError::invalid("roles", "Choose at most five roles."));
    }
    let mut roles = Vec::new();
    for r in &input.roles {
        roles.push(parse_role(r).ok_or_else(|| {
            AppError::invalid(
                "roles",
                "A role is doing, receiving, either, leading or following.",
            )
        })?);
    }
    let intensity = u8::try_from(input.intensity).unwrap_or(0);
    let draft = custom::draft(&input.title, &input.description, intensity, &roles)?;
    let mine = state
        .store
        .custom_items_of(space_id)
        .await?
        .iter()
        .filter(|c| c.author_member_id.as_deref() == Some(m.member.id.as_str()))
        .count();
    if mine >= MAX_PER_MEMBER {
        return Err(AppError::invalid(
            "title",
            format!("You can write up to {MAX_PER_MEMBER} items of your own in one space."),
        ));
    }
    let id = format!("{ID_PREFIX}{}", uuid::Uuid::new_v4().simple());
    let text = CustomText {
        title: draft.title,
        description: draft.description,
        intensity: draft.intensity,
        roles: draft.roles,
    };
    // SECURITY: bound to the space rather than the author, so an offered item stays readable
    // for the space after its author leaves; the server decides who may see a private one.
    let sealed = seal_value(state, &mut m, CUSTOM, &id, "", &text).await?;
    state
        .store
        .create_custom_item(&CustomItemRow {
            id: id.clone(),
            space_id: space_id.into(),
            author_member_id: Some(m.member.id.clone()),
            sealed,
            offered: input.offer,
            created_at: state.clock.now(),
        })
        .await?;
    Ok(id)
}

async fn my_custom(state: &AppState, m: &mut Membership, item: &str) -> AppResult<Custom> {
    let me = m.member.id.clone();
    load_customs(state, m)
        .await?
        .into_iter()
        .find(|c| c.id == item && c.author.as_deref() == Some(me.as_str()))
        // SECURITY: someone else's private item answers exactly like one that does not exist.
        .ok_or(AppError::NotFound)
}

/// Offers my custom item to the space: from now on everyone can see and answer it. Offering
/// cannot be taken back, because others may already have answered it.
pub async fn offer_custom(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    item: &str,
) -> AppResult<()> {
    let mut m = membership(state, me, space_id).await?;
    let c = my_custom(state, &mut m, item).await?;
    if !c.offered {
        state
            .store
            .set_custom_item_offered(space_id, &c.id, true)
            .await?;
    }
    Ok(())
}

/// Deletes my custom item while it is still private, with my answers to it.
pub async fn delete_custom(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    item: &str,
) -> AppResult<()> {
    let mut m = membership(state, me, space_id).await?;
    let c = my_custom(state, &mut m, item).await?;
    if c.offered {
        return Err(AppError::Conflict(
            "This item was offered to the space, so it stays. You can still clear or change your own answer."
                .into(),
        ));
    }
    let member = m.member.id.clone();
    if !state
        .store
        .delete_private_custom_item(space_id, &c.id, &member)
        .await?
    {
        return Err(AppError::NotFound);
    }
    let mut blob = my_blob(state, &mut m).await?;
    let before = blob.answers.len();
    blob.answers.retain(|a| a.item != c.id);
    if blob.answers.len() != before {
        let sealed = seal_value(state, &mut m, ANSWERS, &member, &member, &blob).await?;
        state
            .store
            .put_answers(&AnswersRow {
                space_id: space_id.into(),
                member_id: member,
                sealed,
                updated_at: state.clock.now(),
            })
            .await?;
    }
    Ok(())
}
