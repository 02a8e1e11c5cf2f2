//! `attune demo` on a fresh data directory: it creates the couple with something to try on
//! every page, says so, and a second run changes nothing (L6).

use std::process::Command;

fn demo(dir: &std::path::Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_attune"))
        .arg("demo")
        .arg("--data-dir")
        .arg(dir)
        .env_remove("ATTUNE_DATABASE_URL")
        .env("ATTUNE_KDF_PROFILE", "test")
        .output()
        .expect("attune runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn the_demo_couple_is_created_once_with_answers_and_boundaries() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let (ok, text) = demo(&data);
    assert!(ok, "{text}");
    assert!(text.contains("Created the demo couple"), "{text}");
    assert!(
        text.contains("inventory answers and a boundary each"),
        "{text}"
    );
    assert!(text.contains("username demo-alex"), "{text}");
    let (ok, text) = demo(&data);
    assert!(ok, "{text}");
    assert!(text.contains("already exists"), "{text}");
    // Nothing the couple typed is readable in the database file.
    let db = std::fs::read(data.join("attune.db")).unwrap();
    let needle = b"No photos or video, ever";
    assert!(!db.windows(needle.len()).any(|w| w == needle));
}
