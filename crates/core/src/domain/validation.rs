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
    /// "Uren: …", or for row `n` of a batch (field `n.quarters`) "Regel n+1, Uren: …".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field.split_once('.') {
            Some((row, field)) if row.parse::<usize>().is_ok() => {
                let line = row.parse::<usize>().unwrap_or(0) + 1;
                write!(f, "Regel {line}, {}: {}", field_label(field), self.message)
            }
            _ => write!(f, "{}: {}", field_label(&self.field), self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_error_names_its_line() {
        let e = FieldError::new("1.quarters", "positive", "moet meer dan 0 uur zijn");
        assert_eq!(e.to_string(), "Regel 2, Uren: moet meer dan 0 uur zijn");
        let e = FieldError::new("date", "not_in_future", "ligt in de toekomst");
        assert_eq!(e.to_string(), "Datum: ligt in de toekomst");
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
