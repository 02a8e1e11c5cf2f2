//! The differences between two versions of a text, line by line (C4): a longest common
//! subsequence over lines, so a history view can show what was added and what was removed.

use serde::Serialize;

/// The most lines compared; longer texts are compared as one block each (our fields are far
/// shorter than this, so it only guards against pathological input).
pub const MAX_LINES: usize = 400;

/// What happened to one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineChange {
    /// In both versions.
    Same,
    /// Only in the newer version.
    Added,
    /// Only in the older version.
    Removed,
}

/// One line of a difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffLine {
    /// Kept, added or removed.
    pub change: LineChange,
    /// The line's text.
    pub text: String,
}

/// The line-by-line difference from `old` to `new`.
pub fn diff_lines(old: &str, new: &str) -> Vec<DiffLine> {
    let split = |s: &str| -> Vec<String> {
        if s.is_empty() {
            Vec::new()
        } else {
            let lines: Vec<String> = s.lines().map(str::to_string).collect();
            if lines.len() > MAX_LINES {
                vec![s.to_string()]
            } else {
                lines
            }
        }
    };
    let (a, b) = (split(old), split(new));
    // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    let line = |change, text: &String| DiffLine {
        change,
        text: text.clone(),
    };
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.push(line(LineChange::Same, &a[i]));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            out.push(line(LineChange::Removed, &a[i]));
            i += 1;
        } else {
            out.push(line(LineChange::Added, &b[j]));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|t| line(LineChange::Removed, t)));
    out.extend(b[j..].iter().map(|t| line(LineChange::Added, t)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_line_shows_as_removed_then_added() {
        let d = diff_lines("one\ntwo\nthree", "one\nTWO\nthree");
        let kinds: Vec<_> = d.iter().map(|l| l.change).collect();
        assert_eq!(
            kinds,
            [
                LineChange::Same,
                LineChange::Removed,
                LineChange::Added,
                LineChange::Same
            ]
        );
    }

    #[test]
    fn empty_texts_give_only_additions_or_removals() {
        assert!(diff_lines("", "").is_empty());
        assert!(
            diff_lines("", "a\nb")
                .iter()
                .all(|l| l.change == LineChange::Added)
        );
        assert!(
            diff_lines("a\nb", "")
                .iter()
                .all(|l| l.change == LineChange::Removed)
        );
    }
}
