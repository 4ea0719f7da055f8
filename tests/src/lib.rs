//! Integration tests live in tests/*.rs. What they share about the encrypted laptop database:
//! every `traject` CLI and app a test starts opens its database with [`PASSPHRASE`].

use std::path::Path;
use std::process::Command;

/// The passphrase of every test database.
pub const PASSPHRASE: &str = "Testdatabase van Traject 2026!";

/// `cmd` (the `traject` CLI, or the app through tauri-driver) opens or creates its encrypted
/// database with [`PASSPHRASE`] without asking, with the cheap key derivation of throwaway
/// databases.
pub fn unlocked(cmd: &mut Command) -> &mut Command {
    cmd.env("TRAJECT_PASSPHRASE", PASSPHRASE)
        .env(traject_core::store::FAST_KDF_ENV, "1")
}

/// A plain SQLite connection to a test database, keyed with [`PASSPHRASE`].
pub fn connect(db: &Path) -> rusqlite::Connection {
    traject_core::store::connect(db, PASSPHRASE).unwrap_or_else(|e| panic!("{}: {e}", db.display()))
}
