//! The hours ledger: entries, reversals and the one-transaction batch of the fast-entry screen.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{code, from_code, parse_date, parse_timestamp, timestamp};
use super::write::WriteTx;
use super::{parse_id, Result, Store, StoreError};
use crate::domain::hours::HourEntryInput;
use crate::domain::{FieldError, HourEntry, HoursRow, Quarters, ReversalInput, ValidationErrors};
use crate::sync::outbox::LEDGER_ROW;

pub(super) const ENTITY: &str = "hour_entries";

const SELECT: &str = "SELECT id, client_id, date, quarters, category, source, provider, note,
    reverses, reason, report_id, recorded_by, recorded_at FROM hour_entries";

impl Store {
    /// Appends one entry to a client's hours ledger.
    pub fn add_hours(
        &mut self,
        client_id: &Uuid,
        input: HourEntryInput,
        today: NaiveDate,
    ) -> Result<HourEntry> {
        let row = HoursRow {
            client_id: *client_id,
            input,
        };
        let mut entries = self.add_hours_batch(vec![row], today)?;
        Ok(entries.remove(0))
    }

    /// Appends several entries, for one or more clients, in one transaction: all or none.
    /// A broken rule names its row: field `3.quarters` is the fourth row's hours.
    pub fn add_hours_batch(
        &mut self,
        rows: Vec<HoursRow>,
        today: NaiveDate,
    ) -> Result<Vec<HourEntry>> {
        let rows: Vec<(Uuid, HourEntryInput)> = rows
            .into_iter()
            .map(|row| (row.client_id, row.input.normalised()))
            .collect();
        let mut errors = ValidationErrors::default();
        let single = rows.len() == 1;
        for (i, (_, input)) in rows.iter().enumerate() {
            if let Err(e) = input.validate(today) {
                for error in e.0 {
                    errors.push(if single {
                        error
                    } else {
                        FieldError {
                            field: format!("{i}.{}", error.field),
                            ..error
                        }
                    });
                }
            }
        }
        errors.into_result()?;
        let clients: HashSet<Uuid> = rows.iter().map(|(id, _)| *id).collect();
        for id in &clients {
            self.client(id)?;
        }
        let mut w = self.begin_write()?;
        let mut entries = Vec::with_capacity(rows.len());
        for (client_id, input) in rows {
            entries.push(insert_entry(&mut w, &client_id, input, None)?);
        }
        w.commit()?;
        Ok(entries)
    }

    /// Corrects an entry by appending its reversal (negated hours, pointing at it, with why).
    pub fn reverse_hours(
        &mut self,
        entry_id: &Uuid,
        input: ReversalInput,
        _today: NaiveDate,
    ) -> Result<HourEntry> {
        input.validate()?;
        let original = self
            .hour_entry(entry_id)?
            .ok_or_else(|| StoreError::NotFound(format!("urenregel {entry_id}")))?;
        let entries = self.hour_entries(&original.client_id)?;
        if let Some(why) = original.reversal_refused(&entries) {
            return Err(StoreError::Conflict(why));
        }
        let mut w = self.begin_write()?;
        let reversal = insert_entry(
            &mut w,
            &original.client_id,
            HourEntryInput {
                quarters: Quarters(-original.input.quarters.0),
                note: None,
                ..original.input.clone()
            },
            Some((original.id, input.reason.trim().to_owned())),
        )?;
        w.commit()?;
        Ok(reversal)
    }

    pub fn hour_entry(&self, id: &Uuid) -> Result<Option<HourEntry>> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id.to_string()], read)
            .optional()?
            .transpose()
    }

    /// A client's ledger, newest first (reversals right after what they reverse when dated alike).
    pub fn hour_entries(&self, client_id: &Uuid) -> Result<Vec<HourEntry>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE client_id = ?1 ORDER BY date DESC, recorded_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map([client_id.to_string()], read)?;
        rows.map(|r| r?).collect()
    }

    /// The provider list: the ones the beheerder added and every one named in a PIP, an hour
    /// entry, a report or an absence (the write path keeps them on it), for pick lists.
    pub fn known_providers(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name FROM providers ORDER BY name COLLATE NOCASE")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Inserts one entry with its audit entry; `reversal` is the reversed entry's id and the
/// reason.
pub(super) fn insert_entry(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    input: HourEntryInput,
    reversal: Option<(Uuid, String)>,
) -> Result<HourEntry> {
    let entry = insert_row(w, client_id, input, reversal, None)?;
    let what = describe(&entry);
    let changes = match &entry.reason {
        Some(reason) => vec![
            FieldChange {
                field: "reversal".into(),
                old: None,
                new: Some(what),
            },
            FieldChange {
                field: "reason".into(),
                old: None,
                new: Some(reason.clone()),
            },
        ],
        None => vec![FieldChange {
            field: "hours".into(),
            old: None,
            new: Some(what),
        }],
    };
    w.audit(
        AuditAction::Append,
        ENTITY,
        &entry.id.to_string(),
        Some(&client_id.to_string()),
        &changes,
    )?;
    Ok(entry)
}

/// "3 uur taal op 2026-11-02", as the audit trail shows an entry.
pub(super) fn describe(entry: &HourEntry) -> String {
    format!(
        "{} uur {} op {}",
        entry.input.quarters,
        code(&entry.input.category),
        entry.input.date
    )
}

/// Inserts the row and its outbox op; the caller writes the audit entry.
pub(super) fn insert_row(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    input: HourEntryInput,
    reversal: Option<(Uuid, String)>,
    report_id: Option<Uuid>,
) -> Result<HourEntry> {
    let (reverses, reason) = reversal.unzip();
    let entry = HourEntry {
        id: Uuid::now_v7(),
        client_id: *client_id,
        input,
        reverses,
        reason,
        report_id,
        recorded_by: w.actor.clone(),
        recorded_at: w.now,
    };
    w.tx.prepare_cached(
        "INSERT INTO hour_entries (id, client_id, date, quarters, category, source, provider, note,
             reverses, reason, report_id, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        entry.id.to_string(),
        client_id.to_string(),
        entry.input.date.to_string(),
        entry.input.quarters.0,
        code(&entry.input.category),
        code(&entry.input.source),
        entry.input.provider,
        entry.input.note,
        entry.reverses.map(|id| id.to_string()),
        entry.reason,
        entry.report_id.map(|id| id.to_string()),
        entry.recorded_by,
        timestamp(entry.recorded_at)
    ])?;
    w.outbox(
        ENTITY,
        &entry.id.to_string(),
        LEDGER_ROW,
        &serde_json::Value::Null,
    )?;
    w.remember_provider(entry.input.provider.as_deref())?;
    Ok(entry)
}

fn read(r: &Row<'_>) -> rusqlite::Result<Result<HourEntry>> {
    let text = |i: usize| r.get::<_, String>(i);
    let opt = |i: usize| r.get::<_, Option<String>>(i);
    let (id, client_id, date, category, source) =
        (text(0)?, text(1)?, text(2)?, text(4)?, text(5)?);
    let quarters: i64 = r.get(3)?;
    let (provider, note, reverses, reason, report_id) =
        (opt(6)?, opt(7)?, opt(8)?, opt(9)?, opt(10)?);
    let (recorded_by, recorded_at) = (text(11)?, text(12)?);
    Ok((|| {
        Ok(HourEntry {
            id: parse_id(&id)?,
            client_id: parse_id(&client_id)?,
            input: HourEntryInput {
                date: parse_date(&date)?,
                quarters: Quarters(quarters),
                category: from_code(&category)?,
                source: from_code(&source)?,
                provider,
                note,
            },
            reverses: reverses.as_deref().map(parse_id).transpose()?,
            reason,
            report_id: report_id.as_deref().map(parse_id).transpose()?,
            recorded_by,
            recorded_at: parse_timestamp(&recorded_at)?,
        })
    })())
}
