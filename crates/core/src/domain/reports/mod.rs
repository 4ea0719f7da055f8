//! Aggregate reports (domain page §5): tables of counts for a reference date, without personal
//! data. Each report is a pure function of the caseload's report facts and the date; the table
//! carries its own note saying how it counts (e.g. which age).

mod age_groups;
mod milestones;
mod progress;
mod signals;
mod tables;
#[cfg(test)]
mod tests;
mod work;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use age_groups::AgeGroups;
pub use milestones::{milestones_per_provider, spuk_table};
pub use progress::{hours_by_route, team, HoursProgress};
pub use signals::signals_by_type;
pub use tables::{
    clients_by_type, cohort_age_gender, routes_by_group, timeliness, waiting_per_provider,
};
pub use work::work_participation;

use crate::domain::client::{ClientType, Gender};
use crate::domain::money::{MilestoneFacts, MoneyTables};
use crate::domain::route::Leerroute;
use crate::domain::signals::{Severity, SignalKind};
use crate::domain::trajectory::WorkKind;

/// What the reports read of one client.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportClient {
    pub municipality: String,
    pub client_type: Option<ClientType>,
    pub gender: Option<Gender>,
    pub birth_date: Option<NaiveDate>,
    /// The day the obligation started (the cohort is its year).
    pub obligation_date: Option<NaiveDate>,
    /// The first PIP's 10-week deadline (from registration/kennisgeving, plus pauses).
    pub first_pip_deadline: Option<NaiveDate>,
    pub brp_registration_date: Option<NaiveDate>,
    pub intake_completed: Option<NaiveDate>,
    pub first_dagtekening: Option<NaiveDate>,
    /// The routes of the adopted PIP versions, each from the day after its dagtekening
    /// (unknown for versions migrated without one), in the order they were adopted.
    pub routes: RouteStarts,
    /// The course of the first adopted PIP: provider, on its waiting list since, started on.
    pub course: Option<(String, Option<NaiveDate>, Option<NaiveDate>)>,
    /// The consultant's user name (`None`: not assigned).
    pub consultant: Option<String>,
    /// The dossier is closed (afgesloten).
    pub closed: bool,
    /// On social assistance (the intake's income, or financieel ontzorgen).
    pub social_assistance: bool,
    /// Work and work-experience places: kind and first day.
    pub work: Vec<(WorkKind, NaiveDate)>,
    /// The hours against the route's requirements on the reference date.
    pub progress: Option<HoursProgress>,
    /// The signals open on the reference date (not put away).
    pub signals: Vec<(SignalKind, Severity)>,
    /// For the provider's milestones: the client's name, route and milestone facts.
    pub name: String,
    pub milestones: Option<(Leerroute, MilestoneFacts)>,
}

/// Routes with the day each started (`None`: unknown).
pub type RouteStarts = Vec<(Leerroute, Option<NaiveDate>)>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    Count,
    Percent,
    Days,
    Hours,
    /// Euros (with cents).
    Euro,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Column {
    pub title: String,
    pub kind: CellKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReportRow {
    /// The row's labels (e.g. municipality, cohort), one per label column.
    pub labels: Vec<String>,
    /// One value per column; `None` where nothing can be computed (no clients).
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReportTable {
    pub name: String,
    pub title: String,
    /// How the table counts.
    pub note: String,
    pub reference_date: NaiveDate,
    pub label_columns: Vec<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<ReportRow>,
}

/// The reports there are: name and title.
pub const REPORTS: [(&str, &str); 11] = [
    (
        "doelgroep",
        "Inburgeringsplichtigen naar doelgroep en gemeente",
    ),
    (
        "cohort-leeftijd-geslacht",
        "Inburgeringsplichtigen naar gemeente, cohort, geslacht en leeftijd",
    ),
    ("leerroutes", "Leerroutes naar doelgroep en startjaar"),
    (
        "werk-participatie",
        "Werk en participatie van statushouders in de bijstand",
    ),
    (
        "tijdigheid",
        "Tijdigheid: PIP binnen 10 weken en doorlooptijden",
    ),
    ("uren-per-route", "Urenvoortgang per leerroute"),
    ("signalen", "Open signalen naar soort en gemeente"),
    ("wachttijd", "Wachttijd per taalaanbieder"),
    ("team", "Team: caseload en signalen per consulent"),
    (
        "mijlpalen",
        "Bereikte facturatiemomenten per taalaanbieder en cliënt",
    ),
    ("spuk", "SPUK-inkomsten en cursuskosten per jaar"),
];

/// A report as the Rapportages screen lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ReportInfo {
    pub name: String,
    pub title: String,
}

pub fn report_list() -> Vec<ReportInfo> {
    REPORTS
        .iter()
        .map(|(name, title)| ReportInfo {
            name: (*name).to_owned(),
            title: (*title).to_owned(),
        })
        .collect()
}

/// Runs report `name`; `None` for an unknown name. `spuk` is not a table of clients: the store
/// makes it from the forecast.
pub fn run(
    name: &str,
    clients: &[ReportClient],
    money: &MoneyTables,
    ages: &AgeGroups,
    reference: NaiveDate,
) -> Option<ReportTable> {
    Some(match name {
        "doelgroep" => clients_by_type(clients, reference),
        "cohort-leeftijd-geslacht" => cohort_age_gender(clients, ages, reference),
        "leerroutes" => routes_by_group(clients, reference),
        "werk-participatie" => work_participation(clients, reference),
        "tijdigheid" => timeliness(clients, reference),
        "uren-per-route" => hours_by_route(clients, reference),
        "signalen" => signals_by_type(clients, reference),
        "wachttijd" => waiting_per_provider(clients, reference),
        "team" => team(clients, reference),
        "mijlpalen" => milestones_per_provider(clients, money, reference),
        _ => return None,
    })
}

impl ReportTable {
    /// A value as the table shows it; counts 1–4 as "<5" when `mask` (exports for policy
    /// officers).
    pub fn format(&self, column: usize, value: Option<f64>, mask: bool) -> String {
        let Some(v) = value else {
            return "—".into();
        };
        match self.columns[column].kind {
            CellKind::Count if mask && (1.0..5.0).contains(&v) => "<5".into(),
            CellKind::Count => format!("{v:.0}"),
            CellKind::Percent => format!("{v:.1} %").replace('.', ","),
            CellKind::Days => format!("{v:.0}"),
            CellKind::Hours => format!("{v:.2}").replace('.', ","),
            CellKind::Euro => crate::domain::money::euros((v * 100.0).round() as i64),
        }
    }
}
