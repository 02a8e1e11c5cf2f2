//! Prints per-kind and sentence-level precision/recall for the dev and holdout sets.
//!
//! `cargo run --release -p attune-coach --example report [-- --mistakes dev|holdout]`

use attune_coach::eval::{Scores, parse_tsv, score};

const DEV: &str = include_str!("../tests/data/dev.tsv");
const HOLDOUT: &str = include_str!("../tests/data/holdout.tsv");

fn print(name: &str, n: usize, s: &Scores) {
    println!("== {name} ({n} sentences)");
    println!(
        "{:<16} {:>9} {:>9} {:>5} {:>5} {:>5}",
        "kind", "precision", "recall", "tp", "fp", "fn"
    );
    for (k, c) in &s.per_kind {
        println!(
            "{:<16} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}",
            k.as_str(),
            c.precision(),
            c.recall(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    let o = &s.overall;
    println!(
        "{:<16} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}",
        "ANY (sentence)",
        o.precision(),
        o.recall(),
        o.tp,
        o.fp,
        o.fn_
    );
    println!();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let show = args
        .iter()
        .position(|a| a == "--mistakes")
        .and_then(|i| args.get(i + 1))
        .cloned();
    for (name, src) in [("dev", DEV), ("holdout", HOLDOUT)] {
        let ex = parse_tsv(src);
        let s = score(&ex);
        print(name, ex.len(), &s);
        if show.as_deref() == Some(name) {
            for (want, got, text) in &s.mistakes {
                println!("  want {want:?} got {got:?}: {text}");
            }
            println!();
        }
    }
}
