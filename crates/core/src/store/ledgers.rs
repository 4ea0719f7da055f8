//! The append-only ledgers of a client: contact attempts and notes.

use chrono::NaiveDate;
use rusqlite::params;
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{code, from_code, parse_date, parse_timestamp, timestamp};
use super::write::WriteTx;
use super::{parse_id, Result, Store};
use crate::domain::{ContactAttempt, ContactAttemptInput, Note, NoteInput};
use crate::sync::outbox::LEDGER_ROW;

impl Store {
    /// Records an attempt to reach the client (date, channel, outcome).
    pub fn add_contact_attempt(
        &mut self,
        client_id: &Uuid,
        input: ContactAttemptInput,
        today: NaiveDate,
    ) -> Result<ContactAttempt> {
        input.validate(today)?;
        self.client(client_id)?;
        let mut w = self.begin_write()?;
        let entry = insert_contact_attempt(&mut w, client_id, input)?;
        w.commit()?;
        Ok(entry)
    }

    /// Adds a note to the dossier.
    pub fn add_note(&mut self, client_id: &Uuid, input: NoteInput) -> Result<Note> {
        input.validate()?;
        self.client(client_id)?;
        let mut w = self.begin_write()?;
        let note = insert_note(&mut w, client_id, input)?;
        w.commit()?;
        Ok(note)
    }

    /// A client's contact attempts, newest first.
    pub fn contact_attempts(&self, client_id: &Uuid) -> Result<Vec<ContactAttempt>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, date, channel, outcome, note, recorded_by, recorded_at FROM contact_attempts
             WHERE client_id = ?1 ORDER BY date DESC, recorded_at DESC",
        )?;
        let rows = stmt.query_map([client_id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut entries = Vec::new();
        for row in rows {
            let (id, date, channel, outcome, note, recorded_by, recorded_at) = row?;
            entries.push(ContactAttempt {
                id: parse_id(&id)?,
                client_id: *client_id,
                input: ContactAttemptInput {
                    date: parse_date(&date)?,
                    channel: from_code(&channel)?,
                    outcome: from_code(&outcome)?,
                    note,
                },
                recorded_by,
                recorded_at: parse_timestamp(&recorded_at)?,
            });
        }
        Ok(entries)
    }

    /// A client's notes, newest first.
    pub fn notes(&self, client_id: &Uuid) -> Result<Vec<Note>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, text, author, created_at FROM notes WHERE client_id = ?1 ORDER BY created_at DESC, id DESC",
        )?;
        let rows = stmt.query_map([client_id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut notes = Vec::new();
        for row in rows {
            let (id, text, author, created_at) = row?;
            notes.push(Note {
                id: parse_id(&id)?,
                client_id: *client_id,
                text,
                author,
                created_at: parse_timestamp(&created_at)?,
            });
        }
        Ok(notes)
    }
}

pub(super) fn insert_contact_attempt(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    input: ContactAttemptInput,
) -> Result<ContactAttempt> {
    let input = ContactAttemptInput {
        note: input
            .note
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        ..input
    };
    let entry = ContactAttempt {
        id: Uuid::now_v7(),
        client_id: *client_id,
        input,
        recorded_by: w.actor.clone(),
        recorded_at: w.now,
    };
    w.tx.execute(
        "INSERT INTO contact_attempts (id, client_id, date, channel, outcome, note, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            entry.id.to_string(),
            client_id.to_string(),
            entry.input.date.to_string(),
            code(&entry.input.channel),
            code(&entry.input.outcome),
            entry.input.note,
            entry.recorded_by,
            timestamp(entry.recorded_at)
        ],
    )?;
    let row_id = entry.id.to_string();
    w.outbox(
        "contact_attempts",
        &row_id,
        LEDGER_ROW,
        &serde_json::Value::Null,
    )?;
    let summary = format!(
        "{} via {}: {}",
        entry.input.date,
        code(&entry.input.channel),
        code(&entry.input.outcome)
    );
    let changes = [FieldChange {
        field: "contact_attempt".into(),
        old: None,
        new: Some(summary),
    }];
    w.audit(
        AuditAction::Append,
        "contact_attempts",
        &row_id,
        Some(&client_id.to_string()),
        &changes,
    )?;
    Ok(entry)
}

pub(super) fn insert_note(w: &mut WriteTx<'_>, client_id: &Uuid, input: NoteInput) -> Result<Note> {
    let note = Note {
        id: Uuid::now_v7(),
        client_id: *client_id,
        text: input.text.trim().to_owned(),
        author: w.actor.clone(),
        created_at: w.now,
    };
    w.tx.execute(
        "INSERT INTO notes (id, client_id, text, author, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            note.id.to_string(),
            client_id.to_string(),
            note.text,
            note.author,
            timestamp(note.created_at)
        ],
    )?;
    let row_id = note.id.to_string();
    w.outbox("notes", &row_id, LEDGER_ROW, &serde_json::Value::Null)?;
    // The audit trail says a note was added, not what it says: the text is in the dossier.
    let length = format!("{} tekens", note.text.chars().count());
    let changes = [FieldChange {
        field: "note".into(),
        old: None,
        new: Some(length),
    }];
    w.audit(
        AuditAction::Append,
        "notes",
        &row_id,
        Some(&client_id.to_string()),
        &changes,
    )?;
    Ok(note)
}
