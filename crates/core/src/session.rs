//! The desktop app's session: which profile's database the window works on, and whether it is
//! locked (ARCHITECTURE §2: an unlock screen, and locking after inactivity, dropping the key
//! from memory). The app's commands reach the store only through [`Session::with_store`], so
//! while it is locked every one of them answers [`ErrorCode::Locked`].
//!
//! Deriving a key takes about a second and encrypting a large database longer, so that work
//! runs without holding the session: other commands meanwhile answer at once. One passphrase
//! is tried at a time, its wait after a wrong one included.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::app::{ApiError, ErrorCode};
use crate::domain::{auto_lock, passphrase, FieldError, ValidationErrors};
use crate::profiles::{self, Profiles};
use crate::store::{database_state, unlock_delay, DatabaseState, DbKey, Store, StoreError};

/// Which screen the window shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LockScreen {
    /// No database yet: choose a passphrase.
    Create,
    /// A database of an earlier version, not yet encrypted: choose a passphrase for it.
    Migrate,
    /// Enter the passphrase.
    Unlock,
    /// Unlocked: the app itself.
    Open,
}

/// A profile on this laptop, as the lock screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProfileEntry {
    pub name: String,
    pub database: DatabaseState,
}

/// What the lock screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LockState {
    pub screen: LockScreen,
    /// The profile the screen is about; with one database given, that file's name.
    pub profile: String,
    pub db_path: String,
    /// One database was given (`--db`, `TRAJECT_DB`): there are no profiles to choose from.
    pub single_database: bool,
    /// Every profile on this laptop (empty with one database given).
    pub profiles: Vec<ProfileEntry>,
    /// Wrong passphrases in a row.
    pub failures: u32,
    /// How many seconds the next wrong passphrase waits before it is answered.
    pub delay_seconds: u32,
    /// While open: after how many idle minutes the app locks itself.
    pub auto_lock_minutes: Option<u32>,
}

/// The app's one session; share it between threads.
pub struct Session {
    inner: Mutex<Inner>,
    /// One passphrase at a time (unlocking, creating, encrypting, changing it).
    attempts: Mutex<()>,
}

struct Inner {
    profiles: Profiles,
    profile: String,
    path: PathBuf,
    state: State,
    failures: u32,
    last_activity: DateTime<Utc>,
}

enum State {
    Locked,
    Open {
        store: Store,
        key: DbKey,
        auto_lock_minutes: u32,
    },
    /// The app cannot go on (the profiles could not be read, the laptop was wiped): every
    /// command answers why.
    Failed(ApiError),
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What every command answers while the app is locked.
pub fn locked_error() -> ApiError {
    ApiError {
        code: ErrorCode::Locked,
        message: "Traject is vergrendeld: ontgrendel het eerst met uw wachtwoordzin".into(),
        fields: Vec::new(),
    }
}

fn conflict(message: &str) -> ApiError {
    StoreError::Conflict(message.into()).into()
}

fn refused(field: &str, rule: &str, message: String) -> ApiError {
    StoreError::from(ValidationErrors(vec![FieldError::new(
        field, rule, message,
    )]))
    .into()
}

/// A new passphrase: strong enough, and typed the same twice.
fn check_new(passphrase: &str, repeat: &str) -> Result<(), ApiError> {
    let mut errors = ValidationErrors::default();
    if let Some(why) = passphrase::passphrase_weakness(passphrase) {
        errors.push(FieldError::new("passphrase", "weak", why));
    }
    if repeat != passphrase {
        errors.push(FieldError::new(
            "repeat",
            "same",
            "de herhaling is niet gelijk aan de wachtwoordzin",
        ));
    }
    errors.into_result().map_err(|e| StoreError::from(e).into())
}

impl Session {
    /// A locked session on `profiles`: with the app-data directory, a database of an earlier
    /// version is moved into the profile "standaard" first, and the profile opened last is the
    /// one offered.
    pub fn start(profiles: Profiles, now: DateTime<Utc>) -> Self {
        let mut inner = Inner {
            profiles,
            profile: String::new(),
            path: PathBuf::new(),
            state: State::Locked,
            failures: 0,
            last_activity: now,
        };
        match &inner.profiles {
            Profiles::File(path) => {
                inner.path = path.clone();
                inner.profile = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
            }
            Profiles::DataDir(dir) => {
                match profiles::adopt_legacy(dir).and_then(|_| profiles::default_profile(dir)) {
                    Ok(name) => {
                        inner.path = profiles::database_path(dir, &name);
                        inner.profile = name;
                    }
                    Err(e) => inner.state = State::Failed(e.into()),
                }
            }
        }
        Self {
            inner: Mutex::new(inner),
            attempts: Mutex::new(()),
        }
    }

    fn inner(&self) -> MutexGuard<'_, Inner> {
        lock(&self.inner)
    }

    /// Which screen to show, for which profile.
    pub fn lock_state(&self) -> Result<LockState, ApiError> {
        self.inner().lock_state()
    }

    /// Runs `f` on the open store; [`ErrorCode::Locked`] while locked.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        match &mut self.inner().state {
            State::Open { store, .. } => f(store),
            State::Locked => Err(locked_error()),
            State::Failed(e) => Err(e.clone()),
        }
    }

    /// A connection of its own to the open database (the syncer's, so the window never waits
    /// for the network).
    pub fn connection(&self) -> Result<Store, ApiError> {
        let (path, key) = {
            let inner = self.inner();
            match &inner.state {
                State::Open { key, .. } => (inner.path.clone(), key.clone()),
                State::Locked => return Err(locked_error()),
                State::Failed(e) => return Err(e.clone()),
            }
        };
        Ok(Store::open_with_key(&path, &key)?)
    }

    /// Chooses another profile on the lock screen.
    pub fn choose_profile(&self, name: &str) -> Result<LockState, ApiError> {
        let mut inner = self.inner();
        let dir = inner.profile_dir()?;
        let name = profiles::find(&dir, name)?
            .ok_or_else(|| StoreError::NotFound(format!("profiel {name}")))?;
        inner.switch_to(&dir, name)
    }

    /// Starts a new profile called `name` (as [`profiles::profile_name`] makes it): the lock
    /// screen then asks for its passphrase.
    pub fn new_profile(&self, name: &str) -> Result<LockState, ApiError> {
        let mut inner = self.inner();
        let dir = inner.profile_dir()?;
        let name = profiles::profile_name(name)?;
        if let Some(existing) = profiles::find(&dir, &name)? {
            return Err(refused(
                "profile",
                "exists",
                format!("er is al een profiel {existing}"),
            ));
        }
        inner.switch_to(&dir, name)
    }

    /// Creates the database of a new profile, encrypted with `passphrase`, and opens it.
    pub fn create(
        &self,
        passphrase: &str,
        repeat: &str,
        now: DateTime<Utc>,
    ) -> Result<LockState, ApiError> {
        let _attempt = lock(&self.attempts);
        check_new(passphrase, repeat)?;
        let path = self.locked_path(LockScreen::Create)?;
        let opened = Store::create_encrypted(&path, passphrase);
        self.opened(&path, opened, now)
    }

    /// Encrypts the database of an earlier version with `passphrase` (keeping every row) and
    /// opens it.
    pub fn encrypt(
        &self,
        passphrase: &str,
        repeat: &str,
        now: DateTime<Utc>,
    ) -> Result<LockState, ApiError> {
        let _attempt = lock(&self.attempts);
        check_new(passphrase, repeat)?;
        let path = self.locked_path(LockScreen::Migrate)?;
        let opened = Store::encrypt_plain(&path, passphrase);
        self.opened(&path, opened, now)
    }

    /// Opens the database with `passphrase`. A wrong one is answered after
    /// [`unlock_delay`] of the wrong ones in a row, so guessing takes long.
    pub fn unlock(&self, passphrase: &str, now: DateTime<Utc>) -> Result<LockState, ApiError> {
        let _attempt = lock(&self.attempts);
        let path = self.locked_path(LockScreen::Unlock)?;
        match Store::unlock(&path, passphrase) {
            Err(StoreError::WrongPassphrase) => {
                let wait = {
                    let mut inner = self.inner();
                    inner.failures += 1;
                    unlock_delay(inner.failures)
                };
                std::thread::sleep(wait);
                Err(StoreError::WrongPassphrase.into())
            }
            opened => self.opened(&path, opened, now),
        }
    }

    /// Opens the database with `passphrase` whatever it needs: creates it, encrypts it or
    /// unlocks it (scripts and tests that start the app with a passphrase).
    pub fn open_unasked(
        &self,
        passphrase: &str,
        now: DateTime<Utc>,
    ) -> Result<LockState, ApiError> {
        match self.lock_state()?.screen {
            LockScreen::Create => self.create(passphrase, passphrase, now),
            LockScreen::Migrate => self.encrypt(passphrase, passphrase, now),
            LockScreen::Unlock => self.unlock(passphrase, now),
            LockScreen::Open => self.lock_state(),
        }
    }

    /// Locks: closes the store and forgets the key.
    pub fn lock(&self) -> Result<LockState, ApiError> {
        let mut inner = self.inner();
        if matches!(inner.state, State::Open { .. }) {
            inner.state = State::Locked;
        }
        inner.lock_state()
    }

    /// The user did something at `now`: the idle time starts again.
    pub fn touch(&self, now: DateTime<Utc>) {
        self.inner().last_activity = now;
    }

    /// Locks when the user was idle for the set minutes; the new state when it did.
    pub fn lock_if_idle(&self, now: DateTime<Utc>) -> Option<LockState> {
        let mut inner = self.inner();
        let State::Open {
            auto_lock_minutes, ..
        } = inner.state
        else {
            return None;
        };
        if !auto_lock::should_lock(inner.last_activity, now, auto_lock_minutes) {
            return None;
        }
        inner.state = State::Locked;
        inner.lock_state().ok()
    }

    /// After how many idle minutes the app locks itself.
    pub fn auto_lock_minutes(&self) -> Result<u32, ApiError> {
        match &self.inner().state {
            State::Open {
                auto_lock_minutes, ..
            } => Ok(*auto_lock_minutes),
            State::Locked => Err(locked_error()),
            State::Failed(e) => Err(e.clone()),
        }
    }

    /// Sets it (one of [`auto_lock::CHOICES`]).
    pub fn set_auto_lock_minutes(&self, minutes: u32) -> Result<u32, ApiError> {
        match &mut self.inner().state {
            State::Open {
                store,
                auto_lock_minutes,
                ..
            } => {
                *auto_lock_minutes = store.set_auto_lock_minutes(minutes)?;
                Ok(*auto_lock_minutes)
            }
            State::Locked => Err(locked_error()),
            State::Failed(e) => Err(e.clone()),
        }
    }

    /// Re-encrypts the open database with `new` once `current` proves to be its passphrase.
    /// Every other command waits meanwhile; the caller keeps other connections (the syncer's)
    /// closed.
    pub fn change_passphrase(
        &self,
        current: &str,
        new: &str,
        repeat: &str,
    ) -> Result<(), ApiError> {
        let _attempt = lock(&self.attempts);
        check_new(new, repeat)?;
        let mut inner = self.inner();
        let State::Open { store, key, .. } = &mut inner.state else {
            return Err(locked_error());
        };
        match store.change_passphrase(key, current, new) {
            Ok(new_key) => {
                *key = new_key;
                Ok(())
            }
            Err(StoreError::WrongPassphrase) => Err(refused(
                "current",
                "wrong",
                "dit is niet de huidige wachtwoordzin".into(),
            )),
            Err(e) => Err(e.into()),
        }
    }

    /// Erases the database (a device revoked on the sync server) through `connection`, after
    /// closing the window's: from then on every command answers `reason`.
    pub fn wipe(&self, connection: Store, reason: ApiError) -> Result<(), ApiError> {
        let mut inner = self.inner();
        inner.state = State::Failed(reason);
        Ok(connection.wipe()?)
    }

    /// The database to open from screen `screen`, while locked.
    fn locked_path(&self, screen: LockScreen) -> Result<PathBuf, ApiError> {
        let inner = self.inner();
        match &inner.state {
            State::Failed(e) => return Err(e.clone()),
            State::Open { .. } => return Err(conflict("Traject is al ontgrendeld")),
            State::Locked => {}
        }
        if inner.screen()? != screen {
            return Err(conflict(
                "de database is intussen veranderd; kijk opnieuw naar het scherm",
            ));
        }
        Ok(inner.path.clone())
    }

    /// Puts a store just opened from `path` in place, unless another profile was chosen
    /// meanwhile.
    fn opened(
        &self,
        path: &Path,
        opened: Result<(Store, DbKey), StoreError>,
        now: DateTime<Utc>,
    ) -> Result<LockState, ApiError> {
        let (store, key) = opened?;
        let auto_lock_minutes = store.auto_lock_minutes()?;
        let mut inner = self.inner();
        if inner.path != path || !matches!(inner.state, State::Locked) {
            return Err(conflict("intussen is een ander profiel gekozen"));
        }
        inner.state = State::Open {
            store,
            key,
            auto_lock_minutes,
        };
        inner.failures = 0;
        inner.last_activity = now;
        if let Profiles::DataDir(dir) = &inner.profiles {
            // Only a convenience (which profile the lock screen offers first): a laptop whose
            // disk refuses this small file still opens.
            profiles::remember(dir, &inner.profile).ok();
        }
        inner.lock_state()
    }
}

impl Inner {
    fn screen(&self) -> Result<LockScreen, ApiError> {
        Ok(match &self.state {
            State::Failed(e) => return Err(e.clone()),
            State::Open { .. } => LockScreen::Open,
            State::Locked => match database_state(&self.path)? {
                DatabaseState::Missing => LockScreen::Create,
                DatabaseState::Plain => LockScreen::Migrate,
                DatabaseState::Encrypted => LockScreen::Unlock,
            },
        })
    }

    fn lock_state(&self) -> Result<LockState, ApiError> {
        let screen = self.screen()?;
        let profiles = match &self.profiles {
            Profiles::File(_) => Vec::new(),
            Profiles::DataDir(dir) => profiles::list(dir)?
                .into_iter()
                .map(|name| {
                    let database = database_state(&profiles::database_path(dir, &name))?;
                    Ok(ProfileEntry { name, database })
                })
                .collect::<Result<_, StoreError>>()?,
        };
        let auto_lock_minutes = match &self.state {
            State::Open {
                auto_lock_minutes, ..
            } => Some(*auto_lock_minutes),
            _ => None,
        };
        Ok(LockState {
            screen,
            profile: self.profile.clone(),
            db_path: self.path.display().to_string(),
            single_database: matches!(self.profiles, Profiles::File(_)),
            profiles,
            failures: self.failures,
            delay_seconds: u32::try_from(unlock_delay(self.failures + 1).as_secs())
                .unwrap_or(u32::MAX),
            auto_lock_minutes,
        })
    }

    /// The app-data directory of the profiles, while locked.
    fn profile_dir(&self) -> Result<PathBuf, ApiError> {
        match (&self.state, &self.profiles) {
            (State::Failed(e), _) => Err(e.clone()),
            (State::Open { .. }, _) => Err(conflict(
                "vergrendel Traject eerst om een ander profiel te kiezen",
            )),
            (State::Locked, Profiles::File(path)) => Err(conflict(&format!(
                "Traject is gestart met één database ({}): er zijn geen profielen",
                path.display()
            ))),
            (State::Locked, Profiles::DataDir(dir)) => Ok(dir.clone()),
        }
    }

    fn switch_to(&mut self, dir: &Path, name: String) -> Result<LockState, ApiError> {
        self.path = profiles::database_path(dir, &name);
        self.profile = name;
        self.lock_state()
    }
}

#[cfg(test)]
mod tests;
