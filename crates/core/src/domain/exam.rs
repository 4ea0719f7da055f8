//! Exam results per part, and the Z-route's eindgesprek (domain page §2 step 13). Each attempt
//! is its own entry: a resit is a new entry, never an edit.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::hours::check_date;
use super::level::CefrLevel;
use super::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExamPart {
    Lezen,
    Luisteren,
    Spreken,
    Schrijven,
    Knm,
    /// The Z-route's closing conversation with the municipality.
    Eindgesprek,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExamResult {
    Behaald,
    NietBehaald,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExamInput {
    pub part: ExamPart,
    pub date: NaiveDate,
    /// The level examined; the eindgesprek has none.
    pub level: Option<CefrLevel>,
    pub result: ExamResult,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Exam {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub input: ExamInput,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl ExamInput {
    pub fn normalised(self) -> Self {
        Self {
            note: self
                .note
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
            level: if self.part == ExamPart::Eindgesprek {
                None
            } else {
                self.level
            },
            ..self
        }
    }

    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "date", self.date, today);
        if self.part != ExamPart::Eindgesprek && self.level.is_none() {
            errors.push(FieldError::new(
                "level",
                "required",
                "is verplicht bij een examenonderdeel",
            ));
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exam_rules() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let exam = |part, level| ExamInput {
            part,
            date: today,
            level,
            result: ExamResult::Behaald,
            note: None,
        };
        assert!(exam(ExamPart::Lezen, Some(CefrLevel::B1))
            .validate(today)
            .is_ok());
        assert_eq!(
            exam(ExamPart::Spreken, None).validate(today).unwrap_err().0[0].rule,
            "required"
        );
        assert!(exam(ExamPart::Eindgesprek, None).validate(today).is_ok());
        assert_eq!(
            exam(ExamPart::Eindgesprek, Some(CefrLevel::A1))
                .normalised()
                .level,
            None
        );
    }
}
