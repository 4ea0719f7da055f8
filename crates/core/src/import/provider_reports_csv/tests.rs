use super::*;
use crate::domain::{ClientInput, HourCategory};
use crate::store::test_support::{amira, store, today};

const HEADER: &str = "client;provider;period_start;period_end;attendance_pct;spreken;course_hours;map_practice_hours;stagnating";

fn store_with_clients() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = store();
    let mut a = amira();
    a.external_id = Some("GEM-001".into());
    store.create_client(a, today()).unwrap();
    let b = ClientInput {
        external_id: Some("GEM-002".into()),
        given_name: "Yusuf".into(),
        bsn: None,
        ..amira()
    };
    store.create_client(b, today()).unwrap();
    (dir, store)
}

fn file(rows: &[&str]) -> Vec<u8> {
    let mut text = format!("\u{feff}{HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text.into_bytes()
}

#[test]
fn a_good_file_imports_every_row_and_its_hours() {
    let (_dir, mut store) = store_with_clients();
    let bytes = file(&[
        "GEM-001;Taalhuis Leiden;2026-07-01;2026-09-30;92%;A1;96;4,5;nee",
        "123456782;Taalhuis Leiden;01-04-2026;30-06-2026;85;A1;90;;ja",
        "GEM-002;ROC Noord;2026-07-01;2026-09-30;;;100,25;;",
    ]);
    let report = import_provider_reports(&mut store, &bytes, today()).unwrap();
    assert_eq!(
        report.to_string(),
        "3 geïmporteerd, 0 al aanwezig, 0 regel(s) afgekeurd"
    );
    let amira = store.find_client_id("GEM-001").unwrap().unwrap();
    let reports = store.progress_reports(&amira).unwrap();
    assert_eq!(reports.len(), 2, "the BSN row belongs to the same client");
    assert!(reports[1].input.stagnating);
    assert_eq!(reports[0].input.attendance_pct, Some(92));
    let taal: i64 = store
        .hour_entries(&amira)
        .unwrap()
        .iter()
        .filter(|e| e.input.category == HourCategory::Taal)
        .map(|e| e.input.quarters.0)
        .sum();
    assert_eq!(taal, (96 + 90) * 4);
}

#[test]
fn bad_rows_are_named_by_line_and_column_and_good_rows_are_kept() {
    let (_dir, mut store) = store_with_clients();
    let bytes = file(&[
        "GEM-001;Taalhuis Leiden;2026-07-01;2026-09-30;92;A1;96;4;nee", // line 2: good
        "GEM-001;Taalhuis Leiden;2026-07-01;2026-06-30;92;A1;96;4;nee", // 3: end before start
        "GEM-002;Taalhuis Leiden;2026-07-01;2026-09-30;120;C1;1,3;;misschien", // 4: four errors
        "GEM-404;Taalhuis Leiden;2026-07-01;2026-09-30;90;A1;10;;",     // 5: unknown client
        "GEM-002;;2026-07-01;2026-09-30;90;A1;10;;",                    // 6: no provider
        "GEM-001;Taalhuis Leiden;2026-07-01;2026-09-30;92;A1;96;4;nee", // 7: same as line 2
        "GEM-002;ROC Noord;2026-07-01",                                 // 8: too few cells
        "GEM-002;ROC Noord;2026-07-01;2026-09-30;;;8;;",                // 9: good
    ]);
    let report = import_provider_reports(&mut store, &bytes, today()).unwrap();
    assert_eq!(report.imported, 2);
    assert_eq!(report.rejected_lines(), [3, 4, 5, 6, 7, 8]);
    let messages: Vec<String> = report.rejected.iter().map(ToString::to_string).collect();
    let expected = [
        "regel 3, kolom period_end (Einde periode): ligt vóór het begin van de periode",
        "regel 4, kolom spreken (Spreken): 'C1' is geen niveau (A0, A1, A2, B1 of B2)",
        "regel 4, kolom course_hours (Lesuren): '1,3' is geen aantal uren in kwartieren (bijv. 12 of 1,5)",
        "regel 4, kolom stagnating (Stagnatie): 'misschien' is geen ja of nee",
        "regel 5, kolom client (Cliënt): 'GEM-404' is geen bekende cliënt (extern kenmerk of BSN)",
        "regel 6, kolom provider (Aanbieder): is verplicht",
        "regel 7, kolom client (Cliënt): dezelfde cliënt, aanbieder en periode staan al op regel 2",
        "regel 8: verwacht 9 kolommen, gevonden 3",
    ];
    for line in expected {
        assert!(
            messages.iter().any(|m| m == line),
            "missing {line:?} in {messages:#?}"
        );
    }
    // 120 is not a u8 percentage either way: the cell is named.
    assert!(messages
        .iter()
        .any(|m| m.starts_with("regel 4, kolom attendance_pct")));
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let (_dir, mut store) = store_with_clients();
    let bytes = file(&["GEM-001;Taalhuis Leiden;2026-07-01;2026-09-30;92;A1;96;4;nee"]);
    import_provider_reports(&mut store, &bytes, today()).unwrap();
    let id = store.find_client_id("GEM-001").unwrap().unwrap();
    let count = |store: &Store| store.hour_entries(&id).unwrap().len();
    let before = (count(&store), store.pending_ops().unwrap());
    let again = import_provider_reports(&mut store, &bytes, today()).unwrap();
    assert_eq!(
        again.to_string(),
        "0 geïmporteerd, 1 al aanwezig, 0 regel(s) afgekeurd"
    );
    assert_eq!((count(&store), store.pending_ops().unwrap()), before);
}

#[test]
fn a_file_without_the_required_columns_imports_nothing() {
    let (_dir, mut store) = store_with_clients();
    let err = import_provider_reports(&mut store, b"client,provider\nGEM-001,X\n", today());
    assert!(
        matches!(err, Err(ImportError::MissingColumns(ref c)) if c == &["period_start", "period_end"]),
        "{err:?}"
    );
    let err = import_provider_reports(
        &mut store,
        b"client,provider,period_start,period_end,uren\n",
        today(),
    );
    assert!(matches!(err, Err(ImportError::UnknownColumns { .. })));
}
