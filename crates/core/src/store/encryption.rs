//! The laptop database encrypted at rest (SQLCipher). The key comes from the user's passphrase
//! through Argon2id; its salt and cost live in a small key file next to the database
//! (`traject.db.key`), the key itself only in memory while the database is unlocked.
//!
//! Changing the passphrase, and encrypting a database of an earlier version, write an
//! encrypted copy next to the database and swap it in; the key file names the new cost as
//! `next` first, so a crash at any point leaves a database one of the two passphrases opens.

use std::io::Write;
use std::path::{Path, PathBuf};

use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{Result, Store, StoreError};
use crate::domain::passphrase;

/// The first bytes of every unencrypted SQLite file.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Set (to anything) for tests and scripts that create many throwaway databases: new key
/// files then use the cheapest Argon2id cost. Never for real data.
pub const FAST_KDF_ENV: &str = "TRAJECT_INSECURE_FAST_KDF";

/// How much work deriving the key takes. Stored in the key file, so a database opens with the
/// cost it was made with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// 16 random bytes, hex.
    pub salt: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

impl KdfParams {
    /// Fresh parameters with a new salt: [`KdfParams::STANDARD`] (about a second here), or the
    /// cheapest when [`FAST_KDF_ENV`] is set (and in unit tests).
    pub fn new() -> Self {
        let fast = cfg!(test) || std::env::var_os(FAST_KDF_ENV).is_some();
        let (memory_kib, iterations, parallelism) = if fast {
            (Params::MIN_M_COST, Params::MIN_T_COST, 1)
        } else {
            Self::STANDARD
        };
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        Self {
            salt: hex(&salt),
            memory_kib,
            iterations,
            parallelism,
        }
    }

    /// Memory (KiB), passes and lanes of a new key: chosen so that unlocking takes 0.5–1.5 s
    /// on a 2-core laptop (`make bench`, "unlock"). The four lanes are filled on as many cores
    /// as the laptop has (argon2's `parallel` feature), so the same memory and passes take less
    /// of the user's time than one lane would: 256 MiB × 4 passes took 0.77 s in one lane and
    /// 0.50 s in four on 2 cores; the time saved buys a fifth pass (0.60 s). A key file keeps
    /// the cost it was made with (earlier ones: one lane, four passes) until the passphrase
    /// changes.
    pub const STANDARD: (u32, u32, u32) = (256 * 1024, 5, 4);

    /// The key `passphrase` gives with these parameters.
    pub fn derive(&self, passphrase: &str) -> Result<DbKey> {
        let bad = |e: String| StoreError::KeyFile(format!("ongeldige sleutelparameters: {e}"));
        let salt = unhex(&self.salt).ok_or_else(|| bad(format!("zout {}", self.salt)))?;
        let params = Params::new(self.memory_kib, self.iterations, self.parallelism, Some(32))
            .map_err(|e| bad(e.to_string()))?;
        let mut key = Zeroizing::new([0u8; 32]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), &salt, key.as_mut())
            .map_err(|e| bad(e.to_string()))?;
        Ok(DbKey(key))
    }
}

impl Default for KdfParams {
    fn default() -> Self {
        Self::new()
    }
}

/// The key file: how the key is derived, and during a change of passphrase how the new one is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct KeyFile {
    kdf: String,
    params: KdfParams,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    next: Option<KdfParams>,
}

impl KeyFile {
    const KDF: &'static str = "argon2id";

    fn read(db: &Path) -> Result<Self> {
        let path = key_file(db);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            StoreError::KeyFile(format!(
                "het sleutelbestand {} kan niet worden gelezen: {e}",
                path.display()
            ))
        })?;
        let file: Self = serde_json::from_str(&text).map_err(|e| {
            StoreError::KeyFile(format!(
                "het sleutelbestand {} is ongeldig: {e}",
                path.display()
            ))
        })?;
        if file.kdf != Self::KDF {
            return Err(StoreError::KeyFile(format!(
                "onbekende sleutelafleiding {} in {}",
                file.kdf,
                path.display()
            )));
        }
        Ok(file)
    }

    /// Written whole or not at all (a temporary file renamed over the old one).
    fn write(&self, db: &Path) -> Result<()> {
        let path = key_file(db);
        let temporary = with_suffix(&path, ".tmp");
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(serde_json::to_string_pretty(self)?.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temporary, &path)?;
        Ok(())
    }
}

/// The 256-bit database key, wiped from memory when dropped.
#[derive(Clone)]
pub struct DbKey(Zeroizing<[u8; 32]>);

impl DbKey {
    /// The key as SQLCipher takes raw key material (no second key derivation).
    fn pragma(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("x'{}'", hex(self.0.as_ref())))
    }

    /// Makes `conn` use this key; it must be the first thing done with a connection.
    pub(super) fn apply(&self, conn: &Connection) -> Result<()> {
        conn.pragma_update(None, "key", self.pragma().as_str())?;
        Ok(())
    }
}

impl PartialEq for DbKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_ref() == other.0.as_ref()
    }
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(..)")
    }
}

/// What is on disk at a database path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DatabaseState {
    /// Nothing yet: a passphrase must be chosen.
    Missing,
    /// Unencrypted, from an earlier version: it is encrypted once a passphrase is chosen.
    Plain,
    /// Encrypted: the passphrase unlocks it.
    Encrypted,
}

/// Whether the database at `path` is there, and encrypted.
pub fn database_state(path: &Path) -> Result<DatabaseState> {
    let mut header = [0u8; 16];
    match std::fs::File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(DatabaseState::Missing),
        Err(e) => Err(e.into()),
        Ok(mut file) => {
            use std::io::Read;
            let read = file.read(&mut header)?;
            Ok(if read == 0 {
                DatabaseState::Missing
            } else if &header == PLAIN_HEADER {
                DatabaseState::Plain
            } else {
                DatabaseState::Encrypted
            })
        }
    }
}

/// The key file of the database at `db`.
pub fn key_file(db: &Path) -> PathBuf {
    with_suffix(db, ".key")
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// How long to wait before answering after `failures` wrong passphrases in a row: nothing for
/// a typo, then doubling up to half a minute.
pub fn unlock_delay(failures: u32) -> std::time::Duration {
    let seconds = match failures {
        0..=2 => 0,
        n => (1u64 << (n - 3).min(5)).min(30),
    };
    std::time::Duration::from_secs(seconds)
}

impl Store {
    /// Creates a new encrypted database at `path` with a key from `passphrase`.
    pub fn create_encrypted(path: &Path, passphrase: &str) -> Result<(Self, DbKey)> {
        check_strength(passphrase)?;
        if database_state(path)? != DatabaseState::Missing {
            return Err(StoreError::Conflict(format!(
                "er staat al een database op {}",
                path.display()
            )));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let params = KdfParams::new();
        let key = params.derive(passphrase)?;
        KeyFile {
            kdf: KeyFile::KDF.into(),
            params,
            next: None,
        }
        .write(path)?;
        let store = Self::open_keyed(path, Some(&key))?;
        Ok((store, key))
    }

    /// Opens the encrypted database at `path` with `passphrase`; [`StoreError::WrongPassphrase`]
    /// when it is not the one. Finishes a change of passphrase that a crash interrupted.
    pub fn unlock(path: &Path, passphrase: &str) -> Result<(Self, DbKey)> {
        let mut file = KeyFile::read(path)?;
        let key = file.params.derive(passphrase)?;
        if key_opens(path, &key)? {
            discard(&with_suffix(path, ".rekey"))?;
            return Ok((Self::open_keyed(path, Some(&key))?, key));
        }
        if let Some(next) = file.next.take() {
            let key = next.derive(passphrase)?;
            if key_opens(path, &key)? {
                file.params = next;
                file.write(path)?;
                return Ok((Self::open_keyed(path, Some(&key))?, key));
            }
        }
        Err(StoreError::WrongPassphrase)
    }

    /// Opens the encrypted database at `path` with a key from [`Store::unlock`] (a second
    /// connection, such as the app's syncer).
    pub fn open_with_key(path: &Path, key: &DbKey) -> Result<Self> {
        Self::open_keyed(path, Some(key))
    }

    /// Encrypts the unencrypted database of an earlier version at `path` with a key from
    /// `passphrase`, keeping every row, and opens it.
    pub fn encrypt_plain(path: &Path, passphrase: &str) -> Result<(Self, DbKey)> {
        check_strength(passphrase)?;
        if database_state(path)? != DatabaseState::Plain {
            return Err(StoreError::Conflict(format!(
                "{} is geen onversleutelde database",
                path.display()
            )));
        }
        let params = KdfParams::new();
        let key = params.derive(passphrase)?;
        // Brought up to date first, so the copy has this version's schema.
        let plain = Self::open_keyed(path, None)?;
        KeyFile {
            kdf: KeyFile::KDF.into(),
            params,
            next: None,
        }
        .write(path)?;
        swap_in_copy(plain.conn, path, &key)?;
        Ok((Self::open_keyed(path, Some(&key))?, key))
    }

    /// Re-encrypts this database with a key from `new`, after checking that `current` is the
    /// passphrase of `key`, the key it is open with; the new key.
    pub fn change_passphrase(&mut self, key: &DbKey, current: &str, new: &str) -> Result<DbKey> {
        let path = self.path.clone();
        let mut file = KeyFile::read(&path)?;
        if file.params.derive(current)? != *key {
            return Err(StoreError::WrongPassphrase);
        }
        check_strength(new)?;
        let next = KdfParams::new();
        let new_key = next.derive(new)?;
        file.next = Some(next.clone());
        file.write(&path)?;
        // The old database stays whole until the copy replaces it; either way this store is
        // open again afterwards, with the key its file now has.
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        let swapped = swap_in_copy(old, &path, &new_key);
        let now = if swapped.is_ok() { &new_key } else { key };
        self.conn = Self::open_keyed(&path, Some(now))?.conn;
        swapped?;
        file.params = next;
        file.next = None;
        file.write(&path)?;
        Ok(new_key)
    }
}

/// A plain SQLite connection to the encrypted database at `path` (tools and tests that read
/// its tables directly); [`StoreError::WrongPassphrase`] when `passphrase` does not open it.
pub fn connect(path: &Path, passphrase: &str) -> Result<Connection> {
    let key = KeyFile::read(path)?.params.derive(passphrase)?;
    if !key_opens(path, &key)? {
        return Err(StoreError::WrongPassphrase);
    }
    let conn = Connection::open(path)?;
    key.apply(&conn)?;
    Ok(conn)
}

fn check_strength(passphrase: &str) -> Result<()> {
    match passphrase::passphrase_weakness(passphrase) {
        Some(why) => Err(StoreError::WeakPassphrase(why)),
        None => Ok(()),
    }
}

/// Whether `key` opens the database at `path`.
fn key_opens(path: &Path, key: &DbKey) -> Result<bool> {
    let conn = Connection::open(path)?;
    key.apply(&conn)?;
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(true),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Ok(false)
        }
        Err(e) => Err(e.into()),
    }
}

/// Replaces the database at `path`, open as `conn`, with a copy encrypted with `key`: the
/// copy is written next to it (`.rekey`), checked, and renamed over it once `conn` is closed
/// and its write-ahead log gone.
fn swap_in_copy(conn: Connection, path: &Path, key: &DbKey) -> Result<()> {
    let copy = with_suffix(path, ".rekey");
    discard(&copy)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let exported = conn
        .execute(
            "ATTACH DATABASE ?1 AS rekeyed KEY ?2",
            rusqlite::params![copy.to_string_lossy(), key.pragma().as_str()],
        )
        .and_then(|_| {
            let exported = conn.execute_batch(&format!(
                "SELECT sqlcipher_export('rekeyed'); PRAGMA rekeyed.user_version = {version};"
            ));
            conn.execute_batch("DETACH DATABASE rekeyed")?;
            exported
        });
    if let Err(e) = exported {
        discard(&copy)?;
        return Err(e.into());
    }
    if !key_opens(&copy, key)? {
        discard(&copy)?;
        return Err(StoreError::KeyFile(
            "de versleutelde kopie kon niet worden gelezen".into(),
        ));
    }
    std::fs::File::open(&copy)?.sync_all()?;
    conn.close().map_err(|(_, e)| e)?;
    for suffix in ["-wal", "-shm"] {
        discard(&with_suffix(path, suffix))?;
    }
    std::fs::rename(&copy, path)?;
    Ok(())
}

/// Removes `path` if it is there.
fn discard(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
        })
        .collect()
}

#[cfg(test)]
mod tests;
