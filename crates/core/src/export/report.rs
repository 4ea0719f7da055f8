//! A report table as a file: CSV (semicolons, as Dutch spreadsheets expect) or an XLSX
//! workbook with the title, the reference date, the note and numbers as numbers.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::reports::{CellKind, ReportTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    Csv,
    Xlsx,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
        }
    }
}

/// The header: the label columns, then the value columns.
pub fn report_header(table: &ReportTable) -> Vec<String> {
    table
        .label_columns
        .iter()
        .cloned()
        .chain(table.columns.iter().map(|c| c.title.clone()))
        .collect()
}

/// Every row as the table shows it (counts of 1–4 as "<5" when `mask`).
pub fn report_cells(table: &ReportTable, mask: bool) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|row| {
            row.labels
                .iter()
                .cloned()
                .chain(
                    row.values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| table.format(i, *v, mask)),
                )
                .collect()
        })
        .collect()
}

pub fn report_csv(table: &ReportTable, mask: bool) -> Result<String, csv::Error> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    out.write_record(report_header(table))?;
    for row in report_cells(table, mask) {
        out.write_record(row)?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The workbook: title, reference date and note above the table; values as numbers in their
/// format (masked counts as the text "<5"); the total rows in bold.
pub fn report_xlsx(table: &ReportTable, mask: bool) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&table.title))?;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(
        0,
        0,
        &table.title,
        &Format::new().set_bold().set_font_size(14),
    )?;
    sheet.write_string(
        1,
        0,
        format!("Peildatum {}", table.reference_date.format("%d-%m-%Y")),
    )?;
    sheet.write_string(2, 0, &table.note)?;
    let header_row = 4;
    let labels = table.label_columns.len() as u16;
    for (i, title) in report_header(table).iter().enumerate() {
        let format = if i as u16 >= labels {
            bold.clone().set_align(FormatAlign::Right)
        } else {
            bold.clone()
        };
        sheet.write_string_with_format(header_row, i as u16, title, &format)?;
    }
    let number_format = |kind: CellKind| match kind {
        CellKind::Count | CellKind::Days => "0",
        CellKind::Percent => "0.0%",
        CellKind::Hours => "0.00",
        CellKind::Euro => "€ #,##0.00",
    };
    for (r, row) in table.rows.iter().enumerate() {
        let at = header_row + 1 + r as u32;
        let total = row.labels.first().is_some_and(|l| l.starts_with("Totaal"));
        let base = if total { bold.clone() } else { Format::new() };
        for (c, label) in row.labels.iter().enumerate() {
            sheet.write_string_with_format(at, c as u16, label, &base)?;
        }
        for (c, value) in row.values.iter().enumerate() {
            let col = labels + c as u16;
            let kind = table.columns[c].kind;
            match value {
                Some(v) if mask && kind == CellKind::Count && (1.0..5.0).contains(v) => {
                    let f = base.clone().set_align(FormatAlign::Right);
                    sheet.write_string_with_format(at, col, "<5", &f)?;
                }
                Some(v) => {
                    let f = base.clone().set_num_format(number_format(kind));
                    // The table keeps percentages as 0–100; a spreadsheet as fractions.
                    let v = if kind == CellKind::Percent {
                        v / 100.0
                    } else {
                        *v
                    };
                    sheet.write_number_with_format(at, col, v, &f)?;
                }
                None => {
                    let f = base.clone().set_align(FormatAlign::Right);
                    sheet.write_string_with_format(at, col, "—", &f)?;
                }
            }
        }
    }
    sheet.autofit();
    // The note is long: keep the first column at the table's width, not the note's.
    let widest_label = table
        .rows
        .iter()
        .filter_map(|r| r.labels.first())
        .chain(table.label_columns.first())
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(10);
    sheet.set_column_width(0, (widest_label + 2).max(12) as f64)?;
    // Printed (or converted to PDF): landscape, all columns on one page wide.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(header_row, header_row)?;
    book.save_to_buffer()
}

/// Excel allows 31 characters and no `[]:*?/\` in a sheet name.
fn sheet_name(title: &str) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    clean.chars().take(31).collect::<String>().trim().to_owned()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::reports::{Column, ReportRow};

    fn table() -> ReportTable {
        ReportTable {
            name: "doelgroep".into(),
            title: "Inburgeringsplichtigen naar doelgroep: gemeente".into(),
            note: "Een toelichting.".into(),
            reference_date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            label_columns: vec!["Gemeente".into()],
            columns: vec![
                Column {
                    title: "Aantal".into(),
                    kind: CellKind::Count,
                },
                Column {
                    title: "Aandeel".into(),
                    kind: CellKind::Percent,
                },
            ],
            rows: vec![
                ReportRow {
                    labels: vec!["Lisse".into()],
                    values: vec![Some(3.0), Some(37.5)],
                },
                ReportRow {
                    labels: vec!["Totaal".into()],
                    values: vec![Some(12.0), None],
                },
            ],
        }
    }

    #[test]
    fn csv_has_the_header_and_masks_small_counts_when_asked() {
        let csv = report_csv(&table(), true).unwrap();
        assert_eq!(
            csv,
            "Gemeente;Aantal;Aandeel\nLisse;<5;37,5 %\nTotaal;12;—\n"
        );
        assert!(report_csv(&table(), false).unwrap().contains("Lisse;3;"));
    }

    #[test]
    fn xlsx_is_a_workbook_with_a_valid_sheet_name() {
        let bytes = report_xlsx(&table(), false).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        assert_eq!(
            sheet_name("Inburgeringsplichtigen naar doelgroep: gemeente"),
            "Inburgeringsplichtigen naar doe"
        );
    }
}
