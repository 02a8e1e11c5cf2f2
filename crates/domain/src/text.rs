//! Rules every piece of typed text follows: length limits counted in characters, no control characters.

use crate::DomainError;

/// Whether line breaks are allowed in a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A one-line field: names, titles.
    Single,
    /// A multi-line field: answers, notes.
    Multi,
}

/// Trims `input` and checks it is `min..=max` characters with no control characters.
/// `label` is how the message names the field ("Display name").
pub fn clean(
    field: &'static str,
    label: &str,
    input: &str,
    min: usize,
    max: usize,
    lines: Lines,
) -> Result<String, DomainError> {
    let trimmed = input.trim();
    let allowed = |c: char| match lines {
        Lines::Single => !c.is_control(),
        Lines::Multi => !c.is_control() || c == '\n' || c == '\t' || c == '\r',
    };
    // SECURITY: NUL and other control characters are refused outright; they confuse logs,
    // terminals and some databases, and no person types them on purpose.
    if !trimmed.chars().all(allowed) {
        return Err(DomainError::invalid(
            field,
            format!("{label} contains characters that can't be used (such as control characters)."),
        ));
    }
    let count = trimmed.chars().count();
    if count < min {
        return Err(DomainError::invalid(
            field,
            if min == 1 {
                format!("{label} can't be empty.")
            } else {
                format!("{label} needs at least {min} characters.")
            },
        ));
    }
    if count > max {
        return Err(DomainError::invalid(
            field,
            format!("{label} can be at most {max} characters (this one has {count})."),
        ));
    }
    Ok(match lines {
        Lines::Single => trimmed.to_string(),
        Lines::Multi => trimmed.replace("\r\n", "\n"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        let name = "é".repeat(10);
        assert!(clean("f", "Name", &name, 1, 10, Lines::Single).is_ok());
        assert!(clean("f", "Name", &"é".repeat(11), 1, 10, Lines::Single).is_err());
    }

    #[test]
    fn nul_and_control_characters_are_refused() {
        assert!(clean("f", "Name", "a\0b", 1, 10, Lines::Single).is_err());
        assert!(clean("f", "Name", "a\nb", 1, 10, Lines::Single).is_err());
        assert!(clean("f", "Text", "a\nb", 1, 10, Lines::Multi).is_ok());
    }

    #[test]
    fn blank_input_is_empty() {
        let err = clean("f", "Name", "   ", 1, 10, Lines::Single).unwrap_err();
        assert_eq!(err.to_string(), "Name can't be empty.");
    }
}
