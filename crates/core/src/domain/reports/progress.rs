//! Hours progress by route, and the team's work per consultant.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::tables::{column, counted, median};
use super::{CellKind, ReportClient, ReportRow, ReportTable};
use crate::domain::hours::Quarters;
use crate::domain::portfolio::{Portfolio, PortfolioTarget};
use crate::domain::route::Leerroute;
use crate::domain::signals::Severity;

/// Where a client's hours stand against the route's requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HoursProgress {
    pub route: Leerroute,
    /// Course hours (language incl. KNM).
    pub taal: Quarters,
    pub participatie: Quarters,
    /// Some line is under the planned pace.
    pub behind: bool,
    /// Every hours requirement of the route is met.
    pub complete: bool,
}

impl HoursProgress {
    /// The summary of a portfolio; `None` while its route is unknown.
    pub fn of(portfolio: &Portfolio) -> Option<Self> {
        let done = |target| {
            portfolio
                .lines
                .iter()
                .find(|l| l.target == target)
                .map_or(Quarters(0), |l| l.done)
        };
        Some(Self {
            route: portfolio.route?,
            taal: done(PortfolioTarget::Taal),
            participatie: done(PortfolioTarget::Participatie),
            behind: portfolio.lines.iter().any(|l| l.behind),
            complete: portfolio.complete,
        })
    }
}

#[derive(Default)]
struct RouteAcc {
    clients: u32,
    taal: Vec<i64>,
    participatie: Vec<i64>,
    behind: u32,
    complete: u32,
}

impl RouteAcc {
    fn add(&mut self, p: &HoursProgress) {
        self.clients += 1;
        self.taal.push(p.taal.0);
        self.participatie.push(p.participatie.0);
        self.behind += u32::from(p.behind);
        self.complete += u32::from(p.complete);
    }

    fn row(mut self, label: &str) -> ReportRow {
        let hours = |q: Option<f64>| q.map(|q| q / 4.0);
        ReportRow {
            labels: vec![label.to_owned()],
            values: vec![
                Some(f64::from(self.clients)),
                hours(median(&mut self.taal)),
                hours(median(&mut self.participatie)),
                Some(f64::from(self.behind)),
                share(self.behind, self.clients),
                Some(f64::from(self.complete)),
            ],
        }
    }
}

fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) * 100.0 / f64::from(whole))
}

/// Running trajectories (an adopted PIP with a route, dossier not closed) per route: the median
/// hours, how many are behind the planned pace and how many met every hours requirement.
pub fn hours_by_route(clients: &[ReportClient], reference: NaiveDate) -> ReportTable {
    let mut by: [RouteAcc; 3] = Default::default();
    let mut all = RouteAcc::default();
    for p in counted(clients, reference)
        .filter(|c| !c.closed)
        .filter_map(|c| c.progress.as_ref())
    {
        let i = Leerroute::ALL
            .iter()
            .position(|r| *r == p.route)
            .unwrap_or(0);
        by[i].add(p);
        all.add(p);
    }
    let mut rows: Vec<ReportRow> = Leerroute::ALL
        .iter()
        .zip(by)
        .map(|(route, acc)| acc.row(route.title()))
        .collect();
    rows.push(all.row("Totaal"));
    ReportTable {
        name: "uren-per-route".into(),
        title: "Urenvoortgang per leerroute".into(),
        note: format!(
            "Lopende trajecten op {} (vastgesteld PIP, dossier niet afgesloten), naar de \
             leerroute van die dag. Uren volgens de telregels van het portfolio; 'achter' is \
             onder 85 % van het geplande tempo.",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec!["Leerroute".into()],
        columns: vec![
            column("Lopende trajecten", CellKind::Count),
            column("Mediaan uren taal", CellKind::Hours),
            column("Mediaan uren participatie", CellKind::Hours),
            column("Achter op schema", CellKind::Count),
            column("Aandeel achter", CellKind::Percent),
            column("Uren-eisen gehaald", CellKind::Count),
        ],
        rows,
    }
}

#[derive(Default)]
struct TeamAcc {
    open: u32,
    signals: u32,
    overdue: u32,
    pips: u32,
    in_time: u32,
    behind: u32,
}

impl TeamAcc {
    fn add(&mut self, c: &ReportClient, reference: NaiveDate) {
        self.open += 1;
        self.signals += c.signals.len() as u32;
        self.overdue += c
            .signals
            .iter()
            .filter(|(_, s)| matches!(s, Severity::Error | Severity::Overdue))
            .count() as u32;
        if let Some(pip) = c.first_dagtekening.filter(|d| *d <= reference) {
            self.pips += 1;
            self.in_time += u32::from(c.first_pip_deadline.is_some_and(|d| pip <= d));
        }
        self.behind += u32::from(c.progress.is_some_and(|p| p.behind));
    }

    fn row(self, label: &str) -> ReportRow {
        ReportRow {
            labels: vec![label.to_owned()],
            values: vec![
                Some(f64::from(self.open)),
                Some(f64::from(self.signals)),
                Some(f64::from(self.overdue)),
                Some(f64::from(self.pips)),
                share(self.in_time, self.pips),
                Some(f64::from(self.behind)),
            ],
        }
    }
}

/// Per consultant (and the unassigned): open dossiers, open signals and how many of them are
/// overdue, first PIPs and the share within 10 weeks, trajectories behind on hours.
pub fn team(clients: &[ReportClient], reference: NaiveDate) -> ReportTable {
    let mut by: BTreeMap<Option<&str>, TeamAcc> = BTreeMap::new();
    let mut all = TeamAcc::default();
    for c in clients.iter().filter(|c| !c.closed) {
        by.entry(c.consultant.as_deref())
            .or_default()
            .add(c, reference);
        all.add(c, reference);
    }
    let mut rows: Vec<ReportRow> = by
        .into_iter()
        .map(|(consultant, acc)| acc.row(consultant.unwrap_or("Niet toegewezen")))
        .collect();
    rows.push(all.row("Totaal"));
    ReportTable {
        name: "team".into(),
        title: "Team: caseload en signalen per consulent".into(),
        note: format!(
            "Dossiers die niet zijn afgesloten; signalen open op {} (weggelegde niet); 'te \
             laat' zijn signalen met een verstreken termijn of een fout.",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec!["Consulent".into()],
        columns: vec![
            column("Open dossiers", CellKind::Count),
            column("Open signalen", CellKind::Count),
            column("Te laat", CellKind::Count),
            column("Eerste PIP's", CellKind::Count),
            column("PIP binnen 10 weken", CellKind::Percent),
            column("Achter op schema", CellKind::Count),
        ],
        rows,
    }
}
