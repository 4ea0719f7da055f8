//! Validated, idempotent CSV imports: bad rows are reported with line, column and rule;
//! good rows are imported; nothing is imported twice.

pub mod clients_csv;

pub use clients_csv::{
    import_clients, parse_clients, parse_date, ImportError, ImportReport, RowError,
};
