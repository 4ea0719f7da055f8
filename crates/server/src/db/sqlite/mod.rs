//! The server's database on SQLite (rusqlite): one file, one connection behind a mutex.
//! `migrations/server/sqlite/NN-name/up.sql`, applied at open.

mod accounts;
mod sync;

use std::path::Path;
use std::sync::Mutex;

use include_dir::{include_dir, Dir};
use rusqlite::Connection;
use rusqlite_migration::Migrations;

use super::{Result, Tx};
use crate::error::ServerError;

static MIGRATIONS: Dir = include_dir!("$CARGO_MANIFEST_DIR/../../migrations/server/sqlite");

pub struct Sqlite {
    conn: Mutex<Connection>,
}

/// An open SQLite transaction.
struct SqliteTx<'a>(rusqlite::Transaction<'a>);

/// Statements run through the connection's statement cache: every request runs the same few
/// dozen, and parsing them again each time was a third of the server's work.
impl SqliteTx<'_> {
    fn execute(&self, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
        self.0.prepare_cached(sql)?.execute(params)
    }

    fn query_row<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        row: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.0.prepare_cached(sql)?.query_row(params, row)
    }
}

fn migration_error(e: rusqlite_migration::Error) -> ServerError {
    ServerError::Migration(e.to_string())
}

impl Sqlite {
    /// Opens (creating) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Deleted rows (a purged case) are overwritten, not left in the file's free space.
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.set_prepared_statement_cache_capacity(64);
        Migrations::from_directory(&MIGRATIONS)
            .map_err(migration_error)?
            .to_latest(&mut conn)
            .map_err(migration_error)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    /// Moves the write-ahead log into the database file and empties it.
    pub(super) fn checkpoint(&self) -> Result<()> {
        let conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    pub(super) fn tx<T>(&self, work: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut conn = self
            .conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut tx = SqliteTx(conn.transaction()?);
        let value = work(&mut tx)?;
        tx.0.commit()?;
        Ok(value)
    }
}
