//! Spaces (one relationship each) and their members: names, display names, pronouns, size.

use crate::{
    DomainError,
    text::{Lines, clean},
};

/// Most members a space can have.
pub const MAX_MEMBERS: usize = 8;

/// A space's name, seen only by its members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpaceName(String);

impl SpaceName {
    /// 1–80 characters on one line.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        clean("name", "The space's name", input, 1, 80, Lines::Single).map(SpaceName)
    }
    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// How a member is called inside one space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    /// 1–40 characters on one line.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        clean("display_name", "Display name", input, 1, 40, Lines::Single).map(DisplayName)
    }
    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Optional pronouns shown next to a display name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pronouns(String);

impl Pronouns {
    /// 0–30 characters on one line; empty means "not given".
    pub fn parse(input: &str) -> Result<Option<Self>, DomainError> {
        let p = clean("pronouns", "Pronouns", input, 0, 30, Lines::Single)?;
        Ok((!p.is_empty()).then_some(Pronouns(p)))
    }
    /// The pronouns as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether one more person may join a space that has `current` members.
pub fn can_join(current: usize) -> Result<(), DomainError> {
    if current >= MAX_MEMBERS {
        return Err(DomainError::invalid(
            "code",
            format!("This space already has {MAX_MEMBERS} members, the most a space can have."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_of_eight_is_full() {
        assert!(can_join(7).is_ok());
        assert!(can_join(8).is_err());
    }

    #[test]
    fn empty_pronouns_mean_none() {
        assert_eq!(Pronouns::parse("  ").unwrap(), None);
        assert_eq!(
            Pronouns::parse("they/them").unwrap().unwrap().as_str(),
            "they/them"
        );
    }
}
