//! Usernames and passwords: what a valid one is, and the message when it isn't.

use crate::{DomainError, common_passwords};

/// Shortest and longest password, in characters.
pub const PASSWORD_MIN: usize = 12;
/// Longest password, in characters.
pub const PASSWORD_MAX: usize = 128;
/// Shortest username, in characters.
pub const USERNAME_MIN: usize = 3;
/// Longest username, in characters.
pub const USERNAME_MAX: usize = 40;

/// A username as typed (for display) together with its canonical form (for lookup).
#[derive(Clone, PartialEq, Eq)]
pub struct Username {
    shown: String,
    canonical: String,
}

impl std::fmt::Debug for Username {
    // SECURITY: usernames are personal data; keep them out of debug output and logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Username([redacted])")
    }
}

impl Username {
    /// Letters, digits, `.`, `_` and `-`; 3–40 characters; compared without regard to case.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let shown = input.trim();
        let count = shown.chars().count();
        if !(USERNAME_MIN..=USERNAME_MAX).contains(&count) {
            return Err(DomainError::invalid(
                "username",
                format!("A username is {USERNAME_MIN} to {USERNAME_MAX} characters long."),
            ));
        }
        if !shown
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            return Err(DomainError::invalid(
                "username",
                "A username can use letters, digits, dots, dashes and underscores, but no spaces.",
            ));
        }
        Ok(Username {
            shown: shown.to_string(),
            canonical: shown.to_lowercase(),
        })
    }

    /// The form used to find the account: lower case.
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// The username as the person typed it.
    pub fn shown(&self) -> &str {
        &self.shown
    }
}

/// A password that meets the rules. Its text is never logged or shown.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password([redacted])")
    }
}

impl Password {
    /// 12–128 characters of anything (spaces and emoji welcome, paste allowed), and not one of
    /// the most common passwords.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let count = input.chars().count();
        if count < PASSWORD_MIN {
            return Err(DomainError::invalid(
                "password",
                format!(
                    "Please use at least {PASSWORD_MIN} characters. A few unrelated words make a strong, memorable password."
                ),
            ));
        }
        if count > PASSWORD_MAX {
            return Err(DomainError::invalid(
                "password",
                format!("Please use at most {PASSWORD_MAX} characters."),
            ));
        }
        if input.contains('\0') {
            return Err(DomainError::invalid(
                "password",
                "The password contains a character that can't be used.",
            ));
        }
        if common_passwords::is_common(input) {
            return Err(DomainError::invalid(
                "password",
                "That password is on the list of the most commonly used ones, so it is easy to guess. Please choose another.",
            ));
        }
        Ok(Password(input.to_string()))
    }

    /// The password's bytes, for key derivation only.
    pub fn expose(&self) -> &[u8] {
        self.0.as_bytes()
    }

    /// A rough, honest strength hint for the sign-up form.
    pub fn strength(&self) -> Strength {
        strength_of(&self.0)
    }
}

/// How strong a password looks, for a hint (not a rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Meets the rules but is short or repetitive.
    Fair,
    /// Long or varied.
    Good,
    /// Long and varied.
    Strong,
}

/// Estimates strength from length and variety of character kinds.
pub fn strength_of(pw: &str) -> Strength {
    let len = pw.chars().count();
    let kinds = [
        pw.chars().any(|c| c.is_lowercase()),
        pw.chars().any(|c| c.is_uppercase()),
        pw.chars().any(|c| c.is_numeric()),
        pw.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    let distinct = {
        let mut v: Vec<char> = pw.chars().collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    if len >= 20 && distinct >= 10 || len >= 16 && kinds >= 3 && distinct >= 10 {
        Strength::Strong
    } else if len >= 14 && distinct >= 8 {
        Strength::Good
    } else {
        Strength::Fair
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_compare_without_case() {
        let a = Username::parse("Sam.Rivers").unwrap();
        assert_eq!(a.canonical(), "sam.rivers");
        assert_eq!(a.shown(), "Sam.Rivers");
    }

    #[test]
    fn usernames_with_spaces_or_symbols_are_refused() {
        assert!(Username::parse("sam rivers").is_err());
        assert!(Username::parse("sam<script>").is_err());
        assert!(Username::parse("ab").is_err());
    }

    #[test]
    fn passwords_between_12_and_128_characters_of_anything_are_accepted() {
        assert!(Password::parse("correct horse 🐎 battery").is_ok());
        assert!(Password::parse("short").is_err());
        assert!(Password::parse(&"x".repeat(129)).is_err());
    }

    #[test]
    fn a_common_password_is_refused_with_a_clear_message() {
        let err = Password::parse("qwerty123456").unwrap_err();
        assert!(err.to_string().contains("most commonly used"));
    }

    #[test]
    fn debug_output_hides_secrets() {
        let p = Password::parse("a quiet walk at dusk").unwrap();
        assert!(!format!("{p:?}").contains("quiet"));
        let u = Username::parse("someone").unwrap();
        assert!(!format!("{u:?}").contains("someone"));
    }
}
