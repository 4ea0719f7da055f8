//! The age groups of the cohort table: the lower bound of each group, by age on the reference
//! date. The default is the 18–29, 30–44, 45–64 and 65+; a municipality that reports
//! otherwise sets its own bounds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{FieldError, ValidationErrors};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AgeGroups {
    /// Ascending lower bounds; the last group is open-ended.
    pub bounds: Vec<u32>,
}

impl Default for AgeGroups {
    fn default() -> Self {
        Self {
            bounds: vec![18, 30, 45, 65],
        }
    }
}

impl AgeGroups {
    /// Reads "18, 30, 45, 65".
    pub fn parse(text: &str) -> Result<Self, ValidationErrors> {
        let bounds: Result<Vec<u32>, _> = text
            .split([',', ';', ' '])
            .filter(|p| !p.trim().is_empty())
            .map(|p| p.trim().parse::<u32>())
            .collect();
        let groups = Self {
            bounds: bounds.map_err(|_| {
                error(format!(
                    "'{text}' is geen rij leeftijden, bijv. 18, 30, 45, 65"
                ))
            })?,
        };
        groups.validate()?;
        Ok(groups)
    }

    pub fn validate(&self) -> Result<(), ValidationErrors> {
        if self.bounds.is_empty() || self.bounds.len() > 10 {
            return Err(error("geef 1 tot 10 leeftijdsgrenzen".into()));
        }
        if self.bounds.windows(2).any(|w| w[0] >= w[1]) {
            return Err(error(
                "de grenzen moeten oplopen, bijv. 18, 30, 45, 65".into(),
            ));
        }
        if self.bounds.iter().any(|b| *b > 120) {
            return Err(error("een leeftijdsgrens ligt tussen 0 en 120".into()));
        }
        Ok(())
    }

    /// The group of `age`; `None` below the first bound.
    pub fn group(&self, age: u32) -> Option<usize> {
        self.bounds.iter().rposition(|b| age >= *b)
    }

    /// "18–29", …, "65+".
    pub fn titles(&self) -> Vec<String> {
        self.bounds
            .iter()
            .enumerate()
            .map(|(i, from)| match self.bounds.get(i + 1) {
                Some(next) if *next == from + 1 => from.to_string(),
                Some(next) => format!("{from}–{}", next - 1),
                None => format!("{from}+"),
            })
            .collect()
    }
}

fn error(message: String) -> ValidationErrors {
    let mut errors = ValidationErrors::default();
    errors.push(FieldError::new("bounds", "age_groups", message));
    errors
}
