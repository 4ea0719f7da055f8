//! Language schools' progress reports. A report is kept once per client, provider and period;
//! its hours become ledger entries with source "provider report" in the same transaction.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{code, parse_date, parse_timestamp, timestamp, ImportOutcome};
use super::hours::{describe, insert_row};
use super::write::WriteTx;
use super::{parse_id, Result, Store, StoreError};
use crate::domain::hours::HourEntryInput;
use crate::domain::{
    CefrLevel, HourCategory, HourSource, ProgressReport, ProgressReportInput, Quarters, SkillLevels,
};
use crate::sync::outbox::LEDGER_ROW;

const ENTITY: &str = "progress_reports";
const SELECT: &str = "SELECT id, client_id, provider, period_start, period_end, attendance_pct,
    lezen, luisteren, spreken, schrijven, knm, obstacles, course_quarters, map_theory_quarters,
    map_practice_quarters, stagnating, text, recorded_by, recorded_at FROM progress_reports";

impl Store {
    /// Records a report entered by hand; a second report of the same provider and period for
    /// the client is refused.
    pub fn add_progress_report(
        &mut self,
        client_id: &Uuid,
        input: ProgressReportInput,
        today: NaiveDate,
    ) -> Result<ProgressReport> {
        let input = input.normalised();
        input.validate(today)?;
        self.client(client_id)?;
        let mut w = self.begin_write()?;
        let report = insert_report(&mut w, client_id, input)?.ok_or_else(|| {
            StoreError::Conflict(
                "er is al een voortgangsrapportage van deze aanbieder over deze periode".into(),
            )
        })?;
        w.commit()?;
        Ok(report)
    }

    /// Imports validated reports in one transaction; a report already present is skipped.
    pub fn import_progress_reports(
        &mut self,
        rows: Vec<(Uuid, ProgressReportInput)>,
    ) -> Result<Vec<ImportOutcome>> {
        let mut w = self.begin_write()?;
        let mut outcomes = Vec::with_capacity(rows.len());
        for (client_id, input) in rows {
            outcomes.push(
                match insert_report(&mut w, &client_id, input.normalised())? {
                    Some(_) => ImportOutcome::Imported,
                    None => ImportOutcome::AlreadyPresent,
                },
            );
        }
        w.commit()?;
        Ok(outcomes)
    }

    /// A client's reports, newest period first.
    pub fn progress_reports(&self, client_id: &Uuid) -> Result<Vec<ProgressReport>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE client_id = ?1 ORDER BY period_end DESC, provider"
        ))?;
        let rows = stmt.query_map([client_id.to_string()], read)?;
        rows.map(|r| r?).collect()
    }

    /// The client whose external id, or else whose whole BSN, is `key`.
    pub fn find_client_id(&self, key: &str) -> Result<Option<Uuid>> {
        let key = key.trim();
        let id: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT id FROM clients WHERE external_id = ?1
                 UNION ALL SELECT id FROM clients WHERE bsn = ?1 LIMIT 1",
            )?
            .query_row([key], |r| r.get(0))
            .optional()?;
        id.as_deref().map(parse_id).transpose()
    }
}

/// Inserts the report and its hours, or returns `None` when the client already has a report
/// of this provider over this period.
pub(super) fn insert_report(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    input: ProgressReportInput,
) -> Result<Option<ProgressReport>> {
    let exists: Option<i64> =
        w.tx.prepare_cached(
            "SELECT 1 FROM progress_reports
             WHERE client_id = ?1 AND provider = ?2 AND period_start = ?3 AND period_end = ?4",
        )?
        .query_row(
            params![
                client_id.to_string(),
                input.provider,
                input.period_start.to_string(),
                input.period_end.to_string()
            ],
            |r| r.get(0),
        )
        .optional()?;
    if exists.is_some() {
        return Ok(None);
    }
    let report = ProgressReport {
        id: Uuid::now_v7(),
        client_id: *client_id,
        input,
        recorded_by: w.actor.clone(),
        recorded_at: w.now,
    };
    let i = &report.input;
    let level = |l: Option<CefrLevel>| l.map(|l| code(&l));
    w.tx.prepare_cached(
        "INSERT INTO progress_reports (id, client_id, provider, period_start, period_end,
             attendance_pct, lezen, luisteren, spreken, schrijven, knm, obstacles, course_quarters,
             map_theory_quarters, map_practice_quarters, stagnating, text, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?
    .execute(params![
        report.id.to_string(),
        client_id.to_string(),
        i.provider,
        i.period_start.to_string(),
        i.period_end.to_string(),
        i.attendance_pct,
        level(i.levels.lezen),
        level(i.levels.luisteren),
        level(i.levels.spreken),
        level(i.levels.schrijven),
        level(i.levels.knm),
        i.obstacles,
        i.course_hours.0,
        i.map_theory_hours.0,
        i.map_practice_hours.0,
        i.stagnating,
        i.text,
        report.recorded_by,
        timestamp(report.recorded_at)
    ])?;
    let row_id = report.id.to_string();
    w.outbox(ENTITY, &row_id, LEDGER_ROW, &serde_json::Value::Null)?;
    w.remember_provider(Some(&i.provider))?;
    let note = format!(
        "Voortgangsrapportage {} t/m {}",
        i.period_start, i.period_end
    );
    let mut changes = vec![FieldChange {
        field: "progress_report".into(),
        old: None,
        new: Some(format!(
            "{} {} t/m {}",
            i.provider, i.period_start, i.period_end
        )),
    }];
    // The report's hours are part of this one action: one audit entry names them all.
    for (quarters, category) in [
        (i.course_hours, HourCategory::Taal),
        (i.map_theory_hours, HourCategory::MapTheorie),
        (i.map_practice_hours, HourCategory::MapPraktijk),
    ] {
        if quarters.0 > 0 {
            let entry = HourEntryInput {
                date: i.period_end,
                quarters,
                category,
                source: HourSource::ProviderReport,
                provider: Some(i.provider.clone()),
                note: Some(note.clone()),
            };
            let entry = insert_row(w, client_id, entry, None, Some(report.id))?;
            changes.push(FieldChange {
                field: "hours".into(),
                old: None,
                new: Some(describe(&entry)),
            });
        }
    }
    w.audit(
        AuditAction::Append,
        ENTITY,
        &row_id,
        Some(&client_id.to_string()),
        &changes,
    )?;
    Ok(Some(report))
}

fn read(r: &Row<'_>) -> rusqlite::Result<Result<ProgressReport>> {
    let s = |i: usize| r.get::<_, String>(i);
    let o = |i: usize| r.get::<_, Option<String>>(i);
    let (id, client_id, provider, start, end) = (s(0)?, s(1)?, s(2)?, s(3)?, s(4)?);
    let attendance_pct: Option<u8> = r.get(5)?;
    let levels = [o(6)?, o(7)?, o(8)?, o(9)?, o(10)?];
    let obstacles = o(11)?;
    let q = |i: usize| r.get::<_, i64>(i).map(Quarters);
    let (course, theory, practice) = (q(12)?, q(13)?, q(14)?);
    let stagnating: bool = r.get(15)?;
    let text = o(16)?;
    let (recorded_by, recorded_at) = (s(17)?, s(18)?);
    Ok((|| {
        let level = |l: &Option<String>| -> Result<Option<CefrLevel>> {
            l.as_deref()
                .map(|l| CefrLevel::parse(l).ok_or_else(|| StoreError::BadValue(l.to_owned())))
                .transpose()
        };
        Ok(ProgressReport {
            id: parse_id(&id)?,
            client_id: parse_id(&client_id)?,
            input: ProgressReportInput {
                provider,
                period_start: parse_date(&start)?,
                period_end: parse_date(&end)?,
                attendance_pct,
                levels: SkillLevels {
                    lezen: level(&levels[0])?,
                    luisteren: level(&levels[1])?,
                    spreken: level(&levels[2])?,
                    schrijven: level(&levels[3])?,
                    knm: level(&levels[4])?,
                },
                obstacles,
                course_hours: course,
                map_theory_hours: theory,
                map_practice_hours: practice,
                stagnating,
                text,
            },
            recorded_by,
            recorded_at: parse_timestamp(&recorded_at)?,
        })
    })())
}
