//! Reading a CSV file as spreadsheets write it: `,` or `;` delimited (whichever the header
//! uses more), UTF-8 with or without BOM, a header row of known column names. Rows with the
//! wrong number of cells are rejected with their line; blank rows are skipped.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::glossary::field_label;
use crate::store::{ImportOutcome, StoreError};

/// A problem with the file as a whole: nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("het bestand is leeg")]
    Empty,
    #[error("het bestand is geen UTF-8 (regel {line}); sla het op als CSV UTF-8")]
    NotUtf8 { line: usize },
    #[error("verplichte kolom(men) ontbreken in de kopregel: {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    #[error("onbekende kolom(men) in de kopregel: {}; toegestaan zijn {allowed}", .unknown.join(", "))]
    UnknownColumns {
        unknown: Vec<String>,
        allowed: String,
    },
    #[error("regel {line}: {message}")]
    Csv { line: u64, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One broken rule in one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RowError {
    #[ts(type = "number")]
    pub line: u64,
    pub column: String,
    pub message: String,
}

impl RowError {
    pub fn new(line: u64, column: &str, message: impl Into<String>) -> Self {
        Self {
            line,
            column: column.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.column.is_empty() {
            write!(f, "regel {}: {}", self.line, self.message)
        } else {
            write!(
                f,
                "regel {}, kolom {} ({}): {}",
                self.line,
                self.column,
                field_label(&self.column),
                self.message
            )
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportReport {
    pub imported: usize,
    pub already_present: usize,
    pub rejected: Vec<RowError>,
}

impl ImportReport {
    /// The report of an import that stored `outcomes` and rejected the rows in `rejected`.
    pub fn new(outcomes: &[ImportOutcome], mut rejected: Vec<RowError>) -> Self {
        rejected.sort_by_key(|e| e.line);
        Self {
            imported: outcomes
                .iter()
                .filter(|o| **o == ImportOutcome::Imported)
                .count(),
            already_present: outcomes
                .iter()
                .filter(|o| **o == ImportOutcome::AlreadyPresent)
                .count(),
            rejected,
        }
    }

    /// The lines that were not imported.
    pub fn rejected_lines(&self) -> Vec<u64> {
        let mut lines: Vec<u64> = self.rejected.iter().map(|e| e.line).collect();
        lines.dedup();
        lines
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} geïmporteerd, {} al aanwezig, {} regel(s) afgekeurd",
            self.imported,
            self.already_present,
            self.rejected_lines().len()
        )
    }
}

/// One data row: its line in the file and its trimmed cells by column name.
pub struct Row<'a> {
    pub line: u64,
    headers: &'a [String],
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    /// The trimmed cell of `column`, empty when the column is absent.
    pub fn cell(&self, column: &str) -> &str {
        self.headers
            .iter()
            .position(|h| h == column)
            .and_then(|i| self.record.get(i))
            .map_or("", str::trim)
    }

    /// The cell as `Some(text)`, or `None` when it is empty.
    pub fn text(&self, column: &str) -> Option<String> {
        Some(self.cell(column).to_owned()).filter(|t| !t.is_empty())
    }
}

/// A file with its header checked against the allowed columns.
pub struct Table {
    headers: Vec<String>,
    records: Vec<(u64, csv::StringRecord)>,
    /// Rows that could not be read as CSV or have the wrong number of cells.
    pub rejected: Vec<RowError>,
}

impl Table {
    pub fn read(bytes: &[u8], required: &[&str], optional: &[&str]) -> Result<Self, ImportError> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
            line: bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1,
        })?;
        let header_line = text
            .lines()
            .next()
            .filter(|l| !l.trim().is_empty())
            .ok_or(ImportError::Empty)?;
        let delimiter = if header_line.matches(';').count() > header_line.matches(',').count() {
            b';'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|e| ImportError::Csv {
                line: 1,
                message: e.to_string(),
            })?
            .iter()
            .map(|h| h.trim().to_lowercase())
            .collect();
        let missing: Vec<String> = required
            .iter()
            .filter(|c| !headers.iter().any(|h| h == *c))
            .map(|c| c.to_string())
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns(missing));
        }
        let unknown: Vec<String> = headers
            .iter()
            .filter(|h| !required.contains(&h.as_str()) && !optional.contains(&h.as_str()))
            .cloned()
            .collect();
        if !unknown.is_empty() {
            let allowed: Vec<&str> = required.iter().chain(optional).copied().collect();
            return Err(ImportError::UnknownColumns {
                unknown,
                allowed: allowed.join(", "),
            });
        }
        let mut records = Vec::new();
        let mut rejected = Vec::new();
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    rejected.push(RowError::new(line, "", e.to_string()));
                    continue;
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            if record.len() != headers.len() {
                rejected.push(RowError::new(
                    line,
                    "",
                    format!(
                        "verwacht {} kolommen, gevonden {}",
                        headers.len(),
                        record.len()
                    ),
                ));
                continue;
            }
            records.push((line, record));
        }
        Ok(Self {
            headers,
            records,
            rejected,
        })
    }

    /// The readable data rows, in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records.iter().map(|(line, record)| Row {
            line: *line,
            headers: &self.headers,
            record,
        })
    }
}
