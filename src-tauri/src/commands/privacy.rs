//! Privacy (domain page §7): the audit log to read, the BSN shown on purpose, a dossier
//! exported for its client.

use tauri::State;
use traject_core::app::{SavedDocument, SavedInzage};
use traject_core::store::{AuditPage, AuditQuery};
use uuid::Uuid;

use super::{today, with_store, Result};
use crate::AppStore;

/// A page of the audit log, newest first.
#[tauri::command]
pub fn audit_log(state: State<'_, AppStore>, query: AuditQuery) -> Result<AuditPage> {
    with_store(&state, |s| s.audit(&query))
}

/// Everyone who signed an audit entry (the Gebruiker filter).
#[tauri::command]
pub fn audit_actors(state: State<'_, AppStore>) -> Result<Vec<String>> {
    with_store(&state, |s| s.audit_actors())
}

/// The client's full BSN; the reveal is audited.
#[tauri::command]
pub fn reveal_bsn(state: State<'_, AppStore>, client_id: Uuid) -> Result<Option<String>> {
    with_store(&state, |s| s.reveal_bsn(&client_id))
}

/// Exports the whole dossier for the client (JSON and a readable document) under
/// `documents/inzage/`; audited.
#[tauri::command]
pub fn export_dossier(state: State<'_, AppStore>, client_id: Uuid) -> Result<SavedInzage> {
    with_store(&state, |s| SavedDocument::inzage(s, &client_id, today()))
}
