//! The PIP, the termijn and the dossier's timeline.

use tauri::State;
use traject_core::app::{ApiError, ErrorCode, SavedDocument};
use traject_core::domain::{
    AdoptInput, Exemption, ExemptionInput, Extension, ExtensionInput, PipContent, PipVersion,
};
use traject_core::store::{LetterheadSettings, Pause, PauseInput, PipOverview};
use uuid::Uuid;

use super::{today, with_store, Result};
use crate::AppStore;

#[tauri::command]
pub fn pip_overview(state: State<'_, AppStore>, client_id: Uuid) -> Result<PipOverview> {
    with_store(&state, |s| s.pip_overview(&client_id, today()))
}

/// A new concept, prefilled from the previous version or the completed intake.
#[tauri::command]
pub fn draft_pip(state: State<'_, AppStore>, client_id: Uuid) -> Result<PipVersion> {
    with_store(&state, |s| s.draft_pip(&client_id, None, today()))
}

#[tauri::command]
pub fn save_pip(
    state: State<'_, AppStore>,
    pip_id: Uuid,
    content: PipContent,
) -> Result<PipVersion> {
    with_store(&state, |s| s.save_pip(&pip_id, content, today()))
}

/// Adopts a concept; a broken rule of the law comes back as a validation error naming it.
#[tauri::command]
pub fn adopt_pip(
    state: State<'_, AppStore>,
    pip_id: Uuid,
    input: AdoptInput,
) -> Result<PipVersion> {
    with_store(&state, |s| s.adopt_pip(&pip_id, input, today()))
}

#[tauri::command]
pub fn add_extension(
    state: State<'_, AppStore>,
    client_id: Uuid,
    input: ExtensionInput,
) -> Result<Extension> {
    with_store(&state, |s| s.add_extension(&client_id, input, today()))
}

#[tauri::command]
pub fn add_exemption(
    state: State<'_, AppStore>,
    client_id: Uuid,
    input: ExemptionInput,
) -> Result<Exemption> {
    with_store(&state, |s| s.add_exemption(&client_id, input, today()))
}

#[tauri::command]
pub fn add_pause(state: State<'_, AppStore>, client_id: Uuid, input: PauseInput) -> Result<Pause> {
    with_store(&state, |s| s.add_pause(&client_id, input, today()))
}

/// Generates the PDF beschikking of an adopted version; returns where it was saved.
#[tauri::command]
pub fn generate_pip_document(state: State<'_, AppStore>, pip_id: Uuid) -> Result<SavedDocument> {
    with_store(&state, |s| {
        SavedDocument::pip_beschikking(s, &pip_id, today())
    })
}

/// The letterhead a municipality's beschikkingen carry.
#[tauri::command]
pub fn letterhead(state: State<'_, AppStore>, municipality: String) -> Result<LetterheadSettings> {
    with_store(&state, |s| s.letterhead(&municipality))
}

#[tauri::command]
pub fn save_letterhead(
    state: State<'_, AppStore>,
    municipality: String,
    letterhead: LetterheadSettings,
) -> Result<LetterheadSettings> {
    with_store(&state, |s| {
        s.set_letterhead(&municipality, letterhead)?;
        s.letterhead(&municipality)
    })
}

/// Opens a saved beschikking in the system's PDF viewer.
#[tauri::command]
pub fn open_document(state: State<'_, AppStore>, path: String) -> Result<()> {
    let path = std::path::PathBuf::from(path);
    let ours = with_store(&state, |s| {
        Ok::<_, ApiError>(SavedDocument::is_saved_by(s, &path))
    })?;
    if !ours {
        return Err(ApiError {
            code: ErrorCode::NotFound,
            message: "dit document staat niet (meer) bij de documenten van Traject".into(),
            fields: Vec::new(),
        });
    }
    open::that_detached(&path).map_err(|e| ApiError {
        code: ErrorCode::Internal,
        message: format!("het document kon niet worden geopend: {e}"),
        fields: Vec::new(),
    })
}
