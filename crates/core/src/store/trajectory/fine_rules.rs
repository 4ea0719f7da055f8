//! The local regulation's fines: a data table the beheerder keeps (domain page §2 step 11:
//! "amounts are data, not code").

use rusqlite::params;
use serde_json::Value;

use super::super::audit::{AuditAction, FieldChange};
use super::super::clients::{code, from_code, timestamp};
use super::super::write::WriteTx;
use super::super::{Result, Store};
use crate::domain::trajectory::FineRule;
use crate::domain::{FieldError, ValidationErrors};

const ENTITY: &str = "fine_rules";

impl Store {
    /// The regulation's articles, by code.
    pub fn fine_rules(&self) -> Result<Vec<FineRule>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, description, \"trigger\", max_cents FROM fine_rules ORDER BY code",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)?,
            ))
        })?;
        rows.map(|row| {
            let (code, description, trigger, max_cents) = row?;
            Ok(FineRule {
                code,
                description,
                trigger: trigger.as_deref().map(from_code).transpose()?,
                max_cents,
            })
        })
        .collect()
    }

    /// Adds an article, or changes the description, behaviour or amount of an existing one.
    pub fn save_fine_rule(&mut self, rule: FineRule) -> Result<FineRule> {
        let rule = FineRule {
            code: rule.code.trim().to_owned(),
            description: rule.description.trim().to_owned(),
            ..rule
        };
        let mut errors = ValidationErrors::default();
        for (field, value) in [("code", &rule.code), ("description", &rule.description)] {
            if value.is_empty() {
                errors.push(FieldError::new(field, "required", "is verplicht"));
            }
        }
        if rule.max_cents <= 0 {
            errors.push(FieldError::new(
                "max_cents",
                "positive",
                "moet meer dan € 0 zijn",
            ));
        }
        errors.into_result()?;
        let old = self.fine_rules()?.into_iter().find(|r| r.code == rule.code);
        if old.as_ref() == Some(&rule) {
            return Ok(rule);
        }
        let mut w = self.begin_write()?;
        write(&mut w, old, &rule)?;
        w.commit()?;
        Ok(rule)
    }

    /// Adds the generator's example regulation when there is none yet.
    pub(crate) fn add_demo_fine_rules(&mut self, actor: &str) -> Result<()> {
        if !self.fine_rules()?.is_empty() {
            return Ok(());
        }
        let mut w = self.begin_write_as(actor.to_owned())?;
        for rule in crate::generate::demo_fine_rules() {
            write(&mut w, None, &rule)?;
        }
        w.commit()
    }
}

/// Writes a new or changed article with its outbox ops and audit entry.
fn write(w: &mut WriteTx<'_>, old: Option<FineRule>, rule: &FineRule) -> Result<()> {
    let trigger = rule.trigger.map(|t| code(&t));
    w.tx.execute(
        "INSERT INTO fine_rules (code, description, \"trigger\", max_cents, added_by, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (code) DO UPDATE SET description = excluded.description,
             \"trigger\" = excluded.\"trigger\", max_cents = excluded.max_cents",
        params![
            rule.code,
            rule.description,
            trigger,
            rule.max_cents,
            w.actor,
            timestamp(w.now)
        ],
    )?;
    let fields = [
        ("description", Value::from(rule.description.clone())),
        ("trigger", trigger.clone().map_or(Value::Null, Value::from)),
        ("max_cents", Value::from(rule.max_cents)),
    ];
    let old_fields = old.map(|o| {
        [
            Value::from(o.description),
            o.trigger.map_or(Value::Null, |t| Value::from(code(&t))),
            Value::from(o.max_cents),
        ]
    });
    let mut changes = Vec::new();
    for (i, (field, value)) in fields.iter().enumerate() {
        let before = old_fields.as_ref().map(|o| &o[i]);
        if before == Some(value) {
            continue;
        }
        w.outbox(ENTITY, &rule.code, field, value)?;
        changes.push(FieldChange {
            field: (*field).to_owned(),
            old: before.filter(|v| !v.is_null()).map(ToString::to_string),
            new: (!value.is_null()).then(|| value.to_string()),
        });
    }
    let action = if old_fields.is_some() {
        AuditAction::Update
    } else {
        AuditAction::Create
    };
    w.audit(action, ENTITY, &rule.code, None, &changes)
}
