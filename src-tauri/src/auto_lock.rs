//! Locks the app once the user was idle for the minutes chosen in Instellingen → Beveiliging,
//! and tells the window (`locked`), which then shows the lock screen.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tauri::{AppHandle, Emitter};
use traject_core::session::Session;

/// The event the window listens to; its payload is the lock screen's state.
pub const LOCKED_EVENT: &str = "locked";

/// How often the idle time is checked: a laptop waking from sleep locks within this time.
const CHECK_EVERY: Duration = Duration::from_secs(5);

pub fn spawn(app: AppHandle, session: Arc<Session>) {
    std::thread::spawn(move || loop {
        std::thread::sleep(CHECK_EVERY);
        if let Some(state) = session.lock_if_idle(Utc::now()) {
            if let Err(e) = app.emit(LOCKED_EVENT, state) {
                eprintln!("Traject: {LOCKED_EVENT}: {e}");
            }
        }
    });
}
