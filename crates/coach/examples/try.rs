//! Debug helper: prints the advice for each argument.
fn main() {
    for a in std::env::args().skip(1) {
        println!(
            "{a}\n  {}",
            serde_json::to_string(&attune_coach::check(&a)).unwrap_or_default()
        );
    }
}
