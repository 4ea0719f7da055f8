//! Financieel ontzorgen (§2 step 3): for the first months the municipality withholds fixed costs
//! from the benefit and pays them. Known failure: rent withheld *and* collected by the housing
//! corporation — the record says which costs are withheld from when, and warns about that.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{not_before, RecordContext, TrajectoryRecord};
use crate::domain::hours::check_date;
use crate::domain::termijn::add_months;
use crate::domain::validation::{FieldError, ValidationErrors};

/// The default length of ontzorgen.
pub const ONTZORGEN_MONTHS: u8 = 6;

/// A fixed cost the municipality can withhold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WithheldCost {
    Huur,
    Zorgverzekering,
    Energie,
    Water,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Ontzorgen {
    pub start: NaiveDate,
    /// The regular length in months (6 unless agreed otherwise).
    pub months: u8,
    /// The last day after an extension.
    pub extended_until: Option<NaiveDate>,
    /// From when each cost is withheld; `None` when it is not.
    pub huur_from: Option<NaiveDate>,
    pub zorgverzekering_from: Option<NaiveDate>,
    pub energie_from: Option<NaiveDate>,
    pub water_from: Option<NaiveDate>,
    /// Whether the housing corporation still collects the rent itself (direct debit).
    pub rent_collected_by_corporation: bool,
    pub budget_coach: Option<String>,
    pub note: Option<String>,
}

impl Ontzorgen {
    /// The last day of the regular period: 1 March + 6 months → 31 August.
    pub fn regular_end(&self) -> NaiveDate {
        regular_end(self.start, self.months)
    }

    /// The last day, extension included.
    pub fn end(&self) -> NaiveDate {
        self.extended_until.unwrap_or_else(|| self.regular_end())
    }

    /// The withheld costs with their start dates.
    pub fn withheld(&self) -> Vec<(WithheldCost, NaiveDate)> {
        [
            (WithheldCost::Huur, self.huur_from),
            (WithheldCost::Zorgverzekering, self.zorgverzekering_from),
            (WithheldCost::Energie, self.energie_from),
            (WithheldCost::Water, self.water_from),
        ]
        .into_iter()
        .filter_map(|(cost, from)| from.map(|f| (cost, f)))
        .collect()
    }

    /// What the consultant should act on, in Dutch.
    pub fn warnings(&self, today: NaiveDate) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(from) = self.huur_from {
            if self.rent_collected_by_corporation && today <= self.end() {
                warnings.push(format!(
                    "De huur wordt sinds {} ingehouden, maar de woningcorporatie int de huur ook nog \
                     zelf: de cliënt betaalt dubbel. Laat de automatische incasso stoppen.",
                    from.format("%d-%m-%Y")
                ));
            }
        }
        warnings
    }
}

/// The last day of `months` of ontzorgen from `start`.
pub fn regular_end(start: NaiveDate, months: u8) -> NaiveDate {
    add_months(start, u32::from(months))
        .pred_opt()
        .unwrap_or(start)
}

impl TrajectoryRecord for Ontzorgen {
    const TABLE: &'static str = "ontzorgen";
    const LEDGER: bool = false;
    const DATE_FIELD: &'static str = "start";
    const BOOL_FIELDS: &'static [&'static str] = &["rent_collected_by_corporation"];

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "start", self.start, ctx.today);
        let months_ok = (1..=36).contains(&self.months);
        if !months_ok {
            errors.push(FieldError::new(
                "months",
                "range",
                "moet tussen 1 en 36 maanden liggen",
            ));
        } else if self.extended_until.is_some_and(|e| e <= self.regular_end()) {
            errors.push(FieldError::new(
                "extended_until",
                "after_regular_end",
                format!(
                    "moet na het gewone einde ({}) liggen",
                    self.regular_end().format("%d-%m-%Y")
                ),
            ));
        }
        for (field, from) in [
            ("huur_from", self.huur_from),
            ("zorgverzekering_from", self.zorgverzekering_from),
            ("energie_from", self.energie_from),
            ("water_from", self.water_from),
        ] {
            not_before(
                &mut errors,
                field,
                from,
                self.start,
                "de start van ontzorgen",
            );
            if months_ok && from.is_some_and(|f| f > self.end()) {
                errors.push(FieldError::new(
                    field,
                    "after_end",
                    "ligt na het einde van ontzorgen",
                ));
            }
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{broken, ctx, day};
    use super::*;
    use crate::domain::ClientType;

    fn ontzorgen(start: NaiveDate) -> Ontzorgen {
        Ontzorgen {
            start,
            months: ONTZORGEN_MONTHS,
            extended_until: None,
            huur_from: Some(start),
            zorgverzekering_from: None,
            energie_from: None,
            water_from: None,
            rent_collected_by_corporation: false,
            budget_coach: None,
            note: None,
        }
    }

    #[test]
    fn the_end_is_six_calendar_months_minus_a_day() {
        let cases = [
            (day(2026, 3, 1), None, day(2026, 8, 31)),
            (day(2026, 1, 15), None, day(2026, 7, 14)),
            // 31 August + 6 months clamps to 28 February, so the last day is the 27th.
            (day(2025, 8, 31), None, day(2026, 2, 27)),
            // Leap year: 31 August 2023 + 6 → 29 February 2024.
            (day(2023, 8, 31), None, day(2024, 2, 28)),
            (day(2026, 3, 1), Some(day(2026, 11, 30)), day(2026, 11, 30)),
        ];
        for (start, extended_until, end) in cases {
            let o = Ontzorgen {
                extended_until,
                ..ontzorgen(start)
            };
            assert_eq!(o.end(), end, "{start} {extended_until:?}");
        }
    }

    #[test]
    fn ontzorgen_rules() {
        let c = ctx(ClientType::Statushouder);
        let base = ontzorgen(day(2026, 6, 1));
        let cases = [
            (base.clone(), vec![]),
            (
                Ontzorgen {
                    months: 0,
                    ..base.clone()
                },
                vec!["months:range"],
            ),
            (
                Ontzorgen {
                    months: 37,
                    ..base.clone()
                },
                vec!["months:range"],
            ),
            (
                Ontzorgen {
                    extended_until: Some(day(2026, 11, 30)),
                    ..base.clone()
                },
                vec!["extended_until:after_regular_end"],
            ),
            (
                Ontzorgen {
                    extended_until: Some(day(2026, 12, 1)),
                    ..base.clone()
                },
                vec![],
            ),
            (
                Ontzorgen {
                    water_from: Some(day(2026, 5, 31)),
                    ..base.clone()
                },
                vec!["water_from:not_before_start"],
            ),
            (
                Ontzorgen {
                    energie_from: Some(day(2026, 12, 1)),
                    ..base.clone()
                },
                vec!["energie_from:after_end"],
            ),
            (
                Ontzorgen {
                    start: day(2026, 11, 30),
                    huur_from: None,
                    ..base.clone()
                },
                vec!["start:not_in_future"],
            ),
        ];
        for (record, expected) in cases {
            assert_eq!(broken(&record, &c), expected, "{record:?}");
        }
    }

    #[test]
    fn rent_withheld_and_collected_is_a_warning_while_ontzorgen_lasts() {
        let o = Ontzorgen {
            rent_collected_by_corporation: true,
            ..ontzorgen(day(2026, 6, 1))
        };
        assert_eq!(o.warnings(day(2026, 11, 30)).len(), 1);
        assert!(o.warnings(day(2026, 11, 30))[0].contains("01-06-2026"));
        assert!(o.warnings(day(2026, 12, 1)).is_empty(), "ended");
        let not_withheld = Ontzorgen {
            huur_from: None,
            ..o.clone()
        };
        assert!(not_withheld.warnings(day(2026, 11, 30)).is_empty());
        let not_collected = Ontzorgen {
            rent_collected_by_corporation: false,
            ..o
        };
        assert!(not_collected.warnings(day(2026, 11, 30)).is_empty());
        assert_eq!(
            ontzorgen(day(2026, 6, 1)).withheld(),
            [(WithheldCost::Huur, day(2026, 6, 1))]
        );
    }
}
