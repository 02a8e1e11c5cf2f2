//! The server's integration tests: one binary, a real server on port 0 per test, real databases.

mod accounts;
mod at_rest;
mod authorization;
mod bad_input;
mod boundaries;
mod checkins;
mod coach_review;
mod consent;
mod csrf;
mod headers;
mod helpers;
mod inventory;
mod inventory_custom;
mod inventory_pages;
mod invites;
mod learn;
mod openapi;
mod pages;
mod plan_pages;
mod plans;
mod reminders;
mod sessions;
mod spaces;
