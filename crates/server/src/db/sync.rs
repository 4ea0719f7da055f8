//! Push and pull on SQLite. A push is one transaction: each op is checked (core's
//! [`accept`]), scoped to the pusher's team, merged per field (core's [`merge`]) or stored as a
//! ledger row, and its result kept so a re-sent batch changes nothing. SQLite has one writer,
//! so sequences commit in order and a pull by cursor never skips a change.

use rusqlite::{params, OptionalExtension, Transaction};
use serde_json::Value;
use traject_core::sync::merge::{merge, FieldEdit, FieldState, Outcome};
use traject_core::sync::push::{accept, OpKind};
use traject_core::sync::wire::{Change, OpResult, OpStatus, PullResponse, Session, WireOp};

use super::{now, Db, Result};
use crate::error::ServerError;

fn status_code(status: OpStatus) -> &'static str {
    match status {
        OpStatus::Applied => "applied",
        OpStatus::Superseded => "superseded",
        OpStatus::Conflict => "conflict",
        OpStatus::Rejected => "rejected",
    }
}

fn status_from(code: &str) -> OpStatus {
    match code {
        "applied" => OpStatus::Applied,
        "superseded" => OpStatus::Superseded,
        "conflict" => OpStatus::Conflict,
        _ => OpStatus::Rejected,
    }
}

impl Db {
    /// Applies a batch of a device's ops; one result per op, in order.
    pub fn push(&self, session: &Session, ops: &[WireOp], now_ms: i64) -> Result<Vec<OpResult>> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let team = team_of(&tx, session)?;
        let mut results = Vec::with_capacity(ops.len());
        for op in ops {
            let op_id = op.op_id.to_string();
            let seen: Option<(String, Option<String>)> = tx
                .query_row(
                    "SELECT status, reason FROM op_results WHERE op_id = ?1",
                    [&op_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (status, reason) = match seen {
                Some((status, reason)) => (status_from(&status), reason),
                None => {
                    let (status, reason) = match apply(&tx, session, team, op, now_ms)? {
                        Ok(status) => (status, None),
                        Err(reason) => (OpStatus::Rejected, Some(reason)),
                    };
                    tx.execute(
                        "INSERT INTO op_results (op_id, status, reason) VALUES (?1, ?2, ?3)",
                        params![op_id, status_code(status), reason],
                    )?;
                    (status, reason)
                }
            };
            results.push(OpResult {
                op_id: op.op_id,
                status,
                reason,
            });
        }
        tx.commit()?;
        Ok(results)
    }

    /// The open conflicts, oldest first.
    pub fn conflicts(&self) -> Result<Vec<ConflictRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT c.entity, c.row_id, c.client_id, c.field, t.name, c.kept_value, c.kept_hlc,
                    c.lost_value, c.lost_hlc, c.created_at
             FROM conflicts c JOIN teams t ON t.id = c.team_id
             WHERE c.resolved_at IS NULL ORDER BY c.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut conflicts = Vec::new();
        while let Some(r) = rows.next()? {
            conflicts.push(ConflictRow {
                entity: r.get(0)?,
                row_id: r.get(1)?,
                client_id: r.get(2)?,
                field: r.get(3)?,
                team: r.get(4)?,
                kept_value: json(&r.get::<_, String>(5)?)?,
                kept_hlc: r.get(6)?,
                lost_value: json(&r.get::<_, String>(7)?)?,
                lost_hlc: r.get(8)?,
                created_at: r.get(9)?,
            });
        }
        Ok(conflicts)
    }

    /// The changes after `cursor` in the user's team, at most `limit`.
    pub fn pull(&self, session: &Session, cursor: i64, limit: u32) -> Result<PullResponse> {
        let conn = self.conn();
        let team: Option<i64> = match &session.team {
            Some(name) => conn
                .query_row("SELECT id FROM teams WHERE name = ?1", [name], |r| r.get(0))
                .optional()?,
            None => None,
        };
        let mut stmt = conn.prepare_cached(
            "SELECT seq, entity, row_id, client_id, field, value, hlc FROM changes
             WHERE team_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )?;
        let mut rows = stmt.query(params![team, cursor, i64::from(limit) + 1])?;
        let mut changes = Vec::new();
        while let Some(r) = rows.next()? {
            changes.push(Change {
                seq: r.get(0)?,
                entity: r.get(1)?,
                row_id: r.get(2)?,
                client_id: r.get(3)?,
                field: r.get(4)?,
                value: json(&r.get::<_, String>(5)?)?,
                hlc: r.get(6)?,
            });
        }
        let has_more = changes.len() > limit as usize;
        changes.truncate(limit as usize);
        Ok(PullResponse {
            next_cursor: changes.last().map_or(cursor, |c| c.seq),
            changes,
            has_more,
        })
    }
}

/// A conflict as the beheerder lists it: both values with their clocks (the clock ends in the
/// device id).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ConflictRow {
    pub entity: String,
    pub row_id: String,
    pub client_id: Option<String>,
    pub field: String,
    pub team: String,
    pub kept_value: Value,
    pub kept_hlc: String,
    pub lost_value: Value,
    pub lost_hlc: String,
    pub created_at: String,
}

fn json(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| ServerError::Internal(format!("opgeslagen waarde: {e}")))
}

/// The id of the session's team; a user without a team cannot sync.
fn team_of(tx: &Transaction<'_>, session: &Session) -> Result<Option<i64>> {
    let Some(name) = &session.team else {
        return Ok(None);
    };
    Ok(tx
        .query_row("SELECT id FROM teams WHERE name = ?1", [name], |r| r.get(0))
        .optional()?)
}

/// Checks, scopes and merges one op: its status, or why it is rejected.
fn apply(
    tx: &Transaction<'_>,
    session: &Session,
    team: Option<i64>,
    op: &WireOp,
    now_ms: i64,
) -> Result<std::result::Result<OpStatus, String>> {
    let Some(team) = team else {
        return Ok(Err(format!("{} hoort bij geen team", session.user)));
    };
    let accepted = match accept(op, now_ms) {
        Ok(a) => a,
        Err(reason) => return Ok(Err(reason)),
    };
    if accepted.clamped {
        tracing::warn!(device = %session.device_id, hlc = %op.hlc, "clock ahead; clamped");
    }
    let client_id = if op.entity == "clients" {
        Some(op.row_id.as_str())
    } else {
        op.client_id.as_deref()
    };
    if let Some(client_id) = client_id {
        let owner: Option<i64> = tx
            .query_row(
                "SELECT team_id FROM cases WHERE client_id = ?1",
                [client_id],
                |r| r.get(0),
            )
            .optional()?;
        match owner {
            Some(owner) if owner != team => {
                return Ok(Err("dit dossier hoort bij een ander team".into()))
            }
            Some(_) => {}
            None => {
                tx.execute(
                    "INSERT INTO cases (client_id, team_id) VALUES (?1, ?2)",
                    params![client_id, team],
                )?;
            }
        }
    }
    let value = op.value.to_string();
    let record = |tx: &Transaction<'_>| -> Result<i64> {
        tx.execute(
            "INSERT INTO changes (op_id, entity, row_id, client_id, field, value, hlc, team_id,
                                  device_id, received_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                op.op_id.to_string(),
                op.entity,
                op.row_id,
                client_id,
                op.field,
                value,
                accepted.hlc,
                team,
                session.device_id.to_string(),
                now()
            ],
        )?;
        Ok(tx.last_insert_rowid())
    };
    if accepted.kind == OpKind::LedgerRow {
        record(tx)?;
        return Ok(Ok(OpStatus::Applied));
    }
    let current: Option<FieldState> = tx
        .query_row(
            "SELECT value, hlc, seq FROM fields WHERE entity = ?1 AND row_id = ?2 AND field = ?3",
            params![op.entity, op.row_id, op.field],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            },
        )
        .optional()?
        .map(|(value, hlc, seq)| {
            Ok::<_, ServerError>(FieldState {
                value: json(&value)?,
                hlc,
                seq,
            })
        })
        .transpose()?;
    let edit = FieldEdit {
        value: op.value.clone(),
        hlc: accepted.hlc.clone(),
        base_seq: op.base_seq,
    };
    let decision = merge(current.as_ref(), &edit);
    if decision.outcome == Outcome::Applied {
        let seq = record(tx)?;
        tx.execute(
            "INSERT INTO fields (entity, row_id, field, value, hlc, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (entity, row_id, field)
             DO UPDATE SET value = excluded.value, hlc = excluded.hlc, seq = excluded.seq",
            params![op.entity, op.row_id, op.field, value, accepted.hlc, seq],
        )?;
    }
    if !decision.conflict {
        return Ok(Ok(match decision.outcome {
            Outcome::Applied => OpStatus::Applied,
            Outcome::Superseded => OpStatus::Superseded,
        }));
    }
    let current = current.expect("a conflict needs a current value");
    let (kept, lost) = match decision.outcome {
        Outcome::Applied => ((&edit.value, &edit.hlc), (&current.value, &current.hlc)),
        Outcome::Superseded => ((&current.value, &current.hlc), (&edit.value, &edit.hlc)),
    };
    tx.execute(
        "INSERT INTO conflicts (entity, row_id, client_id, field, team_id, kept_value, kept_hlc,
                                lost_value, lost_hlc, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            op.entity,
            op.row_id,
            client_id,
            op.field,
            team,
            kept.0.to_string(),
            kept.1,
            lost.0.to_string(),
            lost.1,
            now()
        ],
    )?;
    Ok(Ok(OpStatus::Conflict))
}
