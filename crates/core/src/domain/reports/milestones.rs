//! The money reports: the milestones each language school reached per client (what it may
//! invoice), and the SPUK forecast against the course costs.

use chrono::{Datelike, NaiveDate};

use super::tables::column;
use super::{CellKind, ReportClient, ReportRow, ReportTable};
use crate::domain::money::{reached, share, CourseProduct, ForecastYear, MoneyTables};
use crate::domain::route::Leerroute;

/// Per language school (of the first PIP's placement) and client: each invoice milestone of
/// the client's route reached by the reference date, with the day and its share of the price;
/// a total per school and overall. This table names clients: it is for checking invoices,
/// not for publication.
pub fn milestones_per_provider(
    clients: &[ReportClient],
    money: &MoneyTables,
    reference: NaiveDate,
) -> ReportTable {
    let mut lines: Vec<(&str, &str, NaiveDate, &str, Option<i64>)> = Vec::new();
    for c in clients {
        let (Some((provider, _, _)), Some((route, facts))) = (&c.course, &c.milestones) else {
            continue;
        };
        for m in money.milestones.iter().filter(|m| {
            m.route == *route || (m.route == Leerroute::B1 && *route == Leerroute::Onderwijsroute)
        }) {
            let Some(day) = reached(&m.code, facts).filter(|d| *d <= reference) else {
                continue;
            };
            let year = facts.course_start.map_or(day.year(), |s| s.year());
            let amount = money
                .price(Some(provider), CourseProduct::of_route(*route), year)
                .map(|price| share(price, m.share_permille));
            lines.push((provider, &c.name, day, &m.description, amount));
        }
    }
    lines.sort();
    let euros = |cents: i64| Some(cents as f64 / 100.0);
    let mut rows = Vec::new();
    let mut total = 0;
    let mut i = 0;
    while i < lines.len() {
        let provider = lines[i].0;
        let mut subtotal = 0;
        while i < lines.len() && lines[i].0 == provider {
            let (_, name, day, milestone, amount) = lines[i];
            subtotal += amount.unwrap_or(0);
            rows.push(ReportRow {
                labels: vec![
                    provider.to_owned(),
                    name.to_owned(),
                    milestone.to_owned(),
                    day.format("%d-%m-%Y").to_string(),
                ],
                values: vec![amount.and_then(euros)],
            });
            i += 1;
        }
        rows.push(ReportRow {
            labels: vec![
                format!("Totaal {provider}"),
                String::new(),
                String::new(),
                String::new(),
            ],
            values: vec![euros(subtotal)],
        });
        total += subtotal;
    }
    rows.push(ReportRow {
        labels: vec!["Totaal".into(), String::new(), String::new(), String::new()],
        values: vec![euros(total)],
    });
    ReportTable {
        name: "mijlpalen".into(),
        title: "Bereikte facturatiemomenten per taalaanbieder en cliënt".into(),
        note: format!(
            "Facturatiemomenten bereikt tot en met {} volgens het dossier, met het deel van de \
             trajectprijs van het startjaar ('—': geen prijs in de tabel). Bevat namen: voor \
             de controle van facturen, niet om te delen.",
            reference.format("%d-%m-%Y")
        ),
        reference_date: reference,
        label_columns: vec![
            "Taalaanbieder".into(),
            "Cliënt".into(),
            "Facturatiemoment".into(),
            "Bereikt op".into(),
        ],
        columns: vec![column("Bedrag", CellKind::Euro)],
        rows,
    }
}

/// The SPUK forecast per calendar year against the course costs committed.
pub fn spuk_table(years: &[ForecastYear], reference: NaiveDate) -> ReportTable {
    let euros = |cents: i64| Some(cents as f64 / 100.0);
    let row = |label: String, spuk: i64, costs: i64, clients: u32, courses: u32| ReportRow {
        labels: vec![label],
        values: vec![
            euros(spuk),
            euros(costs),
            euros(spuk - costs),
            Some(f64::from(clients)),
            Some(f64::from(courses)),
        ],
    };
    let mut rows: Vec<ReportRow> = years
        .iter()
        .map(|y| {
            let label = y.year.to_string();
            row(label, y.spuk_cents, y.committed_cents, y.clients, y.courses)
        })
        .collect();
    let sum = |f: fn(&ForecastYear) -> i64| years.iter().map(f).sum::<i64>();
    rows.push(row(
        "Totaal".into(),
        sum(|y| y.spuk_cents),
        sum(|y| y.committed_cents),
        years.iter().map(|y| y.clients).sum(),
        years.iter().map(|y| y.courses).sum(),
    ));
    let missing: Vec<&str> = years
        .iter()
        .flat_map(|y| y.missing.iter().map(String::as_str))
        .collect();
    let mut note = "SPUK: een statushouder brengt drie cohortjaren het bedrag van zijn cohort, \
                    een gezins- of overige migrant één keer; cursuskosten: de trajectprijs van \
                    de cursussen die de gemeente inkoopt (statushouders), in het startjaar."
        .to_owned();
    if !missing.is_empty() {
        note.push_str(&format!(
            " Ontbreekt in de tabellen (als 0 geteld): {}.",
            missing.join(", ")
        ));
    }
    ReportTable {
        name: "spuk".into(),
        title: "SPUK-inkomsten en cursuskosten per jaar".into(),
        note,
        reference_date: reference,
        label_columns: vec!["Jaar".into()],
        columns: vec![
            column("SPUK-inkomsten", CellKind::Euro),
            column("Cursuskosten", CellKind::Euro),
            column("Saldo", CellKind::Euro),
            column("Cliënten met SPUK", CellKind::Count),
            column("Cursussen gestart", CellKind::Count),
        ],
        rows,
    }
}
