//! Who is who in a space: member ids to display names, for views that name members.

use std::collections::BTreeMap;

use super::spaces::{Membership, open_profile};
use crate::error::AppResult;
use crate::state::AppState;

/// Display names of a space's members, by member id, in order of joining.
pub struct People {
    /// `(member id, display name)` in order of joining.
    pub members: Vec<(String, String)>,
    names: BTreeMap<String, String>,
    /// The requesting member.
    pub me: String,
}

impl People {
    /// Loads and opens every member's profile.
    pub async fn of(state: &AppState, m: &mut Membership) -> AppResult<People> {
        let mut members = Vec::new();
        for row in state.store.members_of_space(&m.space.id).await? {
            let profile = open_profile(state, &mut m.keys, &row).await?;
            members.push((row.id, profile.display_name));
        }
        let names = members.iter().cloned().collect();
        Ok(People {
            members,
            names,
            me: m.member.id.clone(),
        })
    }

    /// A member's display name; someone who has left reads as "A former member".
    pub fn name(&self, member_id: &str) -> String {
        self.names
            .get(member_id)
            .cloned()
            .unwrap_or_else(|| "A former member".into())
    }

    /// Whether the member id is the requester's.
    pub fn is_me(&self, member_id: &str) -> bool {
        self.me == member_id
    }
}
