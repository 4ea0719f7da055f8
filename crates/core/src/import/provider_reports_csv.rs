//! The language schools' progress reports (README "Provider report CSV import"): one row per
//! participant per period, the client named by external id or BSN, idempotent by provider +
//! period + client. Same file rules as the client import.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::clients_csv::parse_date;
use super::table::{ImportError, ImportReport, Row, RowError, Table};
use crate::domain::{CefrLevel, ProgressReportInput, Quarters, SkillLevels};
use crate::store::Store;

pub const REQUIRED_COLUMNS: [&str; 4] = ["client", "provider", "period_start", "period_end"];

pub const OPTIONAL_COLUMNS: [&str; 12] = [
    "attendance_pct",
    "lezen",
    "luisteren",
    "spreken",
    "schrijven",
    "knm",
    "course_hours",
    "map_theory_hours",
    "map_practice_hours",
    "stagnating",
    "obstacles",
    "text",
];

/// A valid row: its line, the client key as written, the report.
pub type ParsedReport = (u64, String, ProgressReportInput);

/// Reads and validates a provider report CSV without touching the store.
pub fn parse_provider_reports(
    bytes: &[u8],
    today: NaiveDate,
) -> Result<(Vec<ParsedReport>, Vec<RowError>), ImportError> {
    let mut table = Table::read(bytes, &REQUIRED_COLUMNS, &OPTIONAL_COLUMNS)?;
    let mut rejected = std::mem::take(&mut table.rejected);
    let mut rows = Vec::new();
    let mut seen: HashMap<(String, String, NaiveDate, NaiveDate), u64> = HashMap::new();
    for row in table.rows() {
        match parse_row(&row, today) {
            Ok((client, input)) => {
                let key = (
                    client.clone(),
                    input.provider.clone(),
                    input.period_start,
                    input.period_end,
                );
                if let Some(first) = seen.get(&key) {
                    rejected.push(RowError::new(
                        row.line,
                        "client",
                        format!("dezelfde cliënt, aanbieder en periode staan al op regel {first}"),
                    ));
                } else {
                    seen.insert(key, row.line);
                    rows.push((row.line, client, input));
                }
            }
            Err(errors) => rejected.extend(errors),
        }
    }
    Ok((rows, rejected))
}

fn parse_row(
    row: &Row<'_>,
    today: NaiveDate,
) -> Result<(String, ProgressReportInput), Vec<RowError>> {
    let line = row.line;
    let mut errors: Vec<RowError> = Vec::new();
    let mut date = |column: &str| -> NaiveDate {
        let text = row.cell(column);
        if text.is_empty() {
            errors.push(RowError::new(line, column, "is verplicht"));
        } else if let Some(date) = parse_date(text) {
            return date;
        } else {
            errors.push(RowError::new(
                line,
                column,
                format!("'{text}' is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)"),
            ));
        }
        NaiveDate::MIN
    };
    let period_start = date("period_start");
    let period_end = date("period_end");
    let mut level = |column: &str| -> Option<CefrLevel> {
        let text = row.cell(column);
        if text.is_empty() {
            return None;
        }
        let level = CefrLevel::parse(text);
        if level.is_none() {
            errors.push(RowError::new(
                line,
                column,
                format!("'{text}' is geen niveau (A0, A1, A2, B1 of B2)"),
            ));
        }
        level
    };
    let levels = SkillLevels {
        lezen: level("lezen"),
        luisteren: level("luisteren"),
        spreken: level("spreken"),
        schrijven: level("schrijven"),
        knm: level("knm"),
    };
    let mut hours = |column: &str| -> Quarters {
        let text = row.cell(column);
        if text.is_empty() {
            return Quarters(0);
        }
        Quarters::parse(text).unwrap_or_else(|| {
            errors.push(RowError::new(
                line,
                column,
                format!("'{text}' is geen aantal uren in kwartieren (bijv. 12 of 1,5)"),
            ));
            Quarters(0)
        })
    };
    let course_hours = hours("course_hours");
    let map_theory_hours = hours("map_theory_hours");
    let map_practice_hours = hours("map_practice_hours");
    let attendance = row.cell("attendance_pct");
    let attendance_pct = if attendance.is_empty() {
        None
    } else {
        let parsed = attendance.trim_end_matches('%').trim().parse::<u8>().ok();
        if parsed.is_none() {
            errors.push(RowError::new(
                line,
                "attendance_pct",
                format!("'{attendance}' is geen heel percentage (0–100)"),
            ));
        }
        parsed
    };
    let stagnating = match row.cell("stagnating").to_lowercase().as_str() {
        "" | "nee" | "n" | "0" | "false" => false,
        "ja" | "j" | "1" | "true" => true,
        other => {
            errors.push(RowError::new(
                line,
                "stagnating",
                format!("'{other}' is geen ja of nee"),
            ));
            false
        }
    };
    let client = row.cell("client").to_owned();
    if client.is_empty() {
        errors.push(RowError::new(
            line,
            "client",
            "is verplicht (extern kenmerk of BSN)",
        ));
    }
    let input = ProgressReportInput {
        provider: row.cell("provider").to_owned(),
        period_start,
        period_end,
        attendance_pct,
        levels,
        obstacles: row.text("obstacles"),
        course_hours,
        map_theory_hours,
        map_practice_hours,
        stagnating,
        text: row.text("text"),
    }
    .normalised();
    if let Err(invalid) = input.validate(today) {
        for e in invalid.0 {
            // A cell that did not parse already has its own message.
            let start_unread =
                e.field == "period_end" && errors.iter().any(|r| r.column == "period_start");
            if !start_unread && !errors.iter().any(|r| r.column == e.field) {
                errors.push(RowError::new(line, &e.field, e.message));
            }
        }
    }
    if errors.is_empty() {
        Ok((client, input))
    } else {
        Err(errors)
    }
}

/// Parses the file, finds each row's client, and imports the good rows in one transaction.
pub fn import_provider_reports(
    store: &mut Store,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<ImportReport, ImportError> {
    let (parsed, mut rejected) = parse_provider_reports(bytes, today)?;
    let mut rows = Vec::with_capacity(parsed.len());
    for (line, client, input) in parsed {
        match store.find_client_id(&client)? {
            Some(id) => rows.push((id, input)),
            None => rejected.push(RowError::new(
                line,
                "client",
                format!("'{client}' is geen bekende cliënt (extern kenmerk of BSN)"),
            )),
        }
    }
    let outcomes = store.in_bulk(|s| s.import_progress_reports(rows))?;
    Ok(ImportReport::new(&outcomes, rejected))
}

#[cfg(test)]
mod tests;
