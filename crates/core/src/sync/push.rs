//! What the server checks of an incoming op before it merges it: a table that syncs, a whole
//! row only for a ledger and a field only for a mutable record, and a readable clock — clamped
//! to the server's time when it runs more than five minutes ahead, so one laptop with a wrong
//! clock cannot win every later edit.

use super::hlc::Hlc;
use super::outbox::LEDGER_ROW;
use super::wire::WireOp;
use crate::store::tables::{sync_class, SyncClass};

/// How far a device's clock may run ahead of the server's.
pub const MAX_CLOCK_AHEAD_MS: i64 = 5 * 60 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    /// One field of a mutable record: merged.
    Field,
    /// A whole ledger row: stored once, never merged.
    LedgerRow,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub kind: OpKind,
    /// The op's clock, or the server's time when it ran ahead.
    pub hlc: String,
    pub clamped: bool,
}

/// Checks an op at the server's time `now_ms`; the reason it is rejected, in Dutch.
pub fn accept(op: &WireOp, now_ms: i64) -> Result<Accepted, String> {
    let kind = match (sync_class(&op.entity), op.field == LEDGER_ROW) {
        (None | Some(SyncClass::LocalOnly), _) => {
            return Err(format!("'{}' wordt niet gesynchroniseerd", op.entity))
        }
        (Some(SyncClass::Ledger), true) => OpKind::LedgerRow,
        (Some(SyncClass::Mutable), false) => OpKind::Field,
        (Some(SyncClass::Ledger), false) => {
            return Err(format!(
                "'{}' is een logboek: regels worden toegevoegd, niet gewijzigd",
                op.entity
            ))
        }
        (Some(SyncClass::Mutable), true) => {
            return Err(format!("'{}' wordt per veld gesynchroniseerd", op.entity))
        }
    };
    if kind == OpKind::LedgerRow && !op.value.is_object() {
        return Err("een logboekregel moet als geheel worden meegestuurd".into());
    }
    let mut hlc: Hlc = op.hlc.parse()?;
    let clamped = hlc.wall_ms > now_ms + MAX_CLOCK_AHEAD_MS;
    if clamped {
        hlc.wall_ms = now_ms;
    }
    Ok(Accepted {
        kind,
        hlc: hlc.to_string(),
        clamped,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use uuid::Uuid;

    use super::*;

    fn op(entity: &str, field: &str, value: serde_json::Value, wall_ms: i64) -> WireOp {
        WireOp {
            op_id: Uuid::nil(),
            entity: entity.into(),
            row_id: "r".into(),
            client_id: Some("c".into()),
            field: field.into(),
            value,
            hlc: format!("{wall_ms:016}-0000000000-dev"),
            base_seq: 0,
        }
    }

    #[test]
    fn accept_table() {
        let now = 1_764_430_000_000;
        let row = json!({"id": "r"});
        let ok = |kind, clamped, wall: i64| {
            Ok(Accepted {
                kind,
                hlc: format!("{wall:016}-0000000000-dev"),
                clamped,
            })
        };
        let cases = [
            (
                op("clients", "municipality", json!("Lisse"), now),
                ok(OpKind::Field, false, now),
            ),
            (
                op("hour_entries", LEDGER_ROW, row.clone(), now),
                ok(OpKind::LedgerRow, false, now),
            ),
            // Exactly five minutes ahead is still believed; a millisecond more is clamped.
            (
                op(
                    "clients",
                    "status",
                    json!("actief"),
                    now + MAX_CLOCK_AHEAD_MS,
                ),
                ok(OpKind::Field, false, now + MAX_CLOCK_AHEAD_MS),
            ),
            (
                op(
                    "clients",
                    "status",
                    json!("actief"),
                    now + MAX_CLOCK_AHEAD_MS + 1,
                ),
                ok(OpKind::Field, true, now),
            ),
            (
                op("outbox", "x", json!(1), now),
                Err("'outbox' wordt niet gesynchroniseerd".into()),
            ),
            (
                op("passwords", "x", json!(1), now),
                Err("'passwords' wordt niet gesynchroniseerd".into()),
            ),
        ];
        for (op, expected) in cases {
            assert_eq!(accept(&op, now), expected, "{op:?}");
        }
        let refused = [
            op("hour_entries", "quarters", json!(4), now),
            op("clients", LEDGER_ROW, row, now),
            op("notes", LEDGER_ROW, json!(null), now),
            WireOp {
                hlc: "gisteren".into(),
                ..op("clients", "status", json!("actief"), now)
            },
        ];
        for op in refused {
            assert!(accept(&op, now).is_err(), "{op:?}");
        }
    }
}
