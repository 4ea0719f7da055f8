//! Push and pull, written once for both backends. A push is one transaction: each op is
//! checked (core's [`accept`]), scoped to the pusher's team, merged per field (core's
//! [`merge`]) or stored as a ledger row, and its result kept so a re-sent batch changes
//! nothing. The transaction first takes the backend's append lock ([`Tx::lock_appends`]), so
//! pushes append changes one after another and a pull by cursor never skips a change.

use traject_core::sync::merge::{merge, FieldEdit, FieldState, Outcome};
use traject_core::sync::push::{accept, OpKind};
use traject_core::sync::wire::{
    ConflictChoice, OpResult, OpStatus, PullResponse, Session, WireConflict, WireOp, CASE_PURGED,
};

use super::moves::late_edit;
use super::purges::{purge_case, PURGED};
use super::tx::{Compaction, ConflictRow, NewChange, NewConflict, Side, StoredField};
use super::{json, now, Db, Result, Tx};
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

/// The id of the session's team; a user without a team cannot sync.
fn team_of(tx: &mut dyn Tx, session: &Session) -> Result<Option<i64>> {
    match &session.team {
        Some(name) => tx.team_id(name),
        None => Ok(None),
    }
}

impl Db {
    /// Applies a batch of a device's ops; one result per op, in order.
    pub fn push(&self, session: &Session, ops: &[WireOp], now_ms: i64) -> Result<Vec<OpResult>> {
        let results = self.tx(|tx| {
            tx.lock_appends()?;
            let team = team_of(tx, session)?;
            let mut results = Vec::with_capacity(ops.len());
            for op in ops {
                let op_id = op.op_id.to_string();
                let (status, reason) = match tx.op_result(&op_id)? {
                    Some((status, reason)) => (status_from(&status), reason),
                    None => {
                        let (status, reason) = match apply(tx, session, team, op, now_ms)? {
                            Ok(status) => (status, None),
                            Err(reason) => (OpStatus::Rejected, Some(reason)),
                        };
                        tx.save_op_result(&op_id, status_code(status), reason.as_deref())?;
                        (status, reason)
                    }
                };
                results.push(OpResult {
                    op_id: op.op_id,
                    status,
                    reason,
                });
            }
            Ok(results)
        })?;
        let purged = ops
            .iter()
            .zip(&results)
            .any(|(op, r)| op.entity == CASE_PURGED && r.status == OpStatus::Applied);
        if purged {
            self.settle_purge()?;
        }
        Ok(results)
    }

    /// The open conflicts of every team (the beheerder's list), oldest first.
    pub fn conflicts(&self) -> Result<Vec<ConflictRow>> {
        self.tx(|tx| tx.open_conflicts(None))
    }

    /// The open conflicts of the session's team, oldest first.
    pub fn team_conflicts(&self, session: &Session) -> Result<Vec<WireConflict>> {
        let Some(team) = &session.team else {
            return Ok(Vec::new());
        };
        Ok(self
            .tx(|tx| tx.open_conflicts(Some(team)))?
            .into_iter()
            .map(|c| c.conflict)
            .collect())
    }

    /// Records which value of a conflict of the session's team stands. Resolving a resolved
    /// conflict again changes nothing (a laptop may re-send its choice); another team's is not
    /// found.
    pub fn resolve_conflict(
        &self,
        session: &Session,
        id: i64,
        choice: ConflictChoice,
    ) -> Result<()> {
        let team = session.team.as_deref().unwrap_or_default();
        self.tx(|tx| match tx.conflict_resolved(id, team)? {
            None => Err(ServerError::NotFound(format!("conflict {id}"))),
            Some(true) => Ok(()),
            Some(false) => {
                let device = session.device_id.to_string();
                let by = tx.who(&device)?.unwrap_or(device);
                let choice = match choice {
                    ConflictChoice::Kept => "kept",
                    ConflictChoice::Lost => "lost",
                };
                tx.resolve_conflict(id, &now(), &by, choice)
            }
        })
    }

    /// Removes what no laptop needs any more: field changes replaced within their feed and
    /// older than `keep`, and the changes of cases in the feed of a team they left (with the
    /// revoke) once older than `keep` and pulled by every device seen within `keep`.
    pub fn compact(&self, keep: chrono::Duration) -> Result<Compaction> {
        let now = chrono::Utc::now();
        let cutoff = (now - keep).format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string();
        self.tx(|tx| {
            tx.lock_appends()?;
            tx.compact(&cutoff, &now.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string())
        })
    }

    /// The changes after `cursor` in the user's team, at most `limit`.
    pub fn pull(&self, session: &Session, cursor: i64, limit: u32) -> Result<PullResponse> {
        self.tx(|tx| {
            // Compacted: what this laptop has not seen may be gone; it must start over.
            if cursor > 0 && cursor < tx.watermark()? {
                return Err(ServerError::ResetRequired);
            }
            tx.note_pulled(&session.device_id.to_string(), cursor)?;
            let Some(team) = team_of(tx, session)? else {
                return Ok(PullResponse {
                    changes: Vec::new(),
                    next_cursor: cursor,
                    has_more: false,
                    conflicts: None,
                });
            };
            let mut changes = tx.changes_after(team, cursor, i64::from(limit) + 1)?;
            let has_more = changes.len() > limit as usize;
            changes.truncate(limit as usize);
            // On the last page, so a laptop asks for the list only when it changed.
            let conflicts = if has_more {
                None
            } else {
                let (open, newest) = tx.open_conflicts_stamp(team)?;
                Some(format!("{open}:{newest}"))
            };
            Ok(PullResponse {
                next_cursor: changes.last().map_or(cursor, |c| c.seq),
                changes,
                has_more,
                conflicts,
            })
        })
    }
}

/// "user (device)" of who made change `seq` ("onbekend" when compacted away).
pub(super) fn holder_of(tx: &mut dyn Tx, seq: i64) -> Result<String> {
    Ok(match tx.change_device(seq)? {
        Some(device) => tx.who(&device)?.unwrap_or(device),
        None => "onbekend".to_owned(),
    })
}

/// Checks, scopes and merges one op: its status, or why it is rejected.
fn apply(
    tx: &mut dyn Tx,
    session: &Session,
    team: Option<i64>,
    op: &WireOp,
    now_ms: i64,
) -> Result<std::result::Result<OpStatus, String>> {
    let Some(team) = team else {
        return Ok(Err(format!("{} hoort bij geen team", session.user)));
    };
    if op.entity == CASE_PURGED {
        return purge_case(tx, session, team, op);
    }
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
    let mut moved_to = None;
    if let Some(client_id) = client_id {
        match tx.case_owner(client_id)? {
            Some(owner) if owner != team => {
                if !tx.moved_away(client_id, team)? {
                    return Ok(Err("dit dossier hoort bij een ander team".into()));
                }
                moved_to = Some(owner);
            }
            Some(_) => {}
            // A purged case has no owner any more and stays gone.
            None if tx.case_purged(client_id)? => return Ok(Err(PURGED.into())),
            None => tx.insert_case(client_id, team)?,
        }
    }
    let value = op.value.to_string();
    let op_id = op.op_id.to_string();
    let device = session.device_id.to_string();
    let received_at = now();
    let change = NewChange {
        op_id: &op_id,
        entity: &op.entity,
        row_id: &op.row_id,
        client_id,
        field: &op.field,
        value: &value,
        hlc: &accepted.hlc,
        team_id: team,
        device_id: &device,
        received_at: &received_at,
    };
    if let Some(owner) = moved_to {
        return Ok(Ok(late_edit(
            tx,
            &change,
            owner,
            accepted.kind == OpKind::LedgerRow,
        )?));
    }
    if accepted.kind == OpKind::LedgerRow {
        tx.record_change(&change)?;
        return Ok(Ok(OpStatus::Applied));
    }
    let current = tx
        .field_state(&op.entity, &op.row_id, &op.field)?
        .map(|stored| {
            Ok::<_, ServerError>(FieldState {
                value: json(&stored.value)?,
                hlc: stored.hlc,
                seq: stored.seq,
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
        let seq = tx.record_change(&change)?;
        let state = StoredField {
            value,
            hlc: accepted.hlc.clone(),
            seq,
        };
        tx.upsert_field(&op.entity, &op.row_id, &op.field, &state)?;
    }
    if !decision.conflict {
        return Ok(Ok(match decision.outcome {
            Outcome::Applied => OpStatus::Applied,
            Outcome::Superseded => OpStatus::Superseded,
        }));
    }
    let current = current.expect("a conflict needs a current value");
    let editor = tx.who(&device)?.unwrap_or_else(|| device.clone());
    let holder = holder_of(tx, current.seq)?;
    let (edit_value, current_value) = (edit.value.to_string(), current.value.to_string());
    let edit_side = Side {
        value: &edit_value,
        hlc: &edit.hlc,
        by: &editor,
    };
    let current_side = Side {
        value: &current_value,
        hlc: &current.hlc,
        by: &holder,
    };
    let (kept, lost) = match decision.outcome {
        Outcome::Applied => (edit_side, current_side),
        Outcome::Superseded => (current_side, edit_side),
    };
    tx.insert_conflict(&NewConflict {
        entity: &op.entity,
        row_id: &op.row_id,
        client_id,
        field: &op.field,
        team_id: team,
        kept,
        lost,
        created_at: &now(),
    })?;
    Ok(Ok(OpStatus::Conflict))
}
