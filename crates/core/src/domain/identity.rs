//! Who works on this laptop. Set at first run; it signs every audit entry.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Consultant,
    Teamleider,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Identity {
    pub name: String,
    pub role: Role,
    pub organisation: String,
    /// The municipalities the organisation works for; a client's municipality must be one of them.
    pub municipalities: Vec<String>,
}

/// The four municipalities of the ISD Bollenstreek, the default list (domain page §1).
pub const DEFAULT_MUNICIPALITIES: [&str; 4] = ["Hillegom", "Lisse", "Noordwijk", "Teylingen"];

impl Identity {
    pub fn normalised(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        self.organisation = self.organisation.trim().to_owned();
        let mut seen: Vec<String> = Vec::new();
        for m in self
            .municipalities
            .iter()
            .map(|m| m.trim())
            .filter(|m| !m.is_empty())
        {
            if !seen.iter().any(|s| s.eq_ignore_ascii_case(m)) {
                seen.push(m.to_owned());
            }
        }
        self.municipalities = seen;
        self
    }

    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.name.trim().is_empty() {
            errors.push(FieldError::new("name", "required", "is verplicht"));
        }
        if self.organisation.trim().is_empty() {
            errors.push(FieldError::new("organisation", "required", "is verplicht"));
        }
        if self.municipalities.iter().all(|m| m.trim().is_empty()) {
            errors.push(FieldError::new(
                "municipalities",
                "required",
                "noem minstens één gemeente",
            ));
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_rules() {
        let ok = Identity {
            name: " Sanne de Vries ".into(),
            role: Role::Consultant,
            organisation: "ISD Bollenstreek".into(),
            municipalities: vec![
                "Lisse".into(),
                " lisse".into(),
                "".into(),
                "Hillegom".into(),
            ],
        }
        .normalised();
        assert_eq!(ok.name, "Sanne de Vries");
        assert_eq!(
            ok.municipalities,
            vec!["Lisse".to_string(), "Hillegom".to_string()]
        );
        assert!(ok.validate().is_ok());

        let bad = Identity {
            name: "".into(),
            organisation: "".into(),
            municipalities: vec![],
            ..ok
        };
        let fields: Vec<String> = bad
            .validate()
            .unwrap_err()
            .0
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["name", "organisation", "municipalities"]);
    }
}
