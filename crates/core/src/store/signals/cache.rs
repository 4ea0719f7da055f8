//! Each client's signal facts, kept between Werkvoorraads in the table `signal_facts`: gathering
//! them reads every record of the client (a region's Werkvoorraad read 660,000 hour entries,
//! two seconds), decoding a cached row takes microseconds. Triggers (migration 13) drop a
//! client's row when any record its facts come from changes — the laptop's own writes, pulled
//! changes, moves and purges alike —, so the next Werkvoorraad gathers that client again. The
//! client's own columns are always read fresh from `clients`.

use std::time::Duration;

use rusqlite::{params, Connection};

use super::super::{Result, StoreError, BUSY_TIMEOUT};
use super::facts::ClientRow;
use crate::domain::signals::ClientFacts;

/// The layout of a cached row (postcard of [`ClientFacts`]); a row of another layout is
/// gathered again. Raise it whenever `ClientFacts` or what it holds changes shape.
pub(super) const FACTS_VERSION: i64 = 1;

/// A cached row's facts, if it is of this layout and decodes.
pub(super) fn decode(version: Option<i64>, blob: Option<&[u8]>) -> Option<ClientFacts> {
    if version != Some(FACTS_VERSION) {
        return None;
    }
    postcard::from_bytes(blob?).ok()
}

/// Keeps the gathered facts of these clients.
pub(super) fn save(conn: &Connection, clients: &[(ClientRow, ClientFacts)]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT OR REPLACE INTO signal_facts (client_id, version, facts) VALUES (?1, ?2, ?3)",
    )?;
    for (client, facts) in clients {
        let blob = postcard::to_stdvec(facts)
            .map_err(|e| StoreError::BadValue(format!("signaalfeiten: {e}")))?;
        stmt.execute(params![client.id.to_string(), FACTS_VERSION, blob])?;
    }
    Ok(())
}

/// Runs `gather` (which reads records and, when told to keep them, saves facts) in one write
/// transaction, so no other connection can commit a change between what was read and what is
/// kept: a change committed earlier is read, a later one finds the row and drops it. While
/// another connection is writing (the syncer storing a pull can take half a minute) the facts
/// are gathered all the same, and not kept: no screen waits for the sync.
pub(super) fn gathering<T>(
    conn: &Connection,
    gather: impl FnOnce(&Connection, bool) -> Result<T>,
) -> Result<T> {
    if !conn.is_autocommit() {
        // Already inside a transaction of this connection: its own writes come after.
        return gather(conn, true);
    }
    conn.busy_timeout(Duration::ZERO)?;
    let began = conn.execute_batch("BEGIN IMMEDIATE");
    conn.busy_timeout(BUSY_TIMEOUT)?;
    match began {
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::DatabaseBusy =>
        {
            return gather(conn, false);
        }
        began => began?,
    }
    match gather(conn, true) {
        Ok(value) => {
            conn.execute_batch("COMMIT")?;
            Ok(value)
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}
