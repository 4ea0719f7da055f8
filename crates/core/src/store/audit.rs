//! The audit log: who did what to which record, and who read which dossier (domain page §7).
//! Append-only (enforced by triggers); it syncs as a ledger.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::{parse_id, Result, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Read,
    Append,
}

impl AuditAction {
    pub fn code(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Update => "update",
            Self::Read => "read",
            Self::Append => "append",
        }
    }

    fn from_code(code: &str) -> Self {
        match code {
            "create" => Self::Create,
            "update" => Self::Update,
            "append" => Self::Append,
            _ => Self::Read,
        }
    }
}

/// One changed field, old → new, as display text (a BSN is masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: AuditAction,
    pub entity: String,
    pub row_id: String,
    pub changes: Vec<FieldChange>,
}

impl Store {
    /// Everything that happened to one client's dossier, newest first.
    pub fn audit_trail(&self, client_id: &Uuid) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, actor, action, entity, row_id, changes FROM audit_log
             WHERE client_id = ?1 ORDER BY hlc DESC",
        )?;
        let rows = stmt.query_map([client_id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut entries = Vec::new();
        for row in rows {
            let (id, at, actor, action, entity, row_id, changes) = row?;
            entries.push(AuditEntry {
                id: parse_id(&id)?,
                at: super::clients::parse_timestamp(&at)?,
                actor,
                action: AuditAction::from_code(&action),
                entity,
                row_id,
                changes: serde_json::from_str(&changes)?,
            });
        }
        Ok(entries)
    }
}
