//! The most commonly used passwords, refused at sign-up and password change.
//!
//! `data/common-passwords.txt` holds the 1,000 most frequent entries of a public frequency list
//! of leaked passwords (the list Django ships, itself drawn from published breach corpora),
//! followed by every entry of that list that is 12 characters or longer — the ones our length
//! rule would otherwise let through. It is factual data, one password per line.

use std::collections::HashSet;
use std::sync::LazyLock;

static LIST: &str = include_str!("../data/common-passwords.txt");

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    LIST.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
});

/// Whether `password` (compared in lower case, ignoring surrounding spaces) is on the list.
pub fn is_common(password: &str) -> bool {
    COMMON.contains(password.trim().to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_holds_at_least_a_thousand_passwords() {
        assert!(COMMON.len() >= 1000);
        assert!(is_common("password"));
        assert!(is_common("QWERTY123456"));
        assert!(!is_common("a quiet walk at dusk"));
    }
}
