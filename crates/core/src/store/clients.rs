//! Clients: create, edit, read (audited), and the caseload query with search.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::pips::PipOverview;
use super::signals::WorkItem;
use super::write::WriteTx;
use super::{parse_id, Result, Store, StoreError};
use crate::domain::bsn::Bsn;
use crate::domain::{
    Client, ClientInput, ClientStatus, ClientSummary, ClientType, ContactAttempt, Note,
    ValidationErrors,
};

const ENTITY: &str = "clients";

/// The fields of [`ClientInput`], which are also the columns of `clients`.
pub(crate) const CLIENT_FIELDS: [&str; 23] = [
    "external_id",
    "given_name",
    "family_name",
    "birth_date",
    "gender",
    "country_of_origin",
    "mother_tongue",
    "other_languages",
    "interpreter_needed",
    "interpreter_language",
    "client_type",
    "statushouder_subtype",
    "municipality",
    "brp_registration_date",
    "kennisgeving_date",
    "obligation_date",
    "housing_date",
    "bsn",
    "phone",
    "email",
    "address",
    "consultant",
    "status",
];

/// A client's dossier as it opens: what the header, the overview and the signal banner show,
/// in one answer. The BSN is masked here; the full number is only in [`Store::open_client`],
/// which the edit form uses. The audit trail is not in it: the Audit tab pages through it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Dossier {
    pub client: Client,
    pub bsn_masked: Option<String>,
    pub contact_attempts: Vec<ContactAttempt>,
    pub notes: Vec<Note>,
    /// The PIP versions and the termijn (header and timeline).
    pub pip: PipOverview,
    /// The client's signals, acknowledged ones included ([`Store::client_signals`]).
    pub signals: Vec<WorkItem>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CaseloadSort {
    #[default]
    Name,
    Municipality,
    ClientType,
    Status,
    Consultant,
    BrpRegistrationDate,
    /// The end of the termijn in force; clients without a termijn last.
    TermijnEnd,
}

/// Search text and filters of the caseload screen.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CaseloadQuery {
    /// Any part of a given or family name (several words must all match), or a whole BSN.
    pub text: Option<String>,
    pub municipality: Option<String>,
    pub client_type: Option<ClientType>,
    pub status: Option<ClientStatus>,
    pub consultant: Option<String>,
    pub sort: CaseloadSort,
    pub descending: bool,
}

impl CaseloadQuery {
    pub fn search(text: &str) -> Self {
        Self {
            text: Some(text.to_owned()),
            ..Self::default()
        }
    }
}

/// What an import did with each row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub enum ImportOutcome {
    Imported,
    /// A client with this external id is already in the store.
    AlreadyPresent,
}

impl Store {
    /// Registers a new client.
    pub fn create_client(&mut self, input: ClientInput, today: NaiveDate) -> Result<Client> {
        let input = self.checked(input, today)?;
        let mut w = self.begin_write()?;
        let client = insert_client(&mut w, input)?;
        w.commit()?;
        Ok(client)
    }

    /// Changes a client. Only the fields that differ are written, each with its own outbox op.
    pub fn update_client(
        &mut self,
        id: &Uuid,
        input: ClientInput,
        today: NaiveDate,
    ) -> Result<Client> {
        let input = self.checked(input, today)?;
        let old = self.client(id)?;
        let old_fields = to_fields(&old.input)?;
        let new_fields = to_fields(&input)?;
        let changed: Vec<&str> = CLIENT_FIELDS
            .iter()
            .copied()
            .filter(|f| old_fields.get(*f) != new_fields.get(*f))
            .collect();
        if changed.is_empty() {
            return Ok(old);
        }
        // A move to another municipality makes a new PIP version with the same route.
        let move_draft = if old.input.municipality == input.municipality {
            None
        } else {
            self.draft_after_move(id, &old.input.municipality, &input.municipality)?
        };
        let row_id = id.to_string();
        let mut w = self.begin_write()?;
        let updated_at = timestamp(w.now);
        if let Some((number, content)) = move_draft {
            super::pips::insert_version(&mut w, id, number, content)?;
        }
        w.update_fields(
            ENTITY,
            &row_id,
            &row_id,
            &old_fields,
            &new_fields,
            &changed,
            &[("updated_at", updated_at)],
        )?;
        w.commit()?;
        self.client(id)
    }

    /// The whole client, BSN included, for the edit form. Audited as a read.
    pub fn open_client(&mut self, id: &Uuid) -> Result<Client> {
        let client = self.client(id)?;
        self.audit_read(id, "bewerken")?;
        Ok(client)
    }

    /// The dossier as it opens on `today`. Opening it is written to the audit log (domain
    /// page §7).
    pub fn open_dossier(&mut self, id: &Uuid, today: NaiveDate) -> Result<Dossier> {
        let mut client = self.client(id)?;
        self.audit_read(id, "dossier")?;
        let bsn_masked = client.masked_bsn();
        client.input.bsn = None;
        Ok(Dossier {
            client,
            bsn_masked,
            contact_attempts: self.contact_attempts(id)?,
            notes: self.notes(id)?,
            pip: self.pip_overview(id, today)?,
            signals: self.client_signals(id, today)?,
        })
    }

    /// The client's full BSN, shown on purpose ("Toon" next to the masked one): the reveal is
    /// written to the audit log first. `None`, and nothing written, when no BSN is recorded.
    pub fn reveal_bsn(&mut self, id: &Uuid) -> Result<Option<String>> {
        let Some(bsn) = self.client(id)?.input.bsn else {
            return Ok(None);
        };
        let row_id = id.to_string();
        let mut w = self.begin_write()?;
        let what = [FieldChange {
            field: "bsn".into(),
            old: None,
            new: display("bsn", &Value::String(bsn.clone())),
        }];
        w.audit(AuditAction::Reveal, ENTITY, &row_id, Some(&row_id), &what)?;
        w.commit()?;
        Ok(Some(bsn))
    }

    /// Writes to the audit log that this user read `view` of the client's dossier.
    pub fn record_read(&mut self, id: &Uuid, view: &str) -> Result<()> {
        self.client(id)?;
        self.audit_read(id, view)
    }

    fn audit_read(&mut self, id: &Uuid, view: &str) -> Result<()> {
        let row_id = id.to_string();
        let what = [FieldChange {
            field: "view".into(),
            old: None,
            new: Some(view.into()),
        }];
        let mut w = self.begin_write()?;
        w.audit(AuditAction::Read, ENTITY, &row_id, Some(&row_id), &what)?;
        w.commit()
    }

    /// A client without auditing (for the store's own use).
    pub(crate) fn client(&self, id: &Uuid) -> Result<Client> {
        self.conn
            .query_row(&select_sql("WHERE id = ?1"), [id.to_string()], read_client)
            .optional()?
            .ok_or_else(|| StoreError::ClientNotFound(id.to_string()))?
    }

    pub fn client_count(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))?;
        Ok(n.unsigned_abs())
    }

    /// The ids of the clients whose name or BSN matches `text` (as [`Store::caseload`] matches
    /// its `text`), in no particular order.
    pub fn search_ids(&self, text: &str) -> Result<Vec<Uuid>> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(Vec::new());
        }
        let mut conditions = Vec::new();
        let mut values = Vec::new();
        search_condition(text, &mut conditions, &mut values);
        let sql = format!("SELECT id FROM clients WHERE {}", conditions.join(" AND "));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let ids = stmt.query_map(params_from_iter(values), |r| r.get::<_, String>(0))?;
        ids.map(|id| parse_id(&id?)).collect()
    }

    /// The caseload table: matching clients, sorted.
    pub fn caseload(&self, query: &CaseloadQuery) -> Result<Vec<ClientSummary>> {
        let mut conditions: Vec<String> = Vec::new();
        let mut values: Vec<SqlValue> = Vec::new();
        if let Some(text) = query
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            search_condition(text, &mut conditions, &mut values);
        }
        let filters = [
            ("municipality", query.municipality.clone()),
            ("client_type", query.client_type.map(|t| code(&t))),
            ("status", query.status.map(|s| code(&s))),
            ("consultant", query.consultant.clone()),
        ];
        for (column, value) in filters {
            if let Some(value) = value {
                conditions.push(format!("{column} = ?"));
                values.push(SqlValue::Text(value));
            }
        }
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let direction = if query.descending { "DESC" } else { "ASC" };
        let name_order = format!(
            "family_name COLLATE NOCASE {direction}, given_name COLLATE NOCASE {direction}"
        );
        let order = match query.sort {
            CaseloadSort::Name => name_order,
            CaseloadSort::Municipality => format!("municipality {direction}, {name_order}"),
            CaseloadSort::ClientType => format!("client_type {direction}, {name_order}"),
            CaseloadSort::Status => format!("status {direction}, {name_order}"),
            CaseloadSort::Consultant => {
                format!("consultant COLLATE NOCASE {direction}, {name_order}")
            }
            CaseloadSort::BrpRegistrationDate => {
                format!("brp_registration_date {direction}, {name_order}")
            }
            // Column 11 is the termijn end as SQLite computes it: for ordering only (a start on
            // 29 February rounds differently from the shown date, which Rust computes).
            CaseloadSort::TermijnEnd => {
                format!("termijn_sort IS NULL, termijn_sort {direction}, {name_order}")
            }
        };
        let sql = format!(
            "SELECT id, given_name, family_name, birth_date, municipality, client_type, status, consultant,
                    brp_registration_date,
                    (SELECT min(dagtekening) FROM pip_versions p
                     WHERE p.client_id = clients.id AND p.status = 'vastgesteld') AS first_dagtekening,
                    (SELECT new_end FROM termijn_extensions e WHERE e.client_id = clients.id
                     ORDER BY decision_date DESC, recorded_at DESC LIMIT 1) AS extended_end
             FROM clients {where_clause}"
        );
        let sql = format!(
            "SELECT *, coalesce(extended_end, date(first_dagtekening, '+1 day', '+3 years')) AS termijn_sort
             FROM ({sql}) ORDER BY {order}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, Option<String>>(10)?,
            ))
        })?;
        let mut summaries = Vec::new();
        for row in rows {
            let (
                id,
                given_name,
                family_name,
                birth,
                municipality,
                client_type,
                status,
                consultant,
                brp,
                first_dagtekening,
                extended_end,
            ) = row?;
            let termijn_end = crate::domain::termijn::termijn_end(
                first_dagtekening.as_deref().map(parse_date).transpose()?,
                extended_end.as_deref().map(parse_date).transpose()?,
            );
            summaries.push(ClientSummary {
                id: parse_id(&id)?,
                given_name,
                family_name,
                birth_date: birth.as_deref().map(parse_date).transpose()?,
                municipality,
                client_type: client_type.map(|t| from_code(&t)).transpose()?,
                status: from_code(&status)?,
                consultant,
                brp_registration_date: brp.as_deref().map(parse_date).transpose()?,
                termijn_end,
            });
        }
        Ok(summaries)
    }

    /// Imports validated rows in one transaction; rows whose external id is already present
    /// are skipped, so importing the same file twice adds nothing.
    pub fn import_clients(&mut self, rows: Vec<ClientInput>) -> Result<Vec<ImportOutcome>> {
        let mut w = self.begin_write()?;
        let mut outcomes = Vec::with_capacity(rows.len());
        for input in rows {
            let present = match input.external_id.as_deref() {
                Some(ext) => {
                    w.tx.query_row(
                        "SELECT 1 FROM clients WHERE external_id = ?1",
                        [ext],
                        |_| Ok(()),
                    )
                    .optional()?
                    .is_some()
                }
                None => false,
            };
            if present {
                outcomes.push(ImportOutcome::AlreadyPresent);
            } else {
                insert_client(&mut w, input)?;
                outcomes.push(ImportOutcome::Imported);
            }
        }
        w.commit()?;
        Ok(outcomes)
    }

    /// Normalises and validates a client against this organisation's municipalities.
    pub fn checked(&self, input: ClientInput, today: NaiveDate) -> Result<ClientInput> {
        let mut input = input.normalised();
        let municipalities = self.municipalities()?;
        input.validate(today, &municipalities)?;
        // Store the municipality as the organisation spells it.
        if let Some(m) = municipalities
            .iter()
            .find(|m| m.eq_ignore_ascii_case(&input.municipality))
        {
            input.municipality = m.clone();
        }
        Ok(input)
    }

    /// Writes a generated caseload (demo, `traject generate`) as `actor`, in one transaction,
    /// through the same path as a person's writes.
    pub fn insert_generated(
        &mut self,
        actor: &str,
        clients: Vec<crate::generate::GeneratedClient>,
    ) -> Result<()> {
        let mut w = self.begin_write_as(actor.to_owned())?;
        for generated in clients {
            let client = insert_client(&mut w, generated.input)?;
            for attempt in generated.contact_attempts {
                super::ledgers::insert_contact_attempt(&mut w, &client.id, attempt)?;
            }
            for text in generated.notes {
                super::ledgers::insert_note(&mut w, &client.id, crate::domain::NoteInput { text })?;
            }
            if let Some(intake) = generated.intake {
                super::intakes::insert_generated(&mut w, &client.id, intake)?;
            }
            for (number, pip) in (1..).zip(generated.pips) {
                match pip.dagtekening {
                    Some(date) => super::pips::insert_adopted(
                        &mut w,
                        &client.id,
                        number,
                        pip.content,
                        date,
                        pip.late_reason,
                    )?,
                    None => super::pips::insert_version(&mut w, &client.id, number, pip.content)?,
                };
            }
            for extension in generated.extensions {
                super::termijn::insert_extension(&mut w, &client.id, extension)?;
            }
            let hours = generated.hours;
            for report in hours.reports {
                super::progress_reports::insert_report(&mut w, &client.id, report)?;
            }
            for entry in hours.entries {
                super::hours::insert_entry(&mut w, &client.id, entry, None)?;
            }
            for absence in hours.absences {
                super::absences::insert_absence(&mut w, &client.id, absence)?;
            }
            for exam in hours.exams {
                super::exams::insert_exam(&mut w, &client.id, exam)?;
            }
            super::trajectory::insert_generated(&mut w, &client.id, generated.trajectory)?;
        }
        w.commit()
    }
}

fn insert_client(w: &mut WriteTx<'_>, input: ClientInput) -> Result<Client> {
    let id = Uuid::now_v7();
    let row_id = id.to_string();
    let fields = to_fields(&input)?;
    let now = timestamp(w.now);
    let columns = CLIENT_FIELDS.join(", ");
    let placeholders = vec!["?"; CLIENT_FIELDS.len() + 3].join(", ");
    let mut values: Vec<SqlValue> = vec![SqlValue::Text(row_id.clone())];
    values.extend(CLIENT_FIELDS.iter().map(|f| to_sql(&fields[*f])));
    values.push(SqlValue::Text(now.clone()));
    values.push(SqlValue::Text(now));
    let result = w.tx.execute(
        &format!(
            "INSERT INTO clients (id, {columns}, created_at, updated_at) VALUES ({placeholders})"
        ),
        params_from_iter(values),
    );
    if let Err(rusqlite::Error::SqliteFailure(e, _)) = &result {
        if e.code == rusqlite::ErrorCode::ConstraintViolation && input.external_id.is_some() {
            let mut errors = ValidationErrors::default();
            errors.push(crate::domain::FieldError::new(
                "external_id",
                "unique",
                "bestaat al",
            ));
            return Err(errors.into());
        }
    }
    result?;
    let mut changes = Vec::new();
    for field in CLIENT_FIELDS {
        let value = &fields[field];
        if value.is_null() {
            continue;
        }
        w.outbox(ENTITY, &row_id, field, value)?;
        changes.push(FieldChange {
            field: field.to_owned(),
            old: None,
            new: display(field, value),
        });
    }
    w.audit(
        AuditAction::Create,
        ENTITY,
        &row_id,
        Some(&row_id),
        &changes,
    )?;
    Ok(Client {
        id,
        input,
        created_at: w.now,
        updated_at: w.now,
    })
}

/// Adds the search condition: a whole BSN matches exactly; otherwise every word must occur
/// in the given or family name (words of three letters or more through the trigram index).
fn search_condition(text: &str, conditions: &mut Vec<String>, values: &mut Vec<SqlValue>) {
    let digits: String = text.chars().filter(|c| !matches!(c, ' ' | '.')).collect();
    if digits.chars().all(|c| c.is_ascii_digit()) && (8..=9).contains(&digits.len()) {
        let bsn = Bsn::parse(&digits).map(String::from).unwrap_or(digits);
        conditions.push("seq IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)".into());
        values.push(SqlValue::Text(format!("bsn : \"{bsn}\"")));
        return;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let long: Vec<String> = words
        .iter()
        .filter(|w| w.chars().count() >= 3)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if !long.is_empty() {
        conditions.push("seq IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)".into());
        values.push(SqlValue::Text(format!(
            "{{given_name family_name}} : ({})",
            long.join(" AND ")
        )));
    }
    for short in words.iter().filter(|w| w.chars().count() < 3) {
        conditions.push("(given_name || ' ' || family_name) LIKE ? ESCAPE '\\'".into());
        let escaped = short
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        values.push(SqlValue::Text(format!("%{escaped}%")));
    }
}

fn select_sql(filter: &str) -> String {
    format!(
        "SELECT id, created_at, updated_at, {} FROM clients {filter}",
        CLIENT_FIELDS.join(", ")
    )
}

fn read_client(row: &Row<'_>) -> rusqlite::Result<Result<Client>> {
    let id: String = row.get(0)?;
    let created: String = row.get(1)?;
    let updated: String = row.get(2)?;
    let mut fields = Map::new();
    for (i, field) in CLIENT_FIELDS.iter().enumerate() {
        let value = match row.get::<_, SqlValue>(i + 3)? {
            SqlValue::Null => Value::Null,
            SqlValue::Integer(n) if *field == "interpreter_needed" => Value::Bool(n != 0),
            SqlValue::Integer(n) => Value::from(n),
            SqlValue::Text(t) if *field == "other_languages" => {
                serde_json::from_str(&t).unwrap_or(Value::Array(vec![]))
            }
            SqlValue::Text(t) => Value::String(t),
            SqlValue::Real(f) => Value::from(f),
            SqlValue::Blob(_) => Value::Null,
        };
        fields.insert((*field).to_owned(), value);
    }
    Ok((|| {
        Ok(Client {
            id: parse_id(&id)?,
            input: serde_json::from_value(Value::Object(fields))?,
            created_at: parse_timestamp(&created)?,
            updated_at: parse_timestamp(&updated)?,
        })
    })())
}

fn to_fields(input: &ClientInput) -> Result<Map<String, Value>> {
    match serde_json::to_value(input)? {
        Value::Object(map) => Ok(map),
        _ => unreachable!("ClientInput serialises to an object"),
    }
}

pub(super) fn to_sql(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => n.as_i64().map_or(SqlValue::Null, SqlValue::Integer),
        Value::String(s) => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

/// A field's value as the audit trail shows it.
pub(super) fn display(field: &str, value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::Bool(b) => Some(if *b { "ja" } else { "nee" }.to_owned()),
        Value::String(s) if field == "bsn" => Some(
            Bsn::parse(s)
                .map(|b| b.masked())
                .unwrap_or_else(|_| "******".into()),
        ),
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
        )
        .filter(|s| !s.is_empty()),
        other => Some(other.to_string()),
    }
}

/// The serde code of an enum value (`overige_migrant`).
pub(crate) fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

pub(crate) fn from_code<T: serde::de::DeserializeOwned>(code: &str) -> Result<T> {
    use serde::de::value::{Error, StrDeserializer};
    T::deserialize(StrDeserializer::<Error>::new(code))
        .map_err(|_| StoreError::BadValue(code.to_owned()))
}

pub(crate) fn parse_date(text: &str) -> Result<NaiveDate> {
    text.parse()
        .map_err(|_| StoreError::BadValue(text.to_owned()))
}

pub(crate) fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn parse_timestamp(text: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(Into::into)
        .map_err(|_| StoreError::BadValue(text.to_owned()))
}
