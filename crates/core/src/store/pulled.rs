//! Storing what a pull brings, page by page as it arrives, in one transaction: each row's
//! changes of a page together, a ledger row inserted once, another row's fields in one INSERT
//! or UPDATE of only what differs (a laptop receives its own changes back; an adopted PIP must
//! not be written again). A field with an unsent local edit keeps it: that edit goes out next.
//! Each row is one statement; a row that cannot be stored yet (a page ended inside it, or what
//! it points to has not arrived) waits for the rest of the pull, and one that still cannot be
//! stored at the end is named while the rest arrives. Table facts and statements are cached: a
//! new laptop stores a region's caseload in one pass while the next pages are being fetched.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;
use std::sync::mpsc::sync_channel;

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, OptionalExtension, Transaction};
use serde_json::Value;

use super::removal::remove_dossier;
use super::sync::{key_value, sql_value_owned, SyncLogin, KEY, PULL_PAGE};
use super::tables::{sync_class, SyncClass};
use super::{settings, Result, Store, StoreError};
use crate::sync::client::{SyncClient, SyncError};
use crate::sync::hlc::HlcState;
use crate::sync::outbox::LEDGER_ROW;
use crate::sync::rows::{key_columns, split_row_id};
use crate::sync::status::{SyncPhase, SyncProgress};
use crate::sync::wire::{Change, PullResponse, CASE_MOVED, CASE_PURGED};

/// What storing rows of a table needs to know about it.
struct TableInfo {
    /// Name and declared type of every column.
    columns: Vec<(String, String)>,
    /// Bookkeeping columns a new row must have that do not travel (`created_at`, `*_by`).
    required: Vec<String>,
    /// Whether the table takes part in sync at all.
    synced: bool,
    /// Empty when this pull began (a new laptop): a row is inserted without looking first;
    /// only when it is there already (an earlier page brought part of it) is it updated.
    empty: bool,
}

impl TableInfo {
    fn has(&self, column: &str) -> bool {
        self.columns.iter().any(|(c, _)| c == column)
    }
}

/// A row of a table: (table, row id).
type RowKey = (String, String);

/// A column and the value it gets.
type Values = Vec<(String, SqlValue)>;

/// What will be stored of a row: its columns as the changes of the pull so far set them.
#[derive(Default)]
struct Draft {
    values: Values,
    /// A ledger row (inserted once, whole).
    ledger: bool,
    /// The dossier it belongs to, as its changes travelled.
    client_id: Option<String>,
}

impl Draft {
    /// This draft with `later`'s columns over its own.
    fn then(mut self, later: Self) -> Self {
        self.ledger |= later.ledger;
        self.client_id = self.client_id.or(later.client_id);
        for (name, value) in later.values {
            match self.values.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = value,
                None => self.values.push((name, value)),
            }
        }
        self
    }
}

/// What a pull fetched and stored.
pub(super) struct Pulled {
    pub changes: u32,
    pub not_applied: Vec<String>,
    pub moved: u32,
    /// Dossiers the team purged after their retention period, removed here too.
    pub purged: u32,
    /// The server's stamp of the team's open conflicts (servers before it send none).
    pub conflicts: Option<String>,
}

/// Pages fetched ahead while an earlier one is being stored.
const PAGES_AHEAD: usize = 2;

impl Store {
    /// Fetches the team's changes after `cursor` page by page (a thread fetches the next pages
    /// while this one stores the last) into one transaction with the new cursor: all of the
    /// pull or nothing. Moves this laptop's clock past what it saw. Dossiers the server moved
    /// to another team leave this laptop (unless they came back later in the same pull).
    pub(super) fn pull_and_store(
        &mut self,
        client: &SyncClient,
        token: &str,
        cursor: i64,
        progress: &mut dyn FnMut(SyncProgress),
    ) -> std::result::Result<Pulled, SyncError> {
        progress(SyncProgress {
            phase: SyncPhase::Pull,
            done: 0,
            total: None,
        });
        std::thread::scope(|scope| {
            let (send, pages) = sync_channel(PAGES_AHEAD);
            scope.spawn(move || {
                let mut cursor = cursor;
                loop {
                    let page = client.pull(token, cursor, PULL_PAGE);
                    let more = matches!(&page, Ok(p) if p.has_more);
                    if let Ok(p) = &page {
                        cursor = p.next_cursor;
                    }
                    // A closed channel: the store gave up on this pull.
                    if send.send(page).is_err() || !more {
                        break;
                    }
                }
            });
            let tx = self.conn.transaction().map_err(StoreError::from)?;
            let mut applier = Applier::new(&tx)?;
            let (mut pulled, mut cursor, mut conflicts) = (0u32, cursor, None);
            for page in pages {
                let page: PullResponse = page?;
                let count = u32::try_from(page.changes.len()).unwrap_or(u32::MAX);
                pulled = pulled.saturating_add(count);
                cursor = page.next_cursor;
                conflicts = page.conflicts;
                applier.page(&tx, page.changes)?;
                progress(SyncProgress {
                    phase: SyncPhase::Pull,
                    done: pulled,
                    total: None,
                });
            }
            progress(SyncProgress {
                phase: SyncPhase::Apply,
                done: pulled,
                total: Some(pulled),
            });
            let (not_applied, moved, purged) = applier.finish(&tx)?;
            settings::put(&tx, settings::SYNC_CURSOR, &cursor)?;
            tx.commit().map_err(StoreError::from)?;
            if purged > 0 {
                super::purge::checkpoint(&self.conn)?;
            }
            Ok(Pulled {
                changes: pulled,
                not_applied,
                moved,
                purged,
                conflicts,
            })
        })
    }
}

/// The pull being stored.
struct Applier {
    /// Who and when of a row made elsewhere, for its bookkeeping columns.
    who: String,
    now: String,
    tables: HashMap<String, Rc<TableInfo>>,
    /// Fields with an unsent local edit: (entity, row id, field).
    pending: HashSet<(String, String, String)>,
    /// The last row of the page stored last, stored with the next page.
    held: Option<(RowKey, Draft)>,
    /// Rows that could not be stored yet, first seen first.
    waiting: BTreeMap<u64, (RowKey, Draft)>,
    waiting_at: HashMap<RowKey, u64>,
    rows_seen: u64,
    /// Dossiers moved to another team in this pull (the change that said so), and those that
    /// came back to this team later in the same pull.
    moves: Vec<Change>,
    back: HashSet<String>,
    /// Dossiers the team purged (their ids).
    purges: Vec<String>,
    /// The latest wall clock seen.
    wall_ms: i64,
}

impl Applier {
    fn new(tx: &Transaction<'_>) -> Result<Self> {
        let who = settings::get::<SyncLogin>(tx, KEY)?.map_or_else(
            || "gesynchroniseerd".to_owned(),
            |l| format!("{} (via sync)", l.user),
        );
        let pending = tx
            .prepare("SELECT entity, row_id, field FROM outbox")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Self {
            who,
            now: super::clients::timestamp(chrono::Utc::now()),
            tables: HashMap::new(),
            pending,
            held: None,
            waiting: BTreeMap::new(),
            waiting_at: HashMap::new(),
            rows_seen: 0,
            moves: Vec::new(),
            back: HashSet::new(),
            purges: Vec::new(),
            wall_ms: 0,
        })
    }

    /// Stores one page: each row's changes together, rows in the order they first appear
    /// (changes come in the order they were made: a client before its records).
    /// The row a page ended in waits for the next page, which may hold the rest of it (a
    /// row stored in parts could be frozen by its first part: an adopted PIP).
    fn page(&mut self, tx: &Transaction<'_>, changes: Vec<Change>) -> Result<()> {
        let mut rows: Vec<(RowKey, Draft)> = self.held.take().into_iter().collect();
        // The rows of this page by row id (and then table): a row's changes mostly come one
        // after the other, so most changes only look at the last row.
        let mut index: HashMap<String, Vec<usize>> = rows
            .iter()
            .enumerate()
            .map(|(i, ((_, row_id), _))| (row_id.clone(), vec![i]))
            .collect();
        for change in changes {
            // The wall clock leads an HLC at a fixed width.
            if let Some(wall) = change.hlc.get(..16).and_then(|w| w.parse().ok()) {
                self.wall_ms = self.wall_ms.max(wall);
            }
            if change.entity == CASE_MOVED {
                self.moves.push(change);
                continue;
            }
            if change.entity == CASE_PURGED {
                self.purges.push(change.row_id);
                continue;
            }
            if let Some(client) = change.client_id.as_deref() {
                if self
                    .moves
                    .iter()
                    .any(|m| m.row_id == client && m.seq < change.seq)
                {
                    self.back.insert(client.to_owned());
                }
            }
            let same = |i: &usize| {
                let (entity, row_id) = &rows[*i].0;
                *entity == change.entity && *row_id == change.row_id
            };
            let last = rows.len().checked_sub(1).filter(same);
            let found = last.or_else(|| {
                index
                    .get(&change.row_id)
                    .and_then(|candidates| candidates.iter().copied().find(same))
            });
            let i = found.unwrap_or_else(|| {
                let i = rows.len();
                index.entry(change.row_id.clone()).or_default().push(i);
                rows.push((
                    (change.entity.clone(), change.row_id.clone()),
                    Draft::default(),
                ));
                i
            });
            let (key, draft) = &mut rows[i];
            self.add(tx, key, draft, change)?;
        }
        self.held = rows.pop();
        self.store_rows(tx, rows)
    }

    /// Adds a change to what will be stored of its row.
    fn add(
        &mut self,
        tx: &Transaction<'_>,
        key: &RowKey,
        draft: &mut Draft,
        change: Change,
    ) -> Result<()> {
        let info = self.table(tx, &key.0)?;
        if !info.synced {
            return Ok(());
        }
        if draft.client_id.is_none() {
            draft.client_id = change.client_id;
        }
        if change.field == LEDGER_ROW {
            draft.ledger = true;
            if let Value::Object(object) = change.value {
                for (name, value) in object {
                    if name != "seq" && info.has(&name) {
                        draft.values.push((name, sql_value_owned(value)));
                    }
                }
            }
        } else if info.has(&change.field) && !self.edited_here(&key.0, &key.1, &change.field) {
            let value = sql_value_owned(change.value);
            match draft
                .values
                .iter_mut()
                .find(|(name, _)| *name == change.field)
            {
                Some(slot) => slot.1 = value,
                None => draft.values.push((change.field, value)),
            }
        }
        Ok(())
    }

    /// Stores rows of the pull; one that fails waits, and takes in what comes later of it.
    fn store_rows(&mut self, tx: &Transaction<'_>, rows: Vec<(RowKey, Draft)>) -> Result<()> {
        for (key, mut draft) in rows {
            if let Some(order) = self.waiting_at.remove(&key) {
                if let Some((_, earlier)) = self.waiting.remove(&order) {
                    draft = earlier.then(draft);
                }
            }
            if self.store(tx, &key.0, &key.1, &draft).is_err() {
                self.rows_seen += 1;
                self.waiting_at.insert(key.clone(), self.rows_seen);
                self.waiting.insert(self.rows_seen, (key, draft));
            }
        }
        Ok(())
    }

    /// The end of the pull: the rows still waiting get a last try (those that fail are
    /// named), the clock moves past what was seen, and moved and purged dossiers leave. What
    /// could not be stored, and how many dossiers left: moved, purged.
    fn finish(mut self, tx: &Transaction<'_>) -> Result<(Vec<String>, u32, u32)> {
        let last = self.held.take().into_iter().collect();
        self.store_rows(tx, last)?;
        let mut not_applied = Vec::new();
        for ((table, row_id), draft) in std::mem::take(&mut self.waiting).into_values() {
            if let Err(e) = self.store(tx, &table, &row_id, &draft) {
                not_applied.push(format!("{table} {row_id}: {e}"));
            }
        }
        let clock = settings::hlc_state(tx)?;
        if self.wall_ms > clock.wall_ms {
            settings::save_hlc_state(
                tx,
                HlcState {
                    wall_ms: self.wall_ms,
                    counter: 0,
                },
            )?;
        }
        let mut moved = 0;
        for change in &self.moves {
            let here: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM clients WHERE id = ?1)",
                [&change.row_id],
                |r| r.get(0),
            )?;
            if here && !self.back.contains(&change.row_id) {
                let team = change.value.as_str().unwrap_or("een ander team");
                remove_dossier(tx, &change.row_id, &format!("overgedragen aan {team}"))?;
                moved += 1;
            }
        }
        let purged = super::purge::remove_purged(tx, &self.purges)?;
        Ok((not_applied, moved, purged))
    }

    fn table(&mut self, tx: &Transaction<'_>, table: &str) -> Result<Rc<TableInfo>> {
        if let Some(info) = self.tables.get(table) {
            return Ok(Rc::clone(info));
        }
        let columns: Vec<(String, String)> = tx
            .prepare_cached("SELECT name, type FROM pragma_table_info(?1)")?
            .query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let required = tx
            .prepare_cached(
                "SELECT name FROM pragma_table_info(?1)
                 WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0",
            )?
            .query_map([table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let synced =
            !columns.is_empty() && sync_class(table).is_some_and(|c| c != SyncClass::LocalOnly);
        let empty = synced
            && tx.query_row(
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

    /// Whether `field` of the row has an unsent local edit.
    fn edited_here(&self, table: &str, row_id: &str, field: &str) -> bool {
        !self.pending.is_empty()
            && self
                .pending
                .contains(&(table.to_owned(), row_id.to_owned(), field.to_owned()))
    }

    /// Stores one pulled row.
    fn store(
        &mut self,
        tx: &Transaction<'_>,
        table: &str,
        row_id: &str,
        draft: &Draft,
    ) -> Result<()> {
        let info = self.table(tx, table)?;
        if !info.synced {
            return Ok(());
        }
        if draft.ledger {
            return insert(tx, table, draft.values.iter(), true);
        }
        let Some(parts) = split_row_id(table, row_id) else {
            return Ok(());
        };
        let key: Values = key_columns(table)
            .iter()
            .zip(parts)
            .map(|(column, part)| {
                (
                    column.to_string(),
                    key_value(&info.columns, table, column, part),
                )
            })
            .collect();
        let fields = || {
            draft
                .values
                .iter()
                .filter(|(name, _)| !key.iter().any(|(k, _)| k == name))
        };
        if !info.empty {
            if let Some(current) = current(tx, table, &key, fields())? {
                return update_differing(tx, table, &key, fields(), current);
            }
        }
        let mut extra = self.bookkeeping(&info, &draft.values);
        // The dossier travels with the op, not as a field of the record.
        if let Some(client) = &draft.client_id {
            if info.has("client_id") && !draft.values.iter().any(|(c, _)| c == "client_id") {
                extra.push(("client_id".into(), SqlValue::Text(client.clone())));
            }
        }
        match insert(tx, table, key.iter().chain(fields()).chain(&extra), false) {
            // An earlier page of this pull brought part of the row.
            Err(e) if info.empty => match current(tx, table, &key, fields())? {
                Some(current) => update_differing(tx, table, &key, fields(), current),
                None => Err(e),
            },
            done => done,
        }
    }

    /// The bookkeeping columns that do not travel, for a new row made on another laptop.
    fn bookkeeping(&self, info: &TableInfo, values: &Values) -> Values {
        let mut extra = Vec::new();
        for column in &info.required {
            if values.iter().any(|(c, _)| c == column) {
                continue;
            }
            if column.ends_with("_at") {
                extra.push((column.clone(), SqlValue::Text(self.now.clone())));
            } else if column.ends_with("_by") {
                extra.push((column.clone(), SqlValue::Text(self.who.clone())));
            }
        }
        extra
    }
}

/// `WHERE` of a row by its key columns.
fn condition(key: &Values) -> String {
    key.iter()
        .map(|(c, _)| format!("\"{c}\" IS ?"))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A column and its value, borrowed.
type Column<'a> = &'a (String, SqlValue);

/// The current values of the row's `fields` (or only whether the row is here).
fn current<'a>(
    tx: &Transaction<'_>,
    table: &str,
    key: &Values,
    fields: impl Iterator<Item = Column<'a>>,
) -> Result<Option<Vec<SqlValue>>> {
    let names: Vec<String> = fields.map(|(c, _)| format!("\"{c}\"")).collect();
    let width = names.len().max(1);
    let names = if names.is_empty() {
        "1".to_owned()
    } else {
        names.join(", ")
    };
    Ok(tx
        .prepare_cached(&format!(
            "SELECT {names} FROM \"{table}\" WHERE {}",
            condition(key)
        ))?
        .query_row(params_from_iter(key.iter().map(|(_, v)| v)), |r| {
            (0..width).map(|i| r.get::<_, SqlValue>(i)).collect()
        })
        .optional()?)
}

/// Writes the `fields` that differ from the row's `current` values.
fn update_differing<'a>(
    tx: &Transaction<'_>,
    table: &str,
    key: &Values,
    fields: impl Iterator<Item = Column<'a>>,
    current: Vec<SqlValue>,
) -> Result<()> {
    let changed: Vec<Column<'a>> = fields
        .zip(current)
        .filter(|((_, new), old)| new != old)
        .map(|(field, _)| field)
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let sets = changed
        .iter()
        .map(|(c, _)| format!("\"{c}\" = ?"))
        .collect::<Vec<_>>()
        .join(", ");
    tx.prepare_cached(&format!(
        "UPDATE \"{table}\" SET {sets} WHERE {}",
        condition(key)
    ))?
    .execute(params_from_iter(
        changed
            .iter()
            .map(|(_, v)| v)
            .chain(key.iter().map(|(_, v)| v)),
    ))?;
    Ok(())
}

fn insert<'a>(
    tx: &Transaction<'_>,
    table: &str,
    columns: impl Iterator<Item = Column<'a>>,
    ignore_existing: bool,
) -> Result<()> {
    let columns: Vec<Column<'a>> = columns.collect();
    if columns.is_empty() {
        return Ok(());
    }
    // Built without a format per column: a new laptop runs this for every row it receives.
    let mut sql =
        String::with_capacity(64 + columns.iter().map(|(c, _)| c.len() + 7).sum::<usize>());
    sql.push_str(if ignore_existing {
        "INSERT OR IGNORE INTO \""
    } else {
        "INSERT INTO \""
    });
    sql.push_str(table);
    sql.push_str("\" (");
    for (i, (column, _)) in columns.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push('"');
        sql.push_str(column);
        sql.push('"');
    }
    sql.push_str(") VALUES (?");
    sql.push_str(&", ?".repeat(columns.len() - 1));
    sql.push(')');
    tx.prepare_cached(&sql)?
        .execute(params_from_iter(columns.iter().map(|(_, v)| v)))?;
    Ok(())
}
