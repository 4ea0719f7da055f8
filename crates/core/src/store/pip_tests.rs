//! Stories of the PIP and the termijn in the store.

use chrono::NaiveDate;

use super::test_support::{amira, store, today};
use super::{Store, StoreError};
use crate::domain::hours::HourEntryInput;
use crate::domain::{
    AdoptInput, CefrLevel, ExtensionInput, HourCategory, Leerroute, PipContent, PipStatus,
    VersionKind,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn b1() -> PipContent {
    PipContent {
        leerroute: Some(Leerroute::B1),
        target_level: Some(CefrLevel::B1),
        goals: Some("Werk als verzorgende".into()),
        provider: Some("Taalhuis Bollenstreek".into()),
        waiting_list_date: Some(d(2026, 10, 20)),
        ..PipContent::first()
    }
}

fn adopt(date: NaiveDate) -> AdoptInput {
    AdoptInput {
        dagtekening: date,
        late_reason: None,
    }
}

fn rules(err: StoreError) -> Vec<String> {
    match err {
        StoreError::Validation(e) => e.0.into_iter().map(|e| e.rule).collect(),
        other => panic!("expected a validation error, got {other}"),
    }
}

fn client(store: &mut Store) -> uuid::Uuid {
    store.create_client(amira(), today()).unwrap().id
}

#[test]
fn adopting_the_first_pip_starts_the_termijn_the_next_day() {
    let (_dir, mut store) = store();
    let id = client(&mut store);
    let concept = store.draft_pip(&id, Some(b1()), today()).unwrap();
    assert_eq!((concept.number, concept.status), (1, PipStatus::Concept));
    let twice = store.draft_pip(&id, None, today());
    assert!(matches!(twice, Err(StoreError::Conflict(_))));

    let adopted = store
        .adopt_pip(&concept.id, adopt(d(2026, 11, 2)), today())
        .unwrap();
    assert_eq!(adopted.status, PipStatus::Vastgesteld);
    let view = store.termijn_view(&id, today()).unwrap();
    let t = view.termijn.unwrap();
    assert_eq!((t.start, t.end), (d(2026, 11, 3), d(2029, 11, 3)));
    let row = store.caseload(&Default::default()).unwrap();
    assert_eq!(row[0].termijn_end, Some(d(2029, 11, 3)));

    // An adopted version never changes, not even through SQL.
    let save = store.save_pip(&concept.id, b1(), today());
    assert!(matches!(save, Err(StoreError::Conflict(_))));
    let sql = store
        .conn
        .execute("UPDATE pip_versions SET goals = 'x'", [])
        .unwrap_err();
    assert!(sql.to_string().contains("never changes"));

    // A later version does not move the start; an extension moves the end.
    let next = store.draft_pip(&id, None, today()).unwrap();
    assert_eq!(next.content.kind, VersionKind::Bijstelling);
    assert_eq!(next.content.goals.as_deref(), Some("Werk als verzorgende"));
    let next = store
        .save_pip(
            &next.id,
            PipContent {
                reason: Some("Start cursus bekend".into()),
                course_start_date: Some(d(2026, 11, 23)),
                ..next.content
            },
            today(),
        )
        .unwrap();
    store
        .adopt_pip(&next.id, adopt(d(2026, 11, 25)), today())
        .unwrap();
    let extension = ExtensionInput {
        decision_date: d(2026, 11, 28),
        ground: "Medische redenen".into(),
        new_end: d(2030, 5, 3),
    };
    store.add_extension(&id, extension, today()).unwrap();
    let t = store.termijn_view(&id, today()).unwrap().termijn.unwrap();
    assert_eq!(
        (t.start, t.end, t.extensions),
        (d(2026, 11, 3), d(2030, 5, 3), 1)
    );
    assert_eq!(
        store.caseload(&Default::default()).unwrap()[0].termijn_end,
        Some(d(2030, 5, 3))
    );

    let timeline = store.timeline(&id, today()).unwrap();
    let labels: Vec<&str> = timeline.iter().map(|e| e.label.as_str()).collect();
    assert!(labels.contains(&"Start inburgeringstermijn"), "{labels:?}");
    assert!(
        labels.contains(&"Start cursus bij Taalhuis Bollenstreek"),
        "{labels:?}"
    );
    assert!(timeline
        .iter()
        .any(|e| e.label == "Einde inburgeringstermijn" && e.upcoming));
}

#[test]
fn afschalen_is_refused_below_600_course_hours_and_allowed_at_600() {
    let (_dir, mut store) = store();
    let id = client(&mut store);
    let first = store.draft_pip(&id, Some(b1()), today()).unwrap();
    store
        .adopt_pip(&first.id, adopt(d(2026, 10, 1)), today())
        .unwrap();
    store
        .add_hours(
            &id,
            HourEntryInput {
                quarters: crate::domain::Quarters(2399),
                ..HourEntryInput::new(d(2026, 11, 1), 0, HourCategory::Taal)
            },
            today(),
        )
        .unwrap();
    let a2 = store.draft_pip(&id, None, today()).unwrap();
    let a2 = store
        .save_pip(
            &a2.id,
            PipContent {
                kind: VersionKind::Afschalen,
                reason: Some("B1 is niet haalbaar gebleken".into()),
                target_level: Some(CefrLevel::A2),
                ..a2.content
            },
            today(),
        )
        .unwrap();
    let refused = store
        .adopt_pip(&a2.id, adopt(today()), today())
        .unwrap_err();
    assert_eq!(rules(refused), ["afschalen_600_hours"]);
    assert_eq!(
        store.pip_version(&a2.id).unwrap().status,
        PipStatus::Concept
    );
    store
        .add_hours(
            &id,
            HourEntryInput {
                quarters: crate::domain::Quarters(1),
                ..HourEntryInput::new(d(2026, 11, 2), 0, HourCategory::Taal)
            },
            today(),
        )
        .unwrap();
    store.adopt_pip(&a2.id, adopt(today()), today()).unwrap();
}

#[test]
fn a_late_first_pip_records_why() {
    let (_dir, mut store) = store();
    let id = client(&mut store);
    // BRP 2026-09-01 (amira): deadline 2026-11-10.
    let concept = store.draft_pip(&id, Some(b1()), today()).unwrap();
    let refused = store
        .adopt_pip(&concept.id, adopt(d(2026, 11, 11)), today())
        .unwrap_err();
    assert_eq!(rules(refused), ["first_pip_after_10_weeks"]);
    let adopted = store
        .adopt_pip(
            &concept.id,
            AdoptInput {
                dagtekening: d(2026, 11, 11),
                late_reason: Some("Wachten op het verslag van de huisarts".into()),
            },
            today(),
        )
        .unwrap();
    assert_eq!(
        adopted.late_reason.as_deref(),
        Some("Wachten op het verslag van de huisarts")
    );
}

#[test]
fn the_portfolio_follows_the_adopted_route_and_plan() {
    let (_dir, mut store) = store();
    let id = client(&mut store);
    let z = PipContent {
        leerroute: Some(Leerroute::ZRoute),
        target_level: Some(CefrLevel::A1),
        course_start_date: Some(d(2026, 11, 9)),
        ..b1()
    };
    let concept = store.draft_pip(&id, Some(z), today()).unwrap();
    store
        .adopt_pip(&concept.id, adopt(d(2026, 11, 2)), today())
        .unwrap();
    let view = store.portfolio(&id, Some(Leerroute::B1), today()).unwrap();
    assert_eq!(
        view.portfolio.route,
        Some(Leerroute::ZRoute),
        "the PIP decides, not the pick"
    );
    assert!(!view.route_assumed);
    assert_eq!(view.plan.start, Some(d(2026, 11, 9)));
    assert_eq!(view.plan.end, Some(d(2029, 11, 3)));
}

#[test]
fn an_adopted_version_gets_a_beschikking_that_is_kept() {
    let (_dir, mut store) = store();
    let id = client(&mut store);
    let concept = store.draft_pip(&id, Some(b1()), today()).unwrap();
    let refused = store.generate_pip_document(&concept.id, today());
    assert!(matches!(refused, Err(StoreError::Conflict(_))));
    store
        .adopt_pip(&concept.id, adopt(d(2026, 11, 2)), today())
        .unwrap();
    store
        .set_letterhead(
            "Lisse",
            super::LetterheadSettings {
                address: Some("Heereweg 254".into()),
                postcode_city: Some("2161 BM Lisse".into()),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .set_letterhead(
            "Hillegom",
            super::LetterheadSettings {
                department: Some("  ".into()),
                phone: Some(" 0252 00 00 00 ".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let hillegom = store.letterhead("Hillegom").unwrap();
    assert_eq!(
        (hillegom.department, hillegom.phone.as_deref()),
        (None, Some("0252 00 00 00"))
    );
    let doc = store.generate_pip_document(&concept.id, today()).unwrap();
    assert!(doc.pdf.starts_with(b"%PDF"));
    assert_eq!(doc.file_name, "Beschikking PIP Haddad v1.pdf");
    assert_eq!(store.pip_document_count(&concept.id).unwrap(), 1);
}

#[test]
fn a_move_makes_a_new_concept_with_the_same_route() {
    let (_dir, mut store) = store();
    let id = client(&mut store);
    let mut input = store.client(&id).unwrap().input;
    // Without an adopted PIP a move changes only the client.
    input.municipality = "Hillegom".into();
    store.update_client(&id, input.clone(), today()).unwrap();
    assert!(store.pip_versions(&id).unwrap().is_empty());
    let first = store.draft_pip(&id, Some(b1()), today()).unwrap();
    store
        .adopt_pip(&first.id, adopt(d(2026, 11, 2)), today())
        .unwrap();
    input.municipality = "Noordwijk".into();
    store.update_client(&id, input, today()).unwrap();
    let versions = store.pip_versions(&id).unwrap();
    assert_eq!(versions.len(), 2);
    let moved = &versions[1];
    assert_eq!(
        (moved.status, moved.content.kind),
        (PipStatus::Concept, VersionKind::Verhuizing)
    );
    assert_eq!(moved.content.leerroute, Some(Leerroute::B1));
    assert_eq!(
        moved.content.reason.as_deref(),
        Some("Verhuisd van Hillegom naar Noordwijk")
    );
    store.adopt_pip(&moved.id, adopt(today()), today()).unwrap();
    let t = store.termijn_view(&id, today()).unwrap().termijn.unwrap();
    assert_eq!(
        t.start,
        d(2026, 11, 3),
        "a new version never moves the start"
    );
}

#[test]
fn the_caseload_sorts_by_termijn_end_with_clients_without_one_last() {
    use super::{CaseloadQuery, CaseloadSort};
    let (_dir, mut store) = store();
    let mut ids = Vec::new();
    for (name, dagtekening) in [
        ("Ahmadi", Some(d(2026, 5, 1))),
        ("Bakri", None),
        ("Cohen", Some(d(2025, 5, 1))),
    ] {
        let id = store
            .create_client(
                crate::domain::ClientInput {
                    family_name: name.into(),
                    bsn: None,
                    ..amira()
                },
                today(),
            )
            .unwrap()
            .id;
        if let Some(date) = dagtekening {
            let v = store.draft_pip(&id, Some(b1()), today()).unwrap();
            store
                .adopt_pip(
                    &v.id,
                    AdoptInput {
                        dagtekening: date,
                        late_reason: Some("test".into()),
                    },
                    today(),
                )
                .unwrap();
        }
        ids.push(id);
    }
    let order = |descending| -> Vec<String> {
        let query = CaseloadQuery {
            sort: CaseloadSort::TermijnEnd,
            descending,
            ..CaseloadQuery::default()
        };
        store
            .caseload(&query)
            .unwrap()
            .into_iter()
            .map(|c| c.family_name)
            .collect()
    };
    assert_eq!(order(false), ["Cohen", "Ahmadi", "Bakri"]);
    assert_eq!(order(true), ["Ahmadi", "Cohen", "Bakri"]);
}

#[test]
fn only_saved_beschikkingen_count_as_documents_to_open() {
    use crate::app::SavedDocument;
    let (dir, mut store) = store();
    let id = client(&mut store);
    let v = store.draft_pip(&id, Some(b1()), today()).unwrap();
    store
        .adopt_pip(&v.id, adopt(d(2026, 11, 2)), today())
        .unwrap();
    let saved = SavedDocument::pip_beschikking(&mut store, &v.id, today()).unwrap();
    let path = std::path::PathBuf::from(&saved.path);
    assert!(path.starts_with(dir.path().join("documents")));
    assert!(SavedDocument::is_saved_by(&store, &path));
    let outside = dir.path().join("traject.db");
    assert!(!SavedDocument::is_saved_by(&store, &outside));
    let sneaky = dir.path().join("documents").join("..").join("traject.db");
    assert!(!SavedDocument::is_saved_by(&store, &sneaky));
    assert!(!SavedDocument::is_saved_by(
        &store,
        &dir.path().join("documents/nope.pdf")
    ));
}
