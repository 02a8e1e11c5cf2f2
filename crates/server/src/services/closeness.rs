//! The invitation for closeness (E5): a gentle signal the other can accept, decline with one tap,
//! or ignore. The sender never sees "seen", a countdown or a reason; a decline reads "not tonight".

use attune_domain::consent::INVITATION_LIFETIME_SECS;
use attune_store::rows::InvitationRow;
use serde::Serialize;
use utoipa::ToSchema;

use super::consent::{is_quiet, start_quiet};
use super::pause::is_paused;
use super::people::People;
use super::sessions::SignedIn;
use super::spaces::membership;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// An invitation someone sent me, still open.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Received {
    /// Its id, to answer it.
    pub id: String,
    /// Who sent it.
    pub from: String,
}

/// An invitation I sent.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Sent {
    /// To whom.
    pub to: String,
    /// `sent` while unanswered (never "seen"), `accepted`, or `not_tonight`.
    pub status: String,
}

/// My invitations in a space.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct InvitationsView {
    /// Open invitations to me.
    pub received: Vec<Received>,
    /// Invitations from me that have not expired.
    pub sent: Vec<Sent>,
    /// Members I could invite right now: `(member id, name)`.
    #[serde(skip)]
    pub can_invite: Vec<(String, String)>,
}

/// Lists my invitations.
pub async fn view(state: &AppState, me: &SignedIn, space_id: &str) -> AppResult<InvitationsView> {
    let mut m = membership(state, me, space_id).await?;
    let people = People::of(state, &mut m).await?;
    let now = state.clock.now();
    let rows = state.store.invitations_of_space(space_id, now).await?;
    let mine = &m.member.id;
    let received = rows
        .iter()
        .filter(|r| &r.to_member == mine && r.answer.is_none())
        .map(|r| Received {
            id: r.id.clone(),
            from: people.name(&r.from_member),
        })
        .collect();
    let sent = rows
        .iter()
        .filter(|r| &r.from_member == mine)
        .map(|r| Sent {
            to: people.name(&r.to_member),
            status: match r.answer.as_deref() {
                Some("yes") => "accepted",
                Some(_) => "not_tonight",
                None => "sent",
            }
            .into(),
        })
        .collect();
    let paused = is_paused(state, space_id).await?;
    let mut can_invite = Vec::new();
    if !paused {
        for (id, name) in &people.members {
            let open = rows
                .iter()
                .any(|r| &r.from_member == mine && &r.to_member == id && r.answer.is_none());
            if id != mine && !open && !is_quiet(state, space_id, id).await? {
                can_invite.push((id.clone(), name.clone()));
            }
        }
    }
    Ok(InvitationsView {
        received,
        sent,
        can_invite,
    })
}

/// Sends a gentle invitation to one member (or the only other member when `to` is `None`).
pub async fn send(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    to: Option<&str>,
) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    let others: Vec<String> = state
        .store
        .members_of_space(space_id)
        .await?
        .into_iter()
        .map(|r| r.id)
        .filter(|id| *id != m.member.id)
        .collect();
    let to = match to {
        Some(t) if others.iter().any(|o| o == t) => t.to_string(),
        Some(_) => return Err(AppError::invalid("to", "Choose someone in this space.")),
        None if others.len() == 1 => others[0].clone(),
        None => return Err(AppError::invalid("to", "Choose who to invite.")),
    };
    if is_paused(state, space_id).await? {
        return Err(AppError::Conflict(
            "The space is paused, so invitations wait until the pause is lifted.".into(),
        ));
    }
    // SECURITY: D3: after a decline there is no "ask again" until the decliner's quiet period ends.
    if is_quiet(state, space_id, &to).await? {
        return Err(AppError::Conflict(
            "Not now. They asked for some quiet; there's no asking again for a while.".into(),
        ));
    }
    let now = state.clock.now();
    let open = state
        .store
        .invitations_of_space(space_id, now)
        .await?
        .into_iter()
        .any(|r| r.from_member == m.member.id && r.to_member == to && r.answer.is_none());
    if open {
        return Err(AppError::Conflict(
            "Your invitation is already there. There's nothing more to do.".into(),
        ));
    }
    state
        .store
        .create_invitation(&InvitationRow {
            id: uuid::Uuid::new_v4().to_string(),
            space_id: space_id.into(),
            from_member: m.member.id,
            to_member: to,
            answer: None,
            created_at: now,
            expires_at: now + INVITATION_LIFETIME_SECS,
        })
        .await?;
    Ok(())
}

/// Accepts (`true`) or declines (`false`) an invitation sent to me. Declining needs no reason and
/// starts my quiet period.
pub async fn answer(
    state: &AppState,
    me: &SignedIn,
    space_id: &str,
    id: &str,
    yes: bool,
) -> AppResult<()> {
    let m = membership(state, me, space_id).await?;
    if id.len() > 64 {
        return Err(AppError::NotFound);
    }
    let answered = state
        .store
        .answer_invitation(
            space_id,
            id,
            &m.member.id,
            if yes { "yes" } else { "no" },
            state.clock.now(),
        )
        .await?;
    if !answered {
        return Err(AppError::NotFound);
    }
    if !yes {
        start_quiet(state, space_id, &m.member.id).await?;
    }
    Ok(())
}
