//! Handhaving (§2 step 11): first find out why, then a warning; only for culpable behaviour a
//! bestuurlijke boete, with the amount from the local regulation (a data table). The app
//! records decisions and never proposes a fine by itself.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{not_before, required, RecordContext, TrajectoryRecord};
use crate::domain::client::ClientType;
use crate::domain::hours::check_date;
use crate::domain::money::euros;
use crate::domain::validation::{FieldError, ValidationErrors};

/// What opened the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EnforcementTrigger {
    /// Unexcused absence from the language course.
    Verzuim,
    AfspraakNietNagekomen,
    IntakeNietMeegewerkt,
    PipAfsprakenNietNagekomen,
    Anders,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EnforcementDecision {
    GeenMaatregel,
    Waarschuwing,
    Boete,
}

/// The culpability grades (Divosa).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Culpability {
    Opzet,
    GroveNalatigheid,
    NormaleVerwijtbaarheid,
    VerminderdeVerwijtbaarheid,
}

/// One article of the local regulation: the highest fine for a kind of behaviour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FineRule {
    pub code: String,
    pub description: String,
    /// The behaviour the article is about; `None` for any.
    pub trigger: Option<EnforcementTrigger>,
    /// The highest amount, in euro cents.
    #[ts(type = "number")]
    pub max_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EnforcementCase {
    pub trigger: EnforcementTrigger,
    pub opened_on: NaiveDate,
    /// What the consultant found out about why.
    pub investigation: Option<String>,
    pub decision: Option<EnforcementDecision>,
    pub decided_on: Option<NaiveDate>,
    pub culpability: Option<Culpability>,
    /// The regulation article a fine is based on.
    pub fine_rule: Option<String>,
    #[ts(type = "number | null")]
    pub fine_cents: Option<i64>,
    pub note: Option<String>,
}

impl TrajectoryRecord for EnforcementCase {
    const TABLE: &'static str = "enforcement_cases";
    const LEDGER: bool = false;
    const DATE_FIELD: &'static str = "opened_on";

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "opened_on", self.opened_on, ctx.today);
        match (self.decision, self.decided_on) {
            (Some(_), None) => required(&mut errors, "decided_on", false),
            (None, Some(_)) => required(&mut errors, "decision", false),
            (Some(_), Some(decided_on)) => {
                check_date(&mut errors, "decided_on", decided_on, ctx.today);
                not_before(
                    &mut errors,
                    "decided_on",
                    Some(decided_on),
                    self.opened_on,
                    "de opening van de zaak",
                );
            }
            (None, None) => {}
        }
        if self.decision == Some(EnforcementDecision::Boete) {
            self.check_fine(&mut errors, ctx);
        } else {
            for (field, present) in [
                ("fine_rule", self.fine_rule.is_some()),
                ("fine_cents", self.fine_cents.is_some()),
            ] {
                if present {
                    errors.push(FieldError::new(
                        field,
                        "only_with_fine",
                        "hoort alleen bij een besluit tot een boete",
                    ));
                }
            }
        }
        errors.into_result()
    }
}

impl EnforcementCase {
    fn check_fine(&self, errors: &mut ValidationErrors, ctx: &RecordContext<'_>) {
        if self.trigger == EnforcementTrigger::Verzuim
            && ctx.client_type != Some(ClientType::Statushouder)
        {
            errors.push(FieldError::new(
                "decision",
                "fine_for_absence_statushouders_only",
                "een boete voor verzuim bij de taalles kan alleen een statushouder krijgen \
                 (gezins- en overige migranten kopen hun eigen cursus)",
            ));
        }
        if self.culpability.is_none() {
            errors.push(FieldError::new(
                "culpability",
                "fine_needs_culpability",
                "een boete kan alleen bij verwijtbaar gedrag: leg de mate van verwijtbaarheid vast",
            ));
        }
        let decided_on = self.decided_on.unwrap_or(ctx.today);
        if !ctx.warnings.iter().any(|w| *w <= decided_on) {
            errors.push(FieldError::new(
                "decision",
                "warning_first",
                "eerst een waarschuwing: in deze zaak is vóór het besluit nog geen waarschuwing gegeven",
            ));
        }
        let rule = match &self.fine_rule {
            None => {
                required(errors, "fine_rule", false);
                None
            }
            Some(code) => {
                let rule = ctx.fine_rules.iter().find(|r| &r.code == code);
                if rule.is_none() {
                    errors.push(FieldError::new(
                        "fine_rule",
                        "unknown",
                        format!("artikel {code} staat niet in de boeteverordening"),
                    ));
                }
                rule
            }
        };
        if let Some(rule) = rule {
            if rule.trigger.is_some_and(|t| t != self.trigger) {
                errors.push(FieldError::new(
                    "fine_rule",
                    "other_behaviour",
                    format!("artikel {} gaat over ander gedrag", rule.code),
                ));
            }
        }
        match self.fine_cents {
            None => required(errors, "fine_cents", false),
            Some(cents) if cents <= 0 => errors.push(FieldError::new(
                "fine_cents",
                "positive",
                "moet meer dan € 0 zijn",
            )),
            Some(cents) => {
                if let Some(rule) = rule.filter(|r| cents > r.max_cents) {
                    errors.push(FieldError::new(
                        "fine_cents",
                        "above_regulation",
                        format!(
                            "is hoger dan het maximum van {} in artikel {}",
                            euros(rule.max_cents),
                            rule.code
                        ),
                    ));
                }
            }
        }
    }
}

/// A warning given in a case, with whether a letter was sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Warning {
    pub case_id: Uuid,
    pub date: NaiveDate,
    pub letter_sent: bool,
    pub note: Option<String>,
}

impl TrajectoryRecord for Warning {
    const TABLE: &'static str = "enforcement_warnings";
    const LEDGER: bool = true;
    const DATE_FIELD: &'static str = "date";
    const BOOL_FIELDS: &'static [&'static str] = &["letter_sent"];

    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_date(&mut errors, "date", self.date, ctx.today);
        if let Some(opened_on) = ctx.case_opened_on {
            not_before(
                &mut errors,
                "date",
                Some(self.date),
                opened_on,
                "de opening van de zaak",
            );
        }
        errors.into_result()
    }
}

#[cfg(test)]
mod tests;
