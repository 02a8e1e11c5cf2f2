//! Prints how long a reveal takes: matching 2 and 4 members over 600 item-roles, plus the
//! round view (frozen answers with later lowerings applied). Run with
//! `cargo run --release -p attune-domain --example reveal_bench`.

use std::collections::BTreeMap;
use std::time::Instant;

use attune_domain::inventory::item::Role;
use attune_domain::inventory::matching::{Answers, Round, matches, visible_matches};
use attune_domain::inventory::rating::Rating;

/// 200 items offering doing/receiving/either: 600 item-roles (with `either`, groups of more
/// than two can match).
fn items() -> Vec<(String, &'static [Role])> {
    (0..200)
        .map(|i| {
            (
                format!("item.{i:03}"),
                &[Role::Doing, Role::Receiving, Role::Either][..],
            )
        })
        .collect()
}

/// A deterministic pseudo-random answer set touching every item-role.
fn answers(seed: u64, items: &[(String, &'static [Role])]) -> Answers {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Answers::new();
    for (id, roles) in items {
        for role in *roles {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let rating = match x % 10 {
                0 => continue,
                1 => Rating::Limit,
                2 | 3 => Rating::No,
                4..=6 => Rating::Maybe,
                _ => Rating::Yes,
            };
            out.insert((id.clone(), *role), rating);
        }
    }
    out
}

fn median_micros(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn main() {
    let items = items();
    let catalog: BTreeMap<String, &'static [Role]> = items.iter().cloned().collect();
    let roles_of = |id: &str| catalog.get(id).copied();
    for members in [2usize, 4] {
        let space: BTreeMap<String, Answers> = (0..members)
            .map(|m| (format!("member-{m}"), answers(m as u64 + 1, &items)))
            .collect();
        let round = Round {
            frozen: space.clone(),
        };
        let mut lowered = space.clone();
        if let Some(first) = lowered.values_mut().next() {
            for r in first.values_mut().take(50) {
                *r = Rating::No;
            }
        }
        let mut m_runs = Vec::new();
        let mut v_runs = Vec::new();
        let mut found = 0;
        for _ in 0..200 {
            let t = Instant::now();
            found = matches(&space, roles_of).len();
            m_runs.push(t.elapsed().as_secs_f64() * 1e6);
            let t = Instant::now();
            let _ = visible_matches(&round, &lowered, roles_of);
            v_runs.push(t.elapsed().as_secs_f64() * 1e6);
        }
        println!(
            "{members} members x 600 item-roles: reveal {:.0} µs (median of 200), round view with lowerings {:.0} µs; {found} matches",
            median_micros(m_runs),
            median_micros(v_runs)
        );
    }
}
