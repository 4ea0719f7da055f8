//! Stories of the hours ledger, absences, provider reports and exams in the store.

use chrono::NaiveDate;
use uuid::Uuid;

use super::test_support::{amira, store, today};
use super::{ImportOutcome, Store, StoreError};
use crate::domain::hours::HourEntryInput;
use crate::domain::progress_report::ProgressReportInput;
use crate::domain::{
    AbsenceExcuse, AbsenceInput, CefrLevel, ExamInput, ExamPart, ExamResult, HourCategory,
    HourSource, HoursRow, Leerroute, PortfolioTarget, Quarters, ReversalInput, SkillLevels,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn count(store: &Store, sql: &str) -> i64 {
    store.conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn with_client() -> (tempfile::TempDir, Store, Uuid) {
    let (dir, mut store) = store();
    let id = store.create_client(amira(), today()).unwrap().id;
    (dir, store, id)
}

fn report(provider: &str) -> ProgressReportInput {
    ProgressReportInput {
        provider: provider.into(),
        period_start: d(2026, 7, 1),
        period_end: d(2026, 9, 30),
        attendance_pct: Some(88),
        levels: SkillLevels {
            spreken: Some(CefrLevel::A1),
            ..SkillLevels::default()
        },
        obstacles: Some("Kinderopvang".into()),
        course_hours: Quarters::hours(96),
        map_theory_hours: Quarters(0),
        map_practice_hours: Quarters(10),
        stagnating: false,
        text: None,
    }
}

#[test]
fn an_entry_is_a_ledger_row_with_outbox_op_and_audit() {
    let (_dir, mut store, id) = with_client();
    let entry = store
        .add_hours(
            &id,
            HourEntryInput::new(d(2026, 11, 2), 3, HourCategory::Pvt),
            today(),
        )
        .unwrap();
    assert_eq!(store.hour_entries(&id).unwrap(), vec![entry.clone()]);
    let ops = store.outbox().unwrap();
    let op = ops.iter().find(|o| o.entity == "hour_entries").unwrap();
    assert_eq!(op.field, crate::sync::outbox::LEDGER_ROW);
    assert!(
        op.value.is_null(),
        "the sync client reads ledger rows from their table"
    );
    let trail = store.audit_trail(&id).unwrap();
    assert_eq!(trail[0].entity, "hour_entries");
    assert_eq!(
        trail[0].changes[0].new.as_deref(),
        Some("3 uur pvt op 2026-11-02")
    );
}

#[test]
fn entries_cannot_be_edited_or_deleted() {
    let (_dir, mut store, id) = with_client();
    store
        .add_hours(
            &id,
            HourEntryInput::new(d(2026, 11, 2), 3, HourCategory::Taal),
            today(),
        )
        .unwrap();
    for sql in [
        "UPDATE hour_entries SET quarters = 99",
        "DELETE FROM hour_entries",
    ] {
        let err = store.conn.execute(sql, []).unwrap_err().to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
}

#[test]
fn a_reversal_points_at_the_original_and_cancels_it_once() {
    let (_dir, mut store, id) = with_client();
    let original = store
        .add_hours(
            &id,
            HourEntryInput::new(d(2026, 11, 2), 5, HourCategory::Taal),
            today(),
        )
        .unwrap();
    let empty = store.reverse_hours(&original.id, ReversalInput { reason: " ".into() }, today());
    assert!(matches!(empty, Err(StoreError::Validation(e)) if e.0[0].field == "reason"));

    let reversal = store
        .reverse_hours(
            &original.id,
            ReversalInput {
                reason: "Dubbel ingevoerd".into(),
            },
            today(),
        )
        .unwrap();
    assert_eq!(reversal.reverses, Some(original.id));
    assert_eq!(reversal.input.quarters, Quarters(-20));
    assert_eq!(reversal.reason.as_deref(), Some("Dubbel ingevoerd"));

    let again = store.reverse_hours(&original.id, ReversalInput { reason: "x".into() }, today());
    assert!(matches!(again, Err(StoreError::Conflict(m)) if m.contains("al teruggedraaid")));
    let of_reversal =
        store.reverse_hours(&reversal.id, ReversalInput { reason: "x".into() }, today());
    assert!(matches!(of_reversal, Err(StoreError::Conflict(_))));
    let unknown = store.reverse_hours(
        &Uuid::now_v7(),
        ReversalInput { reason: "x".into() },
        today(),
    );
    assert!(matches!(unknown, Err(StoreError::NotFound(_))));

    let view = store.portfolio(&id, None, today()).unwrap();
    assert_eq!(view.entries.len(), 2);
    assert_eq!(view.portfolio.lines[0].done, Quarters(0));
}

#[test]
fn a_batch_is_saved_all_or_none_and_names_the_bad_row() {
    let (_dir, mut store, id) = with_client();
    let other = store
        .create_client(
            crate::domain::ClientInput {
                bsn: None,
                ..crate::domain::ClientInput {
                    given_name: "Yusuf".into(),
                    family_name: "Demir".into(),
                    ..amira()
                }
            },
            today(),
        )
        .unwrap()
        .id;
    let row = |client_id, day, hours| HoursRow {
        client_id,
        input: HourEntryInput::new(d(2026, 11, day), hours, HourCategory::Taal),
    };
    let bad = vec![row(id, 23, 3), row(other, 24, 0), row(other, 30, 2)];
    let Err(StoreError::Validation(errors)) = store.add_hours_batch(bad, today()) else {
        panic!("expected validation errors");
    };
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["1.quarters", "2.date"]);
    assert_eq!(count(&store, "SELECT count(*) FROM hour_entries"), 0);

    let unknown = store.add_hours_batch(vec![row(Uuid::now_v7(), 23, 1)], today());
    assert!(matches!(unknown, Err(StoreError::ClientNotFound(_))));

    let saved = store
        .add_hours_batch(
            vec![row(id, 23, 3), row(other, 24, 2), row(other, 25, 2)],
            today(),
        )
        .unwrap();
    assert_eq!(saved.len(), 3);
    assert_eq!(store.hour_entries(&other).unwrap().len(), 2);
}

#[test]
fn a_provider_report_brings_its_hours_into_the_ledger_once() {
    let (_dir, mut store, id) = with_client();
    let saved = store
        .add_progress_report(&id, report("Taalhuis Leiden"), today())
        .unwrap();
    let entries = store.hour_entries(&id).unwrap();
    let mut got: Vec<(HourCategory, i64)> = entries
        .iter()
        .map(|e| (e.input.category, e.input.quarters.0))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [(HourCategory::Taal, 384), (HourCategory::MapPraktijk, 10)]
    );
    assert!(entries.iter().all(|e| e.report_id == Some(saved.id)
        && e.input.source == HourSource::ProviderReport
        && e.input.date == d(2026, 9, 30)));

    let twice = store.add_progress_report(&id, report("Taalhuis Leiden"), today());
    assert!(matches!(twice, Err(StoreError::Conflict(_))));
    let outcomes = store
        .import_progress_reports(vec![
            (id, report("Taalhuis Leiden")),
            (id, report("ROC Noord")),
        ])
        .unwrap();
    assert_eq!(
        outcomes,
        [ImportOutcome::AlreadyPresent, ImportOutcome::Imported]
    );
    assert_eq!(store.progress_reports(&id).unwrap().len(), 2);
    assert_eq!(store.hour_entries(&id).unwrap().len(), 4);
    assert_eq!(
        store.progress_reports(&id).unwrap()[0].input.levels.spreken,
        Some(CefrLevel::A1)
    );
    assert_eq!(
        store.known_providers().unwrap(),
        ["ROC Noord", "Taalhuis Leiden"]
    );
}

#[test]
fn absences_are_flagged_and_can_be_excused_later_with_audit() {
    let (_dir, mut store, id) = with_client();
    let absence = |day| AbsenceInput {
        date: d(2026, 10, day),
        activity: "Taalles".into(),
        excused: false,
        reason: None,
        source: HourSource::ProviderReport,
        provider: Some("Taalhuis Leiden".into()),
    };
    let first = store.add_absence(&id, absence(1), today()).unwrap();
    store.add_absence(&id, absence(20), today()).unwrap();
    let view = store.portfolio(&id, None, today()).unwrap();
    assert_eq!(view.absence_clusters.len(), 1);

    let no_reason = store.excuse_absence(
        &first.id,
        AbsenceExcuse {
            excused: true,
            reason: None,
        },
    );
    assert!(matches!(no_reason, Err(StoreError::Validation(_))));
    let excused = store
        .excuse_absence(
            &first.id,
            AbsenceExcuse {
                excused: true,
                reason: Some("Doktersverklaring".into()),
            },
        )
        .unwrap();
    assert!(excused.input.excused);
    assert_eq!(store.absence(&first.id).unwrap().unwrap(), excused);
    let view = store.portfolio(&id, None, today()).unwrap();
    assert!(view.absence_clusters.is_empty());
    let trail = store.audit_trail(&id).unwrap();
    let update = trail
        .iter()
        .find(|a| a.entity == "absences" && a.changes.len() == 2)
        .unwrap();
    assert_eq!(update.changes[0].old.as_deref(), Some("nee"));
    assert_eq!(update.changes[0].new.as_deref(), Some("ja"));
    let ops = store.outbox().unwrap();
    assert!(ops
        .iter()
        .any(|o| o.entity == "absences" && o.field == "excused" && o.value == true));
}

#[test]
fn exams_are_kept_per_attempt() {
    let (_dir, mut store, id) = with_client();
    let exam = |result| ExamInput {
        part: ExamPart::Spreken,
        date: d(2026, 6, 1),
        level: Some(CefrLevel::B1),
        result,
        note: None,
    };
    store
        .add_exam(&id, exam(ExamResult::NietBehaald), today())
        .unwrap();
    store
        .add_exam(&id, exam(ExamResult::Behaald), today())
        .unwrap();
    assert_eq!(store.exams(&id).unwrap().len(), 2);
    let no_level = store.add_exam(
        &id,
        ExamInput {
            level: None,
            ..exam(ExamResult::Behaald)
        },
        today(),
    );
    assert!(matches!(no_level, Err(StoreError::Validation(_))));
}

#[test]
fn the_portfolio_view_counts_against_the_route_looked_at() {
    let (_dir, mut store, id) = with_client();
    for (category, hours) in [(HourCategory::Werk, 30), (HourCategory::EigenPlek, 20)] {
        store
            .add_hours(
                &id,
                HourEntryInput::new(d(2026, 11, 2), hours, category),
                today(),
            )
            .unwrap();
    }
    let none = store.portfolio(&id, None, today()).unwrap();
    assert_eq!(none.portfolio.route, None);
    assert!(none.portfolio.lines.iter().all(|l| l.required.is_none()));
    let z = store
        .portfolio(&id, Some(Leerroute::ZRoute), today())
        .unwrap();
    assert!(z.route_assumed);
    let line = |t| z.portfolio.lines.iter().find(|l| l.target == t).unwrap();
    assert_eq!(line(PortfolioTarget::MapPraktijk).done, Quarters::hours(50));
    assert_eq!(
        line(PortfolioTarget::MapPraktijk).required,
        Some(Quarters::hours(40))
    );
    assert_eq!(
        line(PortfolioTarget::Participatie).required,
        Some(Quarters::hours(800))
    );
}
