//! Data out of Traject: client lists (CSV, JSON) and report tables (CSV, XLSX).

mod clients;
mod report;

pub use clients::{all_clients, csv_columns, write_csv};
pub use report::{report_cells, report_csv, report_header, report_xlsx, ReportFormat};
