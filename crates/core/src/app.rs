//! What the desktop app's thin commands hand to the UI: the app's state for the shell and the
//! shape of an error that crosses IPC (`{code, message, fields}`; ARCHITECTURE §1).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{FieldError, Identity};
use crate::export::{report_csv, report_xlsx, ReportFormat};
use crate::store::{Result, Store, StoreError};

/// Everything the shell shows outside a screen: who works here, the status bar's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AppState {
    pub identity: Option<Identity>,
    pub db_path: String,
    pub client_count: u32,
    pub pending_changes: u32,
    pub municipalities: Vec<String>,
    pub today: NaiveDate,
}

impl AppState {
    pub fn read(store: &Store, today: NaiveDate) -> Result<Self> {
        Ok(Self {
            identity: store.identity()?,
            db_path: store.path().display().to_string(),
            client_count: u32::try_from(store.client_count()?).unwrap_or(u32::MAX),
            pending_changes: u32::try_from(store.pending_ops()?).unwrap_or(u32::MAX),
            municipalities: store.municipalities()?,
            today,
        })
    }
}

/// A generated document saved as a file next to the database (`documents/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedDocument {
    pub path: String,
}

impl SavedDocument {
    /// Generates the beschikking of an adopted PIP version and saves it under `documents/`
    /// next to the database file.
    pub fn pip_beschikking(
        store: &mut Store,
        pip_id: &uuid::Uuid,
        today: NaiveDate,
    ) -> Result<Self> {
        let doc = store.generate_pip_document(pip_id, today)?;
        Self::save(&documents_dir(store), &doc.file_name, &doc.pdf)
    }

    /// Exports a report table as CSV or XLSX under `documents/rapportages/` (small counts
    /// masked when the setting says so).
    pub fn report(
        store: &Store,
        name: &str,
        reference: NaiveDate,
        municipality: Option<&str>,
        format: ReportFormat,
    ) -> Result<Self> {
        let table = store
            .report(name, reference, municipality)?
            .ok_or_else(|| StoreError::NotFound(format!("rapport '{name}'")))?;
        let mask = store.mask_small_counts()?;
        let bytes = match format {
            ReportFormat::Csv => report_csv(&table, mask)
                .map_err(|e| StoreError::Export(e.to_string()))?
                .into_bytes(),
            ReportFormat::Xlsx => {
                report_xlsx(&table, mask).map_err(|e| StoreError::Export(e.to_string()))?
            }
        };
        let file_name = format!(
            "{name}-{}{}.{}",
            reference.format("%Y-%m-%d"),
            municipality.map_or_else(String::new, |m| format!("-{}", crate::export::file_safe(m))),
            format.extension()
        );
        Self::save(
            &documents_dir(store).join("rapportages"),
            &file_name,
            &bytes,
        )
    }

    /// Exports client `id`'s whole dossier for the client (right of access; audited) under
    /// `documents/inzage/`.
    pub fn inzage(store: &mut Store, id: &uuid::Uuid, today: NaiveDate) -> Result<SavedInzage> {
        let dir = documents_dir(store).join("inzage");
        let [json, html] = crate::export::inzage::save(store, id, &dir, today)?;
        let saved = |path: std::path::PathBuf| Self {
            path: path.display().to_string(),
        };
        Ok(SavedInzage {
            json: saved(json),
            html: saved(html),
        })
    }

    fn save(dir: &std::path::Path, file_name: &str, bytes: &[u8]) -> Result<Self> {
        std::fs::create_dir_all(dir)?;
        let path = dir.join(file_name);
        std::fs::write(&path, bytes)?;
        Ok(Self {
            path: path.display().to_string(),
        })
    }

    /// Whether `path` is a document saved here for this database, so the app opens nothing
    /// else.
    pub fn is_saved_by(store: &Store, path: &std::path::Path) -> bool {
        let dir = documents_dir(store);
        match (dir.canonicalize(), path.canonicalize()) {
            (Ok(dir), Ok(file)) => file.starts_with(dir) && file.is_file(),
            _ => false,
        }
    }
}

/// A dossier exported for its client: every record as JSON, and the readable document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedInzage {
    pub json: SavedDocument,
    pub html: SavedDocument,
}

/// `documents/` next to the database file.
fn documents_dir(store: &Store) -> std::path::PathBuf {
    store
        .path()
        .parent()
        .unwrap_or_else(|| std::path::Path::new("."))
        .join("documents")
}

/// The few error kinds the UI branches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    NotFound,
    NotInitialised,
    TooNew,
    Conflict,
    /// The sync server could not be reached or refused (its Dutch message says why).
    Sync,
    /// The app is locked: the lock screen asks for the passphrase.
    Locked,
    /// The passphrase does not open the database.
    WrongPassphrase,
    Internal,
}

/// An error as the UI receives it: a code to branch on, a Dutch message to show, and for
/// validation errors the broken rule of each field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
}

impl From<crate::import::ImportError> for ApiError {
    /// A file that cannot be read as a whole (no header, missing columns) is the user's to fix.
    fn from(error: crate::import::ImportError) -> Self {
        match error {
            crate::import::ImportError::Store(e) => e.into(),
            other => Self {
                code: ErrorCode::Validation,
                message: other.to_string(),
                fields: Vec::new(),
            },
        }
    }
}

impl From<crate::sync::client::SyncError> for ApiError {
    fn from(error: crate::sync::client::SyncError) -> Self {
        Self {
            code: ErrorCode::Sync,
            message: error.to_string(),
            fields: Vec::new(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        let code = match &error {
            StoreError::Validation(_) => ErrorCode::Validation,
            StoreError::ClientNotFound(_)
            | StoreError::NotFound(_)
            | StoreError::IntakeNotFound(_)
            | StoreError::QuestionnaireNotFound(_) => ErrorCode::NotFound,
            StoreError::Conflict(_) => ErrorCode::Conflict,
            StoreError::Definition(_) => ErrorCode::Validation,
            StoreError::NotInitialised => ErrorCode::NotInitialised,
            StoreError::TooNew { .. } => ErrorCode::TooNew,
            StoreError::WrongPassphrase => ErrorCode::WrongPassphrase,
            StoreError::WeakPassphrase(_) => ErrorCode::Validation,
            _ => ErrorCode::Internal,
        };
        let fields = match &error {
            StoreError::Validation(errors) => errors.0.clone(),
            StoreError::WeakPassphrase(why) => {
                vec![FieldError::new("passphrase", "weak", why.clone())]
            }
            _ => Vec::new(),
        };
        Self {
            code,
            message: error.to_string(),
            fields,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{amira, store, today};

    #[test]
    fn validation_errors_cross_ipc_with_their_fields() {
        let (_dir, mut store) = store();
        let mut input = amira();
        input.given_name = String::new();
        let error = ApiError::from(store.create_client(input, today()).unwrap_err());
        assert_eq!(error.code, ErrorCode::Validation);
        assert_eq!(error.fields[0].field, "given_name");
        assert_eq!(error.message, "Voornaam: is verplicht");
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["code"], "validation");
    }

    #[test]
    fn app_state_counts_clients_and_pending_changes() {
        let (_dir, mut store) = store();
        store.create_client(amira(), today()).unwrap();
        let state = AppState::read(&store, today()).unwrap();
        assert_eq!(state.client_count, 1);
        assert!(state.pending_changes > 10);
        assert_eq!(state.municipalities.len(), 4);
    }
}
