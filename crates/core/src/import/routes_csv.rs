//! Route histories from a previous system (README "Route history import"): one row per route a
//! client followed, in order; each becomes an adopted PIP version marked as migrated. The
//! adoption rules do not apply to history as it happened; histories that would break one are
//! listed as warnings.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use super::clients_csv::parse_date;
use super::table::{ImportError, ImportReport, RowError, Table};
use crate::domain::pip::ROUTE_CHANGE_MONTHS;
use crate::domain::termijn::add_months;
use crate::domain::{Leerroute, PipContent, VersionKind};
use crate::store::Store;

pub const REQUIRED_COLUMNS: [&str; 2] = ["external_id", "leerroute"];
pub const OPTIONAL_COLUMNS: [&str; 3] = ["route_start_date", "pip_date", "provider"];

/// What a route import did, and the histories that would break a rule today.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoutesReport {
    pub rows: ImportReport,
    pub warnings: Vec<String>,
}

struct Row {
    line: u64,
    external_id: String,
    route: Leerroute,
    dagtekening: Option<NaiveDate>,
    provider: Option<String>,
}

fn parse_route(text: &str) -> Option<Leerroute> {
    match text.to_lowercase().replace(['-', ' '], "_").as_str() {
        "b1" | "b1_route" => Some(Leerroute::B1),
        "onderwijsroute" | "onderwijs" => Some(Leerroute::Onderwijsroute),
        "z" | "z_route" | "zelfredzaamheidsroute" => Some(Leerroute::ZRoute),
        _ => None,
    }
}

pub fn import_routes(
    store: &mut Store,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<RoutesReport, ImportError> {
    let mut table = Table::read(bytes, &REQUIRED_COLUMNS, &OPTIONAL_COLUMNS)?;
    let mut rejected = std::mem::take(&mut table.rejected);
    let mut rows = Vec::new();
    for row in table.rows() {
        let mut errors = Vec::new();
        let external_id = row.cell("external_id").to_owned();
        if external_id.is_empty() {
            errors.push(RowError::new(row.line, "external_id", "is verplicht"));
        }
        let route = parse_route(row.cell("leerroute"));
        if route.is_none() {
            errors.push(RowError::new(
                row.line,
                "leerroute",
                format!(
                    "'{}' is geen leerroute (b1, onderwijsroute of z_route)",
                    row.cell("leerroute")
                ),
            ));
        }
        let mut date = |column: &str| -> Option<NaiveDate> {
            let text = row.cell(column);
            if text.is_empty() {
                return None;
            }
            match parse_date(text) {
                Some(d) if d <= today => Some(d),
                Some(_) => {
                    errors.push(RowError::new(row.line, column, "ligt in de toekomst"));
                    None
                }
                None => {
                    errors.push(RowError::new(
                        row.line,
                        column,
                        format!("'{text}' is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)"),
                    ));
                    None
                }
            }
        };
        let start = date("route_start_date");
        let pip = date("pip_date");
        match (route, errors.is_empty()) {
            (Some(route), true) => rows.push(Row {
                line: row.line,
                external_id,
                route,
                // The route starts the day after the decision.
                dagtekening: pip.or(start.map(|s| s - Duration::days(1))),
                provider: row.text("provider"),
            }),
            _ => rejected.extend(errors),
        }
    }
    let mut found = Vec::with_capacity(rows.len());
    let mut histories: HashMap<uuid::Uuid, Vec<(u64, Leerroute, Option<NaiveDate>)>> =
        HashMap::new();
    for row in rows {
        match store.find_client_id(&row.external_id)? {
            None => rejected.push(RowError::new(
                row.line,
                "external_id",
                format!("'{}' is geen bekende cliënt", row.external_id),
            )),
            Some(id) => {
                histories
                    .entry(id)
                    .or_default()
                    .push((row.line, row.route, row.dagtekening));
                let content = PipContent {
                    kind: VersionKind::Migratie,
                    reason: Some("Overgenomen uit het vorige systeem".into()),
                    leerroute: Some(row.route),
                    provider: row.provider,
                    ..PipContent::first()
                };
                found.push((id, content, row.dagtekening));
            }
        }
    }
    let mut warnings = Vec::new();
    for history in histories.values() {
        warnings.extend(rule_warnings(history));
    }
    warnings.sort();
    let outcomes = store.import_migrated_versions(found)?;
    Ok(RoutesReport {
        rows: ImportReport::new(&outcomes, rejected),
        warnings,
    })
}

/// Route changes more than 18 months after the termijn start (other than onderwijsroute →
/// B1-route), in one client's history in file order.
fn rule_warnings(history: &[(u64, Leerroute, Option<NaiveDate>)]) -> Vec<String> {
    let Some(start) = history
        .iter()
        .find_map(|(_, _, d)| *d)
        .map(|d| d + Duration::days(1))
    else {
        return Vec::new();
    };
    let limit = add_months(start, ROUTE_CHANGE_MONTHS);
    history
        .windows(2)
        .filter_map(|pair| {
            let ((_, before, _), (line, after, date)) = (pair[0], pair[1]);
            let date = date?;
            let allowed = before == after
                || (before == Leerroute::Onderwijsroute && after == Leerroute::B1)
                || date <= limit;
            (!allowed).then(|| {
                format!(
                    "regel {line}: de leerroute veranderde op {} , meer dan 18 maanden na de start van de termijn ({}); dat mag volgens de regels nu niet meer",
                    date.format("%d-%m-%Y"),
                    start.format("%d-%m-%Y")
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{amira, store, today};

    #[test]
    fn histories_import_once_with_bad_rows_named_and_rule_breaks_warned() {
        let (_dir, mut store) = store();
        let mut a = amira();
        a.external_id = Some("G-1".into());
        let id = store.create_client(a, today()).unwrap().id;
        let csv = "external_id;leerroute;route_start_date;pip_date;provider\n\
                   G-1;b1;2024-01-10;2024-01-09;Taalhuis\n\
                   G-1;z_route;2025-09-01;;\n\
                   G-2;b1;;;\n\
                   G-1;c-route;;;\n\
                   G-1;b1;31-02-2024;;\n";
        let report = import_routes(&mut store, csv.as_bytes(), today()).unwrap();
        assert_eq!(report.rows.imported, 2);
        assert_eq!(report.rows.rejected_lines(), [4, 5, 6]);
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        assert!(
            report.warnings[0].starts_with("regel 3:"),
            "{}",
            report.warnings[0]
        );
        let versions = store.pip_versions(&id).unwrap();
        assert_eq!(versions.len(), 2);
        assert!(versions.iter().all(|v| v.migrated));
        let t = store.termijn_view(&id, today()).unwrap().termijn.unwrap();
        assert_eq!(t.start, NaiveDate::from_ymd_opt(2024, 1, 10).unwrap());
        let again = import_routes(&mut store, csv.as_bytes(), today()).unwrap();
        assert_eq!((again.rows.imported, again.rows.already_present), (0, 2));
        let routes = store.route_history(&id).unwrap();
        assert_eq!(
            routes.iter().map(|r| r.route).collect::<Vec<_>>(),
            [Leerroute::B1, Leerroute::ZRoute]
        );
    }
}
