//! Validation errors that name the field and the rule, with a Dutch message for the UI.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::glossary::field_label;

/// One broken rule. `field` is the record's field name (as in the form and the CSV),
/// `rule` a stable code, `message` the Dutch sentence shown after the field's label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldError {
    pub field: String,
    pub rule: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, rule: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            rule: rule.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", field_label(&self.field), self.message)
    }
}

/// Every rule a record breaks, in the order they were checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    pub fn into_result(self) -> Result<(), Self> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for ValidationErrors {}
