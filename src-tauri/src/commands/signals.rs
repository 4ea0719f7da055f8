//! The Werkvoorraad: signals across the caseload, acknowledging and snoozing them, the
//! caseload's next deadlines and the thresholds.

use tauri::State;
use traject_core::domain::signals::SignalSettings;
use traject_core::store::{AckInput, NextDeadline, Werkvoorraad, WerkvoorraadQuery};
use uuid::Uuid;

use super::{today, with_store, Result};
use crate::AppStore;

#[tauri::command(async)]
pub fn werkvoorraad(state: State<'_, AppStore>, query: WerkvoorraadQuery) -> Result<Werkvoorraad> {
    with_store(&state, |s| s.werkvoorraad(&query, today()))
}

/// Acknowledges (no `until`) or snoozes a client's signal.
#[tauri::command]
pub fn acknowledge_signal(
    state: State<'_, AppStore>,
    client_id: Uuid,
    input: AckInput,
) -> Result<()> {
    with_store(&state, |s| s.acknowledge_signal(&client_id, input, today()))
}

#[tauri::command(async)]
pub fn next_deadlines(state: State<'_, AppStore>) -> Result<Vec<NextDeadline>> {
    with_store(&state, |s| s.next_deadlines(today()))
}

#[tauri::command]
pub fn signal_settings(state: State<'_, AppStore>) -> Result<SignalSettings> {
    with_store(&state, |s| s.signal_settings())
}

/// The domain page's thresholds, so the form can show what was changed.
#[tauri::command]
pub fn default_signal_settings() -> SignalSettings {
    SignalSettings::default()
}

#[tauri::command]
pub fn save_signal_settings(
    state: State<'_, AppStore>,
    settings: SignalSettings,
) -> Result<SignalSettings> {
    with_store(&state, |s| s.save_signal_settings(settings))
}
