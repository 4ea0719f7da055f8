//! Data out of Traject: client lists (CSV, JSON), report tables (CSV, XLSX) and a client's
//! whole dossier (right of access: JSON and a readable document).

mod clients;
pub mod inzage;
mod report;

pub use clients::{all_clients, csv_columns, write_csv};
pub use report::{report_cells, report_csv, report_header, report_xlsx, ReportFormat};

/// A name's letters and digits, the rest as '-' (for a file name).
pub(crate) fn file_safe(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect()
}
