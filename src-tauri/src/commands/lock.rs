//! The lock screen and Instellingen → Beveiliging (ARCHITECTURE §2): which screen to show, the
//! profiles, creating, encrypting and unlocking the database, locking, the passphrase and the
//! idle minutes after which the app locks itself. Deriving a key takes a second (and a wrong
//! passphrase is answered late on purpose), so those commands run off the window's thread.

use std::sync::Arc;

use chrono::Utc;
use tauri::{AppHandle, Manager, State};
use traject_core::app::ApiError;
use traject_core::domain::passphrase;
use traject_core::session::{LockState, Session};

use super::Result;
use crate::sync::Syncer;
use crate::AppStore;

/// Which screen the window shows, for which profile.
#[tauri::command(async)]
pub fn lock_state(state: State<'_, AppStore>) -> Result<LockState> {
    state.0.lock_state()
}

/// Chooses another profile on the lock screen.
#[tauri::command(async)]
pub fn choose_profile(state: State<'_, AppStore>, name: String) -> Result<LockState> {
    state.0.choose_profile(&name)
}

/// Starts a new profile: the lock screen then asks for its passphrase.
#[tauri::command(async)]
pub fn new_profile(state: State<'_, AppStore>, name: String) -> Result<LockState> {
    state.0.new_profile(&name)
}

/// Why a new passphrase is too weak (live feedback while typing), or null when strong enough.
#[tauri::command]
pub fn passphrase_weakness(passphrase: String) -> Option<String> {
    passphrase::passphrase_weakness(&passphrase)
}

/// Runs `work` on the session on a worker thread.
async fn off_thread<T: Send + 'static>(
    app: AppHandle,
    work: impl FnOnce(&AppHandle, &Session) -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(move || {
        let session = Arc::clone(&app.state::<AppStore>().0);
        work(&app, &session)
    })
    .await
    .map_err(|e| ApiError::from(traject_core::StoreError::BadValue(e.to_string())))?
}

/// Runs `open` (creating, encrypting or unlocking) off the window's thread; once open, the
/// syncer starts.
async fn open(
    app: AppHandle,
    open: impl FnOnce(&Session) -> Result<LockState> + Send + 'static,
) -> Result<LockState> {
    off_thread(app, |app, session| {
        let state = open(session)?;
        app.state::<Arc<Syncer>>().unlocked();
        Ok(state)
    })
    .await
}

/// A new profile's database, encrypted with a key from `passphrase`.
#[tauri::command]
pub async fn create_database(
    app: AppHandle,
    passphrase: String,
    repeat: String,
) -> Result<LockState> {
    open(app, move |s| s.create(&passphrase, &repeat, Utc::now())).await
}

/// Encrypts the database of an earlier version.
#[tauri::command]
pub async fn encrypt_database(
    app: AppHandle,
    passphrase: String,
    repeat: String,
) -> Result<LockState> {
    open(app, move |s| s.encrypt(&passphrase, &repeat, Utc::now())).await
}

/// Unlocks; a wrong passphrase is answered later the more wrong ones came before it.
#[tauri::command]
pub async fn unlock(app: AppHandle, passphrase: String) -> Result<LockState> {
    open(app, move |s| s.unlock(&passphrase, Utc::now())).await
}

/// Locks now (the Vergrendel button, Ctrl+L): the store and the key are dropped.
#[tauri::command(async)]
pub fn lock(state: State<'_, AppStore>) -> Result<LockState> {
    state.0.lock()
}

/// Re-encrypts the database with `new`; the syncer waits meanwhile.
#[tauri::command]
pub async fn change_passphrase(
    app: AppHandle,
    current: String,
    new: String,
    repeat: String,
) -> Result<()> {
    off_thread(app, move |app, session| {
        let syncer = Arc::clone(app.state::<Arc<Syncer>>().inner());
        let _paused = syncer.pause();
        session.change_passphrase(&current, &new, &repeat)
    })
    .await
}

/// The user typed, clicked or scrolled: the idle time starts again.
#[tauri::command(async)]
pub fn activity(state: State<'_, AppStore>) {
    state.0.touch(Utc::now());
}

#[tauri::command(async)]
pub fn auto_lock_minutes(state: State<'_, AppStore>) -> Result<u32> {
    state.0.auto_lock_minutes()
}

/// Sets the idle minutes (5, 10, 15, 30 or 60).
#[tauri::command(async)]
pub fn set_auto_lock_minutes(state: State<'_, AppStore>, minutes: u32) -> Result<u32> {
    state.0.set_auto_lock_minutes(minutes)
}
