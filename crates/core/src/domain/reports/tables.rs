//! The report tables. Every table counts the clients whose obligation started on or before the
//! reference date, with a total row (and a total column where the columns are counts of a
//! whole).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::{AgeGroups, CellKind, Column, ReportClient, ReportRow, ReportTable};
use crate::domain::client::{ClientType, Gender};
use crate::domain::termijn::add_years;

pub(super) fn counted(
    clients: &[ReportClient],
    reference: NaiveDate,
) -> impl Iterator<Item = &ReportClient> {
    clients
        .iter()
        .filter(move |c| c.obligation_date.is_some_and(|d| d <= reference))
}

pub(super) fn count_columns(titles: &[&str]) -> Vec<Column> {
    titles
        .iter()
        .map(|t| Column {
            title: (*t).to_owned(),
            kind: CellKind::Count,
        })
        .collect()
}

pub(super) fn column(title: &str, kind: CellKind) -> Column {
    Column {
        title: title.into(),
        kind,
    }
}

/// Rows of counts per label, plus a total row; the last column is each row's total.
pub(super) fn count_table(
    groups: BTreeMap<Vec<String>, Vec<u32>>,
    width: usize,
    label_width: usize,
) -> Vec<ReportRow> {
    let mut total = vec![0u32; width];
    let mut rows: Vec<ReportRow> = groups
        .into_iter()
        .map(|(labels, counts)| {
            for (t, c) in total.iter_mut().zip(&counts) {
                *t += c;
            }
            row(labels, &counts)
        })
        .collect();
    let mut labels = vec!["Totaal".to_owned()];
    labels.resize(label_width, String::new());
    rows.push(row(labels, &total));
    rows
}

fn row(labels: Vec<String>, counts: &[u32]) -> ReportRow {
    let sum: u32 = counts.iter().sum();
    ReportRow {
        labels,
        values: counts
            .iter()
            .chain(std::iter::once(&sum))
            .map(|c| Some(f64::from(*c)))
            .collect(),
    }
}

/// Clients by type (statushouder / gezins- en overige migrant) × municipality (CBS Tabel 2).
pub fn clients_by_type(clients: &[ReportClient], reference: NaiveDate) -> ReportTable {
    let mut groups: BTreeMap<Vec<String>, Vec<u32>> = BTreeMap::new();
    for c in counted(clients, reference) {
        let column = match c.client_type {
            Some(ClientType::Statushouder) => 0,
            Some(ClientType::Gezinsmigrant | ClientType::OverigeMigrant) => 1,
            None => 2,
        };
        groups
            .entry(vec![c.municipality.clone()])
            .or_insert_with(|| vec![0; 3])[column] += 1;
    }
    ReportTable {
        name: "doelgroep".into(),
        title: "Inburgeringsplichtigen naar doelgroep en gemeente".into(),
        note: format!(
            "Cliënten bij wie de inburgeringsplicht op of vóór {} begon.",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec!["Gemeente".into()],
        columns: count_columns(&[
            "Statushouder",
            "Gezins- en overige migrant",
            "Onbekend",
            "Totaal",
        ]),
        rows: count_table(groups, 3, 1),
    }
}

/// Whole years of age on `day`.
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> Option<u32> {
    let years = u32::try_from(day.year() - birth.year()).ok()?;
    Some(if add_years(birth, years) > day {
        years.checked_sub(1)?
    } else {
        years
    })
}

pub(super) fn gender_label(gender: Option<Gender>) -> &'static str {
    match gender {
        Some(Gender::V) => "V",
        Some(Gender::M) => "M",
        _ => "X/onbekend",
    }
}

/// Clients by municipality × cohort × gender × age group (CBS Tabel 9, 10).
pub fn cohort_age_gender(
    clients: &[ReportClient],
    ages: &AgeGroups,
    reference: NaiveDate,
) -> ReportTable {
    let mut groups: BTreeMap<Vec<String>, Vec<u32>> = BTreeMap::new();
    for c in counted(clients, reference) {
        let cohort = c
            .obligation_date
            .map_or_else(String::new, |d| d.year().to_string());
        let gender = gender_label(c.gender);
        let column = c
            .birth_date
            .and_then(|b| age_on(b, reference))
            .and_then(|age| ages.group(age))
            .unwrap_or(ages.bounds.len());
        groups
            .entry(vec![c.municipality.clone(), cohort, gender.to_owned()])
            .or_insert_with(|| vec![0; ages.bounds.len() + 1])[column] += 1;
    }
    let mut titles = ages.titles();
    titles.extend(["Jonger/onbekend".to_owned(), "Totaal".to_owned()]);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    ReportTable {
        name: "cohort-leeftijd-geslacht".into(),
        title: "Inburgeringsplichtigen naar gemeente, cohort, geslacht en leeftijd".into(),
        note: format!(
            "Leeftijd op de peildatum {}; cohort is het jaar waarin de plicht begon.",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec!["Gemeente".into(), "Cohort".into(), "Geslacht".into()],
        columns: count_columns(&titles),
        rows: count_table(groups, ages.bounds.len() + 1, 3),
    }
}

pub(super) fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    })
}

/// Per municipality: first PIPs adopted by the reference date, the share within 10 weeks, and
/// the median days from registration to the completed intake and to the PIP.
pub fn timeliness(clients: &[ReportClient], reference: NaiveDate) -> ReportTable {
    #[derive(Default)]
    struct Acc {
        pips: u32,
        in_time: u32,
        to_intake: Vec<i64>,
        to_pip: Vec<i64>,
    }
    let mut by: BTreeMap<String, Acc> = BTreeMap::new();
    let mut all = Acc::default();
    for c in counted(clients, reference) {
        for acc in [by.entry(c.municipality.clone()).or_default(), &mut all] {
            if let Some(pip) = c.first_dagtekening.filter(|d| *d <= reference) {
                acc.pips += 1;
                if c.first_pip_deadline.is_some_and(|deadline| pip <= deadline) {
                    acc.in_time += 1;
                }
                if let Some(brp) = c.brp_registration_date {
                    acc.to_pip.push((pip - brp).num_days());
                }
            }
            if let (Some(intake), Some(brp)) = (
                c.intake_completed.filter(|d| *d <= reference),
                c.brp_registration_date,
            ) {
                acc.to_intake.push((intake - brp).num_days());
            }
        }
    }
    let row = |label: String, mut acc: Acc| ReportRow {
        labels: vec![label],
        values: vec![
            Some(f64::from(acc.pips)),
            Some(f64::from(acc.in_time)),
            (acc.pips > 0).then(|| f64::from(acc.in_time) * 100.0 / f64::from(acc.pips)),
            median(&mut acc.to_intake),
            median(&mut acc.to_pip),
        ],
    };
    let mut rows: Vec<ReportRow> = by.into_iter().map(|(m, acc)| row(m, acc)).collect();
    rows.push(row("Totaal".into(), all));
    ReportTable {
        name: "tijdigheid".into(),
        title: "Tijdigheid: PIP binnen 10 weken en doorlooptijden".into(),
        note: format!(
            "Eerste PIP's vastgesteld tot en met {}; binnen 10 weken na inschrijving of \
             kennisgeving (plus pauzes); mediaan in dagen vanaf de inschrijving in de BRP.",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec!["Gemeente".into()],
        columns: vec![
            column("Eerste PIP's", CellKind::Count),
            column("Binnen 10 weken", CellKind::Count),
            column("Aandeel binnen 10 weken", CellKind::Percent),
            column("Mediaan dagen tot intake", CellKind::Days),
            column("Mediaan dagen tot PIP", CellKind::Days),
        ],
        rows,
    }
}

/// Leerroutes by group × start year, with "start onbekend" (CBS Tabel 11). A client counts once
/// in each route they followed, in the year they started it; routes started after the
/// reference date are left out.
pub fn routes_by_group(clients: &[ReportClient], reference: NaiveDate) -> ReportTable {
    use crate::domain::route::Leerroute;
    let mut cells: BTreeMap<(String, &'static str, Option<i32>), u32> = BTreeMap::new();
    let mut years = std::collections::BTreeSet::new();
    for c in counted(clients, reference) {
        let group = match c.client_type {
            Some(ClientType::Statushouder) => "Statushouder",
            Some(_) => "Gezins- en overige migrant",
            None => "Onbekend",
        };
        let mut seen: Vec<Leerroute> = Vec::new();
        for (route, from) in &c.routes {
            if seen.contains(route) || from.is_some_and(|f| f > reference) {
                continue;
            }
            seen.push(*route);
            let label = route.title();
            let year = from.map(|f| f.year());
            years.extend(year);
            *cells.entry((group.to_owned(), label, year)).or_default() += 1;
        }
    }
    let years: Vec<i32> = years.into_iter().collect();
    let mut groups: BTreeMap<Vec<String>, Vec<u32>> = BTreeMap::new();
    for ((group, route, year), n) in cells {
        let column = year
            .and_then(|y| years.iter().position(|x| *x == y))
            .unwrap_or(years.len());
        groups
            .entry(vec![group, route.to_owned()])
            .or_insert_with(|| vec![0; years.len() + 1])[column] += n;
    }
    let mut titles: Vec<String> = years.iter().map(ToString::to_string).collect();
    titles.extend(["Start onbekend".to_owned(), "Totaal".to_owned()]);
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    ReportTable {
        name: "leerroutes".into(),
        title: "Leerroutes naar doelgroep en startjaar".into(),
        note: format!(
            "Routes van vastgestelde PIP's gestart tot en met {}; een cliënt telt in elke route \
             die hij volgde, in het jaar waarin die begon (onbekend bij gemigreerde versies).",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec!["Doelgroep".into(), "Leerroute".into()],
        columns: count_columns(&titles),
        rows: count_table(groups, years.len() + 1, 2),
    }
}

/// Per language school: clients on its waiting list without a start, of whom longer than 8
/// weeks, courses started, and the median days from the waiting list to the start.
pub fn waiting_per_provider(clients: &[ReportClient], reference: NaiveDate) -> ReportTable {
    #[derive(Default)]
    struct Acc {
        waiting: u32,
        long: u32,
        started: u32,
        days: Vec<i64>,
    }
    let mut by: BTreeMap<String, Acc> = BTreeMap::new();
    let mut all = Acc::default();
    for c in counted(clients, reference) {
        let Some((provider, listed, start)) = &c.course else {
            continue;
        };
        let listed = listed.filter(|d| *d <= reference);
        let start = start.filter(|d| *d <= reference);
        for acc in [by.entry(provider.clone()).or_default(), &mut all] {
            match (listed, start) {
                (Some(l), None) => {
                    acc.waiting += 1;
                    if (reference - l).num_days() > 56 {
                        acc.long += 1;
                    }
                }
                (l, Some(s)) => {
                    acc.started += 1;
                    if let Some(l) = l {
                        acc.days.push((s - l).num_days());
                    }
                }
                (None, None) => {}
            }
        }
    }
    let row = |label: String, mut acc: Acc| ReportRow {
        labels: vec![label],
        values: vec![
            Some(f64::from(acc.waiting)),
            Some(f64::from(acc.long)),
            Some(f64::from(acc.started)),
            median(&mut acc.days),
        ],
    };
    let mut rows: Vec<ReportRow> = by.into_iter().map(|(p, acc)| row(p, acc)).collect();
    rows.push(row("Totaal".into(), all));
    ReportTable {
        name: "wachttijd".into(),
        title: "Wachttijd per taalaanbieder".into(),
        note: format!(
            "Taalaanbieder van het eerste PIP; wachtend op {} zonder startdatum, 'lang' na meer \
             dan 8 weken; mediaan in dagen van wachtlijst tot start.",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec!["Taalaanbieder".into()],
        columns: vec![
            column("Op de wachtlijst", CellKind::Count),
            column("Langer dan 8 weken", CellKind::Count),
            column("Gestart", CellKind::Count),
            column("Mediaan wachttijd (dagen)", CellKind::Days),
        ],
        rows,
    }
}
