//! Intakes: one per conversation series with a client, pinned to the questionnaire version it
//! started with, answered over one or more sessions. Every answer is saved the moment it is
//! given (its own row, its own outbox op, its own audit entry). An intake completes only when
//! every visible required question is answered; a completed intake is read-only until it is
//! reopened with a reason.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use ts_rs::TS;
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{display, parse_date, parse_timestamp, timestamp};
use super::write::WriteTx;
use super::{parse_id, Result, Store, StoreError};
use crate::domain::{FieldError, ValidationErrors};
use crate::generate::GeneratedIntake;
use crate::questionnaire::answer::normalise;
use crate::questionnaire::{builtin, AnswerKey, Answers, Compiled, Evaluation, Questionnaire};
use crate::sync::outbox::LEDGER_ROW;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IntakeStatus {
    InProgress,
    Completed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Intake {
    pub id: Uuid,
    pub client_id: Uuid,
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub status: IntakeStatus,
    pub started_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IntakeSessionInput {
    pub date: NaiveDate,
    /// How interpretation was arranged (tolkentelefoon, tolk aanwezig, …), if at all.
    pub interpreter: Option<String>,
    pub interpreter_language: Option<String>,
    pub duration_minutes: Option<u32>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IntakeSession {
    pub id: Uuid,
    pub intake_id: Uuid,
    #[serde(flatten)]
    pub input: IntakeSessionInput,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StoredAnswer {
    pub question_id: String,
    pub instance: u32,
    #[ts(type = "string | number | boolean | Array<string> | null")]
    pub value: Json,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct RepeatInstances {
    pub group_id: String,
    pub instances: Vec<u32>,
}

/// Everything the intake screen needs: the pinned definition, the answers, the sessions and
/// the engine's evaluation (visibility, computed values, problems, what is missing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IntakeView {
    pub intake: Intake,
    pub questionnaire: Questionnaire,
    pub answers: Vec<StoredAnswer>,
    pub repeats: Vec<RepeatInstances>,
    pub sessions: Vec<IntakeSession>,
    pub evaluation: Evaluation,
}

const ENTITY: &str = "intakes";
const ANSWERS: &str = "intake_answers";

fn answer_row_id(intake_id: &Uuid, question_id: &str, instance: u32) -> String {
    format!("{intake_id}/{question_id}/{instance}")
}

fn status_code(status: IntakeStatus) -> &'static str {
    match status {
        IntakeStatus::InProgress => "in_progress",
        IntakeStatus::Completed => "completed",
    }
}

fn conflict(message: &str) -> StoreError {
    StoreError::Conflict(message.to_owned())
}

impl Store {
    /// The client's intake in progress, or a new one on the newest Brede intake version.
    pub fn start_intake(&mut self, client_id: &Uuid, today: NaiveDate) -> Result<IntakeView> {
        self.client(client_id)?;
        if let Some(open) = self
            .intakes(client_id)?
            .into_iter()
            .find(|i| i.status == IntakeStatus::InProgress)
        {
            return self.intake_view(&open.id, today);
        }
        let version = self.latest_version(builtin::BREDE_INTAKE)?;
        let mut w = self.begin_write()?;
        let intake = Intake {
            id: Uuid::now_v7(),
            client_id: *client_id,
            questionnaire_id: builtin::BREDE_INTAKE.to_owned(),
            questionnaire_version: version,
            status: IntakeStatus::InProgress,
            started_at: w.now,
            completed_at: None,
        };
        let row_id = intake.id.to_string();
        w.tx.execute(
            "INSERT INTO intakes (id, client_id, questionnaire_id, questionnaire_version, status, started_at)
             VALUES (?1, ?2, ?3, ?4, 'in_progress', ?5)",
            params![row_id, client_id.to_string(), intake.questionnaire_id, version, timestamp(w.now)],
        )?;
        let fields: [(&str, Json); 5] = [
            ("client_id", Json::String(client_id.to_string())),
            (
                "questionnaire_id",
                Json::String(intake.questionnaire_id.clone()),
            ),
            ("questionnaire_version", Json::from(version)),
            ("status", Json::String("in_progress".into())),
            ("started_at", Json::String(timestamp(w.now))),
        ];
        for (field, value) in &fields {
            w.outbox(ENTITY, &row_id, field, value)?;
        }
        let what = format!("{} versie {version}", intake.questionnaire_id);
        let changes = [FieldChange {
            field: "intake".into(),
            old: None,
            new: Some(what),
        }];
        w.audit(
            AuditAction::Create,
            ENTITY,
            &row_id,
            Some(&client_id.to_string()),
            &changes,
        )?;
        w.commit()?;
        self.intake_view(&intake.id, today)
    }

    /// A client's intakes, newest first.
    pub fn intakes(&self, client_id: &Uuid) -> Result<Vec<Intake>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM intakes WHERE client_id = ?1 ORDER BY started_at DESC, id DESC",
        )?;
        let ids: Vec<String> = stmt
            .query_map([client_id.to_string()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter().map(|id| self.intake(&parse_id(id)?)).collect()
    }

    fn intake(&self, id: &Uuid) -> Result<Intake> {
        let row = self
            .conn
            .query_row(
                "SELECT client_id, questionnaire_id, questionnaire_version, status, started_at, completed_at
                 FROM intakes WHERE id = ?1",
                [id.to_string()],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, u32>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::IntakeNotFound(id.to_string()))?;
        let (client_id, questionnaire_id, questionnaire_version, status, started_at, completed_at) =
            row;
        Ok(Intake {
            id: *id,
            client_id: parse_id(&client_id)?,
            questionnaire_id,
            questionnaire_version,
            status: if status == "completed" {
                IntakeStatus::Completed
            } else {
                IntakeStatus::InProgress
            },
            started_at: parse_timestamp(&started_at)?,
            completed_at: completed_at.as_deref().map(parse_timestamp).transpose()?,
        })
    }

    fn answers(&self, intake_id: &Uuid) -> Result<Answers> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT question_id, instance, value FROM intake_answers WHERE intake_id = ?1",
        )?;
        let rows = stmt.query_map([intake_id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut answers = Answers::default();
        for row in rows {
            let (question_id, instance, value) = row?;
            let value: Json = serde_json::from_str(&value)?;
            answers.values.insert(
                AnswerKey {
                    question_id,
                    instance,
                },
                value,
            );
        }
        Ok(answers)
    }

    fn intake_with_definition(&self, intake_id: &Uuid) -> Result<(Intake, Compiled, Answers)> {
        let intake = self.intake(intake_id)?;
        let compiled =
            self.questionnaire(&intake.questionnaire_id, intake.questionnaire_version)?;
        let mut answers = self.answers(intake_id)?;
        // A repeat group's entry numbers are stored as the answer to the group's id.
        for group in compiled
            .definition
            .groups
            .iter()
            .filter(|g| g.repeat.is_some())
        {
            let numbers: Vec<u32> = answers
                .values
                .remove(&AnswerKey::new(&group.id, 0))
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default();
            answers.instances.insert(group.id.clone(), numbers);
        }
        Ok((intake, compiled, answers))
    }

    /// The intake with its definition, answers, sessions and evaluation.
    pub fn intake_view(&self, intake_id: &Uuid, today: NaiveDate) -> Result<IntakeView> {
        let (intake, compiled, answers) = self.intake_with_definition(intake_id)?;
        let evaluation = compiled.evaluate(&answers, today);
        let mut stored: Vec<StoredAnswer> = answers
            .values
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| StoredAnswer {
                question_id: k.question_id.clone(),
                instance: k.instance,
                value: v.clone(),
            })
            .collect();
        stored.sort_by(|a, b| (&a.question_id, a.instance).cmp(&(&b.question_id, b.instance)));
        let repeats = compiled
            .definition
            .groups
            .iter()
            .filter(|g| g.repeat.is_some())
            .map(|g| RepeatInstances {
                group_id: g.id.clone(),
                instances: answers.instances_of(&g.id).to_vec(),
            })
            .collect();
        Ok(IntakeView {
            intake,
            questionnaire: compiled.definition,
            answers: stored,
            repeats,
            sessions: self.intake_sessions(intake_id)?,
            evaluation,
        })
    }

    /// Opening an intake is a read of the dossier, written to the audit log.
    pub fn open_intake(&mut self, intake_id: &Uuid, today: NaiveDate) -> Result<IntakeView> {
        let view = self.intake_view(intake_id, today)?;
        let mut w = self.begin_write()?;
        let what = [FieldChange {
            field: "view".into(),
            old: None,
            new: Some("intake".into()),
        }];
        w.audit(
            AuditAction::Read,
            ENTITY,
            &intake_id.to_string(),
            Some(&view.intake.client_id.to_string()),
            &what,
        )?;
        w.commit()?;
        Ok(view)
    }

    /// Saves one answer (autosave). `null` or an empty answer clears it.
    pub fn save_answer(
        &mut self,
        intake_id: &Uuid,
        question_id: &str,
        instance: u32,
        value: Json,
        today: NaiveDate,
    ) -> Result<IntakeView> {
        let (intake, compiled, answers) = self.intake_with_definition(intake_id)?;
        if intake.status == IntakeStatus::Completed {
            return Err(conflict(
                "deze intake is afgerond; heropen hem om antwoorden te wijzigen",
            ));
        }
        let (group, question) = compiled
            .question(question_id)
            .ok_or_else(|| StoreError::QuestionnaireNotFound(format!("vraag {question_id}")))?;
        if question.compute.is_some() {
            return Err(conflict(
                "deze vraag wordt berekend en kan niet worden beantwoord",
            ));
        }
        let instance_ok = match &group.repeat {
            None => instance == 0,
            Some(_) => answers.instances_of(&group.id).contains(&instance),
        };
        if !instance_ok {
            return Err(conflict(&format!(
                "'{}' heeft geen invulling {instance}",
                group.title
            )));
        }
        let value = normalise(question, value).map_err(|message| {
            let mut errors = ValidationErrors::default();
            errors.push(FieldError::new(question_id, "type", message));
            StoreError::Validation(errors)
        })?;
        let old = answers
            .get(question_id, instance)
            .cloned()
            .unwrap_or(Json::Null);
        if old != value {
            let mut w = self.begin_write()?;
            write_answer(
                &mut w,
                &intake,
                (question_id, &question.text),
                instance,
                &old,
                &value,
            )?;
            w.commit()?;
        }
        self.intake_view(intake_id, today)
    }

    /// Adds an entry to a repeat group (another job, another child).
    pub fn add_repeat_instance(
        &mut self,
        intake_id: &Uuid,
        group_id: &str,
        today: NaiveDate,
    ) -> Result<IntakeView> {
        self.change_instances(intake_id, group_id, |numbers, max| {
            if numbers.len() as u32 >= max {
                return Err(conflict(&format!(
                    "hier passen hoogstens {max} invullingen"
                )));
            }
            numbers.push(numbers.iter().max().map_or(1, |n| n + 1));
            Ok(())
        })?;
        self.intake_view(intake_id, today)
    }

    /// Removes an entry of a repeat group; its answers stay stored but no longer count.
    pub fn remove_repeat_instance(
        &mut self,
        intake_id: &Uuid,
        group_id: &str,
        instance: u32,
        today: NaiveDate,
    ) -> Result<IntakeView> {
        self.change_instances(intake_id, group_id, |numbers, _| {
            let before = numbers.len();
            numbers.retain(|n| *n != instance);
            if numbers.len() == before {
                return Err(conflict(&format!("invulling {instance} bestaat niet")));
            }
            Ok(())
        })?;
        self.intake_view(intake_id, today)
    }

    fn change_instances(
        &mut self,
        intake_id: &Uuid,
        group_id: &str,
        change: impl FnOnce(&mut Vec<u32>, u32) -> Result<()>,
    ) -> Result<()> {
        let (intake, compiled, answers) = self.intake_with_definition(intake_id)?;
        if intake.status == IntakeStatus::Completed {
            return Err(conflict(
                "deze intake is afgerond; heropen hem om antwoorden te wijzigen",
            ));
        }
        let group = compiled
            .group(group_id)
            .ok_or_else(|| StoreError::QuestionnaireNotFound(format!("groep {group_id}")))?;
        let repeat = group
            .repeat
            .as_ref()
            .ok_or_else(|| conflict(&format!("'{}' is geen herhaalde groep", group.title)))?;
        let old = answers.instances_of(group_id).to_vec();
        let mut numbers = old.clone();
        change(&mut numbers, repeat.max)?;
        let mut w = self.begin_write()?;
        let label = format!("{} (invullingen)", group.title);
        write_answer(
            &mut w,
            &intake,
            (group_id, &label),
            0,
            &serde_json::json!(old),
            &serde_json::json!(numbers),
        )?;
        w.commit()
    }

    /// Records a conversation of the intake (date, interpreter, duration).
    pub fn add_intake_session(
        &mut self,
        intake_id: &Uuid,
        input: IntakeSessionInput,
        today: NaiveDate,
    ) -> Result<IntakeView> {
        let intake = self.intake(intake_id)?;
        let mut errors = ValidationErrors::default();
        if input.date > today {
            errors.push(FieldError::new(
                "date",
                "not_in_future",
                "ligt in de toekomst",
            ));
        }
        if input.duration_minutes.is_some_and(|m| m == 0 || m > 600) {
            errors.push(FieldError::new(
                "duration_minutes",
                "range",
                "moet tussen 1 en 600 minuten liggen",
            ));
        }
        errors.into_result()?;
        let clean = |t: Option<String>| t.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        let input = IntakeSessionInput {
            interpreter: clean(input.interpreter),
            interpreter_language: clean(input.interpreter_language),
            note: clean(input.note),
            ..input
        };
        let mut w = self.begin_write()?;
        let session = IntakeSession {
            id: Uuid::now_v7(),
            intake_id: *intake_id,
            input,
            recorded_by: w.actor.clone(),
            recorded_at: w.now,
        };
        let row_id = session.id.to_string();
        w.tx.execute(
            "INSERT INTO intake_sessions (id, intake_id, date, interpreter, interpreter_language, duration_minutes,
                                          note, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                row_id,
                intake_id.to_string(),
                session.input.date.to_string(),
                session.input.interpreter,
                session.input.interpreter_language,
                session.input.duration_minutes,
                session.input.note,
                session.recorded_by,
                timestamp(session.recorded_at)
            ],
        )?;
        w.outbox("intake_sessions", &row_id, LEDGER_ROW, &Json::Null)?;
        let changes = [FieldChange {
            field: "intake_session".into(),
            old: None,
            new: Some(session.input.date.to_string()),
        }];
        w.audit(
            AuditAction::Append,
            "intake_sessions",
            &row_id,
            Some(&intake.client_id.to_string()),
            &changes,
        )?;
        w.commit()?;
        self.intake_view(intake_id, today)
    }

    pub(super) fn intake_sessions(&self, intake_id: &Uuid) -> Result<Vec<IntakeSession>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, date, interpreter, interpreter_language, duration_minutes, note, recorded_by, recorded_at
             FROM intake_sessions WHERE intake_id = ?1 ORDER BY date, recorded_at",
        )?;
        let rows = stmt.query_map([intake_id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<u32>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ))
        })?;
        let mut sessions = Vec::new();
        for row in rows {
            let (
                id,
                date,
                interpreter,
                interpreter_language,
                duration_minutes,
                note,
                recorded_by,
                recorded_at,
            ) = row?;
            sessions.push(IntakeSession {
                id: parse_id(&id)?,
                intake_id: *intake_id,
                input: IntakeSessionInput {
                    date: parse_date(&date)?,
                    interpreter,
                    interpreter_language,
                    duration_minutes,
                    note,
                },
                recorded_by,
                recorded_at: parse_timestamp(&recorded_at)?,
            });
        }
        Ok(sessions)
    }

    /// Completes the intake when every visible required question is answered and no answer
    /// breaks a rule; otherwise says which answers are missing or wrong.
    pub fn complete_intake(&mut self, intake_id: &Uuid, today: NaiveDate) -> Result<IntakeView> {
        let view = self.intake_view(intake_id, today)?;
        if view.intake.status == IntakeStatus::Completed {
            return Ok(view);
        }
        if !view.evaluation.complete {
            let mut errors = ValidationErrors::default();
            for missing in &view.evaluation.missing {
                errors.push(FieldError::new(
                    &missing.question_id,
                    "required",
                    format!("nog niet beantwoord: {}", missing.text),
                ));
            }
            for question in view
                .evaluation
                .groups
                .iter()
                .flat_map(|g| &g.instances)
                .flat_map(|i| &i.questions)
            {
                if let (true, Some(error)) = (question.visible, &question.error) {
                    errors.push(FieldError::new(&question.id, "constraint", error.clone()));
                }
            }
            return Err(StoreError::Validation(errors));
        }
        self.set_status(&view.intake, IntakeStatus::Completed, None)?;
        self.intake_view(intake_id, today)
    }

    /// Reopens a completed intake; the reason is required and audited.
    pub fn reopen_intake(
        &mut self,
        intake_id: &Uuid,
        reason: &str,
        today: NaiveDate,
    ) -> Result<IntakeView> {
        let intake = self.intake(intake_id)?;
        if intake.status != IntakeStatus::Completed {
            return Err(conflict("deze intake is niet afgerond"));
        }
        if reason.trim().is_empty() {
            let mut errors = ValidationErrors::default();
            errors.push(FieldError::new(
                "reason",
                "required",
                "geef een reden om de intake te heropenen",
            ));
            return Err(StoreError::Validation(errors));
        }
        self.set_status(&intake, IntakeStatus::InProgress, Some(reason.trim()))?;
        self.intake_view(intake_id, today)
    }

    fn set_status(
        &mut self,
        intake: &Intake,
        status: IntakeStatus,
        reason: Option<&str>,
    ) -> Result<()> {
        let row_id = intake.id.to_string();
        let mut w = self.begin_write()?;
        let completed_at = (status == IntakeStatus::Completed).then(|| timestamp(w.now));
        w.tx.execute(
            "UPDATE intakes SET status = ?1, completed_at = ?2 WHERE id = ?3",
            params![status_code(status), completed_at, row_id],
        )?;
        w.outbox(
            ENTITY,
            &row_id,
            "status",
            &Json::String(status_code(status).into()),
        )?;
        w.outbox(
            ENTITY,
            &row_id,
            "completed_at",
            &completed_at.clone().map_or(Json::Null, Json::String),
        )?;
        let mut changes = vec![FieldChange {
            field: "status".into(),
            old: Some(status_code(intake.status).into()),
            new: Some(status_code(status).into()),
        }];
        if let Some(reason) = reason {
            changes.push(FieldChange {
                field: "reason".into(),
                old: None,
                new: Some(reason.into()),
            });
        }
        w.audit(
            AuditAction::Update,
            ENTITY,
            &row_id,
            Some(&intake.client_id.to_string()),
            &changes,
        )?;
        w.commit()
    }
}

/// Upserts one answer row with its outbox op and audit entry. The audit entry names the
/// question by its text (`label`), so the audit trail reads without the definition at hand.
fn write_answer(
    w: &mut WriteTx<'_>,
    intake: &Intake,
    (question_id, label): (&str, &str),
    instance: u32,
    old: &Json,
    value: &Json,
) -> Result<()> {
    let row_id = answer_row_id(&intake.id, question_id, instance);
    w.tx.execute(
        "INSERT INTO intake_answers (intake_id, question_id, instance, value, answered_by, answered_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (intake_id, question_id, instance)
         DO UPDATE SET value = excluded.value, answered_by = excluded.answered_by, answered_at = excluded.answered_at",
        params![intake.id.to_string(), question_id, instance, value.to_string(), w.actor, timestamp(w.now)],
    )?;
    w.outbox(ANSWERS, &row_id, "value", value)?;
    let field = if instance == 0 {
        label.to_owned()
    } else {
        format!("{label} #{instance}")
    };
    let changes = [FieldChange {
        field,
        old: display(question_id, old),
        new: display(question_id, value),
    }];
    w.audit(
        AuditAction::Update,
        ANSWERS,
        &row_id,
        Some(&intake.client_id.to_string()),
        &changes,
    )
}

/// Writes a generated intake (demo caseload, `traject generate`): its rows and outbox ops, and
/// one audit entry for the whole intake.
pub(super) fn insert_generated(
    w: &mut WriteTx<'_>,
    client_id: &Uuid,
    generated: GeneratedIntake,
) -> Result<()> {
    let held = generated
        .session
        .date
        .and_hms_opt(10, 0, 0)
        .map_or(w.now, |t| t.and_utc());
    let intake = Intake {
        id: Uuid::now_v7(),
        client_id: *client_id,
        questionnaire_id: generated.questionnaire_id,
        questionnaire_version: generated.questionnaire_version,
        status: if generated.complete {
            IntakeStatus::Completed
        } else {
            IntakeStatus::InProgress
        },
        // The intake was held on its session's day: that is when it started and completed.
        started_at: held,
        completed_at: generated.complete.then_some(held),
    };
    let row_id = intake.id.to_string();
    let completed_at = intake.completed_at.map(timestamp);
    w.tx.execute(
        "INSERT INTO intakes (id, client_id, questionnaire_id, questionnaire_version, status, started_at, completed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            row_id,
            client_id.to_string(),
            intake.questionnaire_id,
            intake.questionnaire_version,
            status_code(intake.status),
            timestamp(intake.started_at),
            completed_at
        ],
    )?;
    for (field, value) in [
        ("client_id", Json::String(client_id.to_string())),
        (
            "questionnaire_id",
            Json::String(intake.questionnaire_id.clone()),
        ),
        (
            "questionnaire_version",
            Json::from(intake.questionnaire_version),
        ),
        ("status", Json::String(status_code(intake.status).into())),
        ("started_at", Json::String(timestamp(w.now))),
        (
            "completed_at",
            completed_at.map_or(Json::Null, Json::String),
        ),
    ] {
        w.outbox(ENTITY, &row_id, field, &value)?;
    }
    let mut rows: Vec<(String, u32, Json)> = generated
        .answers
        .values
        .into_iter()
        .map(|(k, v)| (k.question_id, k.instance, v))
        .collect();
    rows.extend(
        generated
            .answers
            .instances
            .into_iter()
            .map(|(group, numbers)| (group, 0, serde_json::json!(numbers))),
    );
    rows.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    for (question_id, instance, value) in rows {
        let answer_id = answer_row_id(&intake.id, &question_id, instance);
        w.tx.execute(
            "INSERT INTO intake_answers (intake_id, question_id, instance, value, answered_by, answered_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![row_id, question_id, instance, value.to_string(), w.actor, timestamp(w.now)],
        )?;
        w.outbox(ANSWERS, &answer_id, "value", &value)?;
    }
    let session_id = Uuid::now_v7().to_string();
    let session = generated.session;
    w.tx.execute(
        "INSERT INTO intake_sessions (id, intake_id, date, interpreter, interpreter_language, duration_minutes, note,
                                      recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            session_id,
            row_id,
            session.date.to_string(),
            session.interpreter,
            session.interpreter_language,
            session.duration_minutes,
            session.note,
            w.actor,
            timestamp(w.now)
        ],
    )?;
    w.outbox("intake_sessions", &session_id, LEDGER_ROW, &Json::Null)?;
    let what = format!(
        "{} versie {} (gegenereerd)",
        intake.questionnaire_id, intake.questionnaire_version
    );
    let changes = [FieldChange {
        field: "intake".into(),
        old: None,
        new: Some(what),
    }];
    w.audit(
        AuditAction::Create,
        ENTITY,
        &row_id,
        Some(&client_id.to_string()),
        &changes,
    )
}
