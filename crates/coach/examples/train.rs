//! Trains the shipped classifier on every labelled set (`eval::sets`) and writes `model/weights.bin`.
//!
//! ```text
//! cargo run --release -p attune-coach --example train            # rewrite the weights
//! cargo run --release -p attune-coach --example train -- --check # fail if they differ
//! ```
//!
//! Deterministic: the sets are read in a fixed order and training uses a fixed seed, so
//! running this twice writes the same bytes.

use attune_coach::eval::{Example, load_set, sets};
use attune_coach::model::train::{SHIPPED, train};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut examples: Vec<Example> = Vec::new();
    for name in sets() {
        match load_set(&root.join("tests/data"), name) {
            Ok(ex) => examples.extend(ex),
            Err(e) => {
                eprintln!("cannot read set {name}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let bytes = train(&examples, &SHIPPED).to_bytes();
    let out = root.join("model/weights.bin");
    println!("{} examples, {} bytes", examples.len(), bytes.len());
    if std::env::args().any(|a| a == "--check") {
        let same = std::fs::read(&out).is_ok_and(|old| old == bytes);
        println!(
            "{}",
            if same {
                "weights are up to date"
            } else {
                "weights differ"
            }
        );
        return if same {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!("wrote {}", out.display());
    ExitCode::SUCCESS
}
