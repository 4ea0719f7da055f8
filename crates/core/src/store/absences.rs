//! Absences: recorded once, and later marked excused or not (a doctor's note arrives), so they
//! sync as a mutable record, field by field.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use serde_json::Value;
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{code, display, from_code, parse_date, parse_timestamp, timestamp};
use super::write::WriteTx;
use super::{parse_id, Result, Store, StoreError};
use crate::domain::{Absence, AbsenceExcuse, AbsenceInput};

const ENTITY: &str = "absences";
const SELECT: &str = "SELECT id, client_id, date, activity, excused, reason, source, provider,
    recorded_by, recorded_at FROM absences";

impl Store {
    pub fn add_absence(
        &mut self,
        client_id: &Uuid,
        input: AbsenceInput,
        today: NaiveDate,
    ) -> Result<Absence> {
        let input = input.normalised();
        input.validate(today)?;
        self.client(client_id)?;
        let mut w = self.begin_write()?;
        let absence = insert_absence(&mut w, client_id, input)?;
        w.commit()?;
        Ok(absence)
    }

    /// Marks an absence excused or unexcused, with the reason.
    pub fn excuse_absence(&mut self, id: &Uuid, excuse: AbsenceExcuse) -> Result<Absence> {
        let excuse = AbsenceExcuse {
            reason: excuse
                .reason
                .map(|r| r.trim().to_owned())
                .filter(|r| !r.is_empty()),
            ..excuse
        };
        excuse.validate()?;
        let old = self
            .absence(id)?
            .ok_or_else(|| StoreError::NotFound(format!("verzuimmelding {id}")))?;
        let mut w = self.begin_write()?;
        w.tx.execute(
            "UPDATE absences SET excused = ?2, reason = ?3 WHERE id = ?1",
            params![id.to_string(), excuse.excused, excuse.reason],
        )?;
        let row_id = id.to_string();
        let mut changes = Vec::new();
        for (field, before, after) in [
            (
                "excused",
                Value::Bool(old.input.excused),
                Value::Bool(excuse.excused),
            ),
            (
                "reason",
                serde_json::to_value(&old.input.reason)?,
                serde_json::to_value(&excuse.reason)?,
            ),
        ] {
            if before != after {
                w.outbox(ENTITY, &row_id, field, &after)?;
                changes.push(FieldChange {
                    field: field.into(),
                    old: display(field, &before),
                    new: display(field, &after),
                });
            }
        }
        if !changes.is_empty() {
            w.audit(
                AuditAction::Update,
                ENTITY,
                &row_id,
                Some(&old.client_id.to_string()),
                &changes,
            )?;
        }
        w.commit()?;
        Ok(Absence {
            input: AbsenceInput {
                excused: excuse.excused,
                reason: excuse.reason,
                ..old.input
            },
            ..old
        })
    }

    pub fn absence(&self, id: &Uuid) -> Result<Option<Absence>> {
        self.conn
            .query_row(&format!("{SELECT} WHERE id = ?1"), [id.to_string()], read)
            .optional()?
            .transpose()
    }

    /// A client's absences, newest first.
    pub fn absences(&self, client_id: &Uuid) -> Result<Vec<Absence>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE client_id = ?1 ORDER BY date DESC, recorded_at DESC"
        ))?;
        let rows = stmt.query_map([client_id.to_string()], read)?;
        rows.map(|r| r?).collect()
    }
}

pub(super) fn insert_absence(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    input: AbsenceInput,
) -> Result<Absence> {
    let absence = Absence {
        id: Uuid::now_v7(),
        client_id: *client_id,
        input,
        recorded_by: w.actor.clone(),
        recorded_at: w.now,
    };
    w.tx.execute(
        "INSERT INTO absences (id, client_id, date, activity, excused, reason, source, provider,
             recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            absence.id.to_string(),
            client_id.to_string(),
            absence.input.date.to_string(),
            absence.input.activity,
            absence.input.excused,
            absence.input.reason,
            code(&absence.input.source),
            absence.input.provider,
            absence.recorded_by,
            timestamp(absence.recorded_at)
        ],
    )?;
    w.remember_provider(absence.input.provider.as_deref())?;
    let row_id = absence.id.to_string();
    let Value::Object(fields) = serde_json::to_value(&absence)? else {
        unreachable!("an absence serialises to an object")
    };
    let mut changes = Vec::new();
    for (field, value) in &fields {
        if field == "id" {
            continue;
        }
        w.outbox(ENTITY, &row_id, field, value)?;
        if matches!(field.as_str(), "date" | "activity" | "excused" | "reason") {
            changes.push(FieldChange {
                field: field.clone(),
                old: None,
                new: display(field, value),
            });
        }
    }
    w.audit(
        AuditAction::Create,
        ENTITY,
        &row_id,
        Some(&client_id.to_string()),
        &changes,
    )?;
    Ok(absence)
}

fn read(r: &Row<'_>) -> rusqlite::Result<Result<Absence>> {
    let (id, client_id, date, activity): (String, String, String, String) =
        (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
    let excused: bool = r.get(4)?;
    let reason: Option<String> = r.get(5)?;
    let source: String = r.get(6)?;
    let provider: Option<String> = r.get(7)?;
    let (recorded_by, recorded_at): (String, String) = (r.get(8)?, r.get(9)?);
    Ok((|| {
        Ok(Absence {
            id: parse_id(&id)?,
            client_id: parse_id(&client_id)?,
            input: AbsenceInput {
                date: parse_date(&date)?,
                activity,
                excused,
                reason,
                source: from_code(&source)?,
                provider,
            },
            recorded_by,
            recorded_at: parse_timestamp(&recorded_at)?,
        })
    })())
}
