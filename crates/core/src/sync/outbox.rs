//! The outbox op (ARCHITECTURE §3): one changed field of a mutable record with its new value,
//! or one new ledger entry (field [`LEDGER_ROW`], value null: ledger rows never change, so the
//! sync client reads the row itself when it pushes). Ops leave the outbox only after the server
//! acknowledged them.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The field name of an op that carries a whole new ledger entry.
pub const LEDGER_ROW: &str = "_row";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxOp {
    pub op_id: Uuid,
    pub entity: String,
    pub row_id: String,
    pub field: String,
    pub value: serde_json::Value,
    pub hlc: String,
    pub base_seq: i64,
    pub schema_version: i64,
}
