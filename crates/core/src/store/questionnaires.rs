//! Questionnaire versions in the store: the built-in ones are added on open; a beheerder imports
//! new versions. A version never changes once stored (a trigger enforces it).

use chrono::Utc;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::clients::timestamp;
use super::{Result, Store, StoreError};
use crate::questionnaire::{builtin, Compiled, Questionnaire};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionnaireSummary {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub groups: u32,
    pub questions: u32,
    pub imported_at: String,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionnaireImport {
    Added(QuestionnaireSummary),
    /// This exact version was already there.
    AlreadyPresent(QuestionnaireSummary),
}

fn stored(conn: &Connection, id: &str, version: u32) -> Result<Option<Questionnaire>> {
    let text: Option<String> = conn
        .query_row(
            "SELECT definition FROM questionnaires WHERE id = ?1 AND version = ?2",
            params![id, version],
            |r| r.get(0),
        )
        .optional()?;
    Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
}

fn insert(conn: &Connection, definition: &Questionnaire) -> Result<()> {
    conn.execute(
        "INSERT INTO questionnaires (id, version, title, definition, imported_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            definition.id,
            definition.version,
            definition.title,
            serde_json::to_string(definition)?,
            timestamp(Utc::now())
        ],
    )?;
    Ok(())
}

/// Adds the built-in questionnaires that are not in the store yet (parsed only when missing:
/// this runs at every open).
pub(super) fn add_builtin(conn: &Connection) -> Result<()> {
    for (id, version, source) in builtin::SOURCES {
        let present: bool = conn.query_row(
            "SELECT count(*) > 0 FROM questionnaires WHERE id = ?1 AND version = ?2",
            params![id, version],
            |r| r.get(0),
        )?;
        if !present {
            let compiled = Compiled::from_toml(source).map_err(StoreError::Definition)?;
            insert(conn, &compiled.definition)?;
        }
    }
    Ok(())
}

fn summary(definition: &Questionnaire, imported_at: String) -> QuestionnaireSummary {
    QuestionnaireSummary {
        id: definition.id.clone(),
        version: definition.version,
        title: definition.title.clone(),
        groups: definition.groups.len() as u32,
        questions: definition
            .groups
            .iter()
            .map(|g| g.questions.len() as u32)
            .sum(),
        imported_at,
    }
}

impl Store {
    /// Validates and stores a new questionnaire version (TOML). The same version with other
    /// content is refused: publish changes as a new version.
    pub fn import_questionnaire(&mut self, toml_text: &str) -> Result<QuestionnaireImport> {
        let compiled = Compiled::from_toml(toml_text).map_err(StoreError::Definition)?;
        let definition = compiled.definition;
        if let Some(existing) = stored(&self.conn, &definition.id, definition.version)? {
            if existing == definition {
                let present = self
                    .questionnaires()?
                    .into_iter()
                    .find(|q| q.id == definition.id && q.version == definition.version);
                return Ok(QuestionnaireImport::AlreadyPresent(
                    present.unwrap_or_else(|| summary(&definition, String::new())),
                ));
            }
            return Err(StoreError::Conflict(format!(
                "versie {} van '{}' bestaat al met een andere inhoud; geef de nieuwe versie een hoger versienummer",
                definition.version, definition.id
            )));
        }
        insert(&self.conn, &definition)?;
        Ok(QuestionnaireImport::Added(summary(
            &definition,
            timestamp(Utc::now()),
        )))
    }

    /// Every stored version, newest version of each questionnaire first.
    pub fn questionnaires(&self) -> Result<Vec<QuestionnaireSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT definition, imported_at FROM questionnaires ORDER BY id, version DESC",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut list = Vec::new();
        for row in rows {
            let (definition, imported_at) = row?;
            list.push(summary(&serde_json::from_str(&definition)?, imported_at));
        }
        Ok(list)
    }

    /// A stored version, validated again (so a definition is never used unchecked).
    pub fn questionnaire(&self, id: &str, version: u32) -> Result<Compiled> {
        let definition = stored(&self.conn, id, version)?
            .ok_or_else(|| StoreError::QuestionnaireNotFound(format!("{id} versie {version}")))?;
        Compiled::new(definition).map_err(StoreError::Definition)
    }

    /// The highest stored version of a questionnaire.
    pub(super) fn latest_version(&self, id: &str) -> Result<u32> {
        self.conn
            .query_row(
                "SELECT max(version) FROM questionnaires WHERE id = ?1",
                [id],
                |r| r.get::<_, Option<u32>>(0),
            )?
            .ok_or_else(|| StoreError::QuestionnaireNotFound(id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::store;

    const SMALL: &str = r#"
id = "brede-intake-wi2021"
version = 99
title = "Brede intake (test)"
[[groups]]
id = "g"
title = "Groep"
[[groups.questions]]
id = "q"
type = "yes_no"
text = "Vraag?"
required = true
"#;

    #[test]
    fn builtin_questionnaire_is_there_and_imports_are_versioned() {
        let (_dir, mut store) = store();
        let list = store.questionnaires().unwrap();
        assert_eq!(list[0].id, builtin::BREDE_INTAKE);
        assert!(list[0].questions >= 60);

        assert!(
            matches!(store.import_questionnaire(SMALL).unwrap(), QuestionnaireImport::Added(s) if s.version == 99)
        );
        assert!(matches!(
            store.import_questionnaire(SMALL).unwrap(),
            QuestionnaireImport::AlreadyPresent(_)
        ));
        assert_eq!(store.latest_version(builtin::BREDE_INTAKE).unwrap(), 99);
        let changed = SMALL.replace("Vraag?", "Andere vraag?");
        let err = store.import_questionnaire(&changed).unwrap_err();
        assert!(err.to_string().contains("hoger versienummer"), "{err}");
    }

    #[test]
    fn a_broken_definition_is_refused_with_question_and_position() {
        let (_dir, mut store) = store();
        let broken = SMALL.replace("required = true", "required = true\nshow_if = \"q and (\"");
        let err = store.import_questionnaire(&broken).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("de vragenlijst is ongeldig:\n'q' (show_if, positie"),
            "{text}"
        );
        assert_eq!(store.questionnaires().unwrap().len(), 1, "nothing stored");
    }
}
