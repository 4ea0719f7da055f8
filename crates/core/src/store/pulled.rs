//! Storing what a pull brought, in one transaction: each row's changes together, a ledger row
//! inserted once, another row's fields in one INSERT or UPDATE of only what differs (a laptop
//! receives its own changes back; an adopted PIP must not be written again). A field with an
//! unsent local edit keeps it: that edit goes out next. Each row is one statement, so a row
//! that cannot be stored (a foreign key, a unique external id) fails alone, is named, and the
//! rest arrives. Table facts and statements are cached: a new laptop stores a region's
//! caseload in one pass.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, OptionalExtension, Transaction};
use serde_json::Value;

use super::removal::remove_dossier;
use super::sync::{key_value, sql_value, Applied, SyncLogin, KEY};
use super::tables::{sync_class, SyncClass};
use super::{settings, Result, Store};
use crate::sync::hlc::{Hlc, HlcState};
use crate::sync::outbox::LEDGER_ROW;
use crate::sync::rows::{key_columns, split_row_id};
use crate::sync::wire::{Change, CASE_MOVED};

/// What storing rows of a table needs to know about it.
struct TableInfo {
    /// Name and declared type of every column.
    columns: Vec<(String, String)>,
    /// Bookkeeping columns a new row must have that do not travel (`created_at`, `*_by`).
    required: Vec<String>,
    /// Whether the table takes part in sync at all.
    synced: bool,
    /// Empty when this pull began (a new laptop): a row is new without looking, as each row
    /// comes once per pull.
    empty: bool,
}

impl TableInfo {
    fn has(&self, column: &str) -> bool {
        self.columns.iter().any(|(c, _)| c == column)
    }
}

struct Applier<'t> {
    tx: &'t Transaction<'t>,
    who: String,
    tables: HashMap<String, Rc<TableInfo>>,
    /// Fields with an unsent local edit: (entity, row id, field).
    pending: HashSet<(String, String, String)>,
}

impl Store {
    /// Applies pulled changes and the new cursor in one transaction and moves the clock past
    /// what was seen. Dossiers the server moved to another team leave this laptop (unless
    /// they came back later in the same pull).
    pub(super) fn apply_pulled(&mut self, changes: &[Change], cursor: i64) -> Result<Applied> {
        // Each row's changes together, rows in the order they first appear: changes come in
        // the order they were made (a client before its records).
        let mut rows: Vec<((&str, &str), Vec<&Change>)> = Vec::new();
        let mut index: HashMap<(&str, &str), usize> = HashMap::new();
        for change in changes.iter().filter(|c| c.entity != CASE_MOVED) {
            let key = (change.entity.as_str(), change.row_id.as_str());
            let i = *index.entry(key).or_insert_with(|| {
                rows.push((key, Vec::new()));
                rows.len() - 1
            });
            rows[i].1.push(change);
        }
        let tx = self.conn.transaction()?;
        let mut not_applied = Vec::new();
        {
            let mut applier = Applier::new(&tx)?;
            for ((table, row_id), list) in rows {
                if let Err(e) = applier.apply_row(table, row_id, &list) {
                    not_applied.push(format!("{table} {row_id}: {e}"));
                }
            }
        }
        advance_clock(&tx, changes)?;
        let mut moved = 0;
        for change in changes.iter().filter(|c| c.entity == CASE_MOVED) {
            let back = changes
                .iter()
                .any(|c| c.seq > change.seq && c.client_id.as_deref() == Some(&change.row_id));
            let here: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM clients WHERE id = ?1)",
                [&change.row_id],
                |r| r.get(0),
            )?;
            if here && !back {
                let team = change.value.as_str().unwrap_or("een ander team");
                remove_dossier(&tx, &change.row_id, &format!("overgedragen aan {team}"))?;
                moved += 1;
            }
        }
        settings::put(&tx, settings::SYNC_CURSOR, &cursor)?;
        tx.commit()?;
        Ok(Applied { not_applied, moved })
    }
}

/// Moves this laptop's clock past every clock it has seen.
fn advance_clock(tx: &Transaction<'_>, changes: &[Change]) -> Result<()> {
    let Some(wall) = changes
        .iter()
        .filter_map(|c| c.hlc.parse::<Hlc>().ok())
        .map(|h| h.wall_ms)
        .max()
    else {
        return Ok(());
    };
    let clock = settings::hlc_state(tx)?;
    if wall > clock.wall_ms {
        settings::save_hlc_state(
            tx,
            HlcState {
                wall_ms: wall,
                counter: 0,
            },
        )?;
    }
    Ok(())
}

impl<'t> Applier<'t> {
    fn new(tx: &'t Transaction<'t>) -> Result<Self> {
        let who = settings::get::<SyncLogin>(tx, KEY)?.map_or_else(
            || "gesynchroniseerd".to_owned(),
            |l| format!("{} (via sync)", l.user),
        );
        let pending = tx
            .prepare("SELECT entity, row_id, field FROM outbox")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Self {
            tx,
            who,
            tables: HashMap::new(),
            pending,
        })
    }

    fn table(&mut self, table: &str) -> Result<Rc<TableInfo>> {
        if let Some(info) = self.tables.get(table) {
            return Ok(Rc::clone(info));
        }
        let columns: Vec<(String, String)> = self
            .tx
            .prepare_cached("SELECT name, type FROM pragma_table_info(?1)")?
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let required = self
            .tx
            .prepare_cached(
                "SELECT name FROM pragma_table_info(?1)
                 WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0",
            )?
            .query_map([table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let synced =
            !columns.is_empty() && sync_class(table).is_some_and(|c| c != SyncClass::LocalOnly);
        let empty = synced
            && self.tx.query_row(
                &format!("SELECT NOT EXISTS (SELECT 1 FROM \"{table}\")"),
                [],
                |r| r.get(0),
            )?;
        let info = Rc::new(TableInfo {
            columns,
            required,
            synced,
            empty,
        });
        self.tables.insert(table.to_owned(), Rc::clone(&info));
        Ok(info)
    }

    /// Stores one pulled row.
    fn apply_row(&mut self, table: &str, row_id: &str, list: &[&Change]) -> Result<()> {
        let info = self.table(table)?;
        if !info.synced {
            return Ok(());
        }
        let mut values: Vec<(String, SqlValue)> = Vec::new();
        let mut ledger = false;
        for change in list {
            if change.field == LEDGER_ROW {
                ledger = true;
                if let Value::Object(object) = &change.value {
                    for (name, value) in object {
                        if name != "seq" && info.has(name) {
                            values.push((name.clone(), sql_value(value)));
                        }
                    }
                }
            } else if info.has(&change.field)
                && !self.pending.contains(&(
                    table.to_owned(),
                    row_id.to_owned(),
                    change.field.clone(),
                ))
            {
                values.retain(|(name, _)| *name != change.field);
                values.push((change.field.clone(), sql_value(&change.value)));
            }
        }
        if ledger {
            return self.insert(table, &values, true);
        }
        let Some(parts) = split_row_id(table, row_id) else {
            return Ok(());
        };
        let key: Vec<(String, SqlValue)> = key_columns(table)
            .iter()
            .zip(parts)
            .map(|(column, part)| {
                (
                    column.to_string(),
                    key_value(&info.columns, table, column, part),
                )
            })
            .collect();
        values.retain(|(name, _)| !key.iter().any(|(k, _)| k == name));
        let condition = key
            .iter()
            .map(|(c, _)| format!("\"{c}\" IS ?"))
            .collect::<Vec<_>>()
            .join(" AND ");
        // The current values of the fields that came (or only whether the row is here).
        let names = if values.is_empty() {
            "1".to_owned()
        } else {
            values
                .iter()
                .map(|(c, _)| format!("\"{c}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let width = values.len().max(1);
        let current: Option<Vec<SqlValue>> = if info.empty {
            None
        } else {
            self.tx
                .prepare_cached(&format!(
                    "SELECT {names} FROM \"{table}\" WHERE {condition}"
                ))?
                .query_row(params_from_iter(key.iter().map(|(_, v)| v)), |r| {
                    (0..width).map(|i| r.get::<_, SqlValue>(i)).collect()
                })
                .optional()?
        };
        match current {
            Some(current) => {
                let mut current = current.into_iter();
                values.retain(|(_, v)| current.next().as_ref() != Some(v));
                if values.is_empty() {
                    return Ok(());
                }
                let sets = values
                    .iter()
                    .map(|(c, _)| format!("\"{c}\" = ?"))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.tx
                    .prepare_cached(&format!("UPDATE \"{table}\" SET {sets} WHERE {condition}"))?
                    .execute(params_from_iter(values.iter().chain(&key).map(|(_, v)| v)))?;
                Ok(())
            }
            None => {
                let mut all = key;
                all.extend(values);
                self.fill_bookkeeping(&info, &mut all);
                // The dossier travels with the op, not as a field of the record.
                if let Some(client) = list.iter().find_map(|c| c.client_id.as_deref()) {
                    if info.has("client_id") && !all.iter().any(|(c, _)| c == "client_id") {
                        all.push(("client_id".into(), SqlValue::Text(client.to_owned())));
                    }
                }
                self.insert(table, &all, false)
            }
        }
    }

    /// A new row made on another laptop gets the bookkeeping columns that do not travel.
    fn fill_bookkeeping(&self, info: &TableInfo, values: &mut Vec<(String, SqlValue)>) {
        let now = super::clients::timestamp(chrono::Utc::now());
        for column in &info.required {
            if values.iter().any(|(c, _)| c == column) {
                continue;
            }
            if column.ends_with("_at") {
                values.push((column.clone(), SqlValue::Text(now.clone())));
            } else if column.ends_with("_by") {
                values.push((column.clone(), SqlValue::Text(self.who.clone())));
            }
        }
    }

    fn insert(
        &self,
        table: &str,
        values: &[(String, SqlValue)],
        ignore_existing: bool,
    ) -> Result<()> {
        if values.is_empty() {
            return Ok(());
        }
        let names = values
            .iter()
            .map(|(c, _)| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let marks = vec!["?"; values.len()].join(", ");
        let or = if ignore_existing { "OR IGNORE " } else { "" };
        self.tx
            .prepare_cached(&format!(
                "INSERT {or}INTO \"{table}\" ({names}) VALUES ({marks})"
            ))?
            .execute(params_from_iter(values.iter().map(|(_, v)| v)))?;
        Ok(())
    }
}
