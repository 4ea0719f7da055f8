//! Conflicts of the team as this laptop keeps them: fetched from the server on every sync,
//! resolved here by choosing a value (audited; the choice is sent with the next sync).

use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::audit::{AuditAction, FieldChange};
use super::clients::{code, display};
use super::sync::{key_value, sql_value};
use super::tables::{sync_class, SyncClass};
use super::write::WriteTx;
use super::{Result, Store, StoreError};
use crate::domain::glossary::field_label;
use crate::sync::hlc::Hlc;
use crate::sync::rows::{key_columns, split_row_id};
use crate::sync::wire::WireConflict;

pub use crate::sync::wire::ConflictChoice;

/// A conflict as the Conflicten screen shows it: which field of which dossier, and both values
/// with who set them and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictView {
    /// The server's number of the conflict.
    #[ts(type = "number")]
    pub id: i64,
    pub client_id: Option<String>,
    /// The dossier's name, when this laptop has it.
    pub client_name: Option<String>,
    /// Table and column, e.g. `clients` and `phone`.
    pub entity: String,
    pub field: String,
    /// The field in Dutch ("Telefoon").
    pub label: String,
    /// The value that stands now.
    pub kept: ConflictSide,
    /// The value that lost.
    pub lost: ConflictSide,
    /// When the server noticed the conflict (UTC, RFC 3339).
    pub created_at: String,
}

/// One of a conflict's two values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ConflictSide {
    /// As the dossier shows it ("—" for empty).
    pub value: String,
    /// Who set it, "user (device)".
    pub by: String,
    /// When it was set (UTC, RFC 3339, from its clock).
    pub at: String,
}

impl Store {
    /// The team's open conflicts as last fetched, oldest first (those resolved here but not yet
    /// sent are no longer open).
    pub fn conflicts(&self) -> Result<Vec<ConflictView>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.entity, s.row_id, s.client_id, s.field, s.kept_value, s.kept_hlc,
                    s.kept_by, s.lost_value, s.lost_hlc, s.lost_by, s.created_at,
                    c.given_name || ' ' || c.family_name
             FROM sync_conflicts s LEFT JOIN clients c ON c.id = s.client_id
             WHERE s.choice IS NULL ORDER BY s.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut list = Vec::new();
        while let Some(r) = rows.next()? {
            let field: String = r.get(4)?;
            let side = |value: usize, hlc: usize, by: usize| -> Result<ConflictSide> {
                let value: Value = serde_json::from_str(&r.get::<_, String>(value)?)?;
                Ok(ConflictSide {
                    value: display(&field, &value).unwrap_or_else(|| "—".to_owned()),
                    by: r.get(by)?,
                    at: clock_time(&r.get::<_, String>(hlc)?),
                })
            };
            list.push(ConflictView {
                id: r.get(0)?,
                entity: r.get(1)?,
                client_id: r.get(3)?,
                client_name: r.get(12)?,
                label: field_label(&field).to_owned(),
                kept: side(5, 6, 7)?,
                lost: side(8, 9, 10)?,
                created_at: r.get(11)?,
                field,
            });
        }
        Ok(list)
    }

    /// Settles conflict `id`: choosing the lost value writes it into the record as an edit of
    /// this laptop (it goes out with the next sync and wins, having seen the other value);
    /// either choice is audited and sent to the server with the next sync. Returns the
    /// conflicts still open.
    pub fn resolve_conflict(
        &mut self,
        id: i64,
        choice: ConflictChoice,
    ) -> Result<Vec<ConflictView>> {
        type Row = (String, String, Option<String>, String, String, String);
        let row: Option<Row> = self
            .conn
            .query_row(
                "SELECT entity, row_id, client_id, field, kept_value, lost_value
                 FROM sync_conflicts WHERE id = ?1 AND choice IS NULL",
                [id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((entity, row_id, client_id, field, kept, lost)) = row else {
            return Err(StoreError::NotFound(format!("conflict {id}")));
        };
        let kept: Value = serde_json::from_str(&kept)?;
        let lost: Value = serde_json::from_str(&lost)?;
        let (chosen, other) = match choice {
            ConflictChoice::Kept => (&kept, &lost),
            ConflictChoice::Lost => (&lost, &kept),
        };
        let mut w = self.begin_write()?;
        if choice == ConflictChoice::Lost {
            set_field(
                &mut w,
                &entity,
                &row_id,
                client_id.as_deref(),
                &field,
                &kept,
                &lost,
            )?;
        }
        w.tx.execute(
            "UPDATE sync_conflicts SET choice = ?1, resolved_at = ?2, resolved_by = ?3
             WHERE id = ?4",
            params![code(&choice), super::clients::timestamp(w.now), w.actor, id],
        )?;
        w.audit(
            AuditAction::Update,
            "sync_conflicts",
            &id.to_string(),
            client_id.as_deref(),
            &[FieldChange {
                field: field.clone(),
                old: display(&field, other),
                new: display(&field, chosen),
            }],
        )?;
        w.commit()?;
        self.conflicts()
    }

    /// Conflicts chosen here that the server does not know yet.
    pub(super) fn chosen_conflicts(&self) -> Result<Vec<(i64, ConflictChoice)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, choice FROM sync_conflicts WHERE choice IS NOT NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut chosen = Vec::new();
        for row in rows {
            let (id, choice) = row?;
            let choice = serde_json::from_value(Value::String(choice))?;
            chosen.push((id, choice));
        }
        Ok(chosen)
    }

    /// Replaces the open conflicts with the server's list; a conflict chosen here stays until
    /// `sent` says the server has the choice.
    pub(super) fn keep_conflicts(&mut self, open: &[WireConflict], sent: &[i64]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut forget = tx.prepare_cached("DELETE FROM sync_conflicts WHERE id = ?1")?;
            for id in sent {
                forget.execute([id])?;
            }
        }
        tx.execute("DELETE FROM sync_conflicts WHERE choice IS NULL", [])?;
        {
            let mut add = tx.prepare_cached(
                "INSERT OR IGNORE INTO sync_conflicts (id, entity, row_id, client_id, field,
                     kept_value, kept_hlc, kept_by, lost_value, lost_hlc, lost_by, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?;
            for c in open {
                add.execute(params![
                    c.id,
                    c.entity,
                    c.row_id,
                    c.client_id,
                    c.field,
                    c.kept_value.to_string(),
                    c.kept_hlc,
                    c.kept_by,
                    c.lost_value.to_string(),
                    c.lost_hlc,
                    c.lost_by,
                    c.created_at
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub(super) fn open_conflict_count(&self) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM sync_conflicts WHERE choice IS NULL",
            [],
            |r| r.get(0),
        )?)
    }
}

/// Writes `value` into one field of a synced record, with its outbox op and audit entry; the
/// record must be on this laptop.
fn set_field(
    w: &mut WriteTx<'_>,
    table: &str,
    row_id: &str,
    client_id: Option<&str>,
    field: &str,
    before: &Value,
    value: &Value,
) -> Result<()> {
    let unknown = || {
        StoreError::NotFound(format!(
            "{} van {table} {row_id} op deze computer",
            field_label(field)
        ))
    };
    if sync_class(table) != Some(SyncClass::Mutable) {
        return Err(unknown());
    }
    let columns = columns_of(&w.tx, table)?;
    if !columns.iter().any(|(c, _)| c == field) {
        return Err(unknown());
    }
    let parts = split_row_id(table, row_id).ok_or_else(unknown)?;
    let key: Vec<SqlValue> = key_columns(table)
        .iter()
        .zip(&parts)
        .map(|(column, part)| key_value(&columns, table, column, part))
        .collect();
    let condition = key_columns(table)
        .iter()
        .map(|c| format!("\"{c}\" IS ?"))
        .collect::<Vec<_>>()
        .join(" AND ");
    let changed = w.tx.execute(
        &format!("UPDATE \"{table}\" SET \"{field}\" = ? WHERE {condition}"),
        params_from_iter(std::iter::once(sql_value(value)).chain(key)),
    )?;
    if changed == 0 {
        return Err(unknown());
    }
    w.outbox(table, row_id, field, value)?;
    w.audit(
        AuditAction::Update,
        table,
        row_id,
        client_id,
        &[FieldChange {
            field: field.to_owned(),
            old: display(field, before),
            new: display(field, value),
        }],
    )
}

/// The columns of a table with their declared types.
fn columns_of(tx: &rusqlite::Transaction<'_>, table: &str) -> Result<Vec<(String, String)>> {
    let mut stmt = tx.prepare_cached("SELECT name, type FROM pragma_table_info(?1)")?;
    let rows = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The wall time of a clock stamp (UTC, RFC 3339); the stamp itself when unreadable.
fn clock_time(hlc: &str) -> String {
    hlc.parse::<Hlc>()
        .ok()
        .and_then(|h| chrono::DateTime::from_timestamp_millis(h.wall_ms))
        .map_or_else(|| hlc.to_owned(), super::clients::timestamp)
}
