//! Voortgangsgesprekken: the consultant's progress conversations based on the PIP (§2 step 10).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{required, RecordContext, TrajectoryRecord};
use crate::domain::hours::check_date;
use crate::domain::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgressConversation {
    pub date: NaiveDate,
    /// Who took part besides the client and the consultant (partner, coach, teacher).
    pub attendees: Option<String>,
    /// How an interpreter took part, if one did (tolkentelefoon, in person, language).
    pub interpreter: Option<String>,
    pub notes: Option<String>,
    pub agreements: Option<String>,
    /// When the next conversation is planned.
    pub next_date: Option<NaiveDate>,
}

impl TrajectoryRecord for ProgressConversation {
    const TABLE: &'static str = "progress_conversations";
    const LEDGER: bool = false;
    const DATE_FIELD: &'static str = "date";

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "date", self.date, ctx.today);
        required(
            &mut errors,
            "notes",
            self.notes.is_some() || self.agreements.is_some(),
        );
        if self.next_date.is_some_and(|d| d <= self.date) {
            errors.push(FieldError::new(
                "next_date",
                "after_conversation",
                "moet na de datum van dit gesprek liggen",
            ));
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{broken, ctx, day};
    use super::*;
    use crate::domain::ClientType;

    fn conversation() -> ProgressConversation {
        ProgressConversation {
            date: day(2026, 11, 2),
            attendees: Some("Partner".into()),
            interpreter: Some("Tolkentelefoon, Tigrinya".into()),
            notes: Some("Gaat goed met de les".into()),
            agreements: None,
            next_date: Some(day(2027, 2, 1)),
        }
    }

    #[test]
    fn conversation_rules() {
        let c = ctx(ClientType::Statushouder);
        let cases: Vec<(ProgressConversation, Vec<&str>)> = vec![
            (conversation(), vec![]),
            (
                ProgressConversation {
                    date: day(2026, 11, 30),
                    ..conversation()
                },
                vec!["date:not_in_future"],
            ),
            (
                ProgressConversation {
                    notes: None,
                    agreements: None,
                    ..conversation()
                },
                vec!["notes:required"],
            ),
            (
                ProgressConversation {
                    notes: None,
                    agreements: Some("Volgende maand stage zoeken".into()),
                    ..conversation()
                },
                vec![],
            ),
            (
                ProgressConversation {
                    next_date: Some(day(2026, 11, 1)),
                    ..conversation()
                },
                vec!["next_date:after_conversation"],
            ),
            (
                ProgressConversation {
                    next_date: Some(day(2026, 11, 2)),
                    ..conversation()
                },
                vec!["next_date:after_conversation"],
            ),
            (
                ProgressConversation {
                    next_date: Some(day(2026, 11, 3)),
                    ..conversation()
                },
                vec![],
            ),
        ];
        for (record, expected) in cases {
            assert_eq!(broken(&record, &c), expected, "{record:?}");
        }
    }
}
