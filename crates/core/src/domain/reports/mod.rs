//! Aggregate reports (domain page §5): tables of counts for a reference date, without personal
//! data. Each report is a pure function of the caseload's report facts and the date; the table
//! carries its own note saying how it counts (e.g. which age).

mod tables;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use tables::{
    clients_by_type, cohort_age_gender, routes_by_group, timeliness, waiting_per_provider,
};

use crate::domain::client::{ClientType, Gender};
use crate::domain::route::Leerroute;

/// What the reports read of one client.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

/// Routes with the day each started (`None`: unknown).
pub type RouteStarts = Vec<(Leerroute, Option<NaiveDate>)>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CellKind {
    Count,
    Percent,
    Days,
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
pub const REPORTS: [(&str, &str); 5] = [
    (
        "doelgroep",
        "Inburgeringsplichtigen naar doelgroep en gemeente",
    ),
    (
        "cohort-leeftijd-geslacht",
        "Inburgeringsplichtigen naar gemeente, cohort, geslacht en leeftijd",
    ),
    (
        "tijdigheid",
        "Tijdigheid: PIP binnen 10 weken en doorlooptijden",
    ),
    ("leerroutes", "Leerroutes naar doelgroep en startjaar"),
    ("wachttijd", "Wachttijd per taalaanbieder"),
];

/// Runs report `name`; `None` for an unknown name.
pub fn run(name: &str, clients: &[ReportClient], reference: NaiveDate) -> Option<ReportTable> {
    match name {
        "doelgroep" => Some(clients_by_type(clients, reference)),
        "cohort-leeftijd-geslacht" => Some(cohort_age_gender(clients, reference)),
        "tijdigheid" => Some(timeliness(clients, reference)),
        "leerroutes" => Some(routes_by_group(clients, reference)),
        "wachttijd" => Some(waiting_per_provider(clients, reference)),
        _ => None,
    }
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
        }
    }
}
