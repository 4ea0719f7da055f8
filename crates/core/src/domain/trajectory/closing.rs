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
