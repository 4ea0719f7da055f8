//! This laptop's link to a sync server: where, as whom, and the device token (kept in the local
//! database, never synced).

use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{settings, Result, Store, StoreError};
use crate::sync::client::{server_url, SyncClient, SyncError};
use crate::sync::outbox::LEDGER_ROW;
use crate::sync::rows::{scope, Scope};
use crate::sync::status::{SyncAccount, SyncPhase, SyncProgress, SyncState, SyncStatus};
use crate::sync::wire::{MoveResponse, OpResult, OpStatus, PushRequest, ServerRole, WireOp};

pub(super) const KEY: &str = "sync_login";
pub(super) const LAST_SYNC: &str = "sync_last";
/// The server's stamp of the team's open conflicts when this laptop last fetched them.
const CONFLICTS_SEEN: &str = "sync_conflicts_seen";

/// The login of this laptop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncLogin {
    pub server: String,
    pub user: String,
    pub role: ServerRole,
    pub team: Option<String>,
    pub device_id: uuid::Uuid,
    /// This computer's name on the server.
    #[serde(default)]
    pub device: String,
    pub token: String,
    /// A certificate authority (PEM) trusted for this server besides the usual ones: a
    /// municipality's own CA.
    #[serde(default)]
    pub ca_cert: Option<String>,
}

impl SyncLogin {
    fn client(&self) -> std::result::Result<SyncClient, SyncError> {
        SyncClient::new(server_url(&self.server, true)?, self.ca_cert.as_deref())
    }
}

/// The last successful sync: when, and what it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct LastSync {
    at: String,
    report: SyncReport,
}

impl Store {
    pub fn sync_login(&self) -> Result<Option<SyncLogin>> {
        settings::get(&self.conn, KEY)
    }

    /// Logs in on `server` (https, or http to this computer unless `allow_http`) and keeps the
    /// device token. The password is not kept.
    pub fn log_in(
        &mut self,
        server: &str,
        user: &str,
        password: &str,
        device_name: &str,
        allow_http: bool,
    ) -> std::result::Result<SyncLogin, SyncError> {
        self.log_in_trusting(server, user, password, device_name, allow_http, None)
    }

    /// [`Store::log_in`], trusting `ca_cert` (PEM) for this server as well.
    pub fn log_in_trusting(
        &mut self,
        server: &str,
        user: &str,
        password: &str,
        device_name: &str,
        allow_http: bool,
        ca_cert: Option<String>,
    ) -> std::result::Result<SyncLogin, SyncError> {
        let url = server_url(server, allow_http)?;
        let response =
            SyncClient::new(url.clone(), ca_cert.as_deref())?.login(user, password, device_name)?;
        let login = SyncLogin {
            server: url.to_string(),
            user: response.session.user,
            role: response.session.role,
            team: response.session.team,
            device_id: response.device_id,
            device: device_name.to_owned(),
            token: response.token,
            ca_cert,
        };
        settings::put(&self.conn, KEY, &login)?;
        // Another server or team: its conflicts are fetched at the first sync.
        self.conn
            .execute("DELETE FROM settings WHERE key = ?1", [CONFLICTS_SEEN])
            .map_err(StoreError::from)?;
        Ok(login)
    }

    /// Forgets the login (the server keeps the device until the beheerder revokes it) and when
    /// it last synced; unsent changes stay in the outbox.
    pub fn log_out(&mut self) -> Result<bool> {
        for key in [LAST_SYNC, CONFLICTS_SEEN] {
            self.conn
                .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        }
        Ok(self
            .conn
            .execute("DELETE FROM settings WHERE key = ?1", [KEY])?
            > 0)
    }

    /// Asks the server to give dossier `id` to team `team` (online; the teamleider of its team
    /// or a beheerder). This laptop removes it at its next sync, as every laptop of the team.
    pub fn move_case(
        &self,
        id: &uuid::Uuid,
        team: &str,
    ) -> std::result::Result<MoveResponse, SyncError> {
        let login = self.sync_login()?.ok_or_else(|| {
            SyncError::Address("deze computer is niet aangemeld: traject login".into())
        })?;
        login
            .client()?
            .move_case(&login.token, &id.to_string(), team)
    }

    /// The sync state as this database knows it: the login, what waits to be sent, the open
    /// conflicts and the last successful sync. The app adds what is running now.
    pub fn sync_overview(&self) -> Result<SyncStatus> {
        let login = self.sync_login()?;
        let last: Option<LastSync> = settings::get(&self.conn, LAST_SYNC)?;
        Ok(SyncStatus {
            state: if login.is_some() {
                SyncState::Idle
            } else {
                SyncState::NotConfigured
            },
            account: login.map(|l| SyncAccount {
                server: l.server,
                user: l.user,
                device: l.device,
                role: l.role,
                team: l.team,
            }),
            pending: u32::try_from(self.pending_ops()?).unwrap_or(u32::MAX),
            open_conflicts: self.open_conflict_count()?,
            last_success: last.as_ref().map(|l| l.at.clone()),
            last_error: None,
            next_attempt: None,
            progress: None,
            last_report: last.map(|l| l.report),
        })
    }
}

/// What one `sync` did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct SyncReport {
    pub pushed: u32,
    /// Ops the server refused, with its reason ("clients.phone: …").
    pub rejected: Vec<String>,
    /// Own edits that met another device's: both values are kept on the server for review.
    pub conflicts: u32,
    pub pulled: u32,
    /// Pulled rows this laptop could not store, with the reason (the rest did arrive).
    pub not_applied: Vec<String>,
    /// Dossiers moved to another team, removed from this laptop.
    pub moved: u32,
    /// Dossiers the team purged after their retention period, removed from this laptop.
    #[serde(default)]
    pub purged: u32,
    /// The server had compacted what this laptop had not fetched yet: everything was fetched
    /// again (after sending this laptop's own changes).
    pub reset: bool,
}

/// Ops sent per request.
const PUSH_BATCH: usize = 500;
/// Changes fetched per request.
pub(super) const PULL_PAGE: u32 = 2_000;

impl Store {
    /// Sends the outbox (oldest first, in batches; each op leaves it once the server answered
    /// it) and the conflict choices made here, then fetches the team's changes and applies
    /// them in one transaction, and last the team's open conflicts when they changed.
    pub fn sync(&mut self) -> std::result::Result<SyncReport, SyncError> {
        self.sync_with(&mut |_| {})
    }

    /// [`Store::sync`], telling `progress` how far it is.
    pub fn sync_with(
        &mut self,
        progress: &mut dyn FnMut(SyncProgress),
    ) -> std::result::Result<SyncReport, SyncError> {
        // A first pull stores a whole region: a bulk write.
        self.in_bulk(|store| store.sync_now(progress))
    }

    fn sync_now(
        &mut self,
        progress: &mut dyn FnMut(SyncProgress),
    ) -> std::result::Result<SyncReport, SyncError> {
        let login = self.sync_login()?.ok_or_else(|| {
            SyncError::Address("deze computer is niet aangemeld: traject login".into())
        })?;
        let client = login.client()?;
        let mut report = SyncReport::default();
        let total = u32::try_from(self.pending_ops()?).unwrap_or(u32::MAX);
        progress(SyncProgress {
            phase: SyncPhase::Push,
            done: 0,
            total: Some(total),
        });
        loop {
            let ops = self.outbox_batch(PUSH_BATCH)?;
            if ops.is_empty() {
                break;
            }
            let request = PushRequest {
                schema_version: super::SCHEMA_VERSION,
                ops,
            };
            let response = client.push(&login.token, &request)?;
            if response.results.len() != request.ops.len() {
                return Err(SyncError::Protocol(format!(
                    "{} antwoorden op {} wijzigingen",
                    response.results.len(),
                    request.ops.len()
                )));
            }
            report.pushed += request.ops.len() as u32;
            for (op, result) in request.ops.iter().zip(&response.results) {
                match result.status {
                    OpStatus::Rejected => report.rejected.push(format!(
                        "{}.{}: {}",
                        op.entity,
                        op.field,
                        result.reason.as_deref().unwrap_or("geweigerd")
                    )),
                    OpStatus::Conflict => report.conflicts += 1,
                    OpStatus::Applied | OpStatus::Superseded => {}
                }
            }
            self.acknowledge(&response.results)?;
            progress(SyncProgress {
                phase: SyncPhase::Push,
                done: report.pushed,
                total: Some(total.max(report.pushed)),
            });
        }
        let mut sent = Vec::new();
        for (id, choice) in self.chosen_conflicts()? {
            match client.resolve(&login.token, id, choice) {
                // Gone: resolved elsewhere or by the beheerder; nothing left to tell.
                Ok(_) | Err(SyncError::Refused { status: 404, .. }) => sent.push(id),
                Err(e) => return Err(e),
            }
        }
        let cursor: i64 = settings::get(&self.conn, settings::SYNC_CURSOR)?.unwrap_or(0);
        let pulled = match self.pull_and_store(&client, &login.token, cursor, progress) {
            // The server compacted what this laptop had not seen yet: start over (its own
            // changes went out above; what arrives again changes only what differs).
            Err(SyncError::Refused { status: 410, .. }) if cursor > 0 => {
                report.reset = true;
                self.pull_and_store(&client, &login.token, 0, progress)?
            }
            pulled => pulled?,
        };
        report.pulled = pulled.changes;
        report.not_applied = pulled.not_applied;
        report.moved = pulled.moved;
        report.purged = pulled.purged;
        // The team's open conflicts, when they may have changed since the last look.
        let seen: Option<String> = settings::get(&self.conn, CONFLICTS_SEEN)?;
        if pulled.conflicts.is_none()
            || pulled.conflicts != seen
            || report.conflicts > 0
            || !sent.is_empty()
        {
            let open = client.conflicts(&login.token)?;
            self.keep_conflicts(&open.conflicts, &sent)?;
            let stamp = pulled.conflicts.as_deref().unwrap_or_default();
            settings::put(&self.conn, CONFLICTS_SEEN, &stamp)?;
        }
        let last = LastSync {
            at: super::clients::timestamp(chrono::Utc::now()),
            report: report.clone(),
        };
        settings::put(&self.conn, LAST_SYNC, &last)?;
        Ok(report)
    }

    /// The oldest ops of the outbox as they travel: the dossier each belongs to, and a ledger
    /// row read whole. About `limit` of them: a batch does not end inside the ops of one row
    /// (up to `ROW_OPS_MAX` more), so a new row reaches the server, and every laptop's pull,
    /// in one piece.
    fn outbox_batch(&self, limit: usize) -> Result<Vec<WireOp>> {
        const ROW_OPS_MAX: usize = 200;
        let mut stmt = self.conn.prepare_cached(
            "SELECT op_id, entity, row_id, field, value, hlc, base_seq FROM outbox
             ORDER BY rowid LIMIT ?1",
        )?;
        let mut rows = stmt.query([(limit + ROW_OPS_MAX) as i64])?;
        let mut ops: Vec<WireOp> = Vec::new();
        while let Some(r) = rows.next()? {
            let entity: String = r.get(1)?;
            let row_id: String = r.get(2)?;
            if ops.len() >= limit
                && ops
                    .last()
                    .is_none_or(|last| last.entity != entity || last.row_id != row_id)
            {
                break;
            }
            let field: String = r.get(3)?;
            let value = if field == LEDGER_ROW {
                self.row_json(&entity, &row_id)?
            } else {
                serde_json::from_str(&r.get::<_, String>(4)?)?
            };
            ops.push(WireOp {
                op_id: super::parse_id(&r.get::<_, String>(0)?)?,
                client_id: client_of(&self.conn, &entity, &row_id)?,
                entity,
                row_id,
                field,
                value,
                hlc: r.get(5)?,
                base_seq: r.get(6)?,
            });
        }
        Ok(ops)
    }

    /// A ledger row as a JSON object (blobs as hex in `{"$hex": …}`).
    fn row_json(&self, table: &str, row_id: &str) -> Result<Value> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT * FROM \"{table}\" WHERE id = ?1"))?;
        let names: Vec<String> = stmt
            .column_names()
            .iter()
            .map(|n| (*n).to_owned())
            .collect();
        let mut rows = stmt.query([row_id])?;
        let Some(r) = rows.next()? else {
            return Err(StoreError::NotFound(format!("{table} {row_id}")));
        };
        let mut object = Map::new();
        for (i, name) in names.iter().enumerate() {
            let value = match r.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::from(n),
                ValueRef::Real(x) => Value::from(x),
                ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => serde_json::json!({
                    "$hex": b.iter().map(|x| format!("{x:02x}")).collect::<String>()
                }),
            };
            object.insert(name.clone(), value);
        }
        Ok(Value::Object(object))
    }

    /// Removes the answered ops from the outbox.
    fn acknowledge(&mut self, results: &[OpResult]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached("DELETE FROM outbox WHERE op_id = ?1")?;
            for result in results {
                stmt.execute([result.op_id.to_string()])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

impl From<StoreError> for SyncError {
    fn from(e: StoreError) -> Self {
        SyncError::Local(e.to_string())
    }
}

/// A JSON value as SQLite stores it (hex blobs back to bytes).
pub(super) fn sql_value(value: &Value) -> SqlValue {
    if let Some(hex) = value.get("$hex").and_then(Value::as_str) {
        let bytes: Option<Vec<u8>> = (0..hex.len())
            .step_by(2)
            .map(|i| {
                hex.get(i..i + 2)
                    .and_then(|b| u8::from_str_radix(b, 16).ok())
            })
            .collect();
        return bytes.map_or(SqlValue::Null, SqlValue::Blob);
    }
    match value {
        Value::Number(n) if n.is_f64() => n.as_f64().map_or(SqlValue::Null, SqlValue::Real),
        other => super::clients::to_sql(other),
    }
}

/// [`sql_value`] of a value that is not needed any more (text moves instead of copying).
pub(super) fn sql_value_owned(value: Value) -> SqlValue {
    match value {
        Value::String(text) => SqlValue::Text(text),
        other => sql_value(&other),
    }
}

/// A key column's value from the row id: a number for an INTEGER column, '*' as NULL for a
/// price of any provider.
pub(super) fn key_value(
    columns: &[(String, String)],
    table: &str,
    column: &str,
    part: &str,
) -> SqlValue {
    if table == "course_prices" && column == "provider" && part == "*" {
        return SqlValue::Null;
    }
    let integer = columns
        .iter()
        .any(|(c, t)| c == column && t.eq_ignore_ascii_case("INTEGER"));
    match part.parse::<i64>() {
        Ok(n) if integer => SqlValue::Integer(n),
        _ => SqlValue::Text(part.to_owned()),
    }
}

/// The dossier a row belongs to (`None` for the team's own tables).
pub(super) fn client_of(
    conn: &rusqlite::Connection,
    table: &str,
    row_id: &str,
) -> Result<Option<String>> {
    let (sql, key) = match scope(table) {
        Scope::Client => return Ok(Some(row_id.to_owned())),
        Scope::Team => return Ok(None),
        Scope::Column => (format!("SELECT client_id FROM \"{table}\" WHERE id = ?1"), row_id),
        Scope::Intake if table == "intake_answers" => (
            "SELECT client_id FROM intakes WHERE id = ?1".to_owned(),
            row_id.split('/').next().unwrap_or(row_id),
        ),
        Scope::Intake => (
            format!("SELECT i.client_id FROM \"{table}\" t JOIN intakes i ON i.id = t.intake_id WHERE t.id = ?1"),
            row_id,
        ),
        Scope::Pip => (
            format!("SELECT p.client_id FROM \"{table}\" t JOIN pip_versions p ON p.id = t.pip_id WHERE t.id = ?1"),
            row_id,
        ),
    };
    // A row without a dossier (an audit entry of a setting) is the team's.
    Ok(conn
        .query_row(&sql, [key], |r| r.get::<_, Option<String>>(0))
        .optional()?
        .flatten())
}
