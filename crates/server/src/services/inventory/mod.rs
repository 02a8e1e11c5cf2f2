//! The desire inventory (B1–B7): the catalog, a member's private answers, custom items, reveal
//! rounds with matches and the honesty guard, and the cooling period between rounds.
//!
//! - [`catalog`]: the built-in catalog plus the custom items a member may see.
//! - [`answers`]: my private answers (one server-enforced envelope per member per space).
//! - [`custom`]: writing, offering and deleting custom items (B4).
//! - [`rounds`]: pressing reveal, the round view, and declared limits.
//! - [`cooling`]: the cooling period, changed only when everyone chose the same value.
//! - [`envelope`]: how the inventory's envelopes are sealed and bound.

pub mod answers;
pub mod catalog;
pub mod cooling;
pub mod custom;
mod envelope;
pub mod rounds;

pub use answers::{
    AnswerInput, AnswerView, MAX_ANSWERS_PER_REQUEST, MAX_NOTE_CHARS, my_answers, put_answers,
};
pub use catalog::{CatalogItem, CustomInfo, catalog_for, catalog_items};
pub use cooling::{CoolingChoice, CoolingView, choose_cooling, cooling};
pub use custom::{CustomInput, create_custom, delete_custom, offer_custom};
pub use rounds::{
    DEFAULT_COOLING_SECS, DeclaredLimit, EXPLANATION, HonestyView, MatchView, RoundView,
    declared_limits, reveal, round,
};
