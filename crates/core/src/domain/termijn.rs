//! The inburgeringstermijn (domain page §2 step 6): it starts the day after the dagtekening of
//! the first adopted PIP and lasts three years; DUO can extend it (more than once) or exempt
//! the client. Later PIP versions never move the start.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::hours::check_date;
use super::validation::{FieldError, ValidationErrors};

/// `date` plus `years` calendar years; 29 February becomes 28 February in a common year.
pub fn add_years(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_add_months(Months::new(12 * years))
        .unwrap_or(date)
}

/// `date` plus `months` calendar months, clamped to the month's last day (31 Aug + 6 → 28/29 Feb).
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(date)
}

/// DUO's decision to extend the termijn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExtensionInput {
    pub decision_date: NaiveDate,
    /// The verlengingsgrond (e.g. illness, waiting list, pregnancy).
    pub ground: String,
    pub new_end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Extension {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub input: ExtensionInput,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExemptionKind {
    Volledig,
    Gedeeltelijk,
}

/// DUO's decision to exempt the client (ontheffing), fully or in part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ExemptionInput {
    pub kind: ExemptionKind,
    pub decision_date: NaiveDate,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Exemption {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub input: ExemptionInput,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

/// The termijn on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Termijn {
    pub start: NaiveDate,
    /// Start + 3 years, without extensions.
    pub original_end: NaiveDate,
    /// The end in force: the last extension's new end, else the original end.
    pub end: NaiveDate,
    pub extensions: u32,
    /// The latest ontheffing, if any.
    pub exemption: Option<ExemptionKind>,
    /// Days from `today` to `end` (negative once passed).
    #[ts(type = "number")]
    pub days_remaining: i64,
}

pub const TERMIJN_YEARS: u32 = 3;

/// The termijn, given the dagtekening of the first adopted PIP. Extensions count in the order
/// of DUO's decisions (a later decision replaces the end date of an earlier one).
pub fn termijn(
    first_dagtekening: Option<NaiveDate>,
    extensions: &[ExtensionInput],
    exemptions: &[ExemptionInput],
    today: NaiveDate,
) -> Option<Termijn> {
    let start = first_dagtekening?.succ_opt()?;
    let original_end = add_years(start, TERMIJN_YEARS);
    let mut ordered: Vec<&ExtensionInput> = extensions.iter().collect();
    ordered.sort_by_key(|e| e.decision_date);
    let end = termijn_end(first_dagtekening, ordered.last().map(|e| e.new_end))?;
    let exemption = exemptions
        .iter()
        .max_by_key(|e| e.decision_date)
        .map(|e| e.kind);
    Some(Termijn {
        start,
        original_end,
        end,
        extensions: u32::try_from(ordered.len()).unwrap_or(u32::MAX),
        exemption,
        days_remaining: (end - today).num_days(),
    })
}

/// The end in force: the latest extension's new end, else three years from the day after the
/// first dagtekening; `None` before the first PIP is adopted.
pub fn termijn_end(
    first_dagtekening: Option<NaiveDate>,
    latest_extension_end: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let start = first_dagtekening?.succ_opt()?;
    Some(latest_extension_end.unwrap_or_else(|| add_years(start, TERMIJN_YEARS)))
}

impl ExtensionInput {
    /// `current_end` is the end in force before this decision.
    pub fn validate(
        &self,
        current_end: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "decision_date", self.decision_date, today);
        if self.ground.trim().is_empty() {
            errors.push(FieldError::new("ground", "required", "is verplicht"));
        }
        match current_end {
            None => errors.push(FieldError::new(
                "new_end",
                "no_termijn",
                "er is nog geen termijn: die begint na het eerste vastgestelde PIP",
            )),
            Some(end) if self.new_end <= end => errors.push(FieldError::new(
                "new_end",
                "after_current_end",
                format!(
                    "moet na de huidige einddatum ({}) liggen",
                    end.format("%d-%m-%Y")
                ),
            )),
            Some(_) => {}
        }
        errors.into_result()
    }
}

impl ExemptionInput {
    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "decision_date", self.decision_date, today);
        errors.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ext(decision: NaiveDate, new_end: NaiveDate) -> ExtensionInput {
        ExtensionInput {
            decision_date: decision,
            ground: "Ziekte".into(),
            new_end,
        }
    }

    #[test]
    fn termijn_from_every_kind_of_dagtekening() {
        // dagtekening → (start, end)
        let cases = [
            (d(2026, 3, 10), d(2026, 3, 11), d(2029, 3, 11)),
            // Year end: the start rolls into the next year.
            (d(2025, 12, 31), d(2026, 1, 1), d(2029, 1, 1)),
            // Dagtekening on 28 Feb of a leap year: the start is 29 Feb, its end 28 Feb.
            (d(2028, 2, 28), d(2028, 2, 29), d(2031, 2, 28)),
            // Dagtekening on 29 Feb: the start is 1 March.
            (d(2028, 2, 29), d(2028, 3, 1), d(2031, 3, 1)),
            // Towards a leap year: 29 Feb 2028 is not skipped or doubled.
            (d(2025, 2, 28), d(2025, 3, 1), d(2028, 3, 1)),
            (d(2025, 2, 27), d(2025, 2, 28), d(2028, 2, 28)),
            // End of month.
            (d(2026, 8, 30), d(2026, 8, 31), d(2029, 8, 31)),
        ];
        for (dagtekening, start, end) in cases {
            let t = termijn(Some(dagtekening), &[], &[], d(2026, 11, 29)).unwrap();
            assert_eq!(
                (t.start, t.end, t.original_end),
                (start, end, end),
                "{dagtekening}"
            );
        }
        assert_eq!(termijn(None, &[], &[], d(2026, 11, 29)), None);
    }

    #[test]
    fn days_remaining_counts_to_the_end_in_force() {
        let t = termijn(Some(d(2024, 6, 30)), &[], &[], d(2027, 6, 1)).unwrap();
        assert_eq!(t.end, d(2027, 7, 1));
        assert_eq!(t.days_remaining, 30);
        let t = termijn(Some(d(2024, 6, 30)), &[], &[], d(2027, 7, 2)).unwrap();
        assert_eq!(t.days_remaining, -1);
    }

    #[test]
    fn extensions_stack_in_the_order_of_duo_decisions() {
        let first = ext(d(2028, 5, 1), d(2029, 1, 1));
        let second = ext(d(2028, 12, 1), d(2029, 7, 1));
        let t = termijn(
            Some(d(2025, 6, 30)),
            &[second.clone(), first.clone()],
            &[],
            d(2026, 1, 1),
        )
        .unwrap();
        assert_eq!(t.original_end, d(2028, 7, 1));
        assert_eq!(t.end, d(2029, 7, 1));
        assert_eq!(t.extensions, 2);
        let t = termijn(Some(d(2025, 6, 30)), &[first], &[], d(2026, 1, 1)).unwrap();
        assert_eq!(t.end, d(2029, 1, 1));
    }

    #[test]
    fn an_extension_must_move_the_end_later() {
        let today = d(2026, 11, 29);
        let end = Some(d(2027, 3, 1));
        let cases = [
            (ext(d(2026, 11, 1), d(2027, 3, 2)), end, None),
            (
                ext(d(2026, 11, 1), d(2027, 3, 1)),
                end,
                Some("after_current_end"),
            ),
            (ext(d(2026, 11, 1), d(2027, 6, 1)), None, Some("no_termijn")),
            (
                ext(d(2026, 12, 1), d(2027, 6, 1)),
                end,
                Some("not_in_future"),
            ),
        ];
        for (input, current, rule) in cases {
            let got = input
                .validate(current, today)
                .err()
                .map(|e| e.0[0].rule.clone());
            assert_eq!(got.as_deref(), rule, "{input:?}");
        }
    }

    #[test]
    fn the_latest_exemption_counts() {
        let ex = |kind, m| ExemptionInput {
            kind,
            decision_date: d(2026, m, 1),
            note: None,
        };
        let t = termijn(
            Some(d(2025, 1, 1)),
            &[],
            &[
                ex(ExemptionKind::Gedeeltelijk, 3),
                ex(ExemptionKind::Volledig, 5),
            ],
            d(2026, 11, 29),
        )
        .unwrap();
        assert_eq!(t.exemption, Some(ExemptionKind::Volledig));
    }

    #[test]
    fn add_months_clamps_to_the_month_end() {
        assert_eq!(add_months(d(2026, 8, 31), 18), d(2028, 2, 29));
        assert_eq!(add_months(d(2027, 8, 31), 18), d(2029, 2, 28));
        assert_eq!(add_years(d(2028, 2, 29), 1), d(2029, 2, 28));
    }
}
