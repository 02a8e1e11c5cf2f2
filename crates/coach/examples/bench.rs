//! Prints median and p99 per-sentence latency of `check` over both labelled sets.
//!
//! `cargo run --release -p attune-coach --example bench`

use attune_coach::check;
use attune_coach::eval::parse_tsv;
use std::hint::black_box;
use std::time::Instant;

const DEV: &str = include_str!("../tests/data/dev.tsv");
const HOLDOUT: &str = include_str!("../tests/data/holdout.tsv");
const ROUNDS: usize = 50;

fn main() {
    let texts: Vec<String> = parse_tsv(DEV)
        .into_iter()
        .chain(parse_tsv(HOLDOUT))
        .map(|e| e.text)
        .collect();
    // Warm up (compiles the rule tables once).
    for t in &texts {
        black_box(check(t));
    }
    let mut samples: Vec<u128> = Vec::with_capacity(texts.len() * ROUNDS);
    for _ in 0..ROUNDS {
        for t in &texts {
            let start = Instant::now();
            black_box(check(black_box(t)));
            samples.push(start.elapsed().as_nanos());
        }
    }
    samples.sort_unstable();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize] as f64 / 1000.0;
    println!(
        "{} sentences x {ROUNDS} rounds = {} calls",
        texts.len(),
        samples.len()
    );
    println!(
        "median {:.1} µs   p99 {:.1} µs   max {:.1} µs",
        at(0.5),
        at(0.99),
        at(1.0)
    );

    let long = "You never listen and it's your fault, calm down. ".repeat(200);
    let long: String = long.chars().take(attune_coach::MAX_TEXT_CHARS).collect();
    let start = Instant::now();
    let n = black_box(check(&long)).flags.len();
    println!(
        "one {}-char text: {:.1} µs ({n} flags)",
        long.chars().count(),
        start.elapsed().as_nanos() as f64 / 1000.0
    );
}
