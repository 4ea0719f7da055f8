//! Referrals for work and for complex problems (§2 step 12, recommendation 3): target, date,
//! reason, and later the outcome.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{not_before, required, RecordContext, TrajectoryRecord};
use crate::domain::hours::check_date;
use crate::domain::validation::ValidationErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReferralTarget {
    ParticipatiewetConsulent,
    /// The work-placement provider (e.g. Provalu).
    Werkbedrijf,
    Huisarts,
    Schuldhulpverlening,
    Wmo,
    Ggz,
    Anders,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Referral {
    pub target: ReferralTarget,
    /// Who, when the target is "anders".
    pub target_other: Option<String>,
    pub date: NaiveDate,
    pub reason: String,
    pub outcome: Option<String>,
    pub outcome_date: Option<NaiveDate>,
}

impl TrajectoryRecord for Referral {
    const TABLE: &'static str = "referrals";
    const LEDGER: bool = false;
    const DATE_FIELD: &'static str = "date";

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.target == ReferralTarget::Anders {
            required(&mut errors, "target_other", self.target_other.is_some());
        }
        check_date(&mut errors, "date", self.date, ctx.today);
        required(&mut errors, "reason", !self.reason.is_empty());
        match (&self.outcome, self.outcome_date) {
            (Some(_), None) => required(&mut errors, "outcome_date", false),
            (None, Some(_)) => required(&mut errors, "outcome", false),
            (Some(_), Some(date)) => {
                check_date(&mut errors, "outcome_date", date, ctx.today);
                not_before(
                    &mut errors,
                    "outcome_date",
                    Some(date),
                    self.date,
                    "de verwijzing",
                );
            }
            (None, None) => {}
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{broken, ctx, day};
    use super::*;
    use crate::domain::ClientType;

    fn referral() -> Referral {
        Referral {
            target: ReferralTarget::ParticipatiewetConsulent,
            target_other: None,
            date: day(2026, 10, 5),
            reason: "A1 bereikt op lezen en luisteren".into(),
            outcome: None,
            outcome_date: None,
        }
    }

    #[test]
    fn referral_rules() {
        let c = ctx(ClientType::Statushouder);
        let cases = [
            (referral(), vec![]),
            (
                Referral {
                    target: ReferralTarget::Anders,
                    ..referral()
                },
                vec!["target_other:required"],
            ),
            (
                Referral {
                    target: ReferralTarget::Anders,
                    target_other: Some("Voedselbank".into()),
                    ..referral()
                },
                vec![],
            ),
            (
                Referral {
                    reason: String::new(),
                    ..referral()
                },
                vec!["reason:required"],
            ),
            (
                Referral {
                    outcome: Some("Aangemeld bij Provalu".into()),
                    ..referral()
                },
                vec!["outcome_date:required"],
            ),
            (
                Referral {
                    outcome_date: Some(day(2026, 11, 1)),
                    ..referral()
                },
                vec!["outcome:required"],
            ),
            (
                Referral {
                    outcome: Some("Aangemeld".into()),
                    outcome_date: Some(day(2026, 10, 4)),
                    ..referral()
                },
                vec!["outcome_date:not_before_start"],
            ),
            (
                Referral {
                    outcome: Some("Aangemeld".into()),
                    outcome_date: Some(day(2026, 10, 5)),
                    ..referral()
                },
                vec![],
            ),
            (
                Referral {
                    outcome: Some("Aangemeld".into()),
                    outcome_date: Some(day(2026, 11, 30)),
                    ..referral()
                },
                vec!["outcome_date:not_in_future"],
            ),
        ];
        for (record, expected) in cases {
            assert_eq!(broken(&record, &c), expected, "{record:?}");
        }
    }
}
