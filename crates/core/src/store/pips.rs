//! PIP versions: a concept is drafted (prefilled from the intake or the previous version),
//! edited field by field, and adopted once the law's rules hold; an adopted version is final.

use chrono::NaiveDate;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{display, parse_timestamp, timestamp, to_sql};
use super::write::WriteTx;
use super::{parse_id, Result, Store, StoreError};
use crate::domain::pip::{check_adoption, AdoptionFacts};
use crate::domain::{
    AdoptInput, HourCategory, PipContent, PipStatus, PipVersion, Quarters, RoutePeriod, VersionKind,
};

const ENTITY: &str = "pip_versions";

/// The columns of [`PipContent`], named as its fields.
pub(super) const CONTENT_FIELDS: [&str; 17] = [
    "kind",
    "reason",
    "leerroute",
    "target_level",
    "goals",
    "provider",
    "waiting_list_date",
    "course_start_date",
    "map_exemption",
    "map_exemption_reason",
    "map_agreement",
    "pvt_agreement",
    "participation_hours_per_week",
    "participation_agreement",
    "participatiewet",
    "preconditions",
    "monitoring",
];

fn select_sql(filter: &str) -> String {
    format!(
        "SELECT id, client_id, number, status, dagtekening, late_reason, migrated, created_by,
                created_at, adopted_by, {} FROM pip_versions {filter}",
        CONTENT_FIELDS.join(", ")
    )
}

impl Store {
    /// A client's PIP versions, oldest first.
    pub fn pip_versions(&self, client_id: &Uuid) -> Result<Vec<PipVersion>> {
        let mut stmt = self
            .conn
            .prepare_cached(&select_sql("WHERE client_id = ?1 ORDER BY number"))?;
        let rows = stmt.query_map([client_id.to_string()], read)?;
        rows.map(|r| r?).collect()
    }

    pub fn pip_version(&self, id: &Uuid) -> Result<PipVersion> {
        self.conn
            .query_row(&select_sql("WHERE id = ?1"), [id.to_string()], read)
            .optional()?
            .transpose()?
            .ok_or_else(|| StoreError::NotFound(format!("PIP-versie {id}")))
    }

    /// Starts a concept: `content` as given, or else prefilled from the latest adopted
    /// version (a change) or from the completed Brede intake (the first PIP).
    pub fn draft_pip(
        &mut self,
        client_id: &Uuid,
        content: Option<PipContent>,
        today: NaiveDate,
    ) -> Result<PipVersion> {
        self.client(client_id)?;
        let versions = self.pip_versions(client_id)?;
        if let Some(concept) = versions.iter().find(|v| v.status == PipStatus::Concept) {
            return Err(StoreError::Conflict(format!(
                "er is al een concept (versie {}): werk dat bij of stel het vast",
                concept.number
            )));
        }
        let content = match content {
            Some(content) => content,
            None => match versions
                .iter()
                .rev()
                .find(|v| v.status == PipStatus::Vastgesteld)
            {
                Some(previous) => PipContent {
                    kind: VersionKind::Bijstelling,
                    reason: None,
                    ..previous.content.clone()
                },
                None => self.content_from_intake(client_id, today)?,
            },
        }
        .normalised();
        content.validate(today)?;
        let number = versions.last().map_or(1, |v| v.number + 1);
        let mut w = self.begin_write()?;
        let version = insert_version(&mut w, client_id, number, content)?;
        w.commit()?;
        Ok(version)
    }

    /// Saves a concept's content; only the changed fields are written.
    pub fn save_pip(
        &mut self,
        id: &Uuid,
        content: PipContent,
        today: NaiveDate,
    ) -> Result<PipVersion> {
        let content = content.normalised();
        content.validate(today)?;
        let old = self.pip_version(id)?;
        if old.status == PipStatus::Vastgesteld {
            return Err(StoreError::Conflict(
                "deze versie is vastgesteld en verandert niet meer: maak een nieuwe versie".into(),
            ));
        }
        let before = fields(&old.content)?;
        let after = fields(&content)?;
        let changed: Vec<&str> = CONTENT_FIELDS
            .iter()
            .copied()
            .filter(|f| before.get(*f) != after.get(*f))
            .collect();
        if changed.is_empty() {
            return Ok(old);
        }
        let mut w = self.begin_write()?;
        w.remember_provider(content.provider.as_deref())?;
        w.update_fields(
            ENTITY,
            &id.to_string(),
            &old.client_id.to_string(),
            &before,
            &after,
            &changed,
            &[],
        )?;
        w.commit()?;
        self.pip_version(id)
    }

    /// Adopts a concept (vastgesteld) once every rule of the law holds.
    pub fn adopt_pip(
        &mut self,
        id: &Uuid,
        adopt: AdoptInput,
        today: NaiveDate,
    ) -> Result<PipVersion> {
        let version = self.pip_version(id)?;
        if version.status == PipStatus::Vastgesteld {
            return Err(StoreError::Conflict("deze versie is al vastgesteld".into()));
        }
        let versions = self.pip_versions(&version.client_id)?;
        let adopted: Vec<&PipVersion> = versions
            .iter()
            .filter(|v| v.status == PipStatus::Vastgesteld)
            .collect();
        let course_hours = self.course_hours(&version.client_id)?;
        let first_pip_deadline = self.first_pip_deadline(&version.client_id)?;
        let facts = AdoptionFacts {
            previous: adopted.last().map(|v| &v.content),
            first_dagtekening: adopted.first().and_then(|v| v.dagtekening),
            course_hours,
            first_pip_deadline,
        };
        check_adoption(&version.content, &adopt, facts, today)?;
        let late_reason = adopt
            .late_reason
            .map(|r| r.trim().to_owned())
            .filter(|r| !r.is_empty() && facts.previous.is_none());
        let row_id = id.to_string();
        let mut w = self.begin_write()?;
        let actor = w.actor.clone();
        w.tx.execute(
            "UPDATE pip_versions SET status = 'vastgesteld', dagtekening = ?2, late_reason = ?3,
                 adopted_by = ?4 WHERE id = ?1",
            params![row_id, adopt.dagtekening.to_string(), late_reason, actor],
        )?;
        let mut changes = vec![
            FieldChange {
                field: "status".into(),
                old: Some("concept".into()),
                new: Some("vastgesteld".into()),
            },
            FieldChange {
                field: "dagtekening".into(),
                old: None,
                new: Some(adopt.dagtekening.to_string()),
            },
        ];
        w.outbox(ENTITY, &row_id, "status", &Value::from("vastgesteld"))?;
        w.outbox(
            ENTITY,
            &row_id,
            "dagtekening",
            &Value::from(adopt.dagtekening.to_string()),
        )?;
        w.outbox(ENTITY, &row_id, "adopted_by", &Value::from(actor))?;
        if let Some(reason) = &late_reason {
            w.outbox(ENTITY, &row_id, "late_reason", &Value::from(reason.clone()))?;
            changes.push(FieldChange {
                field: "late_reason".into(),
                old: None,
                new: Some(reason.clone()),
            });
        }
        w.audit(
            AuditAction::Update,
            ENTITY,
            &row_id,
            Some(&version.client_id.to_string()),
            &changes,
        )?;
        w.commit()?;
        self.pip_version(id)
    }

    /// The concept a move needs: the latest adopted version's content, same route, kind
    /// verhuizing. `None` without an adopted PIP or when a concept is already open.
    pub(super) fn draft_after_move(
        &self,
        client_id: &Uuid,
        from: &str,
        to: &str,
    ) -> Result<Option<(u32, PipContent)>> {
        let versions = self.pip_versions(client_id)?;
        if versions.iter().any(|v| v.status == PipStatus::Concept) {
            return Ok(None);
        }
        let Some(previous) = versions
            .iter()
            .rev()
            .find(|v| v.status == PipStatus::Vastgesteld)
        else {
            return Ok(None);
        };
        let content = PipContent {
            kind: VersionKind::Verhuizing,
            reason: Some(format!("Verhuisd van {from} naar {to}")),
            ..previous.content.clone()
        };
        Ok(Some((
            previous.number.max(versions.len() as u32) + 1,
            content,
        )))
    }

    /// Course hours (taal) in the ledger, reversals netted.
    pub(super) fn course_hours(&self, client_id: &Uuid) -> Result<Quarters> {
        let sum: i64 = self.conn.query_row(
            "SELECT coalesce(sum(quarters), 0) FROM hour_entries WHERE client_id = ?1 AND category = ?2",
            params![client_id.to_string(), super::clients::code(&HourCategory::Taal)],
            |r| r.get(0),
        )?;
        Ok(Quarters(sum))
    }

    /// The routes of the adopted versions, each from the day after its dagtekening (an
    /// imported version without a date counts from the start).
    pub fn route_history(&self, client_id: &Uuid) -> Result<Vec<RoutePeriod>> {
        let mut history: Vec<RoutePeriod> = Vec::new();
        for v in self.pip_versions(client_id)? {
            let (PipStatus::Vastgesteld, Some(route)) = (v.status, v.content.leerroute) else {
                continue;
            };
            if history.last().is_some_and(|p| p.route == route) {
                continue;
            }
            let from = if v.migrated && history.is_empty() {
                None
            } else {
                v.dagtekening.and_then(|d| d.succ_opt())
            };
            history.push(RoutePeriod { route, from });
        }
        Ok(history)
    }
}

/// Inserts an adopted version imported from a previous system (its dagtekening may be unknown).
pub(super) fn insert_migrated(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    number: u32,
    content: PipContent,
    dagtekening: Option<NaiveDate>,
) -> Result<PipVersion> {
    insert(
        w,
        client_id,
        number,
        content,
        PipStatus::Vastgesteld,
        dagtekening,
        None,
    )
}

/// Inserts a version adopted on `dagtekening` (for generated caseloads).
pub(super) fn insert_adopted(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    number: u32,
    content: PipContent,
    dagtekening: NaiveDate,
    late_reason: Option<String>,
) -> Result<PipVersion> {
    insert(
        w,
        client_id,
        number,
        content,
        PipStatus::Vastgesteld,
        Some(dagtekening),
        late_reason,
    )
}

/// Inserts a concept.
pub(super) fn insert_version(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    number: u32,
    content: PipContent,
) -> Result<PipVersion> {
    insert(
        w,
        client_id,
        number,
        content,
        PipStatus::Concept,
        None,
        None,
    )
}

fn insert(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    number: u32,
    content: PipContent,
    status: PipStatus,
    adopted: Option<NaiveDate>,
    late_reason: Option<String>,
) -> Result<PipVersion> {
    let id = Uuid::now_v7();
    let row_id = id.to_string();
    let content_fields = fields(&content)?;
    let migrated = content.kind == VersionKind::Migratie;
    let mut values: Vec<SqlValue> = vec![
        SqlValue::Text(row_id.clone()),
        SqlValue::Text(client_id.to_string()),
        SqlValue::Integer(i64::from(number)),
        SqlValue::Text(super::clients::code(&status)),
        adopted.map_or(SqlValue::Null, |d| SqlValue::Text(d.to_string())),
        SqlValue::Integer(i64::from(migrated)),
        SqlValue::Text(w.actor.clone()),
        SqlValue::Text(timestamp(w.now)),
        if status == PipStatus::Vastgesteld {
            SqlValue::Text(w.actor.clone())
        } else {
            SqlValue::Null
        },
        late_reason.clone().map_or(SqlValue::Null, SqlValue::Text),
    ];
    values.extend(CONTENT_FIELDS.iter().map(|f| to_sql(&content_fields[*f])));
    let placeholders = vec!["?"; values.len()].join(", ");
    w.tx.prepare_cached(&format!(
        "INSERT INTO pip_versions (id, client_id, number, status, dagtekening, migrated, created_by,
             created_at, adopted_by, late_reason, {}) VALUES ({placeholders})",
        CONTENT_FIELDS.join(", ")
    ))?
    .execute(params_from_iter(values))?;
    w.remember_provider(content.provider.as_deref())?;
    let version = PipVersion {
        id,
        client_id: *client_id,
        number,
        status,
        dagtekening: adopted,
        content,
        late_reason,
        migrated,
        created_by: w.actor.clone(),
        created_at: w.now,
        adopted_by: (status == PipStatus::Vastgesteld).then(|| w.actor.clone()),
    };
    let Value::Object(all) = serde_json::to_value(&version)? else {
        unreachable!("a version serialises to an object")
    };
    let mut changes = Vec::new();
    for (field, value) in &all {
        if field == "id" || value.is_null() {
            continue;
        }
        w.outbox(ENTITY, &row_id, field, value)?;
        if CONTENT_FIELDS.contains(&field.as_str()) || field == "number" || field == "dagtekening" {
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
    Ok(version)
}

fn fields(content: &PipContent) -> Result<Map<String, Value>> {
    match serde_json::to_value(content)? {
        Value::Object(map) => Ok(map),
        _ => unreachable!("PipContent serialises to an object"),
    }
}

fn read(r: &Row<'_>) -> rusqlite::Result<Result<PipVersion>> {
    let id: String = r.get(0)?;
    let client_id: String = r.get(1)?;
    let number: u32 = r.get(2)?;
    let status: String = r.get(3)?;
    let dagtekening: Option<String> = r.get(4)?;
    let late_reason: Option<String> = r.get(5)?;
    let migrated: bool = r.get(6)?;
    let created_by: String = r.get(7)?;
    let created_at: String = r.get(8)?;
    let adopted_by: Option<String> = r.get(9)?;
    let mut content = Map::new();
    for (i, field) in CONTENT_FIELDS.iter().enumerate() {
        let value = match r.get::<_, SqlValue>(10 + i)? {
            SqlValue::Null => Value::Null,
            SqlValue::Integer(n) => Value::from(n),
            SqlValue::Text(t) => Value::from(t),
            SqlValue::Real(x) => Value::from(x),
            SqlValue::Blob(_) => Value::Null,
        };
        content.insert((*field).to_owned(), value);
    }
    Ok((|| {
        Ok(PipVersion {
            id: parse_id(&id)?,
            client_id: parse_id(&client_id)?,
            number,
            status: super::clients::from_code(&status)?,
            dagtekening: dagtekening
                .as_deref()
                .map(super::clients::parse_date)
                .transpose()?,
            content: serde_json::from_value(Value::Object(content))?,
            late_reason,
            migrated,
            created_by,
            created_at: parse_timestamp(&created_at)?,
            adopted_by,
        })
    })())
}

/// Everything the dossier's PIP tab shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct PipOverview {
    /// Oldest first.
    pub versions: Vec<PipVersion>,
    pub termijn: super::TermijnView,
    pub timeline: Vec<super::TimelineEvent>,
    /// Course hours in the hours ledger (the afschalen rule reads them).
    pub course_hours: Quarters,
    /// Language schools to pick from.
    pub providers: Vec<String>,
}

impl Store {
    pub fn pip_overview(&self, client_id: &Uuid, today: NaiveDate) -> Result<PipOverview> {
        Ok(PipOverview {
            versions: self.pip_versions(client_id)?,
            termijn: self.termijn_view(client_id, today)?,
            timeline: self.timeline(client_id, today)?,
            course_hours: self.course_hours(client_id)?,
            providers: self.known_providers()?,
        })
    }
}

impl Store {
    /// Imports route histories as adopted, migrated versions in one transaction; a version with
    /// the same route and dagtekening already present is skipped.
    pub fn import_migrated_versions(
        &mut self,
        rows: Vec<(Uuid, PipContent, Option<NaiveDate>)>,
    ) -> Result<Vec<super::ImportOutcome>> {
        let mut w = self.begin_write()?;
        let mut outcomes = Vec::with_capacity(rows.len());
        for (client_id, content, dagtekening) in rows {
            let exists: Option<i64> =
                w.tx.query_row(
                    "SELECT 1 FROM pip_versions WHERE client_id = ?1 AND migrated = 1
                     AND leerroute IS ?2 AND dagtekening IS ?3",
                    params![
                        client_id.to_string(),
                        content.leerroute.map(|r| super::clients::code(&r)),
                        dagtekening.map(|d| d.to_string())
                    ],
                    |r| r.get(0),
                )
                .optional()?;
            if exists.is_some() {
                outcomes.push(super::ImportOutcome::AlreadyPresent);
                continue;
            }
            let number: u32 = w.tx.query_row(
                "SELECT coalesce(max(number), 0) + 1 FROM pip_versions WHERE client_id = ?1",
                [client_id.to_string()],
                |r| r.get(0),
            )?;
            insert_migrated(&mut w, &client_id, number, content, dagtekening)?;
            outcomes.push(super::ImportOutcome::Imported);
        }
        w.commit()?;
        Ok(outcomes)
    }
}

impl Store {
    /// Adds a language school to the list the PIP form offers (the beheerder extends it).
    pub fn add_provider(&mut self, name: &str) -> Result<bool> {
        let name = name.trim();
        if name.is_empty() {
            let mut errors = crate::domain::ValidationErrors::default();
            errors.push(crate::domain::FieldError::new(
                "name",
                "required",
                "is verplicht",
            ));
            return Err(errors.into());
        }
        let mut w = self.begin_write()?;
        let added = w.tx.execute(
            "INSERT INTO providers (name, added_by, added_at) VALUES (?1, ?2, ?3) ON CONFLICT (name) DO NOTHING",
            params![name, w.actor, timestamp(w.now)],
        )? == 1;
        if added {
            w.outbox("providers", name, "name", &Value::from(name))?;
            let changes = [FieldChange {
                field: "name".into(),
                old: None,
                new: Some(name.to_owned()),
            }];
            w.audit(AuditAction::Create, "providers", name, None, &changes)?;
        }
        w.commit()?;
        Ok(added)
    }
}
