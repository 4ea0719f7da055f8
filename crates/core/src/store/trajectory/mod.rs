//! The trajectory records after the PIP, stored one table per kind with the record's field
//! names as columns. One generic path inserts, updates and reads them all; the few kinds with
//! more to do (a PVT meeting also books its hours, a closing sets the client's status, a
//! warning belongs to a case) add that around it.

mod fine_rules;
mod view;
mod work;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{params_from_iter, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{code, display, timestamp, to_sql};
use super::write::WriteTx;
use super::{settings, Result, Store, StoreError};
use crate::domain::hours::{HourCategory, HourEntryInput, HourSource};
use crate::domain::trajectory::{
    Closing, EnforcementCase, MapThemeDone, ProgressConversation, PvtMeeting, PvtStatement,
    RecordContext, TrajectoryInput, TrajectoryRecord, Warning, RETENTION_YEARS,
};
use crate::sync::outbox::LEDGER_ROW;

pub use view::{BegeleidingView, CaseView, ClosingView, OntzorgenView, TrajectoryView, WorkView};

/// A record as stored: who entered it and when, and who changed it last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Stored<R> {
    pub id: Uuid,
    pub client_id: Uuid,
    pub record: R,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
    pub updated_by: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
}

const RETENTION_KEY: &str = "retention_years";

impl Store {
    /// Adds a record to a client's dossier; returns its id.
    pub fn add_trajectory_record(
        &mut self,
        client_id: &Uuid,
        input: TrajectoryInput,
        today: NaiveDate,
    ) -> Result<Uuid> {
        let client_type = self.client(client_id)?.input.client_type;
        let ctx = RecordContext {
            today,
            client_type,
            fine_rules: &[],
            warnings: &[],
            case_opened_on: None,
        };
        match input {
            TrajectoryInput::Conversation(r) => self.add_plain(client_id, r, &ctx),
            // A PVT meeting also writes its hours into the ledger (category PVT).
            TrajectoryInput::PvtMeeting(r) => {
                self.add_checked(client_id, r, &ctx, insert_pvt_meeting)
            }
            TrajectoryInput::PvtStatement(r) => {
                self.refuse_second::<PvtStatement>(
                    client_id,
                    "de participatieverklaring is al vastgelegd: pas die registratie aan",
                )?;
                self.add_plain(client_id, r, &ctx)
            }
            TrajectoryInput::MapTheme(r) => self.add_map_theme(client_id, r, &ctx),
            TrajectoryInput::MapClosing(r) => self.add_plain(client_id, r, &ctx),
            TrajectoryInput::Enforcement(r) => {
                let rules = self.fine_rules()?;
                self.add_plain(
                    client_id,
                    r,
                    &RecordContext {
                        fine_rules: &rules,
                        ..ctx
                    },
                )
            }
            TrajectoryInput::Warning(r) => self.add_warning(client_id, r, &ctx),
            TrajectoryInput::Ontzorgen(r) => self.add_plain(client_id, r, &ctx),
            TrajectoryInput::Begeleiding(r) => self.add_plain(client_id, r, &ctx),
            TrajectoryInput::Referral(r) => self.add_plain(client_id, r, &ctx),
            TrajectoryInput::Work(r) => self.add_plain(client_id, r, &ctx),
            TrajectoryInput::Closing(r) => self.add_closing(client_id, r, &ctx),
        }
    }

    /// Changes a mutable record field by field (audited old → new). Ledger records — PVT
    /// meetings, MAP themes, warnings — cannot change.
    pub fn update_trajectory_record(
        &mut self,
        id: &Uuid,
        input: TrajectoryInput,
        today: NaiveDate,
    ) -> Result<()> {
        let table = input.table();
        let client_id = self.record_client(table, id)?;
        let client_type = self.client(&client_id)?.input.client_type;
        let ctx = RecordContext {
            today,
            client_type,
            fine_rules: &[],
            warnings: &[],
            case_opened_on: None,
        };
        match input {
            TrajectoryInput::Conversation(r) => self.update_plain(id, r, &ctx),
            TrajectoryInput::PvtStatement(r) => self.update_plain(id, r, &ctx),
            TrajectoryInput::MapClosing(r) => self.update_plain(id, r, &ctx),
            TrajectoryInput::Enforcement(r) => {
                let rules = self.fine_rules()?;
                let warnings: Vec<NaiveDate> = self
                    .warnings_of(id)?
                    .into_iter()
                    .map(|w| w.record.date)
                    .collect();
                self.update_plain(
                    id,
                    r,
                    &RecordContext {
                        fine_rules: &rules,
                        warnings: &warnings,
                        ..ctx
                    },
                )
            }
            TrajectoryInput::Ontzorgen(r) => self.update_plain(id, r, &ctx),
            TrajectoryInput::Begeleiding(r) => self.update_plain(id, r, &ctx),
            TrajectoryInput::Referral(r) => self.update_plain(id, r, &ctx),
            TrajectoryInput::Work(r) => self.update_plain(id, r, &ctx),
            TrajectoryInput::Closing(r) => self.update_closing(id, r, &ctx),
            TrajectoryInput::PvtMeeting(_)
            | TrajectoryInput::MapTheme(_)
            | TrajectoryInput::Warning(_) => Err(StoreError::Conflict(
                "deze registratie ligt vast en kan niet worden gewijzigd".into(),
            )),
        }
    }

    /// One record by its kind (as [`TrajectoryInput::KINDS`] names it) and id, e.g. to change
    /// a few of its fields.
    pub fn trajectory_record(&self, kind: &str, id: &Uuid) -> Result<TrajectoryInput> {
        fn get<R: TrajectoryRecord>(
            store: &Store,
            id: &Uuid,
            wrap: fn(R) -> TrajectoryInput,
        ) -> Result<TrajectoryInput> {
            store
                .record::<R>(id)?
                .map(|stored| wrap(stored.record))
                .ok_or_else(|| StoreError::NotFound(format!("registratie {id}")))
        }
        use TrajectoryInput as T;
        match kind {
            "conversation" => get::<ProgressConversation>(self, id, T::Conversation),
            "pvt_meeting" => get(self, id, T::PvtMeeting),
            "pvt_statement" => get(self, id, T::PvtStatement),
            "map_theme" => get(self, id, T::MapTheme),
            "map_closing" => get(self, id, T::MapClosing),
            "enforcement" => get(self, id, T::Enforcement),
            "warning" => get(self, id, T::Warning),
            "ontzorgen" => get(self, id, T::Ontzorgen),
            "begeleiding" => get(self, id, T::Begeleiding),
            "referral" => get(self, id, T::Referral),
            "work" => get(self, id, T::Work),
            "closing" => get(self, id, T::Closing),
            _ => Err(StoreError::NotFound(format!(
                "soort registratie '{kind}' (kies uit {})",
                TrajectoryInput::KINDS.join(", ")
            ))),
        }
    }

    /// How many years a dossier is kept after the obligation ends (a setting, default 5).
    pub fn retention_years(&self) -> Result<u32> {
        Ok(settings::get(&self.conn, RETENTION_KEY)?.unwrap_or(RETENTION_YEARS))
    }

    pub fn set_retention_years(&mut self, years: u32) -> Result<()> {
        if !(1..=30).contains(&years) {
            return Err(
                crate::domain::ValidationErrors(vec![crate::domain::FieldError::new(
                    "retention_years",
                    "range",
                    "moet tussen 1 en 30 jaar liggen",
                )])
                .into(),
            );
        }
        settings::put(&self.conn, RETENTION_KEY, &years)
    }

    fn add_plain<R: TrajectoryRecord>(
        &mut self,
        client_id: &Uuid,
        record: R,
        ctx: &RecordContext<'_>,
    ) -> Result<Uuid> {
        self.add_checked(client_id, record, ctx, |w, client_id, record| {
            insert(w, client_id, record, &[])
        })
    }

    /// Normalises and validates a record, then writes it with `write` in one transaction.
    fn add_checked<R: TrajectoryRecord>(
        &mut self,
        client_id: &Uuid,
        record: R,
        ctx: &RecordContext<'_>,
        write: impl FnOnce(&mut WriteTx<'_>, &Uuid, &R) -> Result<Uuid>,
    ) -> Result<Uuid> {
        let record = normalised(record)?;
        record.validate(ctx)?;
        let mut w = self.begin_write()?;
        let id = write(&mut w, client_id, &record)?;
        w.commit()?;
        Ok(id)
    }

    fn add_map_theme(
        &mut self,
        client_id: &Uuid,
        record: MapThemeDone,
        ctx: &RecordContext<'_>,
    ) -> Result<Uuid> {
        let done: Option<String> = self
            .conn
            .query_row(
                "SELECT date FROM map_themes WHERE client_id = ?1 AND theme = ?2",
                [client_id.to_string(), code(&record.theme)],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(date) = done {
            return Err(StoreError::Conflict(format!(
                "dit MAP-thema is al afgerond op {date}"
            )));
        }
        self.add_plain(client_id, record, ctx)
    }

    fn add_warning(
        &mut self,
        client_id: &Uuid,
        record: Warning,
        ctx: &RecordContext<'_>,
    ) -> Result<Uuid> {
        let case = self
            .record::<EnforcementCase>(&record.case_id)?
            .filter(|c| c.client_id == *client_id)
            .ok_or_else(|| {
                StoreError::NotFound(format!(
                    "handhavingszaak {} van deze cliënt",
                    record.case_id
                ))
            })?;
        self.add_plain(
            client_id,
            record,
            &RecordContext {
                case_opened_on: Some(case.record.opened_on),
                ..*ctx
            },
        )
    }

    /// Closing a dossier also sets the client's status (diploma → afgerond, …).
    fn add_closing(
        &mut self,
        client_id: &Uuid,
        record: Closing,
        ctx: &RecordContext<'_>,
    ) -> Result<Uuid> {
        self.refuse_second::<Closing>(
            client_id,
            "het dossier is al afgesloten: pas de afsluiting aan",
        )?;
        let client = self.client(client_id)?;
        self.add_checked(client_id, record, ctx, |w, client_id, record| {
            let id = insert(w, client_id, record, &[])?;
            set_status(w, &client, record.reason.status())?;
            Ok(id)
        })
    }

    fn update_closing(
        &mut self,
        id: &Uuid,
        record: Closing,
        ctx: &RecordContext<'_>,
    ) -> Result<()> {
        let status = record.reason.status();
        self.update_plain(id, record, ctx)?;
        let client_id = self.record_client(Closing::TABLE, id)?;
        let client = self.client(&client_id)?;
        let mut w = self.begin_write()?;
        set_status(&mut w, &client, status)?;
        w.commit()
    }

    fn update_plain<R: TrajectoryRecord>(
        &mut self,
        id: &Uuid,
        record: R,
        ctx: &RecordContext<'_>,
    ) -> Result<()> {
        let record = normalised(record)?;
        record.validate(ctx)?;
        let old = self
            .record::<R>(id)?
            .ok_or_else(|| StoreError::NotFound(format!("registratie {id}")))?;
        let before = to_map(&old.record)?;
        let after = to_map(&record)?;
        let changed: Vec<&str> = after
            .keys()
            .map(String::as_str)
            .filter(|f| before.get(*f) != after.get(*f))
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        let mut w = self.begin_write()?;
        let also = [
            ("updated_by", w.actor.clone()),
            ("updated_at", timestamp(w.now)),
        ];
        w.update_fields(
            R::TABLE,
            &id.to_string(),
            &old.client_id.to_string(),
            &before,
            &after,
            &changed,
            &also,
        )?;
        w.commit()
    }

    fn refuse_second<R: TrajectoryRecord>(&self, client_id: &Uuid, message: &str) -> Result<()> {
        if self.records::<R>(client_id)?.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Conflict(message.into()))
        }
    }

    fn record_client(&self, table: &str, id: &Uuid) -> Result<Uuid> {
        let client_id: Option<String> = self
            .conn
            .query_row(
                &format!("SELECT client_id FROM {table} WHERE id = ?1"),
                [id.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        client_id
            .ok_or_else(|| StoreError::NotFound(format!("registratie {id}")))
            .and_then(|c| super::parse_id(&c))
    }

    /// One record by id.
    pub(crate) fn record<R: TrajectoryRecord>(&self, id: &Uuid) -> Result<Option<Stored<R>>> {
        self.conn
            .query_row(
                &format!("SELECT * FROM {} WHERE id = ?1", R::TABLE),
                [id.to_string()],
                |row| Ok(read::<R>(row)),
            )
            .optional()?
            .transpose()
    }

    /// A client's records of one kind, newest first.
    pub(crate) fn records<R: TrajectoryRecord>(&self, client_id: &Uuid) -> Result<Vec<Stored<R>>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT * FROM {} WHERE client_id = ?1 ORDER BY \"{}\" DESC, recorded_at DESC",
            R::TABLE,
            R::DATE_FIELD
        ))?;
        let rows = stmt.query_map([client_id.to_string()], |row| Ok(read::<R>(row)))?;
        rows.map(|r| r?).collect()
    }

    fn warnings_of(&self, case_id: &Uuid) -> Result<Vec<Stored<Warning>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM enforcement_warnings WHERE case_id = ?1 ORDER BY date DESC",
        )?;
        let rows = stmt.query_map([case_id.to_string()], |row| Ok(read::<Warning>(row)))?;
        rows.map(|r| r?).collect()
    }
}

/// Trims every text field; blank text becomes absent — except in a required text field, which
/// stays "" so that its rule names it.
fn normalised<R: TrajectoryRecord>(record: R) -> Result<R> {
    let mut map = to_map(&record)?;
    let mut blank = Vec::new();
    for (field, value) in map.iter_mut() {
        if let Value::String(s) = value {
            let trimmed = s.trim().to_owned();
            if trimmed.is_empty() {
                blank.push(field.clone());
                *value = Value::Null;
            } else {
                *value = Value::String(trimmed);
            }
        }
    }
    if let Ok(record) = serde_json::from_value(Value::Object(map.clone())) {
        return Ok(record);
    }
    for field in blank {
        map.insert(field, Value::String(String::new()));
    }
    Ok(serde_json::from_value(Value::Object(map))?)
}

fn to_map<R: Serialize>(record: &R) -> Result<Map<String, Value>> {
    match serde_json::to_value(record)? {
        Value::Object(map) => Ok(map),
        other => Err(StoreError::BadValue(other.to_string())),
    }
}

/// Inserts a record with its outbox ops (one per field, or one ledger row) and a create audit
/// entry; `extra` columns are the app's own (not part of the record).
pub(super) fn insert<R: TrajectoryRecord>(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    record: &R,
    extra: &[(&str, SqlValue)],
) -> Result<Uuid> {
    let id = Uuid::now_v7();
    let fields = to_map(record)?;
    let mut columns = vec!["id", "client_id", "recorded_by", "recorded_at"];
    let mut values = vec![
        SqlValue::Text(id.to_string()),
        SqlValue::Text(client_id.to_string()),
        SqlValue::Text(w.actor.clone()),
        SqlValue::Text(timestamp(w.now)),
    ];
    for (field, value) in &fields {
        columns.push(field);
        values.push(to_sql(value));
    }
    for (column, value) in extra {
        columns.push(column);
        values.push(value.clone());
    }
    let quoted: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    let marks = vec!["?"; columns.len()].join(", ");
    w.tx.execute(
        &format!(
            "INSERT INTO {} ({}) VALUES ({marks})",
            R::TABLE,
            quoted.join(", ")
        ),
        params_from_iter(values),
    )?;
    let row_id = id.to_string();
    if R::LEDGER {
        w.outbox(R::TABLE, &row_id, LEDGER_ROW, &Value::Null)?;
    } else {
        for (field, value) in &fields {
            w.outbox(R::TABLE, &row_id, field, value)?;
        }
        for (field, value) in [
            ("client_id", client_id.to_string()),
            ("recorded_by", w.actor.clone()),
            ("recorded_at", timestamp(w.now)),
        ] {
            w.outbox(R::TABLE, &row_id, field, &Value::from(value))?;
        }
    }
    let changes: Vec<FieldChange> = fields
        .iter()
        .filter_map(|(field, value)| {
            display(field, value).map(|new| FieldChange {
                field: field.clone(),
                old: None,
                new: Some(new),
            })
        })
        .collect();
    let action = if R::LEDGER {
        AuditAction::Append
    } else {
        AuditAction::Create
    };
    w.audit(
        action,
        R::TABLE,
        &row_id,
        Some(&client_id.to_string()),
        &changes,
    )?;
    Ok(id)
}

/// Writes a generated client's records (valid by construction; the generator's tests check).
pub(super) fn insert_generated(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    generated: crate::generate::GeneratedTrajectory,
) -> Result<()> {
    for record in generated.records {
        insert_any(w, client_id, record)?;
    }
    for (case, warnings) in generated.cases {
        let case_id = insert(w, client_id, &case, &[])?;
        for date in warnings {
            let warning = Warning {
                case_id,
                date,
                letter_sent: true,
                note: None,
            };
            insert(w, client_id, &warning, &[])?;
        }
    }
    Ok(())
}

/// Inserts any record without its rules (for generated data); a PVT meeting with its hours.
fn insert_any(w: &mut WriteTx<'_>, client_id: &Uuid, input: TrajectoryInput) -> Result<Uuid> {
    use TrajectoryInput as T;
    match input {
        T::PvtMeeting(r) => insert_pvt_meeting(w, client_id, &r),
        T::Conversation(r) => insert(w, client_id, &r, &[]),
        T::PvtStatement(r) => insert(w, client_id, &r, &[]),
        T::MapTheme(r) => insert(w, client_id, &r, &[]),
        T::MapClosing(r) => insert(w, client_id, &r, &[]),
        T::Enforcement(r) => insert(w, client_id, &r, &[]),
        T::Warning(r) => insert(w, client_id, &r, &[]),
        T::Ontzorgen(r) => insert(w, client_id, &r, &[]),
        T::Begeleiding(r) => insert(w, client_id, &r, &[]),
        T::Referral(r) => insert(w, client_id, &r, &[]),
        T::Work(r) => insert(w, client_id, &r, &[]),
        T::Closing(r) => insert(w, client_id, &r, &[]),
    }
}

/// A PVT meeting and its hours-ledger entry (category PVT).
fn insert_pvt_meeting(w: &mut WriteTx<'_>, client_id: &Uuid, record: &PvtMeeting) -> Result<Uuid> {
    let entry = super::hours::insert_entry(
        w,
        client_id,
        HourEntryInput {
            date: record.date,
            quarters: record.quarters,
            category: HourCategory::Pvt,
            source: HourSource::Consultant,
            provider: None,
            note: Some("PVT-bijeenkomst".into()),
        },
        None,
    )?;
    insert(
        w,
        client_id,
        record,
        &[("hour_entry_id", SqlValue::Text(entry.id.to_string()))],
    )
}

/// Reads a row of `R::TABLE` (selected with `*`): the record's fields by column name.
fn read<R: TrajectoryRecord>(row: &Row<'_>) -> Result<Stored<R>> {
    let mut map = Map::new();
    for (i, name) in row.as_ref().column_names().iter().enumerate() {
        let value = match row.get_ref(i)? {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(n) if R::BOOL_FIELDS.contains(name) => Value::Bool(n != 0),
            ValueRef::Integer(n) => Value::from(n),
            ValueRef::Real(x) => Value::from(x),
            ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(_) => Value::Null,
        };
        map.insert((*name).to_owned(), value);
    }
    let take = |map: &mut Map<String, Value>, key: &str| map.remove(key).unwrap_or(Value::Null);
    let meta = serde_json::json!({
        "id": take(&mut map, "id"),
        "client_id": take(&mut map, "client_id"),
        "recorded_by": take(&mut map, "recorded_by"),
        "recorded_at": take(&mut map, "recorded_at"),
        "updated_by": take(&mut map, "updated_by"),
        "updated_at": take(&mut map, "updated_at"),
    });
    let Value::Object(mut stored) = meta else {
        unreachable!("a json! object")
    };
    stored.insert("record".into(), Value::Object(map));
    Ok(serde_json::from_value(Value::Object(stored))?)
}

/// Sets the client's status (a closing's consequence), audited like any client change.
fn set_status(
    w: &mut WriteTx<'_>,
    client: &crate::domain::Client,
    status: crate::domain::ClientStatus,
) -> Result<()> {
    if client.input.status == status {
        return Ok(());
    }
    let field = |s| Map::from_iter([("status".to_owned(), Value::from(code(&s)))]);
    let updated_at = timestamp(w.now);
    let id = client.id.to_string();
    w.update_fields(
        "clients",
        &id,
        &id,
        &field(client.input.status),
        &field(status),
        &["status"],
        &[("updated_at", updated_at)],
    )
}

#[cfg(test)]
mod tests;
