//! "Over Traject": version, schema, database, servers and the licences of what is bundled; and
//! the signed updates.

use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use traject_core::app::ApiError;
use traject_core::store::SCHEMA_VERSION;

use super::{with_store, Result};
use crate::update::{self, PendingUpdate, UpdateInfo};
use crate::AppStore;

/// The licences of the bundled Rust crates and npm packages (`make licences` regenerates it).
const LICENCES: &str = include_str!("../../licences.json");

#[derive(Debug, Serialize)]
pub struct About {
    pub version: String,
    pub schema_version: i64,
    pub db_path: String,
    /// The update endpoints in use.
    pub update_endpoints: Vec<String>,
    /// The sync server, once sync is set up.
    pub sync_server: Option<String>,
    pub licences: serde_json::Value,
}

#[tauri::command]
pub fn about(app: AppHandle, state: State<'_, AppStore>) -> Result<About> {
    let db_path = with_store(&state, |s| {
        Ok::<_, ApiError>(s.path().display().to_string())
    })?;
    let configured = app
        .config()
        .plugins
        .0
        .get("updater")
        .and_then(|u| u.get("endpoints"))
        .and_then(|e| e.as_array())
        .map(|e| {
            e.iter()
                .filter_map(|u| u.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    Ok(About {
        version: app.package_info().version.to_string(),
        schema_version: SCHEMA_VERSION,
        db_path,
        update_endpoints: update::endpoint_override().map_or(configured, |e| vec![e]),
        sync_server: None,
        licences: serde_json::from_str(LICENCES).map_err(internal)?,
    })
}

#[tauri::command]
pub async fn check_update(app: AppHandle) -> Result<Option<UpdateInfo>> {
    let pending = app.state::<PendingUpdate>();
    update::check(&app, update::endpoint_override().as_deref(), &pending)
        .await
        .map_err(conflict)
}

/// Downloads the update found by the last check and verifies its signature.
#[tauri::command]
pub async fn download_update(app: AppHandle) -> Result<UpdateInfo> {
    update::download(&app.state::<PendingUpdate>())
        .await
        .map_err(conflict)
}

/// Installs the downloaded update and restarts Traject.
#[tauri::command]
pub fn install_update(app: AppHandle) -> Result<()> {
    update::install(&app.state::<PendingUpdate>()).map_err(conflict)?;
    app.restart()
}

fn conflict(message: String) -> ApiError {
    ApiError {
        code: traject_core::app::ErrorCode::Conflict,
        message,
        fields: Vec::new(),
    }
}

fn internal(error: serde_json::Error) -> ApiError {
    ApiError {
        code: traject_core::app::ErrorCode::Internal,
        message: format!("licenties: {error}"),
        fields: Vec::new(),
    }
}
