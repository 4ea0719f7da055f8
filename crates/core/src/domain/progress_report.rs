//! A language school's progress report (kwartaalrapportage, domain page §2 step 10): per
//! participant and period, attendance, level per skill, obstacles, MAP hours, stagnation.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::hours::{check_date, Quarters, MAX_ENTRY};
use super::level::CefrLevel;
use super::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SkillLevels {
    pub lezen: Option<CefrLevel>,
    pub luisteren: Option<CefrLevel>,
    pub spreken: Option<CefrLevel>,
    pub schrijven: Option<CefrLevel>,
    pub knm: Option<CefrLevel>,
}

impl SkillLevels {
    /// The highest level reported on any skill.
    pub fn highest(&self) -> Option<CefrLevel> {
        [
            self.lezen,
            self.luisteren,
            self.spreken,
            self.schrijven,
            self.knm,
        ]
        .into_iter()
        .flatten()
        .max()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgressReportInput {
    pub provider: String,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// Share of lessons attended, 0–100.
    pub attendance_pct: Option<u8>,
    pub levels: SkillLevels,
    pub obstacles: Option<String>,
    /// Course hours attended in the period; they become `taal` ledger entries.
    pub course_hours: Quarters,
    pub map_theory_hours: Quarters,
    pub map_practice_hours: Quarters,
    pub stagnating: bool,
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgressReport {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub input: ProgressReportInput,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

/// A report covers a quarter (a month when the participant stagnates); allow some slack.
pub const MAX_PERIOD_DAYS: i64 = 124;
const MAX_TEXT: usize = 5_000;

impl ProgressReportInput {
    pub fn normalised(self) -> Self {
        fn opt(v: Option<String>) -> Option<String> {
            v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
        }
        Self {
            provider: self.provider.trim().to_owned(),
            obstacles: opt(self.obstacles),
            text: opt(self.text),
            ..self
        }
    }

    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.provider.trim().is_empty() {
            errors.push(FieldError::new("provider", "required", "is verplicht"));
        }
        check_date(&mut errors, "period_start", self.period_start, today);
        check_date(&mut errors, "period_end", self.period_end, today);
        let days = (self.period_end - self.period_start).num_days();
        if days < 0 {
            errors.push(FieldError::new(
                "period_end",
                "after_start",
                "ligt vóór het begin van de periode",
            ));
        } else if days >= MAX_PERIOD_DAYS {
            errors.push(FieldError::new(
                "period_end",
                "period_too_long",
                "de periode is langer dan een kwartaal",
            ));
        }
        if self.attendance_pct.is_some_and(|p| p > 100) {
            errors.push(FieldError::new(
                "attendance_pct",
                "percentage",
                "ligt niet tussen 0 en 100",
            ));
        }
        for (field, hours) in [
            ("course_hours", self.course_hours),
            ("map_theory_hours", self.map_theory_hours),
            ("map_practice_hours", self.map_practice_hours),
        ] {
            if hours.0 < 0 {
                errors.push(FieldError::new(field, "not_negative", "is negatief"));
            } else if hours > MAX_ENTRY {
                errors.push(FieldError::new(
                    field,
                    "max",
                    format!("is meer dan {MAX_ENTRY} uur"),
                ));
            }
        }
        for (field, text) in [("obstacles", &self.obstacles), ("text", &self.text)] {
            if text.as_ref().is_some_and(|t| t.chars().count() > MAX_TEXT) {
                errors.push(FieldError::new(
                    field,
                    "too_long",
                    format!("is langer dan {MAX_TEXT} tekens"),
                ));
            }
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(crate) fn report() -> ProgressReportInput {
        ProgressReportInput {
            provider: "Taalhuis Leiden".into(),
            period_start: d(2026, 7, 1),
            period_end: d(2026, 9, 30),
            attendance_pct: Some(92),
            levels: SkillLevels {
                lezen: Some(CefrLevel::A2),
                ..SkillLevels::default()
            },
            obstacles: None,
            course_hours: Quarters::hours(96),
            map_theory_hours: Quarters(0),
            map_practice_hours: Quarters::hours(4),
            stagnating: false,
            text: None,
        }
    }

    #[test]
    fn report_rules() {
        let today = d(2026, 11, 29);
        let ok = report();
        let cases: Vec<(ProgressReportInput, Option<(&str, &str)>)> = vec![
            (ok.clone(), None),
            (
                ProgressReportInput {
                    provider: " ".into(),
                    ..ok.clone()
                },
                Some(("provider", "required")),
            ),
            (
                ProgressReportInput {
                    period_end: d(2026, 6, 30),
                    ..ok.clone()
                },
                Some(("period_end", "after_start")),
            ),
            (
                ProgressReportInput {
                    period_end: d(2026, 11, 2),
                    ..ok.clone()
                },
                Some(("period_end", "period_too_long")),
            ),
            (
                ProgressReportInput {
                    period_end: d(2026, 7, 1),
                    ..ok.clone()
                },
                None,
            ),
            (
                ProgressReportInput {
                    period_start: d(2026, 11, 1),
                    period_end: d(2026, 11, 30),
                    ..ok.clone()
                },
                Some(("period_end", "not_in_future")),
            ),
            (
                ProgressReportInput {
                    attendance_pct: Some(101),
                    ..ok.clone()
                },
                Some(("attendance_pct", "percentage")),
            ),
            (
                ProgressReportInput {
                    attendance_pct: Some(100),
                    ..ok.clone()
                },
                None,
            ),
            (
                ProgressReportInput {
                    map_practice_hours: Quarters(-1),
                    ..ok.clone()
                },
                Some(("map_practice_hours", "not_negative")),
            ),
        ];
        for (input, expected) in cases {
            let got = input.validate(today).err().map(|e| e.0[0].clone());
            assert_eq!(
                got.as_ref().map(|e| (e.field.as_str(), e.rule.as_str())),
                expected,
                "{input:?}"
            );
        }
    }

    #[test]
    fn highest_level_over_skills() {
        let mut levels = SkillLevels::default();
        assert_eq!(levels.highest(), None);
        levels.spreken = Some(CefrLevel::A1);
        levels.knm = Some(CefrLevel::A2);
        assert_eq!(levels.highest(), Some(CefrLevel::A2));
    }
}
