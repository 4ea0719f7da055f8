//! Open signals by kind and municipality.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::tables::count_columns;
use super::{ReportClient, ReportRow, ReportTable};
use crate::domain::signals::SignalKind;

/// Every kind of signal (in the Werkvoorraad's order) × municipality: the signals open on the
/// reference date, of dossiers that are not closed.
pub fn signals_by_type(clients: &[ReportClient], reference: NaiveDate) -> ReportTable {
    let municipalities: Vec<&str> = clients
        .iter()
        .map(|c| c.municipality.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let width = municipalities.len() + 1;
    let mut cells = vec![vec![0u32; width]; SignalKind::ALL.len() + 1];
    for c in clients.iter().filter(|c| !c.closed) {
        let m = municipalities
            .iter()
            .position(|m| *m == c.municipality)
            .unwrap_or(0);
        for (kind, _) in &c.signals {
            let k = SignalKind::ALL.iter().position(|x| x == kind).unwrap_or(0);
            for row in [k, SignalKind::ALL.len()] {
                cells[row][m] += 1;
                cells[row][width - 1] += 1;
            }
        }
    }
    let rows = SignalKind::ALL
        .iter()
        .map(|k| k.title())
        .chain(std::iter::once("Totaal"))
        .zip(cells)
        .map(|(label, counts)| ReportRow {
            labels: vec![label.to_owned()],
            values: counts.into_iter().map(|c| Some(f64::from(c))).collect(),
        })
        .collect();
    let mut titles = municipalities;
    titles.push("Totaal");
    ReportTable {
        name: "signalen".into(),
        title: "Open signalen naar soort en gemeente".into(),
        note: format!(
            "Signalen die op {} openstaan (weggelegde niet), van dossiers die niet zijn \
             afgesloten; berekend met de gegevens zoals ze nu zijn vastgelegd.",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec!["Signaal".into()],
        columns: count_columns(&titles),
        rows,
    }
}
