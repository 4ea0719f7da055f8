//! PVT, the participatieverklaringstraject (§2 step 8): meetings on the four core values and
//! the signing of the participation statement. A meeting's hours also go into the hours ledger
//! (category PVT), so they are entered once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{RecordContext, TrajectoryRecord};
use crate::domain::hours::{check_date, Quarters};
use crate::domain::validation::{FieldError, ValidationErrors};

/// The four core values of the participation statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CoreValue {
    Vrijheid,
    Gelijkwaardigheid,
    Solidariteit,
    Participatie,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PvtMeeting {
    pub date: NaiveDate,
    pub quarters: Quarters,
    /// The core value the meeting was about, if one.
    pub topic: Option<CoreValue>,
    pub note: Option<String>,
}

impl TrajectoryRecord for PvtMeeting {
    const TABLE: &'static str = "pvt_meetings";
    const LEDGER: bool = true;
    const DATE_FIELD: &'static str = "date";

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "date", self.date, ctx.today);
        if self.quarters.0 <= 0 {
            errors.push(FieldError::new(
                "quarters",
                "positive",
                "moet meer dan 0 uur zijn",
            ));
        } else if self.quarters > Quarters::hours(12) {
            errors.push(FieldError::new(
                "quarters",
                "at_most_one_day",
                "een bijeenkomst duurt hoogstens 12 uur",
            ));
        }
        errors.into_result()
    }
}

/// The signing of the participation statement, which ends the PVT.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PvtStatement {
    pub signed_on: NaiveDate,
    pub note: Option<String>,
}

impl TrajectoryRecord for PvtStatement {
    const TABLE: &'static str = "pvt_statements";
    const LEDGER: bool = false;
    const DATE_FIELD: &'static str = "signed_on";

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "signed_on", self.signed_on, ctx.today);
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{broken, ctx, day};
    use super::*;
    use crate::domain::ClientType;

    #[test]
    fn meeting_rules() {
        let c = ctx(ClientType::Gezinsmigrant);
        let meeting = |date, quarters| PvtMeeting {
            date,
            quarters: Quarters(quarters),
            topic: Some(CoreValue::Vrijheid),
            note: None,
        };
        let cases = [
            (meeting(day(2026, 11, 29), 12), vec![]),
            (meeting(day(2026, 11, 30), 12), vec!["date:not_in_future"]),
            (meeting(day(2020, 12, 31), 12), vec!["date:too_early"]),
            (meeting(day(2026, 11, 1), 0), vec!["quarters:positive"]),
            (meeting(day(2026, 11, 1), -4), vec!["quarters:positive"]),
            (meeting(day(2026, 11, 1), 48), vec![]),
            (
                meeting(day(2026, 11, 1), 49),
                vec!["quarters:at_most_one_day"],
            ),
        ];
        for (record, expected) in cases {
            assert_eq!(broken(&record, &c), expected, "{record:?}");
        }
    }

    #[test]
    fn a_statement_is_signed_today_or_before() {
        let c = ctx(ClientType::Statushouder);
        let signed = |signed_on| PvtStatement {
            signed_on,
            note: None,
        };
        assert!(broken(&signed(day(2026, 11, 29)), &c).is_empty());
        assert_eq!(
            broken(&signed(day(2026, 11, 30)), &c),
            ["signed_on:not_in_future"]
        );
    }
}
