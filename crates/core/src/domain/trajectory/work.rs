//! Work (§2 step 12): a paid job or a work-experience place, with hours per week. Its weeks can
//! be booked into the hours ledger — paid work as werk, a work-experience place as participatie —
//! each week once.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{required, RecordContext, TrajectoryRecord};
use crate::domain::hours::{check_date, HourCategory, Quarters};
use crate::domain::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WorkKind {
    BetaaldWerk,
    Werkervaringsplek,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkPeriod {
    pub kind: WorkKind,
    pub employer: String,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub quarters_per_week: Quarters,
    pub note: Option<String>,
}

/// One week of work to book: `start..=end` (a last week may be shorter) and its hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WorkWeek {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub quarters: Quarters,
}

impl WorkPeriod {
    /// The ledger category its hours count as.
    pub fn hour_category(&self) -> HourCategory {
        match self.kind {
            WorkKind::BetaaldWerk => HourCategory::Werk,
            WorkKind::Werkervaringsplek => HourCategory::Participatie,
        }
    }

    /// The weeks after `booked_until` that are over by `until`: whole weeks counted from the
    /// start, and a last, shorter week up to the end date with its share of the hours.
    pub fn weeks_to_book(
        &self,
        booked_until: Option<NaiveDate>,
        until: NaiveDate,
    ) -> Vec<WorkWeek> {
        let mut weeks = Vec::new();
        let mut start = self.start;
        while self.end.is_none_or(|end| start <= end) {
            let full_end = start + Duration::days(6);
            let end = self.end.map_or(full_end, |e| e.min(full_end));
            if end > until {
                break;
            }
            if booked_until.is_none_or(|b| end > b) {
                let days = (end - start).num_days() + 1;
                let quarters = Quarters(self.quarters_per_week.0 * days / 7);
                if quarters.0 > 0 {
                    weeks.push(WorkWeek {
                        start,
                        end,
                        quarters,
                    });
                }
            }
            start = full_end + Duration::days(1);
        }
        weeks
    }
}

impl TrajectoryRecord for WorkPeriod {
    const TABLE: &'static str = "work_periods";
    const LEDGER: bool = false;
    const DATE_FIELD: &'static str = "start";

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        required(&mut errors, "employer", !self.employer.is_empty());
        check_date(&mut errors, "start", self.start, ctx.today);
        if self.end.is_some_and(|e| e < self.start) {
            errors.push(FieldError::new(
                "end",
                "not_before_start",
                "ligt vóór de start",
            ));
        }
        if self.quarters_per_week.0 <= 0 {
            errors.push(FieldError::new(
                "quarters_per_week",
                "positive",
                "moet meer dan 0 uur zijn",
            ));
        } else if self.quarters_per_week > Quarters::hours(60) {
            errors.push(FieldError::new(
                "quarters_per_week",
                "at_most_60",
                "kan niet meer dan 60 uur per week zijn",
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

    fn job(start: NaiveDate, end: Option<NaiveDate>) -> WorkPeriod {
        WorkPeriod {
            kind: WorkKind::BetaaldWerk,
            employer: "Bakkerij Van Dam".into(),
            start,
            end,
            quarters_per_week: Quarters::hours(16),
            note: None,
        }
    }

    #[test]
    fn weeks_to_book() {
        let monday = day(2026, 11, 2);
        let w = |s: NaiveDate, e: NaiveDate, q| WorkWeek {
            start: s,
            end: e,
            quarters: Quarters(q),
        };
        let open = job(monday, None);
        // A week is booked once it is over.
        assert!(open.weeks_to_book(None, day(2026, 11, 7)).is_empty());
        assert_eq!(
            open.weeks_to_book(None, day(2026, 11, 8)),
            [w(monday, day(2026, 11, 8), 64)]
        );
        assert_eq!(open.weeks_to_book(None, day(2026, 11, 29)).len(), 4);
        // Booked weeks are not booked again.
        assert_eq!(
            open.weeks_to_book(Some(day(2026, 11, 22)), day(2026, 11, 29)),
            [w(day(2026, 11, 23), day(2026, 11, 29), 64)]
        );
        assert!(open
            .weeks_to_book(Some(day(2026, 11, 29)), day(2026, 11, 29))
            .is_empty());
        // A last, shorter week gets its share: 3 of 7 days of 16 hours = 6.75 hours (27 q).
        let ended = job(monday, Some(day(2026, 11, 11)));
        assert_eq!(
            ended.weeks_to_book(None, day(2026, 11, 29)),
            [
                w(monday, day(2026, 11, 8), 64),
                w(day(2026, 11, 9), day(2026, 11, 11), 27)
            ]
        );
        // Across a leap day the weeks stay seven days long.
        let leap = job(day(2028, 2, 26), None);
        assert_eq!(
            leap.weeks_to_book(None, day(2028, 3, 3)),
            [w(day(2028, 2, 26), day(2028, 3, 3), 64)]
        );
        assert_eq!(job(monday, None).hour_category(), HourCategory::Werk);
        let place = WorkPeriod {
            kind: WorkKind::Werkervaringsplek,
            ..job(monday, None)
        };
        assert_eq!(place.hour_category(), HourCategory::Participatie);
    }

    #[test]
    fn work_rules() {
        let c = ctx(ClientType::Statushouder);
        let base = job(day(2026, 9, 1), None);
        let cases = [
            (base.clone(), vec![]),
            (
                WorkPeriod {
                    employer: String::new(),
                    ..base.clone()
                },
                vec!["employer:required"],
            ),
            (
                WorkPeriod {
                    end: Some(day(2026, 8, 31)),
                    ..base.clone()
                },
                vec!["end:not_before_start"],
            ),
            (
                WorkPeriod {
                    end: Some(day(2026, 9, 1)),
                    ..base.clone()
                },
                vec![],
            ),
            (
                WorkPeriod {
                    quarters_per_week: Quarters(0),
                    ..base.clone()
                },
                vec!["quarters_per_week:positive"],
            ),
            (
                WorkPeriod {
                    quarters_per_week: Quarters(241),
                    ..base.clone()
                },
                vec!["quarters_per_week:at_most_60"],
            ),
        ];
        for (record, expected) in cases {
            assert_eq!(broken(&record, &c), expected, "{record:?}");
        }
    }
}
