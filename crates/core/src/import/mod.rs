//! Validated, idempotent CSV imports: bad rows are reported with line, column and rule;
//! good rows are imported; nothing is imported twice.

pub mod clients_csv;
pub mod invoice_csv;
pub mod provider_reports_csv;
pub mod routes_csv;
pub mod table;

pub use clients_csv::{import_clients, parse_clients, parse_date};
pub use invoice_csv::{check_invoice_file, parse_invoice, InvoiceCheck};
pub use provider_reports_csv::{import_provider_reports, parse_provider_reports};
pub use routes_csv::{import_routes, RoutesReport};
pub use table::{ImportError, ImportReport, RowError};
