//! `attune coach`: one text per line on stdin, one JSON object per line on stdout.

use std::io::{BufRead, Write};

/// Reads lines until end of input. Over-long lines get an error object instead of advice.
pub fn run() -> anyhow::Result<()> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line?;
        if line.chars().count() > attune_coach::MAX_TEXT_CHARS {
            writeln!(
                out,
                "{}",
                serde_json::json!({"error": {"code": "invalid", "message": "The coach reads up to 10,000 characters at a time."}})
            )?;
            continue;
        }
        let advice = attune_coach::check(&line);
        writeln!(out, "{}", serde_json::to_string(&advice)?)?;
    }
    out.flush()?;
    Ok(())
}
