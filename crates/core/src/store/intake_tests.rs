//! Stories of the Brede intake in the store: autosave, pinning, completeness, reopening.

use serde_json::json;

use super::test_support::{amira, store, today};
use super::{IntakeSessionInput, IntakeStatus, Store, StoreError};

/// A small version 99 of the Brede intake, so new intakes use it.
const SMALL: &str = r#"
id = "brede-intake-wi2021"
version = 99
title = "Brede intake (test)"

[[groups]]
id = "werk"
title = "Werk"

[[groups.questions]]
id = "heeft_gewerkt"
type = "yes_no"
text = "Heeft u gewerkt?"
required = true

[[groups]]
id = "banen"
title = "Banen"
show_if = "heeft_gewerkt"
repeat = { label = "Baan", min = 1, max = 2 }

[[groups.questions]]
id = "functie"
type = "short_text"
text = "Functie"
required = true

[[groups.questions]]
id = "jaren"
type = "number"
text = "Jaren"
min = 0
max = 60
"#;

fn with_small() -> (tempfile::TempDir, Store, uuid::Uuid) {
    let (dir, mut store) = store();
    store.import_questionnaire(SMALL).unwrap();
    let client = store.create_client(amira(), today()).unwrap();
    (dir, store, client.id)
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_intake_is_pinned_to_the_version_it_started_with() {
    let (_dir, mut store) = store();
    let client = store.create_client(amira(), today()).unwrap();
    let started = store.start_intake(&client.id, today()).unwrap();
    let builtin_version = started.intake.questionnaire_version;
    store.import_questionnaire(SMALL).unwrap();
    // Starting again continues the same intake, still on its own version.
    let again = store.start_intake(&client.id, today()).unwrap();
    assert_eq!(again.intake.id, started.intake.id);
    assert_eq!(again.intake.questionnaire_version, builtin_version);
    assert!(again.questionnaire.groups.len() > 5);
}

#[test]
fn every_answer_is_saved_at_once_with_its_own_op_and_audit_entry() {
    let (_dir, mut store, client) = with_small();
    let intake = store.start_intake(&client, today()).unwrap().intake;
    let ops = count(&store, "outbox");
    let view = store
        .save_answer(&intake.id, "heeft_gewerkt", 0, json!(true), today())
        .unwrap();
    assert_eq!(view.answers.len(), 1);
    let new_ops: Vec<(String, String)> = store.outbox().unwrap()[ops as usize..]
        .iter()
        .map(|o| (o.entity.clone(), o.row_id.clone()))
        .collect();
    assert_eq!(
        new_ops[0],
        (
            "intake_answers".to_string(),
            format!("{}/heeft_gewerkt/0", intake.id)
        )
    );
    assert_eq!(new_ops[1].0, "audit_log");
    let audit = store.audit_trail(&client).unwrap();
    let change = &audit[0].changes[0];
    assert_eq!(
        (change.field.as_str(), change.new.as_deref()),
        ("Heeft u gewerkt?", Some("ja"))
    );
    // The same answer again writes nothing.
    let ops = count(&store, "outbox");
    store
        .save_answer(&intake.id, "heeft_gewerkt", 0, json!(true), today())
        .unwrap();
    assert_eq!(count(&store, "outbox"), ops);
    // An answer of the wrong kind is refused, naming the question.
    let err = store
        .save_answer(&intake.id, "jaren", 0, json!("veel"), today())
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Conflict(m) if m.contains("geen invulling 0")),
        "{err}"
    );
    let err = store
        .save_answer(&intake.id, "heeft_gewerkt", 0, json!("ja"), today())
        .unwrap_err();
    let StoreError::Validation(errors) = err else {
        panic!("validation expected")
    };
    assert_eq!(
        (errors.0[0].field.as_str(), errors.0[0].message.as_str()),
        ("heeft_gewerkt", "verwacht ja of nee")
    );
}

#[test]
fn completing_needs_every_visible_required_answer() {
    let (_dir, mut store, client) = with_small();
    let id = store.start_intake(&client, today()).unwrap().intake.id;
    store
        .save_answer(&id, "heeft_gewerkt", 0, json!(true), today())
        .unwrap();
    let err = store.complete_intake(&id, today()).unwrap_err();
    assert!(
        err.to_string().contains("Voeg minstens 1 × 'Baan' toe"),
        "{err}"
    );

    let view = store.add_repeat_instance(&id, "banen", today()).unwrap();
    assert_eq!(view.repeats[0].instances, [1]);
    store
        .save_answer(&id, "jaren", 1, json!(70), today())
        .unwrap();
    let err = store.complete_intake(&id, today()).unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("nog niet beantwoord: Functie")
            && text.contains("Vul een getal van 0 tot en met 60 in"),
        "{text}"
    );

    store
        .save_answer(&id, "functie", 1, json!("Lasser"), today())
        .unwrap();
    store
        .save_answer(&id, "jaren", 1, json!(12), today())
        .unwrap();
    let done = store.complete_intake(&id, today()).unwrap();
    assert_eq!(done.intake.status, IntakeStatus::Completed);
    assert!(done.intake.completed_at.is_some());

    // Completed is read-only; reopening needs a reason and is audited.
    let err = store
        .save_answer(&id, "functie", 1, json!("Kok"), today())
        .unwrap_err();
    assert!(err.to_string().contains("afgerond"));
    assert!(store.reopen_intake(&id, "  ", today()).is_err());
    let reopened = store
        .reopen_intake(&id, "Cliënt bracht diploma mee", today())
        .unwrap();
    assert_eq!(reopened.intake.status, IntakeStatus::InProgress);
    let audit = store.audit_trail(&client).unwrap();
    assert!(audit[0]
        .changes
        .iter()
        .any(|c| c.new.as_deref() == Some("Cliënt bracht diploma mee")));
}

#[test]
fn removing_a_repeat_entry_keeps_its_answers_but_they_stop_counting() {
    let (_dir, mut store, client) = with_small();
    let id = store.start_intake(&client, today()).unwrap().intake.id;
    store
        .save_answer(&id, "heeft_gewerkt", 0, json!(true), today())
        .unwrap();
    store.add_repeat_instance(&id, "banen", today()).unwrap();
    store.add_repeat_instance(&id, "banen", today()).unwrap();
    let err = store
        .add_repeat_instance(&id, "banen", today())
        .unwrap_err();
    assert!(err.to_string().contains("hoogstens 2"));
    store
        .save_answer(&id, "functie", 1, json!("Lasser"), today())
        .unwrap();
    let view = store
        .remove_repeat_instance(&id, "banen", 2, today())
        .unwrap();
    assert_eq!(view.repeats[0].instances, [1]);
    assert!(view.evaluation.complete);
    let view = store.add_repeat_instance(&id, "banen", today()).unwrap();
    assert_eq!(
        view.repeats[0].instances,
        [1, 2],
        "numbers continue after the highest"
    );
}

#[test]
fn sessions_are_recorded_and_validated() {
    let (_dir, mut store, client) = with_small();
    let id = store.start_intake(&client, today()).unwrap().intake.id;
    let session = IntakeSessionInput {
        date: today(),
        interpreter: Some("tolkentelefoon".into()),
        interpreter_language: Some("Tigrinya".into()),
        duration_minutes: Some(90),
        note: Some("  ".into()),
    };
    let view = store
        .add_intake_session(&id, session.clone(), today())
        .unwrap();
    assert_eq!(view.sessions.len(), 1);
    assert_eq!(view.sessions[0].input.note, None);
    let bad = IntakeSessionInput {
        date: today().succ_opt().unwrap(),
        duration_minutes: Some(0),
        ..session
    };
    let StoreError::Validation(errors) = store.add_intake_session(&id, bad, today()).unwrap_err()
    else {
        panic!("validation expected")
    };
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["date", "duration_minutes"]);
    assert!(
        store
            .conn
            .execute("DELETE FROM intake_sessions", [])
            .is_err(),
        "append-only"
    );
}
