//! The right of access (inzageverzoek; AVG art. 15, domain page §7): everything this laptop
//! holds of one client's dossier. Every record of every synced table that belongs to the
//! client — found the way a dossier's removal finds them ([`dossier_rows`]) — each with its
//! history from the audit log. Gathering it is audited as an export; `crate::export::inzage`
//! writes it out as JSON and as a readable document.

use std::collections::HashMap;

use base64::Engine;
use chrono::{DateTime, Utc};
use rusqlite::types::Value as SqlValue;
use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::audit::{AuditAction, AuditEntry, FieldChange};
use super::tables::{SyncClass, TABLES};
use super::{settings, Result, Store, StoreError};
use crate::questionnaire::definition::ChoiceOption;
use crate::sync::rows::{dossier_rows, key_columns};

/// Columns that hold JSON text; exported as the JSON they hold.
const JSON_COLUMNS: [(&str, &str); 2] =
    [("clients", "other_languages"), ("intake_answers", "value")];

/// One client's whole dossier as stored on this laptop.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DossierExport {
    pub client_id: Uuid,
    pub given_name: String,
    pub family_name: String,
    /// When and by whom the export was made, for which organisation.
    pub exported_at: DateTime<Utc>,
    pub exported_by: String,
    pub organisation: String,
    /// The tables that hold records of the dossier, the client first.
    pub tables: Vec<ExportedTable>,
    /// Audit entries of the dossier that concern no record in it (a conflict's choice).
    pub other_history: Vec<AuditEntry>,
    /// The questions of the Brede intake that were answered, in their own words.
    pub questions: Vec<ExportedQuestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedTable {
    pub table: String,
    /// The table's columns in the order of its schema (the record's fields are keyed by name).
    pub columns: Vec<String>,
    pub records: Vec<ExportedRecord>,
}

/// A record with every column as stored, and what happened to it, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedRecord {
    /// The record's id as sync and the audit log name it.
    pub row_id: String,
    pub fields: Map<String, Value>,
    pub history: Vec<AuditEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedQuestion {
    pub questionnaire: String,
    pub version: u32,
    pub id: String,
    pub text: String,
    pub options: Vec<ChoiceOption>,
}

impl DossierExport {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }

    /// The records of `table` (none when the dossier has none).
    pub fn records(&self, table: &str) -> &[ExportedRecord] {
        self.tables
            .iter()
            .find(|t| t.table == table)
            .map_or(&[], |t| &t.records)
    }

    /// Every audit entry of the dossier, oldest first.
    pub fn history(&self) -> Vec<&AuditEntry> {
        let mut all: Vec<&AuditEntry> = self
            .tables
            .iter()
            .flat_map(|t| &t.records)
            .flat_map(|r| &r.history)
            .chain(&self.other_history)
            .collect();
        all.sort_by_key(|a| (a.at, a.id));
        all
    }
}

impl Store {
    /// Everything of client `id`'s dossier, for the client (right of access). Written to the
    /// audit log as an export by this laptop's user.
    pub fn export_dossier(&mut self, id: &Uuid) -> Result<DossierExport> {
        let client = self.client(id)?;
        let identity = settings::identity(&self.conn)?.ok_or(StoreError::NotInitialised)?;
        let client_id = id.to_string();
        let mut trail: HashMap<(String, String), Vec<AuditEntry>> = HashMap::new();
        // The trail comes newest first; each record's history reads oldest first.
        for entry in self.audit_trail(id)?.into_iter().rev() {
            trail
                .entry((entry.entity.clone(), entry.row_id.clone()))
                .or_default()
                .push(entry);
        }
        let mut tables = Vec::new();
        for (table, class) in TABLES {
            // The audit log is the records' history, not a record of its own.
            if *class == SyncClass::LocalOnly || *table == "audit_log" {
                continue;
            }
            let Some(condition) = dossier_rows(table) else {
                continue;
            };
            let (columns, records) = self.records_of(table, condition, &client_id, &mut trail)?;
            if !records.is_empty() {
                tables.push(ExportedTable {
                    table: (*table).to_owned(),
                    columns,
                    records,
                });
            }
        }
        let mut other_history: Vec<AuditEntry> = trail.into_values().flatten().collect();
        other_history.sort_by_key(|a| (a.at, a.id));
        let questions = self.answered_questions(&tables)?;

        let mut w = self.begin_write()?;
        let what = [FieldChange {
            field: "view".into(),
            old: None,
            new: Some("inzage".into()),
        }];
        w.audit(
            AuditAction::Export,
            "clients",
            &client_id,
            Some(&client_id),
            &what,
        )?;
        let exported_at = w.now;
        let exported_by = w.actor.clone();
        w.commit()?;
        Ok(DossierExport {
            client_id: *id,
            given_name: client.input.given_name,
            family_name: client.input.family_name,
            exported_at,
            exported_by,
            organisation: identity.organisation,
            tables,
            other_history,
            questions,
        })
    }

    /// The columns of `table` and its rows matching `condition` for the client, in the order
    /// they were stored, each taking its history out of `trail`.
    fn records_of(
        &self,
        table: &str,
        condition: &str,
        client_id: &str,
        trail: &mut HashMap<(String, String), Vec<AuditEntry>>,
    ) -> Result<(Vec<String>, Vec<ExportedRecord>)> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT * FROM \"{table}\" WHERE {condition} ORDER BY rowid"
        ))?;
        let all: Vec<String> = stmt.column_names().into_iter().map(String::from).collect();
        // The search index's row number is this laptop's, not the client's data.
        let columns: Vec<String> = all.iter().filter(|c| *c != "seq").cloned().collect();
        let mut rows = stmt.query([client_id])?;
        let mut records = Vec::new();
        while let Some(row) = rows.next()? {
            let mut fields = Map::new();
            for (i, column) in all.iter().enumerate() {
                if column == "seq" {
                    continue;
                }
                let value = json_value(table, column, row.get::<_, SqlValue>(i)?)?;
                fields.insert(column.clone(), value);
            }
            let row_id = key_columns(table)
                .iter()
                .map(|key| match &fields[*key] {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join("/");
            let history = trail
                .remove(&(table.to_owned(), row_id.clone()))
                .unwrap_or_default();
            records.push(ExportedRecord {
                row_id,
                fields,
                history,
            });
        }
        Ok((columns, records))
    }

    /// The questions answered in the dossier's intakes, from the questionnaire version each
    /// intake used.
    fn answered_questions(&self, tables: &[ExportedTable]) -> Result<Vec<ExportedQuestion>> {
        let records = |table: &str| {
            tables
                .iter()
                .find(|t| t.table == table)
                .map_or(&[][..], |t| &t.records[..])
        };
        let mut questions = Vec::new();
        for intake in records("intakes") {
            let (Some(Value::String(questionnaire)), Some(version)) = (
                intake.fields.get("questionnaire_id"),
                intake
                    .fields
                    .get("questionnaire_version")
                    .and_then(Value::as_u64)
                    .and_then(|v| u32::try_from(v).ok()),
            ) else {
                continue;
            };
            let compiled = self.questionnaire(questionnaire, version)?;
            for answer in records("intake_answers")
                .iter()
                .filter(|a| a.fields.get("intake_id") == intake.fields.get("id"))
            {
                let Some(Value::String(question_id)) = answer.fields.get("question_id") else {
                    continue;
                };
                let known = questions.iter().any(|q: &ExportedQuestion| {
                    q.questionnaire == *questionnaire
                        && q.version == version
                        && q.id == *question_id
                });
                if let (false, Some((_, question))) = (known, compiled.question(question_id)) {
                    questions.push(ExportedQuestion {
                        questionnaire: questionnaire.clone(),
                        version,
                        id: question.id.clone(),
                        text: question.text.clone(),
                        options: question.options.clone(),
                    });
                }
            }
        }
        Ok(questions)
    }
}

/// A stored value as JSON: JSON text as what it holds, a file (a beschikking's PDF) as base64.
fn json_value(table: &str, column: &str, value: SqlValue) -> Result<Value> {
    Ok(match value {
        SqlValue::Null => Value::Null,
        SqlValue::Integer(n) => Value::from(n),
        SqlValue::Real(f) => Value::from(f),
        SqlValue::Text(text) if JSON_COLUMNS.contains(&(table, column)) => {
            serde_json::from_str(&text)?
        }
        SqlValue::Text(text) => Value::String(text),
        SqlValue::Blob(bytes) => {
            Value::String(base64::engine::general_purpose::STANDARD.encode(bytes))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::glossary::table_title;
    use crate::generate::{into_store, GenerateOptions};
    use crate::store::test_support::{amira, store, today};
    use crate::store::AuditQuery;

    /// The generated dossier with records in the most tables.
    fn fullest_dossier(store: &Store) -> Uuid {
        let ids: Vec<String> = store
            .conn
            .prepare("SELECT id FROM clients")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let tables_of = |id: &str| {
            TABLES
                .iter()
                .filter(|(_, class)| *class != SyncClass::LocalOnly)
                .filter_map(|(table, _)| dossier_rows(table).map(|c| (*table, c)))
                .filter(|(table, condition)| {
                    store
                        .conn
                        .query_row(
                            &format!("SELECT count(*) FROM \"{table}\" WHERE {condition}"),
                            [id],
                            |r| r.get::<_, i64>(0),
                        )
                        .unwrap()
                        > 0
                })
                .count()
        };
        ids.iter()
            .max_by_key(|id| tables_of(id))
            .unwrap()
            .parse()
            .unwrap()
    }

    fn generated() -> (tempfile::TempDir, Store, Uuid) {
        let (dir, mut store) = store();
        into_store(
            &mut store,
            &GenerateOptions {
                clients: 6,
                seed: 7,
                today: today(),
                municipalities: vec!["Lisse".into()],
                consultants: vec!["Els de Vries".into()],
                years: 3,
            },
        )
        .unwrap();
        let id = fullest_dossier(&store);
        (dir, store, id)
    }

    /// Every row the dossier's removal would delete is in the export, and nothing else.
    #[test]
    fn the_export_holds_every_record_of_the_dossier_and_only_those() {
        let (_dir, mut store, id) = generated();
        let export = store.export_dossier(&id).unwrap();
        for (table, class) in TABLES {
            let Some(condition) = dossier_rows(table) else {
                continue;
            };
            if *class == SyncClass::LocalOnly || *table == "audit_log" {
                continue;
            }
            let count: i64 = store
                .conn
                .query_row(
                    &format!("SELECT count(*) FROM \"{table}\" WHERE {condition}"),
                    [id.to_string()],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(
                export.records(table).len() as i64,
                count,
                "{table}: every record of the dossier"
            );
        }
        assert!(
            export.tables.len() > 8,
            "a generated dossier has records of many kinds: {:?}",
            export.tables.iter().map(|t| &t.table).collect::<Vec<_>>()
        );
        assert_eq!(export.tables[0].table, "clients");
        assert_eq!(
            export.tables[0].columns[..4],
            ["id", "external_id", "given_name", "family_name"],
            "the schema's order, without the search index's row number"
        );
        let client = &export.records("clients")[0];
        assert_eq!(client.row_id, id.to_string());
        assert!(client.fields["bsn"].as_str().is_some_and(|b| b.len() == 9));
        assert!(client.fields["other_languages"].is_array());
        assert!(!client.fields.contains_key("seq"));
        // The records of other dossiers stay out.
        for table in &export.tables {
            for record in &table.records {
                if let Some(Value::String(owner)) = record.fields.get("client_id") {
                    assert_eq!(owner, &id.to_string(), "{}", table.table);
                }
            }
        }
        assert!(
            !export.questions.is_empty(),
            "the intake's questions are named"
        );
    }

    #[test]
    fn each_record_carries_its_own_history_and_the_whole_trail_is_there() {
        let (_dir, mut store, id) = generated();
        store.open_dossier(&id, today()).unwrap();
        let trail = store.audit_trail(&id).unwrap();
        let export = store.export_dossier(&id).unwrap();
        assert_eq!(export.history().len(), trail.len());
        let client = &export.records("clients")[0];
        let actions: Vec<AuditAction> = client.history.iter().map(|e| e.action).collect();
        assert_eq!(actions.first(), Some(&AuditAction::Create));
        assert_eq!(
            actions.last(),
            Some(&AuditAction::Read),
            "the dossier was opened"
        );
        for table in &export.tables {
            for record in &table.records {
                for entry in &record.history {
                    assert_eq!(
                        (entry.entity.as_str(), entry.row_id.as_str()),
                        (table.table.as_str(), record.row_id.as_str())
                    );
                }
                assert!(
                    record.history.windows(2).all(|w| w[0].at <= w[1].at),
                    "oldest first"
                );
            }
        }
        let notes = export.records("notes");
        assert!(notes.iter().all(|n| n.history.len() == 1));
    }

    #[test]
    fn the_export_is_audited_as_an_export_by_this_user() {
        let (_dir, mut store) = store();
        let client = store.create_client(amira(), today()).unwrap();
        let export = store.export_dossier(&client.id).unwrap();
        assert_eq!(
            (export.exported_by.as_str(), export.organisation.as_str()),
            ("Sanne de Vries", "ISD Bollenstreek")
        );
        let page = store
            .audit(&AuditQuery {
                client_id: Some(client.id),
                action: Some(AuditAction::Export),
                ..AuditQuery::default()
            })
            .unwrap();
        assert_eq!(page.entries.len(), 1);
        let entry = &page.entries[0].entry;
        assert_eq!(entry.at, export.exported_at);
        assert_eq!(entry.actor, "Sanne de Vries");
        assert_eq!(entry.changes[0].new.as_deref(), Some("inzage"));
    }

    #[test]
    fn an_unknown_client_is_named_and_nothing_is_audited() {
        let (_dir, mut store) = store();
        let unknown: Uuid = "0190c1c6-0000-7000-8000-00000000abcd".parse().unwrap();
        let error = store.export_dossier(&unknown).unwrap_err();
        assert_eq!(
            error.to_string(),
            "cliënt 0190c1c6-0000-7000-8000-00000000abcd bestaat niet"
        );
        let page = store.audit(&AuditQuery::default()).unwrap();
        assert!(page.entries.is_empty());
    }

    #[test]
    fn a_beschikking_travels_as_base64() {
        let cases = [
            (
                SqlValue::Blob(b"%PDF-1.7".to_vec()),
                Value::from("JVBERi0xLjc="),
            ),
            (SqlValue::Integer(3), Value::from(3)),
            (SqlValue::Null, Value::Null),
            (
                SqlValue::Text("[\"Engels\"]".into()),
                Value::from(vec!["Engels"]),
            ),
        ];
        for (stored, exported) in cases {
            let column = if matches!(stored, SqlValue::Text(_)) {
                "other_languages"
            } else {
                "pdf"
            };
            assert_eq!(json_value("clients", column, stored).unwrap(), exported);
        }
        // Free text that looks like JSON stays text.
        assert_eq!(
            json_value("notes", "text", SqlValue::Text("[belangrijk]".into())).unwrap(),
            Value::from("[belangrijk]")
        );
    }

    /// A table added to a dossier later gets a Dutch heading in the document.
    #[test]
    fn every_table_of_a_dossier_has_a_dutch_title() {
        for (table, class) in TABLES {
            if *class != SyncClass::LocalOnly && dossier_rows(table).is_some() {
                assert_ne!(table_title(table), *table, "a title for {table}");
            }
        }
    }
}
