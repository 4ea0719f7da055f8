//! Hours, portfolio, absences, progress reports and exams.

use tauri::State;
use traject_core::domain::{
    Absence, AbsenceExcuse, AbsenceInput, Exam, ExamInput, HourEntry, HourEntryInput, HoursRow,
    Leerroute, ProgressReport, ProgressReportInput, ReversalInput,
};
use traject_core::store::PortfolioView;
use uuid::Uuid;

use super::{today, with_store, Result};
use crate::AppStore;

#[tauri::command]
pub fn client_portfolio(
    state: State<'_, AppStore>,
    client_id: Uuid,
    route: Option<Leerroute>,
) -> Result<PortfolioView> {
    with_store(&state, |s| s.portfolio(&client_id, route, today()))
}

#[tauri::command]
pub fn add_hours(
    state: State<'_, AppStore>,
    client_id: Uuid,
    input: HourEntryInput,
) -> Result<HourEntry> {
    with_store(&state, |s| s.add_hours(&client_id, input, today()))
}

/// The fast-entry screen's rows, saved all or none.
#[tauri::command]
pub fn add_hours_batch(state: State<'_, AppStore>, rows: Vec<HoursRow>) -> Result<Vec<HourEntry>> {
    with_store(&state, |s| s.add_hours_batch(rows, today()))
}

#[tauri::command]
pub fn reverse_hours(
    state: State<'_, AppStore>,
    entry_id: Uuid,
    input: ReversalInput,
) -> Result<HourEntry> {
    with_store(&state, |s| s.reverse_hours(&entry_id, input, today()))
}

#[tauri::command]
pub fn add_absence(
    state: State<'_, AppStore>,
    client_id: Uuid,
    input: AbsenceInput,
) -> Result<Absence> {
    with_store(&state, |s| s.add_absence(&client_id, input, today()))
}

#[tauri::command]
pub fn excuse_absence(
    state: State<'_, AppStore>,
    absence_id: Uuid,
    excuse: AbsenceExcuse,
) -> Result<Absence> {
    with_store(&state, |s| s.excuse_absence(&absence_id, excuse))
}

#[tauri::command]
pub fn add_progress_report(
    state: State<'_, AppStore>,
    client_id: Uuid,
    input: ProgressReportInput,
) -> Result<ProgressReport> {
    with_store(&state, |s| {
        s.add_progress_report(&client_id, input, today())
    })
}

#[tauri::command]
pub fn add_exam(state: State<'_, AppStore>, client_id: Uuid, input: ExamInput) -> Result<Exam> {
    with_store(&state, |s| s.add_exam(&client_id, input, today()))
}
