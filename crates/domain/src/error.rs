//! The domain's one error type: what was wrong with the input, in words a person can act on.

/// A problem with one field of a form or request, with a message meant for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as the form and API know it (`username`, `password`, …).
    pub field: &'static str,
    /// A plain sentence saying what to change.
    pub message: String,
}

/// Errors of the domain's rules.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// Input that does not meet a rule; safe to show to the person.
    #[error("{}", .0.message)]
    Invalid(FieldError),
}

impl DomainError {
    /// Builds an [`DomainError::Invalid`] for `field`.
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        DomainError::Invalid(FieldError {
            field,
            message: message.into(),
        })
    }

    /// The field this error is about.
    pub fn field(&self) -> &'static str {
        match self {
            DomainError::Invalid(e) => e.field,
        }
    }
}
