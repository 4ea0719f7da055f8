//! A language school's invoice (README "Invoice check"): one line per client and milestone,
//! the client by external id or BSN, the amount in euros, the invoice date. Same file rules as
//! the other imports; bad rows are named and the good ones still checked.

use super::clients_csv::parse_date;
use super::table::{ImportError, RowError, Table};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::money::{parse_euros, InvoiceFinding, InvoiceLine};
use crate::store::Store;

pub const REQUIRED_COLUMNS: [&str; 5] = ["client", "provider", "milestone", "amount", "date"];

/// The check of a whole invoice file: a finding per good line, and the rows that could not be
/// read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvoiceCheck {
    pub findings: Vec<InvoiceFinding>,
    pub rejected: Vec<RowError>,
}

impl InvoiceCheck {
    /// Every line is in order and none was rejected.
    pub fn clean(&self) -> bool {
        self.rejected.is_empty() && self.findings.iter().all(|f| f.problems.is_empty())
    }
}

/// Reads an invoice file and checks its lines against the records and the price table.
pub fn check_invoice_file(store: &Store, bytes: &[u8]) -> Result<InvoiceCheck, ImportError> {
    let (lines, rejected) = parse_invoice(bytes)?;
    Ok(InvoiceCheck {
        findings: store.check_invoice(lines)?,
        rejected,
    })
}

/// Reads the lines of an invoice; `known` and `facts` are filled in by the store's check.
pub fn parse_invoice(bytes: &[u8]) -> Result<(Vec<InvoiceLine>, Vec<RowError>), ImportError> {
    let mut table = Table::read(bytes, &REQUIRED_COLUMNS, &[])?;
    let mut rejected = std::mem::take(&mut table.rejected);
    let mut lines = Vec::new();
    for row in table.rows() {
        let mut errors = Vec::new();
        for column in ["client", "provider", "milestone"] {
            if row.cell(column).is_empty() {
                errors.push(RowError::new(row.line, column, "is verplicht"));
            }
        }
        let amount = row.cell("amount");
        let cents = parse_euros(amount).filter(|c| *c > 0);
        if amount.is_empty() {
            errors.push(RowError::new(row.line, "amount", "is verplicht"));
        } else if cents.is_none() {
            errors.push(RowError::new(
                row.line,
                "amount",
                format!("'{amount}' is geen bedrag in euro's (bijv. 1.200,26)"),
            ));
        }
        let text = row.cell("date");
        let date = parse_date(text);
        if date.is_none() {
            errors.push(RowError::new(
                row.line,
                "date",
                format!("'{text}' is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)"),
            ));
        }
        match (errors.is_empty(), cents, date) {
            (true, Some(cents), Some(date)) => lines.push(InvoiceLine {
                line: row.line,
                client: row.cell("client").to_owned(),
                provider: row.cell("provider").to_owned(),
                milestone: row.cell("milestone").to_owned(),
                cents,
                date,
                known: false,
                facts: None,
            }),
            _ => rejected.extend(errors),
        }
    }
    Ok((lines, rejected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_lines_are_read_and_bad_ones_named() {
        let csv = "client;provider;milestone;amount;date\n\
                   G-1;Danner & Danner;z_6_maanden;1.200,26;2024-09-01\n\
                   G-2;Danner & Danner;z_6_maanden;twaalf;01-09-2024\n\
                   ;Danner & Danner;z_6_maanden;100;2024-13-01\n";
        let (lines, rejected) = parse_invoice(csv.as_bytes()).unwrap();
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].cents, 120_026);
        let named: Vec<String> = rejected.iter().map(ToString::to_string).collect();
        assert_eq!(named.len(), 3, "{named:?}");
        assert!(named[0].starts_with("regel 3, kolom amount"), "{named:?}");
        assert!(named[1].starts_with("regel 4, kolom client"), "{named:?}");
        assert!(named[2].starts_with("regel 4, kolom date"), "{named:?}");
    }
}
