//! The trajectory after the PIP: progress conversations, PVT, MAP, handhaving, support, work
//! and afsluiting. Each write answers with the refreshed view, so a tab redraws from one call.

use tauri::State;
use traject_core::domain::{FineRule, TrajectoryInput};
use traject_core::store::{PurgeOverview, TrajectoryView};
use uuid::Uuid;

use super::{today, with_store, Result};
use crate::AppStore;

#[tauri::command]
pub fn trajectory(state: State<'_, AppStore>, client_id: Uuid) -> Result<TrajectoryView> {
    with_store(&state, |s| s.trajectory(&client_id, today()))
}

#[tauri::command]
pub fn add_trajectory_record(
    state: State<'_, AppStore>,
    client_id: Uuid,
    input: TrajectoryInput,
) -> Result<TrajectoryView> {
    with_store(&state, |s| {
        s.add_trajectory_record(&client_id, input, today())?;
        s.trajectory(&client_id, today())
    })
}

#[tauri::command]
pub fn update_trajectory_record(
    state: State<'_, AppStore>,
    client_id: Uuid,
    record_id: Uuid,
    input: TrajectoryInput,
) -> Result<TrajectoryView> {
    with_store(&state, |s| {
        s.update_trajectory_record(&record_id, input, today())?;
        s.trajectory(&client_id, today())
    })
}

/// Books the finished, unbooked weeks of a work period into the hours ledger.
#[tauri::command]
pub fn book_work_hours(
    state: State<'_, AppStore>,
    client_id: Uuid,
    work_id: Uuid,
) -> Result<TrajectoryView> {
    with_store(&state, |s| {
        s.book_work_hours(&work_id, today(), today())?;
        s.trajectory(&client_id, today())
    })
}

#[tauri::command]
pub fn fine_rules(state: State<'_, AppStore>) -> Result<Vec<FineRule>> {
    with_store(&state, |s| s.fine_rules())
}

#[tauri::command]
pub fn save_fine_rule(state: State<'_, AppStore>, rule: FineRule) -> Result<Vec<FineRule>> {
    with_store(&state, |s| {
        s.save_fine_rule(rule)?;
        s.fine_rules()
    })
}

#[tauri::command]
pub fn retention_years(state: State<'_, AppStore>) -> Result<u32> {
    with_store(&state, |s| s.retention_years())
}

#[tauri::command]
pub fn set_retention_years(state: State<'_, AppStore>, years: u32) -> Result<u32> {
    with_store(&state, |s| {
        s.set_retention_years(years)?;
        s.retention_years()
    })
}

/// The dossiers past their retention period, and whether this user may purge them.
#[tauri::command]
pub fn purge_overview(state: State<'_, AppStore>) -> Result<PurgeOverview> {
    with_store(&state, |s| s.purge_overview(today()))
}

/// Purges the chosen dossiers (teamleider; all or nothing) and answers with the list left.
#[tauri::command]
pub fn purge_dossiers(state: State<'_, AppStore>, ids: Vec<Uuid>) -> Result<PurgeOverview> {
    with_store(&state, |s| {
        s.purge(&ids, today())?;
        s.purge_overview(today())
    })
}
