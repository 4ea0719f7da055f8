//! The hours ledger (domain page §4): append-only entries in quarter hours. A mistake is
//! corrected by a reversing entry that points at the original; nothing is edited or deleted.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HourCategory {
    /// Language course including KNM.
    Taal,
    /// Activities, volunteering, placements.
    Participatie,
    MapTheorie,
    MapPraktijk,
    /// Paid work.
    Werk,
    /// A placement the client found themselves.
    EigenPlek,
    Pvt,
}

impl HourCategory {
    pub const ALL: [Self; 7] = [
        Self::Taal,
        Self::Participatie,
        Self::MapTheorie,
        Self::MapPraktijk,
        Self::Werk,
        Self::EigenPlek,
        Self::Pvt,
    ];
}

/// Where the hours come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum HourSource {
    /// A language school's progress report.
    ProviderReport,
    /// Entered by the consultant.
    Consultant,
    /// Evidence the client brought (a timesheet, a letter from the placement).
    ClientEvidence,
}

/// A number of quarter hours; 6 is 1,5 hours. Negative only in reversing entries.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS,
)]
#[ts(type = "number")]
pub struct Quarters(pub i64);

impl Quarters {
    pub const fn hours(hours: i64) -> Self {
        Self(hours * 4)
    }

    /// Reads "1,5", "1.25", "2", "1:30" or "0:45" as hours; `None` unless it is a whole number
    /// of quarter hours.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if let Some((h, m)) = text.split_once(':') {
            let h: i64 = h.parse().ok()?;
            let m: i64 = m.parse().ok()?;
            return (h >= 0 && matches!(m, 0 | 15 | 30 | 45)).then_some(Self(h * 4 + m / 15));
        }
        let text = text.replace(',', ".");
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        if whole.is_empty() && frac.is_empty() {
            return None;
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().ok()?
        };
        if whole < 0 || !frac.chars().all(|c| c.is_ascii_digit()) || frac.len() > 4 {
            return None;
        }
        let frac = frac.trim_end_matches('0');
        let quarter = match frac {
            "" => 0,
            "25" => 1,
            "5" => 2,
            "75" => 3,
            _ => return None,
        };
        Some(Self(whole * 4 + quarter))
    }

    pub fn as_hours(self) -> f64 {
        self.0 as f64 / 4.0
    }
}

impl fmt::Display for Quarters {
    /// Dutch notation: "12", "1,5", "0,25", "-3,75".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let q = self.0.unsigned_abs();
        let frac = ["", ",25", ",5", ",75"][(q % 4) as usize];
        write!(f, "{sign}{}{frac}", q / 4)
    }
}

/// The most one entry may hold: a provider's quarterly report can carry a few hundred hours.
pub const MAX_ENTRY: Quarters = Quarters::hours(1000);
/// Hours before the Wet inburgering 2021 took effect belong to no trajectory under it.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(2021, 1, 1) {
    Some(d) => d,
    None => panic!(),
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HourEntryInput {
    pub date: NaiveDate,
    pub quarters: Quarters,
    pub category: HourCategory,
    pub source: HourSource,
    pub provider: Option<String>,
    pub note: Option<String>,
}

/// A stored entry. A reversing entry has the original's category and negated hours, and
/// `reverses` and `reason` set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HourEntry {
    pub id: Uuid,
    pub client_id: Uuid,
    #[serde(flatten)]
    pub input: HourEntryInput,
    pub reverses: Option<Uuid>,
    pub reason: Option<String>,
    /// The provider report the entry came from.
    pub report_id: Option<Uuid>,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl HourEntryInput {
    pub fn new(date: NaiveDate, hours: i64, category: HourCategory) -> Self {
        Self {
            date,
            quarters: Quarters::hours(hours),
            category,
            source: HourSource::Consultant,
            provider: None,
            note: None,
        }
    }

    pub fn normalised(self) -> Self {
        fn opt(v: Option<String>) -> Option<String> {
            v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
        }
        Self {
            provider: opt(self.provider),
            note: opt(self.note),
            ..self
        }
    }

    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "date", self.date, today);
        if self.quarters.0 <= 0 {
            errors.push(FieldError::new(
                "quarters",
                "positive",
                "moet meer dan 0 uur zijn",
            ));
        } else if self.quarters > MAX_ENTRY {
            errors.push(FieldError::new(
                "quarters",
                "max",
                format!("is meer dan {MAX_ENTRY} uur in één regel"),
            ));
        }
        if self.source == HourSource::ProviderReport
            && self.provider.as_deref().is_none_or(|p| p.trim().is_empty())
        {
            errors.push(FieldError::new(
                "provider",
                "required_for_report",
                "is verplicht bij uren uit een voortgangsrapportage",
            ));
        }
        errors.into_result()
    }
}

/// Checks a record date: not in the future and not before the Wet inburgering 2021.
pub(crate) fn check_date(
    errors: &mut ValidationErrors,
    field: &str,
    date: NaiveDate,
    today: NaiveDate,
) {
    if date > today {
        errors.push(FieldError::new(
            field,
            "not_in_future",
            "ligt in de toekomst",
        ));
    } else if date < EARLIEST_DATE {
        errors.push(FieldError::new(
            field,
            "too_early",
            "ligt vóór 2021, de start van de Wet inburgering 2021",
        ));
    }
}

/// One row of the fast-entry screen: hours for one client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct HoursRow {
    pub client_id: Uuid,
    #[serde(flatten)]
    pub input: HourEntryInput,
}

/// Why an entry is reversed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReversalInput {
    pub reason: String,
}

impl ReversalInput {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.reason.trim().is_empty() {
            errors.push(FieldError::new(
                "reason",
                "required",
                "is verplicht: zeg waarom de regel wordt teruggedraaid",
            ));
        }
        errors.into_result()
    }
}

impl HourEntry {
    /// Whether `self` can still be reversed, given every entry of the client.
    pub fn reversal_refused(&self, entries: &[HourEntry]) -> Option<String> {
        if self.reverses.is_some() {
            return Some(
                "een terugdraaiing kan zelf niet worden teruggedraaid; voeg een nieuwe regel toe"
                    .into(),
            );
        }
        entries
            .iter()
            .any(|e| e.reverses == Some(self.id))
            .then(|| "deze regel is al teruggedraaid".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_quarter_hours() {
        let cases = [
            ("2", Some(8)),
            ("1,5", Some(6)),
            ("1.25", Some(5)),
            ("0,75", Some(3)),
            (",5", Some(2)),
            ("1.50", Some(6)),
            ("1:30", Some(6)),
            ("0:45", Some(3)),
            ("1:20", None),
            ("1,3", None),
            ("1,333", None),
            ("-1", None),
            ("", None),
            ("abc", None),
            (" 3 ", Some(12)),
        ];
        for (text, quarters) in cases {
            assert_eq!(Quarters::parse(text).map(|q| q.0), quarters, "{text:?}");
        }
    }

    #[test]
    fn displays_dutch_hours() {
        for (q, text) in [(8, "2"), (6, "1,5"), (1, "0,25"), (-15, "-3,75"), (0, "0")] {
            assert_eq!(Quarters(q).to_string(), text);
        }
    }

    #[test]
    fn entry_rules() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let ok = HourEntryInput::new(today, 3, HourCategory::Taal);
        let cases: Vec<(HourEntryInput, Option<&str>)> = vec![
            (ok.clone(), None),
            (
                HourEntryInput {
                    date: today.succ_opt().unwrap(),
                    ..ok.clone()
                },
                Some("not_in_future"),
            ),
            (
                HourEntryInput {
                    date: NaiveDate::from_ymd_opt(2020, 12, 31).unwrap(),
                    ..ok.clone()
                },
                Some("too_early"),
            ),
            (
                HourEntryInput {
                    quarters: Quarters(0),
                    ..ok.clone()
                },
                Some("positive"),
            ),
            (
                HourEntryInput {
                    quarters: Quarters(-4),
                    ..ok.clone()
                },
                Some("positive"),
            ),
            (
                HourEntryInput {
                    quarters: MAX_ENTRY,
                    ..ok.clone()
                },
                None,
            ),
            (
                HourEntryInput {
                    quarters: Quarters(MAX_ENTRY.0 + 1),
                    ..ok.clone()
                },
                Some("max"),
            ),
            (
                HourEntryInput {
                    source: HourSource::ProviderReport,
                    ..ok.clone()
                },
                Some("required_for_report"),
            ),
        ];
        for (input, rule) in cases {
            let got = input.validate(today).err().map(|e| e.0[0].rule.clone());
            assert_eq!(got.as_deref(), rule, "{input:?}");
        }
    }

    #[test]
    fn reversal_needs_a_reason() {
        assert!(ReversalInput { reason: " ".into() }.validate().is_err());
        assert!(ReversalInput {
            reason: "dubbel ingevoerd".into()
        }
        .validate()
        .is_ok());
    }
}
