//! The rest of the trajectory after the PIP (domain page §2 steps 2, 3, 8–13): progress
//! conversations, PVT, MAP, handhaving, financieel ontzorgen, maatschappelijke begeleiding,
//! referrals, work and afsluiting. Each record type is a plain struct whose serde field names
//! are its table's columns; the rules are pure functions of the record and a [`RecordContext`].

mod begeleiding;
mod closing;
mod conversation;
mod enforcement;
mod map;
mod ontzorgen;
mod pvt;
mod referral;
mod work;

use chrono::NaiveDate;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use ts_rs::TS;

pub use begeleiding::{Begeleiding, BEGELEIDING_YEARS};
pub use closing::{retention, retention_end, Closing, ClosingReason, Retention, RETENTION_YEARS};
pub use conversation::ProgressConversation;
pub use enforcement::{
    Culpability, EnforcementCase, EnforcementDecision, EnforcementTrigger, FineRule, Warning,
};
pub use map::{MapClosing, MapResult, MapTheme, MapThemeDone};
pub use ontzorgen::{
    regular_end as ontzorgen_regular_end, Ontzorgen, WithheldCost, ONTZORGEN_MONTHS,
};
pub use pvt::{CoreValue, PvtMeeting, PvtStatement};
pub use referral::{Referral, ReferralTarget};
pub use work::{WorkKind, WorkPeriod, WorkWeek};

use super::client::ClientType;
use super::validation::{FieldError, ValidationErrors};

/// What a record's rules may look at besides the record itself.
#[derive(Debug, Clone, Copy)]
pub struct RecordContext<'a> {
    pub today: NaiveDate,
    /// `None` while the client's type is still unknown.
    pub client_type: Option<ClientType>,
    /// The local regulation's fines (a data table).
    pub fine_rules: &'a [FineRule],
    /// For an enforcement case: the dates of the warnings given in it.
    pub warnings: &'a [NaiveDate],
    /// For a warning: the date its case was opened.
    pub case_opened_on: Option<NaiveDate>,
}

/// One kind of trajectory record. `TABLE` is its table (and sync entity); `LEDGER` records are
/// insert-only (corrections are new entries), the others change field by field.
pub trait TrajectoryRecord: Serialize + DeserializeOwned + Clone {
    const TABLE: &'static str;
    const LEDGER: bool;
    /// The record's main date: lists show the newest first.
    const DATE_FIELD: &'static str;
    /// Fields stored as SQLite integers 0/1 that read back as booleans.
    const BOOL_FIELDS: &'static [&'static str] = &[];
    fn validate(&self, ctx: &RecordContext<'_>) -> Result<(), ValidationErrors>;
}

/// Any trajectory record, tagged with its kind: what the UI and the CLI send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "record", rename_all = "snake_case")]
pub enum TrajectoryInput {
    Conversation(ProgressConversation),
    PvtMeeting(PvtMeeting),
    PvtStatement(PvtStatement),
    MapTheme(MapThemeDone),
    MapClosing(MapClosing),
    Enforcement(EnforcementCase),
    Warning(Warning),
    Ontzorgen(Ontzorgen),
    Begeleiding(Begeleiding),
    Referral(Referral),
    Work(WorkPeriod),
    Closing(Closing),
}

impl TrajectoryInput {
    /// The kinds as the CLI names them.
    pub const KINDS: [&'static str; 12] = [
        "conversation",
        "pvt_meeting",
        "pvt_statement",
        "map_theme",
        "map_closing",
        "enforcement",
        "warning",
        "ontzorgen",
        "begeleiding",
        "referral",
        "work",
        "closing",
    ];

    pub fn table(&self) -> &'static str {
        match self {
            Self::Conversation(_) => ProgressConversation::TABLE,
            Self::PvtMeeting(_) => PvtMeeting::TABLE,
            Self::PvtStatement(_) => PvtStatement::TABLE,
            Self::MapTheme(_) => MapThemeDone::TABLE,
            Self::MapClosing(_) => MapClosing::TABLE,
            Self::Enforcement(_) => EnforcementCase::TABLE,
            Self::Warning(_) => Warning::TABLE,
            Self::Ontzorgen(_) => Ontzorgen::TABLE,
            Self::Begeleiding(_) => Begeleiding::TABLE,
            Self::Referral(_) => Referral::TABLE,
            Self::Work(_) => WorkPeriod::TABLE,
            Self::Closing(_) => Closing::TABLE,
        }
    }
}

/// `field` is required.
fn required(errors: &mut ValidationErrors, field: &str, present: bool) {
    if !present {
        errors.push(FieldError::new(field, "required", "is verplicht"));
    }
}

/// `later` (named `field`) may not lie before `earlier`, named by its Dutch label.
fn not_before(
    errors: &mut ValidationErrors,
    field: &str,
    later: Option<NaiveDate>,
    earlier: NaiveDate,
    earlier_label: &str,
) {
    if later.is_some_and(|d| d < earlier) {
        errors.push(FieldError::new(
            field,
            "not_before_start",
            format!("ligt vóór {earlier_label} ({})", earlier.format("%d-%m-%Y")),
        ));
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    pub const TODAY: (i32, u32, u32) = (2026, 11, 29);

    pub fn ctx(client_type: ClientType) -> RecordContext<'static> {
        RecordContext {
            today: day(TODAY.0, TODAY.1, TODAY.2),
            client_type: Some(client_type),
            fine_rules: &[],
            warnings: &[],
            case_opened_on: None,
        }
    }

    /// The rule codes a record breaks, as `field:rule`.
    pub fn broken<R: TrajectoryRecord>(record: &R, ctx: &RecordContext<'_>) -> Vec<String> {
        match record.validate(ctx) {
            Ok(()) => Vec::new(),
            Err(e) => {
                e.0.iter()
                    .map(|f| format!("{}:{}", f.field, f.rule))
                    .collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_name_is_a_serde_tag() {
        for kind in TrajectoryInput::KINDS {
            let err = serde_json::from_value::<TrajectoryInput>(
                serde_json::json!({ "kind": kind, "record": {} }),
            )
            .unwrap_err()
            .to_string();
            assert!(err.starts_with("missing field"), "{kind}: {err}");
        }
    }
}
