//! Personal settings, sealed under the user key: discreet mode for now.

use serde::{Deserialize, Serialize};

/// A member's personal settings.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct Prefs {
    /// Neutral page titles in the browser's tab switcher. On by default (invariant 10).
    pub discreet: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs { discreet: true }
    }
}
