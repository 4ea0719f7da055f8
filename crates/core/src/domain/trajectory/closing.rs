//! Afsluiting (§2 step 13): why and when the obligation ended, and so until when the dossier is
//! kept: the retention period (5 years unless a setting says otherwise) after that date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RecordContext, TrajectoryRecord};
use crate::domain::client::ClientStatus;
use crate::domain::hours::check_date;
use crate::domain::termijn::add_years;
use crate::domain::validation::ValidationErrors;

/// The default retention period after the obligation ends.
pub const RETENTION_YEARS: u32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClosingReason {
    Diploma,
    ZRouteEindgesprek,
    Ontheffing,
    Verhuisd,
    Beeindigd,
}

impl ClosingReason {
    /// The client's status once closed for this reason.
    pub fn status(self) -> ClientStatus {
        match self {
            Self::Diploma | Self::ZRouteEindgesprek => ClientStatus::Afgerond,
            Self::Ontheffing => ClientStatus::Ontheffing,
            Self::Verhuisd => ClientStatus::Verhuisd,
            Self::Beeindigd => ClientStatus::Beeindigd,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Closing {
    pub reason: ClosingReason,
    /// The day the obligation ended (diploma date, eindgesprek, DUO's decision, move).
    pub date: NaiveDate,
    pub note: Option<String>,
}

/// The last day the dossier is kept: `years` calendar years after the obligation ended.
pub fn retention_end(obligation_end: NaiveDate, years: u32) -> NaiveDate {
    add_years(obligation_end, years)
}

/// Where a dossier stands in its retention period on a given day (domain page §2 step 13:
/// kept for the retention period after the obligation ends, then purged).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retention {
    /// The obligation has not ended (no afsluiting recorded): the period has not begun.
    NotStarted,
    /// The dossier is kept up to and including `until`.
    Running { until: NaiveDate },
    /// The period ended on `ended` (its last day): the dossier is due to be purged.
    Ended { ended: NaiveDate },
}

/// The retention of a dossier whose obligation ended on `obligation_end` (none: not closed),
/// kept `years` years, on `today`. The last day of the period itself is still a day it is kept.
pub fn retention(obligation_end: Option<NaiveDate>, years: u32, today: NaiveDate) -> Retention {
    match obligation_end.map(|end| retention_end(end, years)) {
        None => Retention::NotStarted,
        Some(last) if last < today => Retention::Ended { ended: last },
        Some(last) => Retention::Running { until: last },
    }
}

impl TrajectoryRecord for Closing {
    const TABLE: &'static str = "closings";
    const LEDGER: bool = false;
    const DATE_FIELD: &'static str = "date";

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "date", self.date, ctx.today);
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{broken, ctx, day};
    use super::*;
    use crate::domain::ClientType;

    #[test]
    fn retention_ends_five_calendar_years_later() {
        let cases = [
            (day(2026, 11, 29), RETENTION_YEARS, day(2031, 11, 29)),
            (day(2028, 2, 29), RETENTION_YEARS, day(2033, 2, 28)),
            (day(2026, 1, 31), 7, day(2033, 1, 31)),
        ];
        for (end, years, expected) in cases {
            assert_eq!(retention_end(end, years), expected, "{end} + {years}");
        }
    }

    #[test]
    fn a_dossier_is_due_the_day_after_its_retention_ends() {
        let today = day(2031, 11, 30);
        let cases = [
            // Never closed: the period has not begun, however old the dossier.
            (None, 5, Retention::NotStarted),
            // Closed 29-11-2026: kept through 29-11-2031, due on 30-11-2031.
            (
                Some(day(2026, 11, 29)),
                5,
                Retention::Ended {
                    ended: day(2031, 11, 29),
                },
            ),
            // Closed a day later: today is its last day, still kept.
            (
                Some(day(2026, 11, 30)),
                5,
                Retention::Running {
                    until: day(2031, 11, 30),
                },
            ),
            (
                Some(day(2026, 12, 1)),
                5,
                Retention::Running {
                    until: day(2031, 12, 1),
                },
            ),
            // A longer setting keeps it longer.
            (
                Some(day(2020, 1, 15)),
                12,
                Retention::Running {
                    until: day(2032, 1, 15),
                },
            ),
            (
                Some(day(2020, 1, 15)),
                1,
                Retention::Ended {
                    ended: day(2021, 1, 15),
                },
            ),
            // 29 February: the period ends on 28 February.
            (
                Some(day(2024, 2, 29)),
                5,
                Retention::Ended {
                    ended: day(2029, 2, 28),
                },
            ),
        ];
        for (end, years, expected) in cases {
            assert_eq!(retention(end, years, today), expected, "{end:?} + {years}");
        }
    }

    #[test]
    fn closing_rules_and_status() {
        let c = ctx(ClientType::Gezinsmigrant);
        let closing = |date| Closing {
            reason: ClosingReason::Diploma,
            date,
            note: None,
        };
        assert!(broken(&closing(day(2026, 11, 29)), &c).is_empty());
        assert_eq!(
            broken(&closing(day(2026, 11, 30)), &c),
            ["date:not_in_future"]
        );
        assert_eq!(ClosingReason::Diploma.status(), ClientStatus::Afgerond);
        assert_eq!(
            ClosingReason::ZRouteEindgesprek.status(),
            ClientStatus::Afgerond
        );
        assert_eq!(ClosingReason::Ontheffing.status(), ClientStatus::Ontheffing);
        assert_eq!(ClosingReason::Verhuisd.status(), ClientStatus::Verhuisd);
        assert_eq!(ClosingReason::Beeindigd.status(), ClientStatus::Beeindigd);
    }
}
