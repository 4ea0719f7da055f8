//! Work and participation of statushouders on social assistance (CBS Tabel 12).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::tables::{count_columns, counted, gender_label};
use super::{ReportClient, ReportRow, ReportTable};
use crate::domain::client::ClientType;
use crate::domain::trajectory::WorkKind;

/// Statushouders on social assistance by municipality × cohort × gender: how many have (had)
/// paid work, a work-experience place, or neither, by the reference date. A client with both
/// counts in both columns.
pub fn work_participation(clients: &[ReportClient], reference: NaiveDate) -> ReportTable {
    let mut groups: BTreeMap<Vec<String>, [u32; 4]> = BTreeMap::new();
    for c in counted(clients, reference)
        .filter(|c| c.client_type == Some(ClientType::Statushouder) && c.social_assistance)
    {
        let has = |kind: WorkKind| {
            c.work
                .iter()
                .any(|(k, from)| *k == kind && *from <= reference)
        };
        let (work, place) = (has(WorkKind::BetaaldWerk), has(WorkKind::Werkervaringsplek));
        let cohort = c
            .obligation_date
            .map_or_else(String::new, |d| d.year().to_string());
        let cells = groups
            .entry(vec![
                c.municipality.clone(),
                cohort,
                gender_label(c.gender).to_owned(),
            ])
            .or_default();
        cells[0] += 1;
        cells[1] += u32::from(work);
        cells[2] += u32::from(place);
        cells[3] += u32::from(!work && !place);
    }
    let mut total = [0u32; 4];
    let mut rows: Vec<ReportRow> = groups
        .into_iter()
        .map(|(labels, cells)| {
            for (t, c) in total.iter_mut().zip(cells) {
                *t += c;
            }
            counts_row(labels, &cells)
        })
        .collect();
    rows.push(counts_row(
        vec!["Totaal".into(), String::new(), String::new()],
        &total,
    ));
    ReportTable {
        name: "werk-participatie".into(),
        title: "Werk en participatie van statushouders in de bijstand".into(),
        note: format!(
            "Statushouders met een bijstandsuitkering (inkomen volgens de intake, of \
             financieel ontzorgen) bij wie de plicht op of vóór {} begon; werk of \
             werkervaringsplek begonnen tot en met die dag. Wie beide had, telt in beide.",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec!["Gemeente".into(), "Cohort".into(), "Geslacht".into()],
        columns: count_columns(&[
            "In de bijstand",
            "Betaald werk",
            "Werkervaringsplek",
            "Geen van beide",
        ]),
        rows,
    }
}

fn counts_row(labels: Vec<String>, cells: &[u32]) -> ReportRow {
    ReportRow {
        labels,
        values: cells.iter().map(|c| Some(f64::from(*c))).collect(),
    }
}
