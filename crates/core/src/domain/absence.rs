//! Absences (verzuim) from lessons and activities, and the rule that two unexcused ones
//! within a month stand out (domain page §2 step 10, §3).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::hours::{check_date, HourSource};
use super::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AbsenceInput {
    pub date: NaiveDate,
    /// The lesson or activity missed.
    pub activity: String,
    pub excused: bool,
    pub reason: Option<String>,
    pub source: HourSource,
    pub provider: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Absence {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub input: AbsenceInput,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

/// Whether an absence was excused, decided later (a doctor's note arrives).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AbsenceExcuse {
    pub excused: bool,
    pub reason: Option<String>,
}

const MAX_TEXT: usize = 500;

/// The window in which [`CLUSTER_SIZE`] unexcused absences stand out (domain page §3).
pub const WINDOW_DAYS: i64 = 30;
pub const CLUSTER_SIZE: usize = 2;

impl AbsenceInput {
    pub fn normalised(self) -> Self {
        Self {
            activity: self.activity.trim().to_owned(),
            reason: self
                .reason
                .map(|r| r.trim().to_owned())
                .filter(|r| !r.is_empty()),
            provider: self
                .provider
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty()),
            ..self
        }
    }

    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "date", self.date, today);
        if self.activity.trim().is_empty() {
            errors.push(FieldError::new("activity", "required", "is verplicht"));
        } else if self.activity.chars().count() > MAX_TEXT {
            errors.push(FieldError::new(
                "activity",
                "too_long",
                format!("is langer dan {MAX_TEXT} tekens"),
            ));
        }
        check_excuse(&mut errors, self.excused, self.reason.as_deref());
        errors.into_result()
    }
}

impl AbsenceExcuse {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_excuse(&mut errors, self.excused, self.reason.as_deref());
        errors.into_result()
    }
}

fn check_excuse(errors: &mut ValidationErrors, excused: bool, reason: Option<&str>) {
    if excused && reason.is_none_or(|r| r.trim().is_empty()) {
        errors.push(FieldError::new(
            "reason",
            "required_when_excused",
            "is verplicht bij geoorloofd verzuim",
        ));
    }
}

/// Unexcused absences that fall within one window of [`WINDOW_DAYS`] days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AbsenceCluster {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub absence_ids: Vec<Uuid>,
}

/// Every run of at least [`CLUSTER_SIZE`] unexcused absences where each fits in a window of
/// `window_days` days with the next (two absences 29 days apart share a 30-day window; 30 days
/// apart they do not). Overlapping windows merge into one cluster.
pub fn unexcused_clusters(absences: &[Absence], window_days: i64) -> Vec<AbsenceCluster> {
    let mut unexcused: Vec<&Absence> = absences.iter().filter(|a| !a.input.excused).collect();
    unexcused.sort_by_key(|a| (a.input.date, a.id));
    let mut clusters: Vec<AbsenceCluster> = Vec::new();
    let mut run: Vec<&Absence> = Vec::new();
    let close = |run: &mut Vec<&Absence>, clusters: &mut Vec<AbsenceCluster>| {
        if run.len() >= CLUSTER_SIZE {
            clusters.push(AbsenceCluster {
                from: run[0].input.date,
                to: run[run.len() - 1].input.date,
                absence_ids: run.iter().map(|a| a.id).collect(),
            });
        }
        run.clear();
    };
    for absence in unexcused {
        if let Some(last) = run.last() {
            if (absence.input.date - last.input.date).num_days() >= window_days {
                close(&mut run, &mut clusters);
            }
        }
        run.push(absence);
    }
    close(&mut run, &mut clusters);
    clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn absence(date: NaiveDate, excused: bool) -> Absence {
        Absence {
            id: Uuid::now_v7(),
            client_id: Uuid::nil(),
            input: AbsenceInput {
                date,
                activity: "Taalles".into(),
                excused,
                reason: excused.then(|| "ziek".into()),
                source: HourSource::ProviderReport,
                provider: Some("Taalhuis".into()),
            },
            recorded_by: "test".into(),
            recorded_at: Utc::now(),
        }
    }

    fn spans(dates: &[(NaiveDate, bool)]) -> Vec<(NaiveDate, NaiveDate, usize)> {
        let absences: Vec<Absence> = dates.iter().map(|&(d, e)| absence(d, e)).collect();
        unexcused_clusters(&absences, WINDOW_DAYS)
            .into_iter()
            .map(|c| (c.from, c.to, c.absence_ids.len()))
            .collect()
    }

    #[test]
    fn two_unexcused_within_thirty_days_stand_out() {
        let cases = [
            (vec![], vec![]),
            (vec![(d(2026, 3, 1), false)], vec![]),
            // 29 days apart: one 30-day window holds both.
            (
                vec![(d(2026, 3, 1), false), (d(2026, 3, 30), false)],
                vec![(d(2026, 3, 1), d(2026, 3, 30), 2)],
            ),
            // 30 days apart: no window of 30 days holds both.
            (
                vec![(d(2026, 3, 1), false), (d(2026, 3, 31), false)],
                vec![],
            ),
            // Excused absences do not count.
            (vec![(d(2026, 3, 1), false), (d(2026, 3, 2), true)], vec![]),
            // Leap day: 28 Feb → 29 Feb → 28 Mar spans 29 days.
            (
                vec![(d(2028, 2, 28), false), (d(2028, 3, 28), false)],
                vec![(d(2028, 2, 28), d(2028, 3, 28), 2)],
            ),
            // A chain merges; order of input does not matter.
            (
                vec![
                    (d(2026, 5, 20), false),
                    (d(2026, 5, 1), false),
                    (d(2026, 6, 10), false),
                    (d(2026, 9, 1), false),
                ],
                vec![(d(2026, 5, 1), d(2026, 6, 10), 3)],
            ),
        ];
        for (dates, expected) in cases {
            assert_eq!(spans(&dates), expected, "{dates:?}");
        }
    }

    #[test]
    fn excused_needs_a_reason() {
        let today = d(2026, 11, 29);
        let mut input = absence(d(2026, 11, 2), true).input;
        assert!(input.validate(today).is_ok());
        input.reason = None;
        assert_eq!(
            input.validate(today).unwrap_err().0[0].rule,
            "required_when_excused"
        );
        input.excused = false;
        assert!(input.validate(today).is_ok());
        input.activity = " ".into();
        assert_eq!(input.validate(today).unwrap_err().0[0].field, "activity");
        assert!(AbsenceExcuse {
            excused: true,
            reason: None
        }
        .validate()
        .is_err());
    }
}
