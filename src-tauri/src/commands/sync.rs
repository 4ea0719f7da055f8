//! Sync commands: the status, logging in and out, "Synchroniseer nu", and the conflicts. The
//! network work runs on the syncer's own connection, off the window's thread.

use std::sync::Arc;

use tauri::{AppHandle, Manager, State};
use traject_core::app::ApiError;
use traject_core::store::{ConflictChoice, ConflictView};
use traject_core::sync::status::{default_device_name, SyncLoginInput, SyncStatus};

use super::{with_store, Result};
use crate::sync::Syncer;
use crate::AppStore;

#[tauri::command]
pub fn sync_status(
    state: State<'_, AppStore>,
    syncer: State<'_, Arc<Syncer>>,
) -> Result<SyncStatus> {
    with_store(&state, |s| syncer.status(s))
}

/// Runs blocking sync work on a worker thread.
async fn off_thread<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppHandle, &Syncer) -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(move || {
        let syncer = Arc::clone(app.state::<Arc<Syncer>>().inner());
        work(&app, &syncer)
    })
    .await
    .map_err(|e| ApiError::from(traject_core::StoreError::BadValue(e.to_string())))?
}

#[tauri::command]
pub async fn sync_log_in(app: AppHandle, input: SyncLoginInput) -> Result<SyncStatus> {
    off_thread(app, move |_, syncer| {
        let mut store = syncer.open()?;
        let device = input
            .device
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty())
            .unwrap_or_else(default_device_name);
        let ca_cert = input.ca_cert.filter(|pem| !pem.trim().is_empty());
        store.log_in_trusting(
            &input.server,
            &input.user,
            &input.password,
            &device,
            input.allow_http,
            ca_cert,
        )?;
        syncer.nudge();
        syncer.status(&store)
    })
    .await
}

#[tauri::command]
pub fn sync_log_out(
    state: State<'_, AppStore>,
    syncer: State<'_, Arc<Syncer>>,
) -> Result<SyncStatus> {
    with_store(&state, |s| {
        s.log_out()?;
        syncer.status(s)
    })
}

/// Syncs now and answers with the status after it (the report is in it).
#[tauri::command]
pub async fn sync_now(app: AppHandle) -> Result<SyncStatus> {
    off_thread(app, |app, syncer| {
        syncer.sync_now(app)?;
        syncer.status(&syncer.open()?)
    })
    .await
}

#[tauri::command]
pub fn conflicts(state: State<'_, AppStore>) -> Result<Vec<ConflictView>> {
    with_store(&state, |s| s.conflicts())
}

#[tauri::command]
pub fn resolve_conflict(
    state: State<'_, AppStore>,
    id: i64,
    choice: ConflictChoice,
) -> Result<Vec<ConflictView>> {
    with_store(&state, |s| s.resolve_conflict(id, choice))
}
