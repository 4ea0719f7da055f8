//! MAP, the Module Arbeidsmarkt en Participatie (§2 step 9): the eight theory themes and the
//! closing conversation with the municipality. The practice hours live in the hours ledger;
//! an exemption is part of the PIP.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{required, RecordContext, TrajectoryRecord};
use crate::domain::hours::check_date;
use crate::domain::validation::{FieldError, ValidationErrors};

/// The eight theory themes of the MAP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MapTheme {
    Beroepsorientatie,
    Werkcompetenties,
    RealistischBeroepsbeeld,
    Beroepsmogelijkheden,
    VerwervenBeroepscompetenties,
    NetwerkOpbouwen,
    WerkVinden,
    Werkcultuur,
}

impl MapTheme {
    pub const ALL: [Self; 8] = [
        Self::Beroepsorientatie,
        Self::Werkcompetenties,
        Self::RealistischBeroepsbeeld,
        Self::Beroepsmogelijkheden,
        Self::VerwervenBeroepscompetenties,
        Self::NetwerkOpbouwen,
        Self::WerkVinden,
        Self::Werkcultuur,
    ];
}

/// One theory theme done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MapThemeDone {
    pub theme: MapTheme,
    pub date: NaiveDate,
    pub note: Option<String>,
}

impl TrajectoryRecord for MapThemeDone {
    const TABLE: &'static str = "map_themes";
    const LEDGER: bool = true;
    const DATE_FIELD: &'static str = "date";

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "date", self.date, ctx.today);
        errors.into_result()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MapResult {
    Voltooid,
    NietVoltooid,
}

/// The MAP's closing conversation (GGM: DatumEindgesprekMAP, Resultaat,
/// RedenNietSuccesvolVoltooid, IndicatorVerwijtbaar).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MapClosing {
    pub date: NaiveDate,
    pub result: MapResult,
    /// Why the MAP was not completed; required then.
    pub reason: Option<String>,
    /// Whether not completing it is the client's fault; required when not completed.
    pub culpable: Option<bool>,
    pub note: Option<String>,
}

impl TrajectoryRecord for MapClosing {
    const TABLE: &'static str = "map_closings";
    const LEDGER: bool = false;
    const DATE_FIELD: &'static str = "date";
    const BOOL_FIELDS: &'static [&'static str] = &["culpable"];

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "date", self.date, ctx.today);
        match self.result {
            MapResult::NietVoltooid => {
                required(&mut errors, "reason", self.reason.is_some());
                required(&mut errors, "culpable", self.culpable.is_some());
            }
            MapResult::Voltooid => {
                for (field, present) in [
                    ("reason", self.reason.is_some()),
                    ("culpable", self.culpable.is_some()),
                ] {
                    if present {
                        errors.push(FieldError::new(
                            field,
                            "only_when_not_completed",
                            "hoort alleen bij een niet voltooide MAP",
                        ));
                    }
                }
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

    #[test]
    fn closing_rules() {
        let c = ctx(ClientType::Statushouder);
        let closing = |result, reason: Option<&str>, culpable| MapClosing {
            date: day(2026, 10, 1),
            result,
            reason: reason.map(Into::into),
            culpable,
            note: None,
        };
        let cases = [
            (closing(MapResult::Voltooid, None, None), vec![]),
            (
                closing(MapResult::NietVoltooid, Some("Ziek"), Some(false)),
                vec![],
            ),
            (
                closing(MapResult::NietVoltooid, None, None),
                vec!["reason:required", "culpable:required"],
            ),
            (
                closing(MapResult::NietVoltooid, Some("Niet gekomen"), None),
                vec!["culpable:required"],
            ),
            (
                closing(MapResult::Voltooid, Some("x"), Some(true)),
                vec![
                    "reason:only_when_not_completed",
                    "culpable:only_when_not_completed",
                ],
            ),
        ];
        for (record, expected) in cases {
            assert_eq!(broken(&record, &c), expected, "{record:?}");
        }
    }

    #[test]
    fn there_are_eight_themes() {
        assert_eq!(MapTheme::ALL.len(), 8);
    }
}
