//! The only place that calls domain, crypto and store together. Pages and the JSON API are thin
//! layers over these functions, so a capability exists once.

pub mod accounts;
pub mod agreement;
pub mod bind;
pub mod boundaries;
pub mod calendar;
pub mod changes;
pub mod checkins;
pub mod closeness;
pub mod consent;
pub mod device;
pub mod enforced;
pub mod history;
pub mod inventory;
pub mod invites;
pub mod keys;
pub mod mail;
pub mod pause;
pub mod people;
pub mod plans;
pub mod prefs;
pub mod reminders;
pub mod review;
pub mod sessions;
pub mod shared;
pub mod spaces;
pub mod versions;
