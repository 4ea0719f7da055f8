//! Money: the SPUK and price tables (Instellingen) and the invoice check (Rapportages).

use tauri::State;
use traject_core::domain::money::{CoursePrice, MoneyTables, SpukRate};
use traject_core::import::{check_invoice_file, InvoiceCheck};

use super::{with_store, Result};
use crate::AppStore;

#[tauri::command]
pub fn money_tables(state: State<'_, AppStore>) -> Result<MoneyTables> {
    with_store(&state, |s| s.money_tables())
}

#[tauri::command]
pub fn save_spuk_rate(state: State<'_, AppStore>, rate: SpukRate) -> Result<MoneyTables> {
    with_store(&state, |s| {
        s.save_spuk_rate(&rate)?;
        s.money_tables()
    })
}

#[tauri::command]
pub fn save_course_price(state: State<'_, AppStore>, price: CoursePrice) -> Result<MoneyTables> {
    with_store(&state, |s| {
        s.save_course_price(&price)?;
        s.money_tables()
    })
}

/// Checks a language school's invoice, given as the CSV file's text.
#[tauri::command]
pub fn check_invoice(state: State<'_, AppStore>, csv: String) -> Result<InvoiceCheck> {
    with_store(&state, |s| check_invoice_file(s, csv.as_bytes()))
}
