//! The one write path. A [`WriteTx`] changes rows, appends one outbox op per changed field and
//! one audit entry per action, and advances the HLC — all in one SQLite transaction, so either
//! everything of a write is on disk or nothing is.

use std::cell::RefCell;
use std::collections::HashSet;

use chrono::{DateTime, SubsecRound, Utc};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Transaction};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{display, to_sql};
use super::signals::{facts_generation, Memo, Written};
use super::{settings, Result, Store, SCHEMA_VERSION};
use crate::sync::hlc::HlcState;

pub(super) struct WriteTx<'a> {
    pub tx: Transaction<'a>,
    pub actor: String,
    pub now: DateTime<Utc>,
    device_id: &'a str,
    clock: HlcState,
    /// The server sequence this laptop has pulled up to: what its edits were made on.
    base_seq: i64,
    /// The generation of the signals' sources before this write, and the clients its audit
    /// entries name (`None` once one names none), for the signals kept in memory.
    generation_before: i64,
    clients: Option<HashSet<Uuid>>,
    audited: bool,
    signals_memo: &'a RefCell<Option<Box<Memo>>>,
}

impl Store {
    /// Starts a write signed by the identity set up on this laptop.
    pub(super) fn begin_write(&mut self) -> Result<WriteTx<'_>> {
        let actor = settings::identity(&self.conn)?
            .ok_or(super::StoreError::NotInitialised)?
            .name;
        self.begin_write_as(actor)
    }

    pub(super) fn begin_write_as(&mut self, actor: String) -> Result<WriteTx<'_>> {
        let tx = self.conn.transaction()?;
        let generation_before = facts_generation(&tx)?;
        let clock = settings::hlc_state(&tx)?;
        let base_seq = settings::get(&tx, settings::SYNC_CURSOR)?.unwrap_or(0);
        Ok(WriteTx {
            tx,
            actor,
            // Milliseconds, as stored: what a write returns equals what a later read gives.
            now: Utc::now().trunc_subsecs(3),
            device_id: &self.device_id,
            clock,
            base_seq,
            generation_before,
            clients: Some(HashSet::new()),
            audited: false,
            signals_memo: &self.signals_memo,
        })
    }
}

impl WriteTx<'_> {
    /// The next HLC timestamp of this device, as text.
    fn next_hlc(&mut self) -> String {
        self.clock = self.clock.tick(self.now.timestamp_millis());
        self.clock.stamp(self.device_id).to_string()
    }

    /// Appends one outbox op.
    pub fn outbox(&mut self, entity: &str, row_id: &str, field: &str, value: &Value) -> Result<()> {
        let hlc = self.next_hlc();
        self.tx.prepare_cached(
            "INSERT INTO outbox (op_id, entity, row_id, field, value, hlc, base_seq, schema_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?.execute(
            params![Uuid::now_v7().to_string(), entity, row_id, field, value.to_string(), hlc, self.base_seq, SCHEMA_VERSION],
        )?;
        Ok(())
    }

    /// Appends one audit entry, itself an entry of the synced audit ledger.
    pub fn audit(
        &mut self,
        action: AuditAction,
        entity: &str,
        row_id: &str,
        client_id: Option<&str>,
        changes: &[FieldChange],
    ) -> Result<()> {
        self.audited = true;
        if action.writes_records() {
            let client = client_id.and_then(|id| Uuid::parse_str(id).ok());
            match (&mut self.clients, client) {
                (Some(clients), Some(client)) => {
                    clients.insert(client);
                }
                (clients, _) => *clients = None,
            }
        }
        let id = Uuid::now_v7().to_string();
        let hlc = self.next_hlc();
        let at = super::clients::timestamp(self.now);
        let changes = serde_json::to_string(changes)?;
        self.tx.prepare_cached(
            "INSERT INTO audit_log (id, at, hlc, actor, device_id, action, entity, row_id, client_id, changes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?.execute(
            params![id, at, hlc, self.actor, self.device_id, action.code(), entity, row_id, client_id, changes],
        )?;
        self.outbox(
            "audit_log",
            &id,
            crate::sync::outbox::LEDGER_ROW,
            &Value::Null,
        )
    }

    /// Writes the `changed` fields of a mutable row of `table` (also its sync entity): one
    /// UPDATE (plus `also`, e.g. `updated_at`, which does not sync), one outbox op per field
    /// and one audit entry with old → new.
    #[allow(clippy::too_many_arguments)]
    pub fn update_fields(
        &mut self,
        table: &str,
        row_id: &str,
        client_id: &str,
        before: &Map<String, Value>,
        after: &Map<String, Value>,
        changed: &[&str],
        also: &[(&str, String)],
    ) -> Result<()> {
        let mut assignments: Vec<String> = changed.iter().map(|f| format!("\"{f}\" = ?")).collect();
        let mut values: Vec<SqlValue> = changed.iter().map(|f| to_sql(&after[*f])).collect();
        for (column, value) in also {
            assignments.push(format!("{column} = ?"));
            values.push(SqlValue::Text(value.clone()));
        }
        values.push(SqlValue::Text(row_id.to_owned()));
        self.tx.execute(
            &format!("UPDATE {table} SET {} WHERE id = ?", assignments.join(", ")),
            params_from_iter(values),
        )?;
        let mut changes = Vec::new();
        for field in changed {
            self.outbox(table, row_id, field, &after[*field])?;
            changes.push(FieldChange {
                field: (*field).to_owned(),
                old: display(field, &before[*field]),
                new: display(field, &after[*field]),
            });
        }
        self.audit(
            AuditAction::Update,
            table,
            row_id,
            Some(client_id),
            &changes,
        )
    }

    /// Keeps a language school named in a record on the provider list (synced once, when new),
    /// so pick lists read one small table.
    pub fn remember_provider(&mut self, name: Option<&str>) -> Result<()> {
        let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) else {
            return Ok(());
        };
        let added = self
            .tx
            .prepare_cached(
                "INSERT INTO providers (name, added_by, added_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO NOTHING",
            )?
            .execute(params![
                name,
                self.actor,
                super::clients::timestamp(self.now)
            ])?;
        if added == 1 {
            self.outbox("providers", name, "name", &Value::from(name))?;
        }
        Ok(())
    }

    /// Persists the clock and commits everything.
    pub fn commit(self) -> Result<()> {
        settings::save_hlc_state(&self.tx, self.clock)?;
        let generations = self.generation_before..facts_generation(&self.tx)?;
        self.tx.commit()?;
        Memo::after_write(
            &mut self.signals_memo.borrow_mut(),
            Written {
                generations,
                // A write without an audit entry does not say what it changed.
                clients: self.clients.filter(|_| self.audited),
            },
        );
        Ok(())
    }
}
