//! Everything the dossier's "Uren en portfolio" tab shows, read in one go.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{Result, Store};
use crate::domain::absence::{unexcused_clusters, WINDOW_DAYS};
use crate::domain::portfolio::compute;
use crate::domain::PipStatus;
use crate::domain::{
    Absence, AbsenceCluster, Exam, HourEntry, Leerroute, Portfolio, PortfolioPlan, ProgressReport,
    RoutePeriod,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PortfolioView {
    pub portfolio: Portfolio,
    /// The route was chosen to look at: no adopted PIP decides it yet.
    pub route_assumed: bool,
    pub plan: PortfolioPlan,
    /// The whole ledger, newest first, reversals included.
    pub entries: Vec<HourEntry>,
    pub absences: Vec<Absence>,
    /// Runs of unexcused absences within the 30-day window.
    pub absence_clusters: Vec<AbsenceCluster>,
    pub reports: Vec<ProgressReport>,
    pub exams: Vec<Exam>,
    pub providers: Vec<String>,
}

impl Store {
    /// The portfolio of a client on `today`, against the routes of the adopted PIP versions.
    /// Until a PIP decides the leerroute, `route` lets the consultant look at the hours against
    /// a route's requirements.
    pub fn portfolio(
        &self,
        client_id: &Uuid,
        route: Option<Leerroute>,
        today: NaiveDate,
    ) -> Result<PortfolioView> {
        let client = self.client(client_id)?;
        let entries = self.hour_entries(client_id)?;
        let decided = self.route_history(client_id)?;
        let route_assumed = decided.is_empty() && route.is_some();
        let routes: Vec<RoutePeriod> = if decided.is_empty() {
            route
                .map(|route| RoutePeriod { route, from: None })
                .into_iter()
                .collect()
        } else {
            decided
        };
        // The plan runs from the course start in the latest PIP (else the termijn start) to the
        // termijn end.
        let termijn = self.termijn_view(client_id, today)?.termijn;
        let course_start = self
            .pip_versions(client_id)?
            .into_iter()
            .rev()
            .find(|v| v.status == PipStatus::Vastgesteld)
            .and_then(|v| v.content.course_start_date);
        let plan = PortfolioPlan {
            start: course_start.or(termijn.as_ref().map(|t| t.start)),
            end: termijn.map(|t| t.end),
        };
        let portfolio = compute(&entries, client.input.client_type, &routes, plan, today);
        let absences = self.absences(client_id)?;
        Ok(PortfolioView {
            portfolio,
            route_assumed,
            plan,
            absence_clusters: unexcused_clusters(&absences, WINDOW_DAYS),
            entries,
            absences,
            reports: self.progress_reports(client_id)?,
            exams: self.exams(client_id)?,
            providers: self.known_providers()?,
        })
    }
}
