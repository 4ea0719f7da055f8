//! Maatschappelijke begeleiding (§2 step 2): starts at housing, lasts two years, then one more
//! year of walk-in hours (spreekuur).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{required, RecordContext, TrajectoryRecord};
use crate::domain::hours::check_date;
use crate::domain::termijn::add_years;
use crate::domain::validation::{FieldError, ValidationErrors};

/// The default length of begeleiding, and of the walk-in hours after it.
pub const BEGELEIDING_YEARS: u32 = 2;
pub const WALK_IN_YEARS: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Begeleiding {
    pub organisation: String,
    pub contact_person: Option<String>,
    pub start: NaiveDate,
    /// When agreed otherwise than two years.
    pub end: Option<NaiveDate>,
    /// When agreed otherwise than one year after the end.
    pub walk_in_until: Option<NaiveDate>,
    pub note: Option<String>,
}

impl Begeleiding {
    pub fn end(&self) -> NaiveDate {
        self.end
            .unwrap_or_else(|| add_years(self.start, BEGELEIDING_YEARS))
    }

    pub fn walk_in_until(&self) -> NaiveDate {
        self.walk_in_until
            .unwrap_or_else(|| add_years(self.end(), WALK_IN_YEARS))
    }
}

impl TrajectoryRecord for Begeleiding {
    const TABLE: &'static str = "begeleidingen";
    const LEDGER: bool = false;
    const DATE_FIELD: &'static str = "start";

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        required(&mut errors, "organisation", !self.organisation.is_empty());
        check_date(&mut errors, "start", self.start, ctx.today);
        if self.end.is_some_and(|e| e <= self.start) {
            errors.push(FieldError::new(
                "end",
                "after_start",
                "moet na de start liggen",
            ));
        }
        if self.walk_in_until.is_some_and(|w| w < self.end()) {
            errors.push(FieldError::new(
                "walk_in_until",
                "not_before_end",
                "ligt vóór het einde van de begeleiding",
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

    fn begeleiding(start: NaiveDate) -> Begeleiding {
        Begeleiding {
            organisation: "VluchtelingenWerk Nederland".into(),
            contact_person: Some("S. de Vries".into()),
            start,
            end: None,
            walk_in_until: None,
            note: None,
        }
    }

    #[test]
    fn two_years_then_one_year_of_walk_in_hours() {
        let cases = [
            (
                begeleiding(day(2025, 3, 10)),
                day(2027, 3, 10),
                day(2028, 3, 10),
            ),
            // A leap day maps to 28 February.
            (
                begeleiding(day(2024, 2, 29)),
                day(2026, 2, 28),
                day(2027, 2, 28),
            ),
            (
                Begeleiding {
                    end: Some(day(2026, 12, 31)),
                    ..begeleiding(day(2025, 3, 10))
                },
                day(2026, 12, 31),
                day(2027, 12, 31),
            ),
            (
                Begeleiding {
                    walk_in_until: Some(day(2027, 6, 1)),
                    ..begeleiding(day(2025, 3, 10))
                },
                day(2027, 3, 10),
                day(2027, 6, 1),
            ),
        ];
        for (b, end, walk_in) in cases {
            assert_eq!((b.end(), b.walk_in_until()), (end, walk_in), "{b:?}");
        }
    }

    #[test]
    fn begeleiding_rules() {
        let c = ctx(ClientType::Statushouder);
        let base = begeleiding(day(2025, 3, 10));
        let cases = [
            (base.clone(), vec![]),
            (
                Begeleiding {
                    organisation: String::new(),
                    ..base.clone()
                },
                vec!["organisation:required"],
            ),
            (
                Begeleiding {
                    end: Some(day(2025, 3, 10)),
                    ..base.clone()
                },
                vec!["end:after_start"],
            ),
            (
                Begeleiding {
                    walk_in_until: Some(day(2027, 3, 9)),
                    ..base.clone()
                },
                vec!["walk_in_until:not_before_end"],
            ),
            (
                Begeleiding {
                    walk_in_until: Some(day(2027, 3, 10)),
                    ..base.clone()
                },
                vec![],
            ),
        ];
        for (record, expected) in cases {
            assert_eq!(broken(&record, &c), expected, "{record:?}");
        }
    }
}
