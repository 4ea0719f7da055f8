//! The configurable thresholds of the signals, with the domain page's defaults.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SignalSettings {
    /// Intake and PIP: warn this many days before the 10-week deadline.
    pub intake_warning_days: u32,
    /// Termijn ending: warn this many months before the end.
    pub termijn_warning_months: u32,
    /// Progress conversations: at least this many in the first year of the termijn …
    pub min_conversations_first_year: u32,
    /// … warned about this many days before that year ends.
    pub conversations_warning_days: u32,
    /// No conversation for more than this many months.
    pub no_conversation_months: u32,
    /// The 18-month route-change window: warn this many days before it closes.
    pub revision_warning_days: u32,
    /// Z-route hours behind the straight-line plan by more than this percentage.
    pub z_route_behind_pct: u32,
    /// MAP practice and PVT: warn this many months before the termijn ends.
    pub modules_warning_months: u32,
    /// Absences: this many unexcused …
    pub absence_count: u32,
    /// … within this many days.
    pub absence_window_days: u32,
    /// No provider report for more than this many months …
    pub report_overdue_months: u32,
    /// … or this many when the last report says the client stagnates.
    pub report_overdue_stagnating_months: u32,
    /// A statushouder minor turns 18 within this many days.
    pub turning_18_days: u32,
    /// Onderwijsroute: turns 30 within this many months without a study start.
    pub onderwijsroute_age_months: u32,
    pub ontzorgen_warning_days: u32,
    pub begeleiding_warning_days: u32,
    /// On a provider's waiting list for more than this many weeks without a course start.
    pub waiting_weeks: u32,
    /// At least this many failed contact attempts …
    pub no_contact_attempts: u32,
    /// … and no successful contact in this many days.
    pub no_contact_days: u32,
}

impl Default for SignalSettings {
    fn default() -> Self {
        Self {
            intake_warning_days: 14,
            termijn_warning_months: 6,
            min_conversations_first_year: 2,
            conversations_warning_days: 60,
            no_conversation_months: 6,
            revision_warning_days: 60,
            z_route_behind_pct: 15,
            modules_warning_months: 12,
            absence_count: 2,
            absence_window_days: 30,
            report_overdue_months: 3,
            report_overdue_stagnating_months: 1,
            turning_18_days: 60,
            onderwijsroute_age_months: 6,
            ontzorgen_warning_days: 30,
            begeleiding_warning_days: 60,
            waiting_weeks: 8,
            no_contact_attempts: 3,
            no_contact_days: 30,
        }
    }
}

impl SignalSettings {
    /// Every threshold within sense: counts at least 1, periods at most 5 years.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(self) else {
            return Ok(());
        };
        for (field, value) in fields {
            let n = value.as_u64().unwrap_or(0);
            let max = if field.ends_with("_days") {
                5 * 366
            } else if field.ends_with("_months") {
                60
            } else if field.ends_with("_weeks") {
                260
            } else {
                100
            };
            if n == 0 || n > max {
                errors.push(FieldError::new(
                    &field,
                    "range",
                    format!("moet tussen 1 en {max} liggen"),
                ));
            }
        }
        errors.into_result()
    }
}
