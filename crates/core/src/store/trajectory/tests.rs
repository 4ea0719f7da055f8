//! Stories of the trajectory records in the store: audit, outbox, the rules that need the
//! database (one closing, one theme, a warning before a fine) and what a record does besides
//! itself (hours, the client's status).

use chrono::NaiveDate;
use uuid::Uuid;

use super::super::test_support::{amira, store, today};
use super::super::{Store, StoreError};
use crate::domain::trajectory::*;
use crate::domain::{ClientStatus, ClientType, HourCategory, Quarters};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn with_client(client_type: ClientType) -> (tempfile::TempDir, Store, Uuid) {
    let (dir, mut store) = store();
    let mut input = amira();
    input.client_type = Some(client_type);
    let id = store.create_client(input, today()).unwrap().id;
    (dir, store, id)
}

fn conversation() -> ProgressConversation {
    ProgressConversation {
        date: d(2026, 11, 2),
        attendees: Some("  Partner ".into()),
        interpreter: Some("".into()),
        notes: Some("Gaat goed met de les".into()),
        agreements: None,
        next_date: Some(d(2027, 2, 1)),
    }
}

fn fields(err: StoreError) -> Vec<String> {
    match err {
        StoreError::Validation(e) => {
            e.0.iter()
                .map(|f| format!("{}:{}", f.field, f.rule))
                .collect()
        }
        other => panic!("expected a validation error, got {other}"),
    }
}

#[test]
fn a_conversation_is_stored_trimmed_audited_and_changed_field_by_field() {
    let (_dir, mut store, client) = with_client(ClientType::Statushouder);
    let id = store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Conversation(conversation()),
            today(),
        )
        .unwrap();
    let view = store.trajectory(&client, today()).unwrap();
    let stored = &view.conversations[0];
    assert_eq!(stored.id, id);
    assert_eq!(stored.record.attendees.as_deref(), Some("Partner"));
    assert_eq!(stored.record.interpreter, None, "blank text is absent");
    assert_eq!(stored.recorded_by, "Sanne de Vries");
    assert_eq!(stored.updated_by, None);
    let ops_before = store.outbox().unwrap().len();

    let changed = ProgressConversation {
        agreements: Some("Stage zoeken".into()),
        ..stored.record.clone()
    };
    store
        .update_trajectory_record(&id, TrajectoryInput::Conversation(changed), today())
        .unwrap();
    let view = store.trajectory(&client, today()).unwrap();
    assert_eq!(
        view.conversations[0].record.agreements.as_deref(),
        Some("Stage zoeken")
    );
    assert_eq!(
        view.conversations[0].updated_by.as_deref(),
        Some("Sanne de Vries")
    );
    let ops = store.outbox().unwrap();
    let new_ops: Vec<_> = ops[ops_before..]
        .iter()
        .filter(|o| o.entity == "progress_conversations")
        .collect();
    assert_eq!(new_ops.len(), 1, "one op for the one changed field");
    assert_eq!(new_ops[0].field, "agreements");
    let audit = store.audit_trail(&client).unwrap();
    let update = audit
        .iter()
        .find(|a| a.entity == "progress_conversations" && a.changes[0].field == "agreements")
        .expect("the update is audited");
    assert_eq!(update.changes[0].old, None);
    assert_eq!(update.changes[0].new.as_deref(), Some("Stage zoeken"));
    assert!(audit
        .iter()
        .any(|a| a.entity == "progress_conversations"
            && a.changes.iter().any(|c| c.field == "notes")));

    // Saving the same again changes nothing.
    let ops_now = store.outbox().unwrap().len();
    let same = store.trajectory(&client, today()).unwrap().conversations[0]
        .record
        .clone();
    store
        .update_trajectory_record(&id, TrajectoryInput::Conversation(same), today())
        .unwrap();
    assert_eq!(store.outbox().unwrap().len(), ops_now);
}

#[test]
fn bad_records_name_their_field_and_write_nothing() {
    let (_dir, mut store, client) = with_client(ClientType::Statushouder);
    let ops = store.outbox().unwrap().len();
    let err = store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Conversation(ProgressConversation {
                next_date: Some(d(2026, 11, 2)),
                ..conversation()
            }),
            today(),
        )
        .unwrap_err();
    assert_eq!(fields(err), ["next_date:after_conversation"]);
    let err = store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Work(WorkPeriod {
                kind: WorkKind::BetaaldWerk,
                employer: "   ".into(),
                start: d(2026, 9, 1),
                end: None,
                quarters_per_week: Quarters::hours(16),
                note: Some(" ".into()),
            }),
            today(),
        )
        .unwrap_err();
    assert_eq!(fields(err), ["employer:required"]);
    assert_eq!(store.outbox().unwrap().len(), ops);
    assert!(store.trajectory(&client, today()).unwrap().work.is_empty());
    assert!(matches!(
        store.add_trajectory_record(
            &Uuid::now_v7(),
            TrajectoryInput::Conversation(conversation()),
            today()
        ),
        Err(StoreError::ClientNotFound(_))
    ));
}

#[test]
fn a_pvt_meeting_books_its_hours_and_stays_as_it_is() {
    let (_dir, mut store, client) = with_client(ClientType::Gezinsmigrant);
    let meeting = PvtMeeting {
        date: d(2026, 11, 3),
        quarters: Quarters(12),
        topic: Some(CoreValue::Solidariteit),
        note: None,
    };
    let id = store
        .add_trajectory_record(
            &client,
            TrajectoryInput::PvtMeeting(meeting.clone()),
            today(),
        )
        .unwrap();
    let entries = store.hour_entries(&client).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].input.category, HourCategory::Pvt);
    assert_eq!(entries[0].input.quarters, Quarters(12));
    let view = store.trajectory(&client, today()).unwrap();
    assert_eq!(view.pvt_quarters, Quarters(12));
    assert_eq!(view.pvt_meetings[0].record, meeting);
    assert!(matches!(
        store.update_trajectory_record(&id, TrajectoryInput::PvtMeeting(meeting), today()),
        Err(StoreError::Conflict(_))
    ));
    assert!(store
        .conn
        .execute("UPDATE pvt_meetings SET quarters = 4", [])
        .is_err());

    let signed = PvtStatement {
        signed_on: d(2026, 11, 20),
        note: None,
    };
    store
        .add_trajectory_record(
            &client,
            TrajectoryInput::PvtStatement(signed.clone()),
            today(),
        )
        .unwrap();
    assert!(matches!(
        store.add_trajectory_record(&client, TrajectoryInput::PvtStatement(signed), today()),
        Err(StoreError::Conflict(_))
    ));
    assert_eq!(
        store
            .trajectory(&client, today())
            .unwrap()
            .pvt_statement
            .unwrap()
            .record
            .signed_on,
        d(2026, 11, 20)
    );
}

#[test]
fn a_map_theme_is_done_once() {
    let (_dir, mut store, client) = with_client(ClientType::Statushouder);
    let theme = |date| {
        TrajectoryInput::MapTheme(MapThemeDone {
            theme: MapTheme::NetwerkOpbouwen,
            date,
            note: None,
        })
    };
    store
        .add_trajectory_record(&client, theme(d(2026, 10, 1)), today())
        .unwrap();
    let err = store
        .add_trajectory_record(&client, theme(d(2026, 11, 1)), today())
        .unwrap_err();
    assert!(err.to_string().contains("2026-10-01"), "{err}");
    store
        .add_trajectory_record(
            &client,
            TrajectoryInput::MapTheme(MapThemeDone {
                theme: MapTheme::WerkVinden,
                date: d(2026, 10, 2),
                note: None,
            }),
            today(),
        )
        .unwrap();
    assert_eq!(
        store.trajectory(&client, today()).unwrap().map_themes.len(),
        2
    );
}

fn rule() -> FineRule {
    FineRule {
        code: "art-5".into(),
        description: "Afspraken uit het PIP niet nakomen".into(),
        trigger: None,
        max_cents: 80_000,
    }
}

fn case(trigger: EnforcementTrigger) -> EnforcementCase {
    EnforcementCase {
        trigger,
        opened_on: d(2026, 10, 1),
        investigation: Some("Drie lessen gemist zonder bericht".into()),
        decision: None,
        decided_on: None,
        culpability: None,
        fine_rule: None,
        fine_cents: None,
        note: None,
    }
}

fn fined(case: EnforcementCase, cents: i64) -> EnforcementCase {
    EnforcementCase {
        decision: Some(EnforcementDecision::Boete),
        decided_on: Some(d(2026, 11, 20)),
        culpability: Some(Culpability::GroveNalatigheid),
        fine_rule: Some("art-5".into()),
        fine_cents: Some(cents),
        ..case
    }
}

#[test]
fn a_fine_needs_a_warning_first_and_stays_within_the_regulation() {
    let (_dir, mut store, client) = with_client(ClientType::Statushouder);
    store.save_fine_rule(rule()).unwrap();
    let open = case(EnforcementTrigger::Verzuim);
    let case_id = store
        .add_trajectory_record(&client, TrajectoryInput::Enforcement(open.clone()), today())
        .unwrap();
    let fine = |cents| TrajectoryInput::Enforcement(fined(open.clone(), cents));
    let err = store
        .update_trajectory_record(&case_id, fine(50_000), today())
        .unwrap_err();
    assert_eq!(fields(err), ["decision:warning_first"]);

    store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Warning(Warning {
                case_id,
                date: d(2026, 10, 15),
                letter_sent: true,
                note: None,
            }),
            today(),
        )
        .unwrap();
    let err = store
        .update_trajectory_record(&case_id, fine(80_001), today())
        .unwrap_err();
    assert_eq!(fields(err), ["fine_cents:above_regulation"]);
    store
        .update_trajectory_record(&case_id, fine(80_000), today())
        .unwrap();
    let view = store.trajectory(&client, today()).unwrap();
    let shown = &view.enforcement[0];
    assert_eq!(shown.case.record.fine_cents, Some(80_000));
    assert!(shown.warnings[0].record.letter_sent);
    assert_eq!(view.fine_rules, [rule()]);

    // The regulation is data: lowering the maximum applies to the next decision.
    store
        .save_fine_rule(FineRule {
            max_cents: 25_000,
            ..rule()
        })
        .unwrap();
    assert_eq!(store.fine_rules().unwrap()[0].max_cents, 25_000);
    let err = store
        .save_fine_rule(FineRule {
            code: " ".into(),
            max_cents: 0,
            ..rule()
        })
        .unwrap_err();
    assert_eq!(fields(err), ["code:required", "max_cents:positive"]);
}

#[test]
fn class_absence_is_fineable_for_statushouders_only() {
    let (_dir, mut store, client) = with_client(ClientType::Gezinsmigrant);
    store.save_fine_rule(rule()).unwrap();
    let case_id = store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Enforcement(case(EnforcementTrigger::Verzuim)),
            today(),
        )
        .unwrap();
    store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Warning(Warning {
                case_id,
                date: d(2026, 10, 15),
                letter_sent: false,
                note: None,
            }),
            today(),
        )
        .unwrap();
    let err = store
        .update_trajectory_record(
            &case_id,
            TrajectoryInput::Enforcement(fined(case(EnforcementTrigger::Verzuim), 10_000)),
            today(),
        )
        .unwrap_err();
    assert_eq!(
        fields(err),
        ["decision:fine_for_absence_statushouders_only"]
    );
    // A warning belongs to a case of the same client.
    let other = store.create_client(amira(), today()).unwrap().id;
    let err = store
        .add_trajectory_record(
            &other,
            TrajectoryInput::Warning(Warning {
                case_id,
                date: d(2026, 10, 15),
                letter_sent: false,
                note: None,
            }),
            today(),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::NotFound(_)), "{err}");
}

#[test]
fn support_records_show_their_computed_ends_and_warnings() {
    let (_dir, mut store, client) = with_client(ClientType::Statushouder);
    store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Ontzorgen(Ontzorgen {
                start: d(2026, 9, 1),
                months: ONTZORGEN_MONTHS,
                extended_until: None,
                huur_from: Some(d(2026, 9, 1)),
                zorgverzekering_from: Some(d(2026, 10, 1)),
                energie_from: None,
                water_from: None,
                rent_collected_by_corporation: true,
                budget_coach: Some("Schuldhulpmaatje".into()),
                note: None,
            }),
            today(),
        )
        .unwrap();
    store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Begeleiding(Begeleiding {
                organisation: "VluchtelingenWerk Nederland".into(),
                contact_person: None,
                start: d(2026, 8, 15),
                end: None,
                walk_in_until: None,
                note: None,
            }),
            today(),
        )
        .unwrap();
    let view = store.trajectory(&client, today()).unwrap();
    let o = &view.ontzorgen[0];
    assert_eq!(o.end, d(2027, 2, 28));
    assert!(
        o.stored.record.rent_collected_by_corporation,
        "read back as a boolean"
    );
    assert_eq!(o.warnings.len(), 1);
    assert_eq!(view.begeleidingen[0].end, d(2028, 8, 15));
    assert_eq!(view.begeleidingen[0].walk_in_until, d(2029, 8, 15));
}

#[test]
fn a_referral_gets_its_outcome_later() {
    let (_dir, mut store, client) = with_client(ClientType::Statushouder);
    let referral = Referral {
        target: ReferralTarget::ParticipatiewetConsulent,
        target_other: None,
        date: d(2026, 10, 5),
        reason: "A1 bereikt".into(),
        outcome: None,
        outcome_date: None,
    };
    let id = store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Referral(referral.clone()),
            today(),
        )
        .unwrap();
    store
        .update_trajectory_record(
            &id,
            TrajectoryInput::Referral(Referral {
                outcome: Some("Aangemeld bij het werkbedrijf".into()),
                outcome_date: Some(d(2026, 11, 10)),
                ..referral
            }),
            today(),
        )
        .unwrap();
    let view = store.trajectory(&client, today()).unwrap();
    assert_eq!(view.referrals[0].record.outcome_date, Some(d(2026, 11, 10)));
}

#[test]
fn work_weeks_are_booked_into_the_ledger_once() {
    let (_dir, mut store, client) = with_client(ClientType::Statushouder);
    let id = store
        .add_trajectory_record(
            &client,
            TrajectoryInput::Work(WorkPeriod {
                kind: WorkKind::BetaaldWerk,
                employer: "Bakkerij Van Dam".into(),
                start: d(2026, 11, 2),
                end: None,
                quarters_per_week: Quarters::hours(16),
                note: None,
            }),
            today(),
        )
        .unwrap();
    assert_eq!(
        store.trajectory(&client, today()).unwrap().work[0]
            .to_book
            .len(),
        4
    );
    let booked = store.book_work_hours(&id, today(), today()).unwrap();
    assert_eq!(booked.len(), 4);
    assert!(
        booked
            .iter()
            .all(|e| e.input.category == HourCategory::Werk
                && e.input.quarters == Quarters::hours(16))
    );
    assert!(store
        .book_work_hours(&id, today(), today())
        .unwrap()
        .is_empty());
    let view = store.trajectory(&client, today()).unwrap();
    assert_eq!(view.work[0].booked_until, Some(d(2026, 11, 29)));
    assert!(view.work[0].to_book.is_empty());
    assert_eq!(store.hour_entries(&client).unwrap().len(), 4);
    // Editing the period keeps what was booked.
    let mut record = view.work[0].stored.record.clone();
    record.note = Some("Vast contract".into());
    store
        .update_trajectory_record(&id, TrajectoryInput::Work(record), today())
        .unwrap();
    assert_eq!(
        store.trajectory(&client, today()).unwrap().work[0].booked_until,
        Some(d(2026, 11, 29))
    );
}

#[test]
fn closing_sets_the_status_and_the_retention_end() {
    let (_dir, mut store, client) = with_client(ClientType::Gezinsmigrant);
    store.set_retention_years(7).unwrap();
    assert!(store.set_retention_years(0).is_err());
    let closing = Closing {
        reason: ClosingReason::Diploma,
        date: d(2026, 11, 20),
        note: None,
    };
    let id = store
        .add_trajectory_record(&client, TrajectoryInput::Closing(closing.clone()), today())
        .unwrap();
    assert_eq!(
        store.client(&client).unwrap().input.status,
        ClientStatus::Afgerond
    );
    let view = store.trajectory(&client, today()).unwrap();
    assert_eq!(view.closing.unwrap().retention_end, d(2033, 11, 20));
    assert!(matches!(
        store.add_trajectory_record(&client, TrajectoryInput::Closing(closing.clone()), today()),
        Err(StoreError::Conflict(_))
    ));
    store
        .update_trajectory_record(
            &id,
            TrajectoryInput::Closing(Closing {
                reason: ClosingReason::Verhuisd,
                ..closing
            }),
            today(),
        )
        .unwrap();
    assert_eq!(
        store.client(&client).unwrap().input.status,
        ClientStatus::Verhuisd
    );
    let audit = store.audit_trail(&client).unwrap();
    assert!(audit
        .iter()
        .any(|a| a.entity == "clients" && a.changes.iter().any(|c| c.field == "status")));
}
