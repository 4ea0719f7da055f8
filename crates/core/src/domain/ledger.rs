//! The two append-only ledgers of the foundation: contact attempts and notes.
//! Entries are never edited or deleted (ARCHITECTURE §2).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactChannel {
    Telefoon,
    Email,
    Brief,
    Huisbezoek,
    Berichtenapp,
    Balie,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ContactOutcome {
    Bereikt,
    NietBereikt,
    VoicemailIngesproken,
    AfspraakGemaakt,
    NietVerschenen,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContactAttemptInput {
    pub date: NaiveDate,
    pub channel: ContactChannel,
    pub outcome: ContactOutcome,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ContactAttempt {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub input: ContactAttemptInput,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NoteInput {
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Note {
    pub id: Uuid,
    pub client_id: Uuid,
    pub text: String,
    pub author: String,
    pub created_at: DateTime<Utc>,
}

const MAX_NOTE_LEN: usize = 20_000;

impl ContactAttemptInput {
    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.date > today {
            errors.push(FieldError::new(
                "date",
                "not_in_future",
                "ligt in de toekomst",
            ));
        }
        errors.into_result()
    }
}

impl NoteInput {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let len = self.text.trim().chars().count();
        if len == 0 {
            errors.push(FieldError::new("text", "required", "is verplicht"));
        } else if len > MAX_NOTE_LEN {
            errors.push(FieldError::new(
                "text",
                "too_long",
                format!("is langer dan {MAX_NOTE_LEN} tekens"),
            ));
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_attempt_date_not_in_future() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let cases = [
            (today, true),
            (today.pred_opt().unwrap(), true),
            (today.succ_opt().unwrap(), false),
        ];
        for (date, ok) in cases {
            let input = ContactAttemptInput {
                date,
                channel: ContactChannel::Telefoon,
                outcome: ContactOutcome::NietBereikt,
                note: None,
            };
            assert_eq!(input.validate(today).is_ok(), ok, "{date}");
        }
    }

    #[test]
    fn note_rules() {
        assert!(NoteInput {
            text: "Gebeld met tolk".into()
        }
        .validate()
        .is_ok());
        assert_eq!(
            NoteInput { text: "   ".into() }.validate().unwrap_err().0[0].rule,
            "required"
        );
        assert_eq!(
            NoteInput {
                text: "x".repeat(20_001)
            }
            .validate()
            .unwrap_err()
            .0[0]
                .rule,
            "too_long"
        );
    }
}
