//! A case purged after its retention period (domain page §7). The teamleider's laptop removes
//! the dossier and sends a [`CASE_PURGED`] op through its outbox (so a purge made offline goes
//! out with the next sync). The server then removes every change of the case from every team's
//! feed, its current fields, its conflicts and moves, keeps a record without personal data
//! (`case_purges`), and appends a [`CASE_PURGED`] change to each team that held the case, on
//! which their laptops remove it at their next pull. A later op of the case — an edit made
//! offline before the purge reached that laptop — is refused, so nothing brings it back.
//!
//! Only a teamleider of the team that has the case may purge it: it destroys the team's
//! records for good, as the teamleider also decides a move. A consultant's purge is refused
//! (the laptop refuses it first); a beheerder syncs no dossiers at all. The server does not
//! judge the retention period itself: the period is the municipality's setting on the
//! teamleider's laptop, which refuses a dossier whose period has not ended.

use traject_core::sync::hlc::Hlc;
use traject_core::sync::wire::{OpStatus, ServerRole, Session, WireOp, CASE_PURGED};

use super::tx::{CasePurge, NewChange};
use super::{now, Db, Result, Tx};

/// Why an op of a purged case is refused.
pub(super) const PURGED: &str =
    "dit dossier is verwijderd na afloop van de bewaartermijn en kan niet meer worden gewijzigd";

/// Purges the case of a [`CASE_PURGED`] op of the session's team `team`: its status, or why
/// it is refused. Purging a purged case again changes nothing.
pub(super) fn purge_case(
    tx: &mut dyn Tx,
    session: &Session,
    team: i64,
    op: &WireOp,
) -> Result<std::result::Result<OpStatus, String>> {
    let client_id = op.row_id.as_str();
    if tx.case_purged(client_id)? {
        return Ok(Ok(OpStatus::Applied));
    }
    // A dossier never synced before its purge is the purging team's.
    let owner = tx.case_owner(client_id)?.unwrap_or(team);
    if owner != team {
        return Ok(Err("dit dossier hoort bij een ander team".into()));
    }
    if session.role != ServerRole::Teamleider {
        return Ok(Err(
            "alleen de teamleider van het team van dit dossier verwijdert een dossier na de bewaartermijn"
                .into(),
        ));
    }
    let at = now();
    let device = session.device_id.to_string();
    let by = tx.who(&device)?.unwrap_or(device.clone());
    let mut teams = tx.purge_case(&CasePurge {
        client_id,
        team_id: owner,
        purged_at: &at,
        purged_by: &by,
    })?;
    if !teams.contains(&owner) {
        teams.push(owner);
    }
    let hlc = Hlc {
        wall_ms: chrono::Utc::now().timestamp_millis(),
        counter: 0,
        device: "server".into(),
    }
    .to_string();
    // The day of the purge: the only thing the change says besides the dossier's id.
    let day = serde_json::Value::from(&at[..10]).to_string();
    for team_id in teams {
        tx.record_change(&NewChange {
            op_id: &format!("{CASE_PURGED}:{client_id}:{team_id}"),
            entity: CASE_PURGED,
            row_id: client_id,
            client_id: None,
            field: "purged_on",
            value: &day,
            hlc: &hlc,
            team_id,
            device_id: &device,
            received_at: &at,
        })?;
    }
    Ok(Ok(OpStatus::Applied))
}

impl Db {
    /// After a purge, on SQLite: the write-ahead log moves into the database file and is
    /// emptied, so the overwritten pages (the connection deletes securely) replace the old
    /// ones and no earlier copy stays in the log. PostgreSQL's autovacuum reclaims the space of
    /// the deleted rows, which no query sees any more.
    pub(super) fn settle_purge(&self) -> Result<()> {
        match self {
            Self::Sqlite(db) => db.checkpoint(),
            Self::Postgres(_) => Ok(()),
        }
    }
}
