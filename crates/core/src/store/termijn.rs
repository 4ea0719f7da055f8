//! The termijn of a client: DUO's extensions and exemptions, the pauses of the first PIP's
//! 10-week deadline, and everything the dossier shows about both.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{code, from_code, parse_date, parse_timestamp, timestamp};
use super::write::WriteTx;
use super::{parse_id, Result, Store};
use crate::domain::pip::first_pip_deadline;
use crate::domain::termijn::termijn;
use crate::domain::validation::{FieldError, ValidationErrors};
use crate::domain::{Exemption, ExemptionInput, Extension, ExtensionInput, PipStatus, Termijn};
use crate::sync::outbox::LEDGER_ROW;

/// A pause of the first PIP's deadline while waiting for information from third parties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PauseInput {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Pause {
    pub id: Uuid,
    #[serde(flatten)]
    pub input: PauseInput,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl PauseInput {
    pub fn validate(&self, today: NaiveDate) -> std::result::Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        crate::domain::hours::check_date(&mut errors, "from", self.from, today);
        if self.until < self.from {
            errors.push(FieldError::new(
                "until",
                "after_from",
                "ligt vóór het begin van de pauze",
            ));
        }
        if self.reason.trim().is_empty() {
            errors.push(FieldError::new("reason", "required", "is verplicht"));
        }
        errors.into_result()
    }

    pub fn days(&self) -> i64 {
        (self.until - self.from).num_days() + 1
    }
}

/// The termijn and the first PIP's deadline, as the dossier shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TermijnView {
    /// `None` until the first PIP is vastgesteld.
    pub termijn: Option<Termijn>,
    /// The 10-week deadline of the first PIP (later of BRP and kennisgeving, plus pauses).
    pub first_pip_deadline: Option<NaiveDate>,
    /// Whether the first PIP is adopted.
    pub first_pip_adopted: bool,
    pub extensions: Vec<Extension>,
    pub exemptions: Vec<Exemption>,
    pub pauses: Vec<Pause>,
}

impl Store {
    pub fn termijn_view(&self, client_id: &Uuid, today: NaiveDate) -> Result<TermijnView> {
        self.client(client_id)?;
        let extensions = self.extensions(client_id)?;
        let exemptions = self.exemptions(client_id)?;
        let first = self.first_dagtekening(client_id)?;
        let ext_inputs: Vec<ExtensionInput> = extensions.iter().map(|e| e.input.clone()).collect();
        let exm_inputs: Vec<ExemptionInput> = exemptions.iter().map(|e| e.input.clone()).collect();
        Ok(TermijnView {
            termijn: termijn(first, &ext_inputs, &exm_inputs, today),
            first_pip_deadline: self.first_pip_deadline(client_id)?,
            first_pip_adopted: first.is_some(),
            extensions,
            exemptions,
            pauses: self.pauses(client_id)?,
        })
    }

    /// The dagtekening of the client's first adopted PIP.
    pub fn first_dagtekening(&self, client_id: &Uuid) -> Result<Option<NaiveDate>> {
        let first: Option<String> = self.conn.query_row(
            "SELECT min(dagtekening) FROM pip_versions WHERE client_id = ?1 AND status = ?2",
            params![client_id.to_string(), code(&PipStatus::Vastgesteld)],
            |r| r.get(0),
        )?;
        first.as_deref().map(parse_date).transpose()
    }

    pub(super) fn first_pip_deadline(&self, client_id: &Uuid) -> Result<Option<NaiveDate>> {
        let client = self.client(client_id)?;
        let pause_days: i64 = self.pauses(client_id)?.iter().map(|p| p.input.days()).sum();
        Ok(first_pip_deadline(
            client.input.brp_registration_date,
            client.input.kennisgeving_date,
            pause_days,
        ))
    }

    /// Records DUO's extension of the termijn.
    pub fn add_extension(
        &mut self,
        client_id: &Uuid,
        input: ExtensionInput,
        today: NaiveDate,
    ) -> Result<Extension> {
        let input = ExtensionInput {
            ground: input.ground.trim().to_owned(),
            ..input
        };
        let current = self.termijn_view(client_id, today)?.termijn.map(|t| t.end);
        input.validate(current, today)?;
        let mut w = self.begin_write()?;
        let extension = insert_extension(&mut w, client_id, input)?;
        w.commit()?;
        Ok(extension)
    }

    /// Records DUO's ontheffing (exemption).
    pub fn add_exemption(
        &mut self,
        client_id: &Uuid,
        input: ExemptionInput,
        today: NaiveDate,
    ) -> Result<Exemption> {
        let input = ExemptionInput {
            note: input
                .note
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
            ..input
        };
        input.validate(today)?;
        self.client(client_id)?;
        let mut w = self.begin_write()?;
        let exemption = Exemption {
            id: Uuid::now_v7(),
            client_id: *client_id,
            input,
            recorded_by: w.actor.clone(),
            recorded_at: w.now,
        };
        w.tx.execute(
            "INSERT INTO termijn_exemptions (id, client_id, kind, decision_date, note, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                exemption.id.to_string(),
                client_id.to_string(),
                code(&exemption.input.kind),
                exemption.input.decision_date.to_string(),
                exemption.input.note,
                exemption.recorded_by,
                timestamp(exemption.recorded_at)
            ],
        )?;
        let what = format!(
            "{} op {}",
            code(&exemption.input.kind),
            exemption.input.decision_date
        );
        append(
            &mut w,
            "termijn_exemptions",
            &exemption.id,
            client_id,
            "exemption",
            what,
        )?;
        w.commit()?;
        Ok(exemption)
    }

    /// Records a pause of the first PIP's deadline.
    pub fn add_pause(
        &mut self,
        client_id: &Uuid,
        input: PauseInput,
        today: NaiveDate,
    ) -> Result<Pause> {
        input.validate(today)?;
        self.client(client_id)?;
        let mut w = self.begin_write()?;
        let pause = Pause {
            id: Uuid::now_v7(),
            input: PauseInput {
                reason: input.reason.trim().to_owned(),
                ..input
            },
            recorded_by: w.actor.clone(),
            recorded_at: w.now,
        };
        w.tx.execute(
            "INSERT INTO pip_pauses (id, client_id, from_date, until_date, reason, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                pause.id.to_string(),
                client_id.to_string(),
                pause.input.from.to_string(),
                pause.input.until.to_string(),
                pause.input.reason,
                pause.recorded_by,
                timestamp(pause.recorded_at)
            ],
        )?;
        let what = format!("{} t/m {}", pause.input.from, pause.input.until);
        append(&mut w, "pip_pauses", &pause.id, client_id, "pause", what)?;
        w.commit()?;
        Ok(pause)
    }

    pub fn extensions(&self, client_id: &Uuid) -> Result<Vec<Extension>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, decision_date, ground, new_end, recorded_by, recorded_at FROM termijn_extensions
             WHERE client_id = ?1 ORDER BY decision_date, recorded_at",
        )?;
        let rows = stmt.query_map([client_id.to_string()], |r| read_extension(r, client_id))?;
        rows.map(|r| r?).collect()
    }

    pub fn exemptions(&self, client_id: &Uuid) -> Result<Vec<Exemption>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, decision_date, note, recorded_by, recorded_at FROM termijn_exemptions
             WHERE client_id = ?1 ORDER BY decision_date, recorded_at",
        )?;
        let rows = stmt.query_map([client_id.to_string()], |r| {
            let (id, kind, date, note, by, at): (
                String,
                String,
                String,
                Option<String>,
                String,
                String,
            ) = (
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            );
            Ok((|| {
                Ok(Exemption {
                    id: parse_id(&id)?,
                    client_id: *client_id,
                    input: ExemptionInput {
                        kind: from_code(&kind)?,
                        decision_date: parse_date(&date)?,
                        note,
                    },
                    recorded_by: by,
                    recorded_at: parse_timestamp(&at)?,
                })
            })())
        })?;
        rows.map(|r| r?).collect()
    }

    pub fn pauses(&self, client_id: &Uuid) -> Result<Vec<Pause>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, from_date, until_date, reason, recorded_by, recorded_at FROM pip_pauses
             WHERE client_id = ?1 ORDER BY from_date",
        )?;
        let rows = stmt.query_map([client_id.to_string()], |r| {
            let (id, from, until, reason, by, at): (
                String,
                String,
                String,
                String,
                String,
                String,
            ) = (
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            );
            Ok((|| {
                Ok(Pause {
                    id: parse_id(&id)?,
                    input: PauseInput {
                        from: parse_date(&from)?,
                        until: parse_date(&until)?,
                        reason,
                    },
                    recorded_by: by,
                    recorded_at: parse_timestamp(&at)?,
                })
            })())
        })?;
        rows.map(|r| r?).collect()
    }
}

pub(super) fn insert_extension(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    input: ExtensionInput,
) -> Result<Extension> {
    let extension = Extension {
        id: Uuid::now_v7(),
        client_id: *client_id,
        input,
        recorded_by: w.actor.clone(),
        recorded_at: w.now,
    };
    w.tx.execute(
        "INSERT INTO termijn_extensions (id, client_id, decision_date, ground, new_end, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            extension.id.to_string(),
            client_id.to_string(),
            extension.input.decision_date.to_string(),
            extension.input.ground,
            extension.input.new_end.to_string(),
            extension.recorded_by,
            timestamp(extension.recorded_at)
        ],
    )?;
    let what = format!(
        "tot {} (besluit {}): {}",
        extension.input.new_end, extension.input.decision_date, extension.input.ground
    );
    append(
        w,
        "termijn_extensions",
        &extension.id,
        client_id,
        "extension",
        what,
    )?;
    Ok(extension)
}

/// The outbox op and audit entry of a new ledger row.
fn append(
    w: &mut WriteTx<'_>,
    entity: &str,
    id: &Uuid,
    client_id: &Uuid,
    field: &str,
    what: String,
) -> Result<()> {
    let row_id = id.to_string();
    w.outbox(entity, &row_id, LEDGER_ROW, &serde_json::Value::Null)?;
    let changes = [FieldChange {
        field: field.into(),
        old: None,
        new: Some(what),
    }];
    w.audit(
        AuditAction::Append,
        entity,
        &row_id,
        Some(&client_id.to_string()),
        &changes,
    )
}

fn read_extension(r: &Row<'_>, client_id: &Uuid) -> rusqlite::Result<Result<Extension>> {
    let (id, decision, ground, new_end, by, at): (String, String, String, String, String, String) = (
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    );
    Ok((|| {
        Ok(Extension {
            id: parse_id(&id)?,
            client_id: *client_id,
            input: ExtensionInput {
                decision_date: parse_date(&decision)?,
                ground,
                new_end: parse_date(&new_end)?,
            },
            recorded_by: by,
            recorded_at: parse_timestamp(&at)?,
        })
    })())
}
