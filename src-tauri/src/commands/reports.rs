//! Rapportages: the report tables, the team dashboard (several tables at once) and exports.

use chrono::NaiveDate;
use tauri::State;
use traject_core::app::SavedDocument;
use traject_core::domain::reports::{report_list, AgeGroups, ReportInfo, ReportTable};
use traject_core::export::ReportFormat;
use traject_core::StoreError;

use super::{with_store, Result};
use crate::AppStore;

#[tauri::command]
pub fn reports_list() -> Vec<ReportInfo> {
    report_list()
}

/// The tables `names` for the reference date, over one municipality or all.
#[tauri::command]
pub fn reports(
    state: State<'_, AppStore>,
    names: Vec<String>,
    reference: NaiveDate,
    municipality: Option<String>,
) -> Result<Vec<ReportTable>> {
    with_store(&state, |s| {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        s.reports(&names, reference, municipality.as_deref())?
            .into_iter()
            .zip(&names)
            .map(|(table, name)| {
                table.ok_or_else(|| StoreError::NotFound(format!("rapport '{name}'")))
            })
            .collect()
    })
}

/// Saves a report as CSV or XLSX under `documents/rapportages/`.
#[tauri::command]
pub fn export_report(
    state: State<'_, AppStore>,
    name: String,
    reference: NaiveDate,
    municipality: Option<String>,
    format: ReportFormat,
) -> Result<SavedDocument> {
    with_store(&state, |s| {
        SavedDocument::report(s, &name, reference, municipality.as_deref(), format)
    })
}

#[tauri::command]
pub fn mask_small_counts(state: State<'_, AppStore>) -> Result<bool> {
    with_store(&state, |s| s.mask_small_counts())
}

#[tauri::command]
pub fn set_mask_small_counts(state: State<'_, AppStore>, mask: bool) -> Result<bool> {
    with_store(&state, |s| {
        s.set_mask_small_counts(mask)?;
        s.mask_small_counts()
    })
}

#[tauri::command]
pub fn report_age_groups(state: State<'_, AppStore>) -> Result<AgeGroups> {
    with_store(&state, |s| s.report_age_groups())
}

/// Sets the cohort report's age groups from "18, 30, 45, 65" (lower bounds).
#[tauri::command]
pub fn set_report_age_groups(state: State<'_, AppStore>, bounds: String) -> Result<AgeGroups> {
    with_store(&state, |s| {
        s.set_report_age_groups(&AgeGroups::parse(&bounds)?)?;
        s.report_age_groups()
    })
}
