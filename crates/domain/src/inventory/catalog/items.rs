//! The catalog entries (B1, B2), written for this project. Each category lives in its own
//! file next to this one; they are joined here, in a fixed order, into the single list
//! [`ITEMS`].
//!
//! Ids are stable forever (`tests/data/catalog-ids.txt` holds the snapshot): wording may be
//! improved, but an id is never renamed or removed. New items go at the end of their
//! category's file.
//!
//! Roles: something one person does to or for another offers doing and receiving; something
//! done together offers either; power exchange offers leading and following.

use crate::inventory::item::{Item, Role};

#[path = "affection.rs"]
mod affection;
#[path = "kissing.rs"]
mod kissing;
#[path = "looking.rs"]
mod looking;
#[path = "manual.rs"]
mod manual;
#[path = "oral.rs"]
mod oral;
#[path = "penetration.rs"]
mod penetration;
#[path = "power.rs"]
mod power;
#[path = "restraint.rs"]
mod restraint;
#[path = "role_play.rs"]
mod role_play;
#[path = "sensation.rs"]
mod sensation;
#[path = "settings.rs"]
mod settings;
#[path = "talking.rs"]
mod talking;
#[path = "touch.rs"]
mod touch;
#[path = "toys.rs"]
mod toys;

/// Done by one person to or for another.
const DOING_RECEIVING: &[Role] = &[Role::Doing, Role::Receiving];
/// Done to or for another, or together at the same time.
const DOING_RECEIVING_EITHER: &[Role] = &[Role::Doing, Role::Receiving, Role::Either];
/// Done together, or either way round.
const EITHER: &[Role] = &[Role::Either];
/// A power dynamic: one leads, the other follows.
const LEADING_FOLLOWING: &[Role] = &[Role::Leading, Role::Following];

/// The categories' lists, in catalog order.
const PARTS: &[&[Item]] = &[
    talking::ITEMS,
    affection::ITEMS,
    kissing::ITEMS,
    touch::ITEMS,
    looking::ITEMS,
    manual::ITEMS,
    oral::ITEMS,
    penetration::ITEMS,
    toys::ITEMS,
    sensation::ITEMS,
    restraint::ITEMS,
    role_play::ITEMS,
    power::ITEMS,
    settings::ITEMS,
];

/// How many items the catalog holds.
const LEN: usize = total(PARTS);

/// The joined list, built at compile time.
static JOINED: [Item; LEN] = join(PARTS);

/// Every built-in item.
pub static ITEMS: &[Item] = &JOINED;

/// The number of items in all parts together.
const fn total(parts: &[&[Item]]) -> usize {
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        n += parts[p].len();
        p += 1;
    }
    n
}

/// The parts, one after another, as one array of exactly `N` items.
const fn join<const N: usize>(parts: &[&[Item]]) -> [Item; N] {
    let mut out = [parts[0][0]; N];
    let mut n = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut i = 0;
        while i < parts[p].len() {
            out[n] = parts[p][i];
            n += 1;
            i += 1;
        }
        p += 1;
    }
    assert!(n == N, "the catalog's length must match its parts");
    out
}
