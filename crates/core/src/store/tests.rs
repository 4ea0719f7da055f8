//! Stories of the store: what a consultant does, and what must hold when things go wrong.

use super::test_support::{amira, store, today};
use super::{AuditAction, CaseloadQuery, CaseloadSort, StoreError};
use crate::domain::{
    ClientStatus, ClientType, ContactAttemptInput, ContactChannel, ContactOutcome, NoteInput,
};

fn count(store: &super::Store, table: &str) -> i64 {
    store
        .conn
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn create_writes_row_outbox_per_field_and_audit() {
    let (_dir, mut store) = store();
    let client = store.create_client(amira(), today()).unwrap();
    assert_eq!(count(&store, "clients"), 1);
    let ops = store.outbox().unwrap();
    let client_ops: Vec<_> = ops.iter().filter(|o| o.entity == "clients").collect();
    // Every non-empty field is one op: given/family name, birth date, gender, other languages
    // ([]), interpreter_needed, type, municipality, BRP date, BSN, status.
    let fields: Vec<&str> = client_ops.iter().map(|o| o.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "given_name",
            "family_name",
            "birth_date",
            "gender",
            "other_languages",
            "interpreter_needed",
            "client_type",
            "municipality",
            "brp_registration_date",
            "bsn",
            "status"
        ]
    );
    assert!(client_ops.iter().all(|o| o.row_id == client.id.to_string()));
    let audit = store.audit_trail(&client.id).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].action, AuditAction::Create);
    assert_eq!(audit[0].actor, "Sanne de Vries");
    let bsn = audit[0].changes.iter().find(|c| c.field == "bsn").unwrap();
    assert_eq!(
        bsn.new.as_deref(),
        Some("******782"),
        "the audit log never holds a full BSN"
    );
}

#[test]
fn edit_writes_only_changed_fields_with_old_and_new() {
    let (_dir, mut store) = store();
    let client = store.create_client(amira(), today()).unwrap();
    let before = store.pending_ops().unwrap();
    let mut input = client.input.clone();
    input.family_name = "Haddad-Yousef".into();
    input.status = ClientStatus::Intake;
    let updated = store.update_client(&client.id, input, today()).unwrap();
    assert_eq!(updated.input.family_name, "Haddad-Yousef");
    assert!(
        updated.updated_at >= client.updated_at,
        "{} < {}",
        updated.updated_at,
        client.updated_at
    );
    let ops = store.outbox().unwrap();
    let new_ops: Vec<(&str, &str)> = ops[before as usize..]
        .iter()
        .map(|o| (o.entity.as_str(), o.field.as_str()))
        .collect();
    assert_eq!(
        new_ops,
        [
            ("clients", "family_name"),
            ("clients", "status"),
            ("audit_log", "_row")
        ]
    );
    let audit = store.audit_trail(&client.id).unwrap();
    assert_eq!(audit[0].action, AuditAction::Update);
    let change = &audit[0].changes[0];
    assert_eq!(
        (change.old.as_deref(), change.new.as_deref()),
        (Some("Haddad"), Some("Haddad-Yousef"))
    );
}

#[test]
fn an_edit_that_changes_nothing_writes_nothing() {
    let (_dir, mut store) = store();
    let client = store.create_client(amira(), today()).unwrap();
    let ops = store.pending_ops().unwrap();
    store
        .update_client(&client.id, client.input.clone(), today())
        .unwrap();
    assert_eq!(store.pending_ops().unwrap(), ops);
}

#[test]
fn invalid_input_names_the_field_and_writes_nothing() {
    let (_dir, mut store) = store();
    let mut input = amira();
    input.bsn = Some("123456781".into());
    input.municipality = "Leiden".into();
    let err = store.create_client(input, today()).unwrap_err();
    let StoreError::Validation(errors) = err else {
        panic!("expected validation error")
    };
    let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["municipality", "bsn"]);
    assert_eq!(
        (
            count(&store, "clients"),
            count(&store, "outbox"),
            count(&store, "audit_log")
        ),
        (0, 0, 0)
    );
}

/// The row, its outbox ops and its audit entry are one transaction: when the audit insert fails
/// halfway through the write, neither the row nor any op remains.
#[test]
fn a_write_that_fails_midway_leaves_nothing_behind() {
    let (_dir, mut store) = store();
    let kept = store.create_client(amira(), today()).unwrap();
    let before = (
        count(&store, "clients"),
        count(&store, "outbox"),
        count(&store, "audit_log"),
    );
    store
        .conn
        .execute_batch(
            "CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON main.audit_log
             BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;",
        )
        .unwrap();

    let mut other = amira();
    other.given_name = "Nadia".into();
    assert!(store.create_client(other, today()).is_err());
    let mut edit = kept.input.clone();
    edit.family_name = "Changed".into();
    assert!(store.update_client(&kept.id, edit, today()).is_err());

    let after = (
        count(&store, "clients"),
        count(&store, "outbox"),
        count(&store, "audit_log"),
    );
    assert_eq!(after, before);
    assert_eq!(store.client(&kept.id).unwrap().input.family_name, "Haddad");
}

#[test]
fn a_failing_outbox_insert_also_rolls_back_the_row() {
    let (_dir, mut store) = store();
    store
        .conn
        .execute_batch(
            "CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON main.outbox
             WHEN new.field = 'bsn' BEGIN SELECT RAISE(ABORT, 'crash (simulated)'); END;",
        )
        .unwrap();
    assert!(store.create_client(amira(), today()).is_err());
    assert_eq!(
        (
            count(&store, "clients"),
            count(&store, "outbox"),
            count(&store, "audit_log")
        ),
        (0, 0, 0)
    );
}

#[test]
fn opening_a_dossier_is_audited_and_masks_the_bsn() {
    let (_dir, mut store) = store();
    let client = store.create_client(amira(), today()).unwrap();
    let dossier = store.open_dossier(&client.id, today()).unwrap();
    assert_eq!(dossier.bsn_masked.as_deref(), Some("******782"));
    assert_eq!(dossier.client.input.bsn, None);
    let trail = store.audit_trail(&client.id).unwrap();
    assert_eq!(trail[0].action, AuditAction::Read);
    assert_eq!(trail[0].actor, "Sanne de Vries");
    // The header's termijn and the signal banner come with it, as their own commands give them.
    assert_eq!(
        dossier.pip,
        store.pip_overview(&client.id, today()).unwrap()
    );
    assert_eq!(
        dossier.signals,
        store.client_signals(&client.id, today()).unwrap()
    );
    assert!(
        !dossier.signals.is_empty(),
        "a new client has its intake to plan"
    );
    let full = store.open_client(&client.id).unwrap();
    assert_eq!(full.input.bsn.as_deref(), Some("123456782"));
    assert_eq!(store.audit_trail(&client.id).unwrap().len(), 3);
}

#[test]
fn ledgers_append_and_refuse_edits() {
    let (_dir, mut store) = store();
    let client = store.create_client(amira(), today()).unwrap();
    let attempt = ContactAttemptInput {
        date: today(),
        channel: ContactChannel::Telefoon,
        outcome: ContactOutcome::NietBereikt,
        note: Some("  voicemail vol ".into()),
    };
    let saved = store
        .add_contact_attempt(&client.id, attempt, today())
        .unwrap();
    assert_eq!(saved.input.note.as_deref(), Some("voicemail vol"));
    store
        .add_note(
            &client.id,
            NoteInput {
                text: "Intake gepland met tolk Tigrinya".into(),
            },
        )
        .unwrap();
    let dossier = store.open_dossier(&client.id, today()).unwrap();
    assert_eq!(dossier.contact_attempts.len(), 1);
    assert_eq!(dossier.notes[0].author, "Sanne de Vries");
    let err = store
        .conn
        .execute("UPDATE notes SET text = 'x'", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"));
    let err = store
        .conn
        .execute("DELETE FROM contact_attempts", [])
        .unwrap_err();
    assert!(err.to_string().contains("append-only"));
    assert!(store.conn.execute("DELETE FROM audit_log", []).is_err());
}

#[test]
fn ledger_entries_for_unknown_clients_are_refused() {
    let (_dir, mut store) = store();
    let err = store
        .add_note(&uuid::Uuid::now_v7(), NoteInput { text: "x".into() })
        .unwrap_err();
    assert!(matches!(err, StoreError::ClientNotFound(_)));
}

#[test]
fn writes_before_setup_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = super::Store::open(&dir.path().join("t.db")).unwrap();
    assert!(matches!(
        store.create_client(amira(), today()),
        Err(StoreError::NotInitialised)
    ));
}

#[test]
fn search_finds_any_part_of_a_name_and_a_whole_bsn() {
    let (_dir, mut store) = store();
    store.create_client(amira(), today()).unwrap();
    let mut other = amira();
    other.given_name = "Jan".into();
    other.family_name = "Öztürk".into();
    other.bsn = Some("111222333".into());
    other.client_type = Some(ClientType::Gezinsmigrant);
    store.create_client(other, today()).unwrap();

    let names = |q: &str| -> Vec<String> {
        store
            .caseload(&CaseloadQuery::search(q))
            .unwrap()
            .into_iter()
            .map(|c| c.given_name)
            .collect()
    };
    assert_eq!(names("mira"), ["Amira"]);
    assert_eq!(names("HADD"), ["Amira"]);
    assert_eq!(names("oztur"), ["Jan"], "accents do not matter");
    assert_eq!(names("ja"), ["Jan"], "short words match too");
    assert_eq!(names("amira had"), ["Amira"]);
    assert_eq!(names("amira zzz"), Vec::<String>::new());
    assert_eq!(names("111222333"), ["Jan"]);
    assert_eq!(names("111 222 333"), ["Jan"]);
    assert_eq!(
        names("222"),
        Vec::<String>::new(),
        "part of a BSN finds nothing"
    );
    assert_eq!(names("\"a"), Vec::<String>::new(), "quotes are harmless");
}

#[test]
fn caseload_filters_and_sorts() {
    let (_dir, mut store) = store();
    for (given, family, municipality, status) in [
        ("Amira", "Haddad", "Lisse", ClientStatus::Intake),
        ("Yonas", "Tesfaye", "Hillegom", ClientStatus::Aangemeld),
        ("Lina", "Abbas", "Lisse", ClientStatus::Aangemeld),
    ] {
        let mut input = amira();
        input.given_name = given.into();
        input.family_name = family.into();
        input.municipality = municipality.into();
        input.status = status;
        input.bsn = None;
        store.create_client(input, today()).unwrap();
    }
    let run = |q: CaseloadQuery| -> Vec<String> {
        store
            .caseload(&q)
            .unwrap()
            .into_iter()
            .map(|c| c.family_name)
            .collect()
    };
    assert_eq!(
        run(CaseloadQuery::default()),
        ["Abbas", "Haddad", "Tesfaye"]
    );
    assert_eq!(
        run(CaseloadQuery {
            descending: true,
            ..Default::default()
        }),
        ["Tesfaye", "Haddad", "Abbas"]
    );
    assert_eq!(
        run(CaseloadQuery {
            municipality: Some("Lisse".into()),
            ..Default::default()
        }),
        ["Abbas", "Haddad"]
    );
    assert_eq!(
        run(CaseloadQuery {
            status: Some(ClientStatus::Aangemeld),
            sort: CaseloadSort::Municipality,
            ..Default::default()
        }),
        ["Tesfaye", "Abbas"]
    );
}

#[test]
fn external_ids_are_unique() {
    let (_dir, mut store) = store();
    let mut input = amira();
    input.external_id = Some("LIS-001".into());
    store.create_client(input.clone(), today()).unwrap();
    let err = store.create_client(input, today()).unwrap_err();
    assert!(err.to_string().contains("bestaat al"), "{err}");
}

/// Domain page §7: the BSN is shown masked unless asked for, and asking is audited.
#[test]
fn revealing_the_bsn_is_deliberate_and_audited() {
    let (_dir, mut store) = store();
    let client = store.create_client(amira(), today()).unwrap();
    let dossier = store.open_dossier(&client.id, today()).unwrap();
    assert_eq!(dossier.bsn_masked.as_deref(), Some("******782"));
    assert_eq!(
        dossier.client.input.bsn, None,
        "the dossier never carries the whole BSN"
    );
    let before = store.audit_trail(&client.id).unwrap().len();

    assert_eq!(
        store.reveal_bsn(&client.id).unwrap().as_deref(),
        Some("123456782")
    );
    let trail = store.audit_trail(&client.id).unwrap();
    assert_eq!(trail.len(), before + 1);
    let reveal = &trail[0];
    assert_eq!(
        (reveal.action, reveal.actor.as_str(), reveal.entity.as_str()),
        (AuditAction::Reveal, "Sanne de Vries", "clients")
    );
    assert_eq!(reveal.action.label(), "BSN bekeken");
    assert_eq!(
        reveal.changes[0].new.as_deref(),
        Some("******782"),
        "the audit log itself keeps the BSN masked"
    );
    let ops = store.outbox().unwrap();
    assert!(
        ops.iter()
            .any(|o| o.entity == "audit_log" && o.row_id == reveal.id.to_string()),
        "the reveal syncs like every audit entry"
    );
}

#[test]
fn revealing_without_a_bsn_shows_nothing_and_writes_nothing() {
    let (_dir, mut store) = store();
    let mut input = amira();
    input.bsn = None;
    let client = store.create_client(input, today()).unwrap();
    let before = store.audit_trail(&client.id).unwrap().len();
    assert_eq!(store.reveal_bsn(&client.id).unwrap(), None);
    assert_eq!(store.audit_trail(&client.id).unwrap().len(), before);
    let unknown = uuid::Uuid::nil();
    let error = store.reveal_bsn(&unknown).unwrap_err();
    assert!(matches!(error, StoreError::ClientNotFound(_)));
    assert_eq!(
        error.to_string(),
        "cliënt 00000000-0000-0000-0000-000000000000 bestaat niet"
    );
}

#[test]
fn search_ids_match_the_caseloads_search() {
    let (_dir, mut store) = store();
    let mut options = crate::generate::demo_options(&crate::generate::demo_identity(), today());
    options.clients = 200;
    crate::generate::into_store(&mut store, &options).unwrap();
    let some_bsn = store
        .caseload(&CaseloadQuery::default())
        .unwrap()
        .into_iter()
        .find_map(|c| store.client(&c.id).unwrap().input.bsn)
        .unwrap();
    for text in [
        "had",
        "a",
        "ze",
        "amira k",
        "  Mohammed  ",
        "zzz",
        some_bsn.as_str(),
    ] {
        let mut ids = store.search_ids(text).unwrap();
        ids.sort();
        let mut expected: Vec<_> = store
            .caseload(&CaseloadQuery::search(text))
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        expected.sort();
        assert_eq!(ids, expected, "{text:?}");
    }
    assert_eq!(store.search_ids(some_bsn.as_str()).unwrap().len(), 1);
    assert!(store.search_ids("   ").unwrap().is_empty());
}

#[test]
fn pending_ops_follow_the_outbox_as_ops_are_added_and_acknowledged() {
    let (_dir, mut store) = store();
    let count = |s: &super::Store| -> u64 {
        s.conn
            .query_row("SELECT count(*) FROM outbox", [], |r| r.get::<_, i64>(0))
            .unwrap()
            .unsigned_abs()
    };
    assert_eq!(store.pending_ops().unwrap(), count(&store));
    store.create_client(amira(), today()).unwrap();
    let after_create = store.pending_ops().unwrap();
    assert!(after_create > 10);
    assert_eq!(after_create, count(&store));
    store
        .conn
        .execute(
            "DELETE FROM outbox WHERE op_id IN (SELECT op_id FROM outbox ORDER BY hlc LIMIT 5)",
            [],
        )
        .unwrap();
    assert_eq!(store.pending_ops().unwrap(), after_create - 5);
    assert_eq!(store.pending_ops().unwrap(), count(&store));
}

#[test]
fn vacuum_gives_the_free_pages_back_and_keeps_every_row() {
    let (_dir, store) = store();
    let mut store = store;
    let mut options = crate::generate::demo_options(&crate::generate::demo_identity(), today());
    options.clients = 60;
    crate::generate::into_store(&mut store, &options).unwrap();
    // The server acknowledged every op: the outbox's pages are free now.
    store.conn.execute("DELETE FROM outbox", []).unwrap();
    let (before, after) = store.vacuum().unwrap();
    assert!(after * 10 < before * 7, "{before} → {after}");
    assert_eq!(store.client_count().unwrap(), 60);
    assert_eq!(store.pending_ops().unwrap(), 0);
    let (again, same) = store.vacuum().unwrap();
    assert_eq!((again, same), (after, after));
}

#[test]
fn a_bulk_write_has_the_larger_page_cache_and_gives_it_back_also_when_it_fails() {
    let (_dir, mut store) = store();
    let cache = |s: &super::Store| -> i64 {
        s.conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(cache(&store), -super::PAGE_CACHE_KIB);
    let inside = store.in_bulk(|s| Ok::<_, StoreError>(cache(s))).unwrap();
    assert_eq!(inside, -super::BULK_PAGE_CACHE_KIB);
    assert_eq!(cache(&store), -super::PAGE_CACHE_KIB);

    let failed =
        store.in_bulk(|_| -> super::Result<()> { Err(StoreError::NotFound("het bestand".into())) });
    assert!(matches!(failed, Err(StoreError::NotFound(_))));
    assert_eq!(cache(&store), -super::PAGE_CACHE_KIB);
}
