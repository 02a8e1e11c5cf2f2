//! The desire inventory: the catalog, ratings, role-aware matching, reveal rounds and the
//! honesty guard (SPEC B1–B7). Pure rules: no storage, no clock.
//!
//! - [`catalog`]: the built-in activities, with stable ids (B1, B2).
//! - [`custom`]: members' own items: checking them, and matching private twins (B4).
//! - [`item`]: what an activity is: category, intensity, which roles it offers.
//! - [`rating`]: a member's answer to one item-role (B3).
//! - [`matching`]: which item-roles everyone rated at least "maybe", in two tiers (B5, B2, B7).
//! - [`honesty`]: the per-member aggregate counts shown with each round (B6).

pub mod catalog;
pub mod custom;
pub mod honesty;
pub mod item;
pub mod matching;
pub mod rating;
