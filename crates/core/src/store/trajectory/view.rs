//! Everything of a client's trajectory after the PIP, with what the rules derive (ends of
//! ontzorgen and begeleiding, the retention end, warnings), as the dossier's tabs show it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::super::{Result, Store};
use super::Stored;
use crate::domain::hours::{HourCategory, Quarters};
use crate::domain::pip::{MapExemption, PipStatus};
use crate::domain::trajectory::{
    retention_end, Begeleiding, Closing, EnforcementCase, FineRule, MapClosing, MapThemeDone,
    Ontzorgen, ProgressConversation, PvtMeeting, PvtStatement, Referral, Warning, WorkPeriod,
    WorkWeek,
};
use crate::domain::Exam;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct CaseView {
    pub case: Stored<EnforcementCase>,
    pub warnings: Vec<Stored<Warning>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OntzorgenView {
    pub stored: Stored<Ontzorgen>,
    pub end: NaiveDate,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct BegeleidingView {
    pub stored: Stored<Begeleiding>,
    pub end: NaiveDate,
    pub walk_in_until: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkView {
    pub stored: Stored<WorkPeriod>,
    /// The last day whose hours are in the ledger.
    pub booked_until: Option<NaiveDate>,
    /// The weeks that are over and not booked yet.
    pub to_book: Vec<WorkWeek>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClosingView {
    pub stored: Stored<Closing>,
    pub retention_end: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TrajectoryView {
    pub conversations: Vec<Stored<ProgressConversation>>,
    pub pvt_meetings: Vec<Stored<PvtMeeting>>,
    /// All PVT hours in the ledger (meetings and hours entered otherwise).
    pub pvt_quarters: Quarters,
    pub pvt_statement: Option<Stored<PvtStatement>>,
    pub map_themes: Vec<Stored<MapThemeDone>>,
    pub map_practice_quarters: Quarters,
    pub map_closings: Vec<Stored<MapClosing>>,
    /// The MAP exemption agreed in the latest adopted PIP, if any.
    pub map_exemption: Option<MapExemption>,
    pub map_exemption_reason: Option<String>,
    pub enforcement: Vec<CaseView>,
    pub fine_rules: Vec<FineRule>,
    pub ontzorgen: Vec<OntzorgenView>,
    pub begeleidingen: Vec<BegeleidingView>,
    pub referrals: Vec<Stored<Referral>>,
    pub work: Vec<WorkView>,
    pub closing: Option<ClosingView>,
    /// The exam results, for the closing's summary.
    pub exams: Vec<Exam>,
    pub retention_years: u32,
}

impl Store {
    pub fn trajectory(&self, client_id: &Uuid, today: NaiveDate) -> Result<TrajectoryView> {
        self.client(client_id)?;
        let entries = self.hour_entries(client_id)?;
        let sum = |category| {
            Quarters(
                entries
                    .iter()
                    .filter(|e| e.input.category == category)
                    .map(|e| e.input.quarters.0)
                    .sum(),
            )
        };
        let adopted = self
            .pip_versions(client_id)?
            .into_iter()
            .rfind(|v| v.status == PipStatus::Vastgesteld);
        let retention_years = self.retention_years()?;
        let enforcement = self
            .records::<EnforcementCase>(client_id)?
            .into_iter()
            .map(|case| {
                Ok(CaseView {
                    warnings: self.warnings_of(&case.id)?,
                    case,
                })
            })
            .collect::<Result<_>>()?;
        let work = self
            .records::<WorkPeriod>(client_id)?
            .into_iter()
            .map(|stored| {
                let booked_until = self.booked_until(&stored.id)?;
                Ok(WorkView {
                    to_book: stored.record.weeks_to_book(booked_until, today),
                    booked_until,
                    stored,
                })
            })
            .collect::<Result<_>>()?;
        Ok(TrajectoryView {
            conversations: self.records(client_id)?,
            pvt_meetings: self.records(client_id)?,
            pvt_quarters: sum(HourCategory::Pvt),
            pvt_statement: self.records(client_id)?.into_iter().next(),
            map_themes: self.records(client_id)?,
            map_practice_quarters: sum(HourCategory::MapPraktijk),
            map_closings: self.records(client_id)?,
            map_exemption: adopted.as_ref().map(|v| v.content.map_exemption),
            map_exemption_reason: adopted.and_then(|v| v.content.map_exemption_reason),
            enforcement,
            fine_rules: self.fine_rules()?,
            ontzorgen: self
                .records::<Ontzorgen>(client_id)?
                .into_iter()
                .map(|stored| OntzorgenView {
                    end: stored.record.end(),
                    warnings: stored.record.warnings(today),
                    stored,
                })
                .collect(),
            begeleidingen: self
                .records::<Begeleiding>(client_id)?
                .into_iter()
                .map(|stored| BegeleidingView {
                    end: stored.record.end(),
                    walk_in_until: stored.record.walk_in_until(),
                    stored,
                })
                .collect(),
            referrals: self.records(client_id)?,
            work,
            closing: self
                .records::<Closing>(client_id)?
                .into_iter()
                .next()
                .map(|stored| ClosingView {
                    retention_end: retention_end(stored.record.date, retention_years),
                    stored,
                }),
            exams: self.exams(client_id)?,
            retention_years,
        })
    }
}
