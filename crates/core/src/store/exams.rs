//! Exam results: each attempt is its own entry.

use chrono::NaiveDate;
use rusqlite::{params, Row};
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{code, from_code, parse_date, parse_timestamp, timestamp};
use super::write::WriteTx;
use super::{parse_id, Result, Store, StoreError};
use crate::domain::{CefrLevel, Exam, ExamInput};
use crate::sync::outbox::LEDGER_ROW;

const ENTITY: &str = "exams";

impl Store {
    pub fn add_exam(
        &mut self,
        client_id: &Uuid,
        input: ExamInput,
        today: NaiveDate,
    ) -> Result<Exam> {
        let input = input.normalised();
        input.validate(today)?;
        self.client(client_id)?;
        let mut w = self.begin_write()?;
        let exam = insert_exam(&mut w, client_id, input)?;
        w.commit()?;
        Ok(exam)
    }

    /// A client's exam results, newest first.
    pub fn exams(&self, client_id: &Uuid) -> Result<Vec<Exam>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, part, date, level, result, note, recorded_by, recorded_at FROM exams
             WHERE client_id = ?1 ORDER BY date DESC, recorded_at DESC",
        )?;
        let rows = stmt.query_map([client_id.to_string()], |r| read(r, client_id))?;
        rows.map(|r| r?).collect()
    }
}

pub(super) fn insert_exam(w: &mut WriteTx<'_>, client_id: &Uuid, input: ExamInput) -> Result<Exam> {
    let exam = Exam {
        id: Uuid::now_v7(),
        client_id: *client_id,
        input,
        recorded_by: w.actor.clone(),
        recorded_at: w.now,
    };
    w.tx.execute(
        "INSERT INTO exams (id, client_id, part, date, level, result, note, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            exam.id.to_string(),
            client_id.to_string(),
            code(&exam.input.part),
            exam.input.date.to_string(),
            exam.input.level.map(|l| code(&l)),
            code(&exam.input.result),
            exam.input.note,
            exam.recorded_by,
            timestamp(exam.recorded_at)
        ],
    )?;
    let row_id = exam.id.to_string();
    w.outbox(ENTITY, &row_id, LEDGER_ROW, &serde_json::Value::Null)?;
    let changes = [FieldChange {
        field: "exam".into(),
        old: None,
        new: Some(format!(
            "{} {} op {}: {}",
            code(&exam.input.part),
            exam.input.level.map(|l| code(&l)).unwrap_or_default(),
            exam.input.date,
            code(&exam.input.result)
        )),
    }];
    w.audit(
        AuditAction::Append,
        ENTITY,
        &row_id,
        Some(&client_id.to_string()),
        &changes,
    )?;
    Ok(exam)
}

fn read(r: &Row<'_>, client_id: &Uuid) -> rusqlite::Result<Result<Exam>> {
    let (id, part, date): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
    let level: Option<String> = r.get(3)?;
    let (result, note): (String, Option<String>) = (r.get(4)?, r.get(5)?);
    let (recorded_by, recorded_at): (String, String) = (r.get(6)?, r.get(7)?);
    Ok((|| {
        Ok(Exam {
            id: parse_id(&id)?,
            client_id: *client_id,
            input: ExamInput {
                part: from_code(&part)?,
                date: parse_date(&date)?,
                level: level
                    .as_deref()
                    .map(|l| CefrLevel::parse(l).ok_or_else(|| StoreError::BadValue(l.to_owned())))
                    .transpose()?,
                result: from_code(&result)?,
                note,
            },
            recorded_by,
            recorded_at: parse_timestamp(&recorded_at)?,
        })
    })())
}
