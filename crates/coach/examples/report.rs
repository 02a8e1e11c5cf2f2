//! Prints per-kind and sentence-level precision/recall for labelled sets.
//!
//! ```text
//! cargo run --release -p attune-coach --example report
//! cargo run --release -p attune-coach --example report -- --mistakes dev
//! cargo run --release -p attune-coach --example report -- --set path/to/any.tsv [--mistakes any]
//! ```
//!
//! Without `--set` it scores every set in `eval::sets` under `tests/data/`, then the sealed
//! sets the shipped coach never trained on (`eval::SCORED_NOT_TRAINED`) and their pooled
//! figure. `--set PATH` (repeatable) scores only the given files; the name used by
//! `--mistakes` is the file stem (`--mistakes all` prints every set's mistakes).

use attune_coach::eval::{Counts, SCORED_NOT_TRAINED, Scores, parse_tsv, score, sets as every_set};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

fn stem(p: &Path) -> String {
    p.file_stem()
        .map_or_else(|| p.display().to_string(), |s| s.to_string_lossy().into())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut show: Option<String> = None;
    let mut sets: Vec<PathBuf> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--mistakes" => {
                show = args.get(i + 1).cloned();
                i += 2;
            }
            "--set" => {
                let Some(p) = args.get(i + 1) else {
                    eprintln!("--set needs a path");
                    return ExitCode::FAILURE;
                };
                sets.push(PathBuf::from(p));
                i += 2;
            }
            other => {
                eprintln!("unknown argument {other:?}; use --set PATH and/or --mistakes NAME");
                return ExitCode::FAILURE;
            }
        }
    }
    let explicit = !sets.is_empty();
    if !explicit {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
        sets = every_set()
            .chain(SCORED_NOT_TRAINED.iter().copied())
            .map(|n| dir.join(format!("{n}.tsv")))
            .filter(|p| p.is_file())
            .collect();
    }
    let mut sealed = Counts::default();
    for path in &sets {
        let src = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let name = stem(path);
        let ex = parse_tsv(&src);
        let s = score(&ex);
        print(&name, ex.len(), &s);
        if SCORED_NOT_TRAINED.contains(&name.as_str()) {
            sealed += s.overall;
        }
        if show.as_deref() == Some(name.as_str()) || show.as_deref() == Some("all") {
            for (want, got, text) in &s.mistakes {
                println!("  want {want:?} got {got:?}: {text}");
            }
            println!();
        }
    }
    if sealed != Counts::default() {
        println!(
            "sealed sets never trained on ({}), pooled: precision {:.3} recall {:.3} ({} {} {})",
            SCORED_NOT_TRAINED.join(", "),
            sealed.precision(),
            sealed.recall(),
            sealed.tp,
            sealed.fp,
            sealed.fn_
        );
    }
    ExitCode::SUCCESS
}
