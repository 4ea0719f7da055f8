//! The app's syncer: syncs in the background while logged in and unlocked (every two minutes,
//! sooner on "Synchroniseer nu" or after unlocking, backing off while offline) on its own
//! connection to the database, so the window never waits for the network, and tells the window
//! how it goes (`sync-status`). It opens that connection for each sync with the session's key,
//! so once the app is locked it has neither (a sync under way finishes first).

use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use chrono::Utc;
use tauri::{AppHandle, Emitter};
use traject_core::app::{ApiError, ErrorCode};
use traject_core::session::Session;
use traject_core::store::SyncReport;
use traject_core::sync::status::{SyncRun, SyncState, SyncStatus, SYNC_INTERVAL};
use traject_core::Store;

/// The event the window listens to.
pub const STATUS_EVENT: &str = "sync-status";

pub struct Syncer {
    session: Arc<Session>,
    run: Mutex<SyncRun>,
    /// Wakes the background thread (after logging in, or "Synchroniseer nu").
    wake: Condvar,
    /// One sync at a time.
    busy: Mutex<()>,
    wiped: Mutex<bool>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Syncer {
    pub fn new(session: Arc<Session>) -> Arc<Self> {
        Arc::new(Self {
            session,
            run: Mutex::new(SyncRun::default()),
            wake: Condvar::new(),
            busy: Mutex::new(()),
            wiped: Mutex::new(false),
        })
    }

    /// A connection of the syncer's own (login, sync): the window's store stays free.
    /// "Vergrendeld" while the app is locked.
    pub fn open(&self) -> Result<Store, ApiError> {
        self.session.connection()
    }

    /// The app was unlocked, perhaps on another profile: what ran before is forgotten and the
    /// background thread syncs now.
    pub fn unlocked(&self) {
        *lock(&self.run) = SyncRun::default();
        self.nudge();
    }

    /// Keeps syncs from starting while the guard lives (waiting for one under way to end):
    /// changing the passphrase rewrites the database file.
    pub fn pause(&self) -> MutexGuard<'_, ()> {
        lock(&self.busy)
    }

    /// The status as the database knows it with what runs now laid over it.
    pub fn status(&self, store: &Store) -> Result<SyncStatus, ApiError> {
        let base = store.sync_overview()?;
        Ok(lock(&self.run).status(base))
    }

    fn wiped_status() -> SyncStatus {
        SyncStatus {
            account: None,
            state: SyncState::Wiped,
            pending: 0,
            open_conflicts: 0,
            last_success: None,
            last_error: Some(WIPED.to_owned()),
            next_attempt: None,
            progress: None,
            last_report: None,
        }
    }

    /// Asks the background thread to sync now.
    pub fn nudge(&self) {
        self.wake.notify_all();
    }

    /// Syncs once (waiting for a running sync to end first) and reports the outcome to the
    /// window. A revoked device erases its database.
    pub fn sync_now(&self, app: &AppHandle) -> Result<SyncReport, ApiError> {
        let _busy = lock(&self.busy);
        if *lock(&self.wiped) {
            return Err(wiped_error());
        }
        let mut store = self.open()?;
        let base = store.sync_overview()?;
        if base.account.is_none() {
            return Err(ApiError {
                code: ErrorCode::Sync,
                message: "deze computer is niet aangemeld bij een synchronisatieserver".into(),
                fields: Vec::new(),
            });
        }
        lock(&self.run).started();
        self.emit(app, &base);
        let outcome = store.sync_with(&mut |progress| {
            lock(&self.run).progress(progress);
            self.emit(app, &base);
        });
        lock(&self.run).finished(outcome.as_ref().map(|_| ()), Utc::now());
        match outcome {
            Ok(report) => {
                self.emit(app, &store.sync_overview()?);
                // The team's changes came in: their signal facts are gathered here, in the
                // background, not when the Werkvoorraad opens next.
                if report.pulled > 0 {
                    if let Err(e) = store.refresh_derived() {
                        eprintln!("Traject: na de synchronisatie: {e}");
                    }
                }
                Ok(report)
            }
            Err(e) if e.wipe() => {
                self.wipe(app, store);
                Err(wiped_error())
            }
            Err(e) => {
                self.emit(app, &store.sync_overview()?);
                Err(e.into())
            }
        }
    }

    fn emit(&self, app: &AppHandle, base: &SyncStatus) {
        let status = lock(&self.run).status(base.clone());
        if let Err(e) = app.emit(STATUS_EVENT, status) {
            eprintln!("Traject: sync-status: {e}");
        }
    }

    /// Closes the window's store and erases the database with its key file through this
    /// sync's `connection`; every command then says why.
    fn wipe(&self, app: &AppHandle, connection: Store) {
        *lock(&self.wiped) = true;
        if let Err(e) = self.session.wipe(connection, wiped_error()) {
            eprintln!("Traject: wissen mislukt: {}", e.message);
        }
        if let Err(e) = app.emit(STATUS_EVENT, Self::wiped_status()) {
            eprintln!("Traject: sync-status: {e}");
        }
    }

    /// The background thread: syncs whenever the next attempt is due while logged in.
    pub fn spawn(self: &Arc<Self>, app: AppHandle) {
        let syncer = Arc::clone(self);
        std::thread::spawn(move || loop {
            {
                let run = lock(&syncer.run);
                let wait = run.wait(Utc::now());
                if !wait.is_zero() {
                    drop(
                        syncer
                            .wake
                            .wait_timeout(run, wait)
                            .unwrap_or_else(std::sync::PoisonError::into_inner),
                    );
                }
            }
            if *lock(&syncer.wiped) {
                return;
            }
            let logged_in = syncer
                .open()
                .and_then(|s| s.sync_login().map_err(ApiError::from))
                .is_ok_and(|l| l.is_some());
            if logged_in {
                // Failures are in the status the window shows; the run schedules the retry.
                let _ = syncer.sync_now(&app);
            } else {
                let run = lock(&syncer.run);
                drop(
                    syncer
                        .wake
                        .wait_timeout(run, SYNC_INTERVAL)
                        .unwrap_or_else(std::sync::PoisonError::into_inner),
                );
            }
        });
    }
}

const WIPED: &str = "Dit apparaat is ingetrokken door de functioneel beheerder. De gegevens op deze computer zijn gewist.";

fn wiped_error() -> ApiError {
    ApiError {
        code: ErrorCode::Sync,
        message: WIPED.to_owned(),
        fields: Vec::new(),
    }
}
