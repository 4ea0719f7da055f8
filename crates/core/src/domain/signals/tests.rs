//! A table per rule: the day before, on and after each threshold, a leap day, missing data and
//! a client to whom the rule does not apply. Plus a property test: no panic on any record.

use chrono::NaiveDate;
use proptest::prelude::*;
use uuid::Uuid;

use super::*;
use crate::domain::client::{ClientStatus, ClientType};
use crate::domain::hours::{HourCategory, HourEntry, HourEntryInput, HourSource, Quarters};
use crate::domain::level::CefrLevel;
use crate::domain::pip::{MapExemption, VersionKind};
use crate::domain::route::Leerroute;
use crate::domain::termijn::ExemptionKind;
use crate::domain::{ContactOutcome, ExamPart};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn client(client_type: ClientType) -> ClientFacts {
    ClientFacts {
        birth_date: Some(d(1990, 5, 17)),
        ..ClientFacts::new(Some(client_type), Some(d(2026, 9, 1)))
    }
}

fn pip(dagtekening: NaiveDate, route: Leerroute) -> AdoptedPip {
    AdoptedPip {
        dagtekening: Some(dagtekening),
        kind: VersionKind::Eerste,
        leerroute: Some(route),
        map_exemption: MapExemption::Geen,
        waiting_list_date: None,
        course_start_date: Some(dagtekening),
    }
}

fn with_pip(client_type: ClientType, dagtekening: NaiveDate, route: Leerroute) -> ClientFacts {
    ClientFacts {
        intake_completed: true,
        status: ClientStatus::InTraject,
        pips: vec![pip(dagtekening, route)],
        ..client(client_type)
    }
}

fn hours(date: NaiveDate, quarters: i64, category: HourCategory) -> HourEntry {
    HourEntry {
        id: Uuid::now_v7(),
        client_id: Uuid::nil(),
        input: HourEntryInput {
            date,
            quarters: Quarters(quarters),
            category,
            source: HourSource::Consultant,
            provider: None,
            note: None,
        },
        reverses: None,
        reason: None,
        report_id: None,
        recorded_by: "test".into(),
        recorded_at: chrono::Utc::now(),
    }
}

/// The severities of `kind` on `today` (empty: the rule is silent).
fn of(kind: SignalKind, facts: &ClientFacts, today: NaiveDate) -> Vec<Severity> {
    evaluate(facts, &SignalSettings::default(), today)
        .into_iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.severity)
        .collect()
}

fn message(kind: SignalKind, facts: &ClientFacts, today: NaiveDate) -> String {
    evaluate(facts, &SignalSettings::default(), today)
        .into_iter()
        .find(|s| s.kind == kind)
        .map(|s| s.message)
        .unwrap_or_default()
}

use Severity::{Error, Info, Overdue, Warning};

fn check(kind: SignalKind, cases: &[(&str, ClientFacts, NaiveDate, &[Severity])]) {
    for (name, facts, today, expected) in cases {
        assert_eq!(
            of(kind, facts, *today),
            *expected,
            "{kind:?}: {name} on {today}"
        );
    }
}

#[test]
fn intake_and_pip_due() {
    // Registered 1 September 2026: 10 weeks end on 10 November.
    let new = client(ClientType::Statushouder);
    let intake_done = ClientFacts {
        intake_completed: true,
        ..new.clone()
    };
    let paused = ClientFacts {
        pause_days: 10,
        ..new.clone()
    };
    let minor = ClientFacts {
        birth_date: Some(d(2010, 1, 1)),
        ..new.clone()
    };
    let no_brp = ClientFacts {
        brp_registration_date: None,
        ..new.clone()
    };
    // Across a leap day: registered 22 December 2027, deadline 1 March 2028.
    let leap = ClientFacts {
        brp_registration_date: Some(d(2027, 12, 22)),
        ..new.clone()
    };
    let adopted = with_pip(ClientType::Statushouder, d(2026, 10, 1), Leerroute::B1);
    check(
        SignalKind::IntakeDue,
        &[
            ("15 days left", new.clone(), d(2026, 10, 26), &[]),
            ("14 days left", new.clone(), d(2026, 10, 27), &[Warning]),
            ("the deadline", new.clone(), d(2026, 11, 10), &[Warning]),
            ("the day after", new.clone(), d(2026, 11, 11), &[Overdue]),
            (
                "a pause moves it",
                paused.clone(),
                d(2026, 11, 20),
                &[Warning],
            ),
            ("a pause moves it", paused, d(2026, 11, 21), &[Overdue]),
            (
                "intake done: the PIP is due",
                intake_done.clone(),
                d(2026, 11, 11),
                &[],
            ),
            ("a minor is not obliged", minor, d(2026, 11, 11), &[]),
            ("no BRP date", no_brp.clone(), d(2026, 11, 11), &[]),
            ("an adopted PIP", adopted, d(2026, 11, 11), &[]),
            ("leap: 15 days before", leap.clone(), d(2028, 2, 15), &[]),
            (
                "leap: 14 days before",
                leap.clone(),
                d(2028, 2, 16),
                &[Warning],
            ),
            ("leap: on the day", leap.clone(), d(2028, 3, 1), &[Warning]),
            ("leap: after", leap, d(2028, 3, 2), &[Overdue]),
        ],
    );
    check(
        SignalKind::PipDue,
        &[
            (
                "intake done, 14 days",
                intake_done.clone(),
                d(2026, 10, 27),
                &[Warning],
            ),
            (
                "intake done, passed",
                intake_done.clone(),
                d(2026, 11, 11),
                &[Overdue],
            ),
            (
                "intake not done",
                client(ClientType::Gezinsmigrant),
                d(2026, 11, 11),
                &[],
            ),
        ],
    );
    assert!(message(SignalKind::IntakeDue, &new, d(2026, 11, 1)).contains("nog 9 dagen"));
    assert!(message(SignalKind::IntakeDue, &new, d(2026, 11, 10)).contains("uiterlijk vandaag"));
    assert!(message(SignalKind::PipDue, &intake_done, d(2026, 11, 13)).contains("3 dagen geleden"));
    assert_eq!(
        of(SignalKind::DataQuality, &no_brp, d(2026, 11, 11)),
        [Warning],
        "no BRP date is a data-quality signal, not a crash"
    );
}

fn complete(mut facts: ClientFacts) -> ClientFacts {
    facts.pvt_signed = Some(d(2025, 3, 1));
    facts.map_completed = true;
    facts.passed_exams = vec![
        ExamPart::Lezen,
        ExamPart::Luisteren,
        ExamPart::Spreken,
        ExamPart::Schrijven,
        ExamPart::Knm,
    ];
    facts
}

#[test]
fn termijn_ending_and_passed() {
    // Dagtekening 15 January 2024: the termijn runs 16 January 2024 – 16 January 2027.
    let b1 = with_pip(ClientType::Statushouder, d(2024, 1, 15), Leerroute::B1);
    let extended = ClientFacts {
        latest_extension_end: Some(d(2027, 6, 1)),
        ..b1.clone()
    };
    let exempt = ClientFacts {
        exemption: Some(ExemptionKind::Volledig),
        ..b1.clone()
    };
    let partly = ClientFacts {
        exemption: Some(ExemptionKind::Gedeeltelijk),
        ..b1.clone()
    };
    // Leap: dagtekening 28 February 2024, start 29 February, end 28 February 2027.
    let leap = with_pip(ClientType::Gezinsmigrant, d(2024, 2, 28), Leerroute::B1);
    check(
        SignalKind::TermijnEnding,
        &[
            ("the day before 6 months", b1.clone(), d(2026, 7, 15), &[]),
            ("6 months before", b1.clone(), d(2026, 7, 16), &[Warning]),
            ("the last day", b1.clone(), d(2027, 1, 16), &[Warning]),
            ("the day after", b1.clone(), d(2027, 1, 17), &[]),
            ("extended", extended.clone(), d(2027, 1, 17), &[Warning]),
            ("complete", complete(b1.clone()), d(2026, 12, 1), &[]),
            ("full ontheffing", exempt.clone(), d(2026, 12, 1), &[]),
            ("partial ontheffing", partly, d(2026, 12, 1), &[Warning]),
            (
                "no PIP yet",
                client(ClientType::Statushouder),
                d(2026, 12, 1),
                &[],
            ),
            (
                "leap: 6 months before",
                leap.clone(),
                d(2026, 8, 28),
                &[Warning],
            ),
            ("leap: the day before", leap.clone(), d(2026, 8, 27), &[]),
        ],
    );
    check(
        SignalKind::TermijnPassed,
        &[
            ("the last day", b1.clone(), d(2027, 1, 16), &[]),
            ("the day after", b1.clone(), d(2027, 1, 17), &[Overdue]),
            ("extended", extended, d(2027, 1, 17), &[]),
            ("complete", complete(b1.clone()), d(2027, 2, 1), &[]),
            ("full ontheffing", exempt, d(2027, 2, 1), &[]),
            ("leap: the end", leap.clone(), d(2027, 2, 28), &[]),
            ("leap: after", leap, d(2027, 3, 1), &[Overdue]),
        ],
    );
    let text = message(SignalKind::TermijnEnding, &b1, d(2026, 12, 1));
    assert!(text.contains("over 46 dagen (16-01-2027)"), "{text}");
    assert!(text.contains("participatieverklaring"), "{text}");
    assert!(text.contains("MAP (praktijk 0 van 40 uur)"), "{text}");
}

#[test]
fn progress_conversations_in_the_first_year() {
    // Dagtekening 31 December 2025: the first year runs to 1 January 2027.
    let base = with_pip(ClientType::Statushouder, d(2025, 12, 31), Leerroute::B1);
    let one = ClientFacts {
        conversations: vec![d(2026, 3, 1)],
        ..base.clone()
    };
    let two = ClientFacts {
        conversations: vec![d(2026, 3, 1), d(2026, 9, 1)],
        ..base.clone()
    };
    let second_after_the_year = ClientFacts {
        conversations: vec![d(2026, 3, 1), d(2027, 1, 1)],
        ..base.clone()
    };
    check(
        SignalKind::ProgressConversations,
        &[
            ("61 days left", one.clone(), d(2026, 11, 1), &[]),
            ("60 days left", one.clone(), d(2026, 11, 2), &[Warning]),
            ("1 day left", one.clone(), d(2026, 12, 31), &[Warning]),
            ("the year is over", one.clone(), d(2027, 1, 1), &[]),
            ("two held", two, d(2026, 12, 1), &[]),
            (
                "after the year does not count",
                second_after_the_year,
                d(2026, 12, 31),
                &[Warning],
            ),
            (
                "no PIP",
                client(ClientType::Statushouder),
                d(2026, 12, 1),
                &[],
            ),
        ],
    );
    assert!(
        message(SignalKind::ProgressConversations, &one, d(2026, 12, 1)).starts_with("1 van de 2")
    );
}

#[test]
fn no_conversation_for_six_months() {
    let base = with_pip(ClientType::Gezinsmigrant, d(2026, 3, 14), Leerroute::B1);
    let talked = ClientFacts {
        conversations: vec![d(2026, 5, 29), d(2026, 1, 1)],
        ..base.clone()
    };
    // Leap: last conversation 31 August 2027 + 6 months = 29 February 2028.
    let leap = ClientFacts {
        conversations: vec![d(2027, 8, 31)],
        ..with_pip(ClientType::Gezinsmigrant, d(2027, 1, 10), Leerroute::B1)
    };
    check(
        SignalKind::NoConversation,
        &[
            ("exactly 6 months", talked.clone(), d(2026, 11, 29), &[]),
            ("the day after", talked.clone(), d(2026, 11, 30), &[Warning]),
            (
                "none since the PIP: on the day",
                base.clone(),
                d(2026, 9, 14),
                &[],
            ),
            (
                "none since the PIP: after",
                base.clone(),
                d(2026, 9, 15),
                &[Warning],
            ),
            (
                "no PIP",
                client(ClientType::Gezinsmigrant),
                d(2027, 9, 1),
                &[],
            ),
            ("leap: 29 February", leap.clone(), d(2028, 2, 29), &[]),
            ("leap: 1 March", leap, d(2028, 3, 1), &[Warning]),
        ],
    );
}

#[test]
fn unexcused_absences_within_30_days() {
    let with = |client_type, absences: &[(NaiveDate, bool)]| ClientFacts {
        absences: absences.to_vec(),
        ..client(client_type)
    };
    let sh = ClientType::Statushouder;
    check(
        SignalKind::Absence,
        &[
            (
                "29 days apart",
                with(sh, &[(d(2026, 11, 1), false), (d(2026, 11, 30), false)]),
                d(2026, 11, 30),
                &[Warning],
            ),
            (
                "30 days apart",
                with(sh, &[(d(2026, 11, 1), false), (d(2026, 12, 1), false)]),
                d(2026, 12, 1),
                &[],
            ),
            (
                "one excused",
                with(sh, &[(d(2026, 11, 1), true), (d(2026, 11, 20), false)]),
                d(2026, 11, 20),
                &[],
            ),
            (
                "only one",
                with(sh, &[(d(2026, 11, 1), false)]),
                d(2026, 11, 20),
                &[],
            ),
            (
                "30 days after the last",
                with(sh, &[(d(2026, 10, 1), false), (d(2026, 10, 10), false)]),
                d(2026, 11, 9),
                &[Warning],
            ),
            (
                "31 days after the last",
                with(sh, &[(d(2026, 10, 1), false), (d(2026, 10, 10), false)]),
                d(2026, 11, 10),
                &[],
            ),
            (
                "leap: 29 days apart",
                with(sh, &[(d(2028, 2, 1), false), (d(2028, 3, 1), false)]),
                d(2028, 3, 1),
                &[Warning],
            ),
            (
                "a gezinsmigrant too",
                with(
                    ClientType::Gezinsmigrant,
                    &[(d(2026, 11, 1), false), (d(2026, 11, 2), false)],
                ),
                d(2026, 11, 2),
                &[Warning],
            ),
        ],
    );
    let pair = [(d(2026, 11, 1), false), (d(2026, 11, 2), false)];
    assert!(message(SignalKind::Absence, &with(sh, &pair), d(2026, 11, 2)).contains("handhaving"));
    assert!(!message(
        SignalKind::Absence,
        &with(ClientType::Gezinsmigrant, &pair),
        d(2026, 11, 2)
    )
    .contains("handhaving"));
}

#[test]
fn provider_report_overdue() {
    let mut base = with_pip(ClientType::Statushouder, d(2026, 1, 4), Leerroute::B1);
    base.pips[0].course_start_date = Some(d(2026, 1, 5));
    let reported = |stagnating| ClientFacts {
        reports: vec![
            ReportFact {
                period_end: d(2026, 5, 31),
                stagnating: false,
                highest: Some(CefrLevel::A1),
            },
            ReportFact {
                period_end: d(2026, 8, 31),
                stagnating,
                highest: Some(CefrLevel::A1),
            },
        ],
        ..base.clone()
    };
    let gezinsmigrant = ClientFacts {
        client_type: Some(ClientType::Gezinsmigrant),
        ..reported(false)
    };
    let mut not_started = base.clone();
    not_started.pips[0].course_start_date = Some(d(2027, 1, 1));
    check(
        SignalKind::ProviderReportOverdue,
        &[
            ("3 months after", reported(false), d(2026, 11, 30), &[]),
            ("the day after", reported(false), d(2026, 12, 1), &[Warning]),
            ("stagnating: 1 month", reported(true), d(2026, 9, 30), &[]),
            (
                "stagnating: after",
                reported(true),
                d(2026, 10, 1),
                &[Warning],
            ),
            (
                "no report since the start",
                base.clone(),
                d(2026, 4, 6),
                &[Warning],
            ),
            ("no report: on the day", base, d(2026, 4, 5), &[]),
            ("course not started", not_started, d(2026, 11, 30), &[]),
            ("gezinsmigrant", gezinsmigrant, d(2026, 12, 1), &[]),
        ],
    );
}

#[test]
fn no_contact_after_three_failed_attempts() {
    let with = |contacts: &[(NaiveDate, ContactOutcome)]| ClientFacts {
        contacts: contacts.to_vec(),
        ..client(ClientType::Gezinsmigrant)
    };
    use ContactOutcome::{AfspraakGemaakt, Bereikt, NietBereikt, VoicemailIngesproken};
    let three = [
        (d(2026, 11, 1), NietBereikt),
        (d(2026, 11, 5), VoicemailIngesproken),
        (d(2026, 11, 9), NietBereikt),
    ];
    let mut after_success = vec![(d(2026, 10, 30), Bereikt)];
    after_success.extend(three);
    let mut before_success = three.to_vec();
    before_success.push((d(2026, 11, 10), AfspraakGemaakt));
    check(
        SignalKind::NoContact,
        &[
            ("three failed", with(&three), d(2026, 11, 10), &[Warning]),
            ("two failed", with(&three[..2]), d(2026, 11, 10), &[]),
            (
                "success 30 days ago",
                with(&after_success),
                d(2026, 11, 29),
                &[],
            ),
            (
                "success 31 days ago",
                with(&after_success),
                d(2026, 11, 30),
                &[Warning],
            ),
            (
                "failed before a success",
                with(&before_success),
                d(2026, 12, 20),
                &[],
            ),
        ],
    );
}

#[test]
fn revision_window_closing() {
    // Dagtekening 31 May 2025: the 18 months end on 1 December 2026.
    let mut b1 = with_pip(ClientType::Statushouder, d(2025, 5, 31), Leerroute::B1);
    b1.hours = vec![hours(d(2026, 6, 1), 2400, HourCategory::Taal)];
    let short = ClientFacts {
        hours: vec![hours(d(2026, 6, 1), 2399, HourCategory::Taal)],
        ..b1.clone()
    };
    let a2 = ClientFacts {
        reports: vec![ReportFact {
            period_end: d(2026, 9, 30),
            stagnating: false,
            highest: Some(CefrLevel::A2),
        }],
        ..b1.clone()
    };
    let mut z = b1.clone();
    z.pips[0].leerroute = Some(Leerroute::ZRoute);
    check(
        SignalKind::RevisionWindow,
        &[
            ("61 days left", b1.clone(), d(2026, 10, 1), &[]),
            ("60 days left", b1.clone(), d(2026, 10, 2), &[Warning]),
            ("the last day", b1.clone(), d(2026, 12, 1), &[Warning]),
            ("closed", b1.clone(), d(2026, 12, 2), &[]),
            ("599.75 hours", short, d(2026, 11, 1), &[]),
            ("A2 reached", a2, d(2026, 11, 1), &[]),
            ("Z-route", z, d(2026, 11, 1), &[]),
        ],
    );
}

#[test]
fn changes_the_law_does_not_allow() {
    let first = pip(d(2024, 1, 10), Leerroute::B1);
    let version = |day, kind, route| AdoptedPip {
        kind,
        ..pip(day, route)
    };
    let with = |second: AdoptedPip, course: i64| ClientFacts {
        pips: vec![first.clone(), second],
        hours: vec![hours(d(2024, 6, 1), course, HourCategory::Taal)],
        ..with_pip(ClientType::Statushouder, d(2024, 1, 10), Leerroute::B1)
    };
    use VersionKind::{Afschalen, Routewijziging};
    check(
        SignalKind::ChangeNotAllowed,
        &[
            (
                "afschalen with 599.75 hours",
                with(version(d(2025, 1, 10), Afschalen, Leerroute::B1), 2399),
                d(2026, 1, 1),
                &[Error],
            ),
            (
                "afschalen with 600 hours",
                with(version(d(2025, 1, 10), Afschalen, Leerroute::B1), 2400),
                d(2026, 1, 1),
                &[],
            ),
            // The termijn starts 11 January 2024; 18 months end on 11 July 2025.
            (
                "route change on the last day",
                with(
                    version(d(2025, 7, 11), Routewijziging, Leerroute::ZRoute),
                    0,
                ),
                d(2026, 1, 1),
                &[],
            ),
            (
                "route change the day after",
                with(
                    version(d(2025, 7, 12), Routewijziging, Leerroute::ZRoute),
                    0,
                ),
                d(2026, 1, 1),
                &[Error],
            ),
            (
                "a single PIP",
                with_pip(ClientType::Statushouder, d(2024, 1, 10), Leerroute::B1),
                d(2026, 1, 1),
                &[],
            ),
        ],
    );
    let from_onderwijs = ClientFacts {
        pips: vec![
            pip(d(2024, 1, 10), Leerroute::Onderwijsroute),
            version(d(2026, 1, 1), Routewijziging, Leerroute::B1),
        ],
        ..client(ClientType::Statushouder)
    };
    assert!(of(SignalKind::ChangeNotAllowed, &from_onderwijs, d(2026, 2, 1)).is_empty());
}

#[test]
fn z_route_hours_behind() {
    // Dagtekening 31 December 2024: course and termijn from 1 January 2025 to 1 January 2028
    // (1095 days). On 2 July 2026 (547 days) the plan is at 1598 quarters of 3200; 85 % of
    // that is 1358.3 quarters.
    let mut z = with_pip(
        ClientType::Gezinsmigrant,
        d(2024, 12, 31),
        Leerroute::ZRoute,
    );
    z.pips[0].course_start_date = Some(d(2025, 1, 1));
    let with = |quarters| ClientFacts {
        hours: vec![hours(d(2025, 6, 1), quarters, HourCategory::Taal)],
        ..z.clone()
    };
    let mut b1 = with(0);
    b1.pips[0].leerroute = Some(Leerroute::B1);
    check(
        SignalKind::ZRouteBehind,
        &[
            ("1359 quarters", with(1359), d(2026, 7, 2), &[]),
            ("1358 quarters", with(1358), d(2026, 7, 2), &[Warning]),
            ("B1-route", b1, d(2026, 7, 2), &[]),
        ],
    );
    assert!(
        message(SignalKind::ZRouteBehind, &with(1358), d(2026, 7, 2))
            .contains("taal en KNM 339,5 van 800 uur (volgens planning nu 399,5)")
    );
}

#[test]
fn map_practice_and_pvt_before_the_end() {
    // Termijn 16 January 2024 – 16 January 2027; 12 months before: 16 January 2026.
    let b1 = with_pip(ClientType::Statushouder, d(2024, 1, 15), Leerroute::B1);
    let practised = ClientFacts {
        hours: vec![hours(d(2025, 6, 1), 160, HourCategory::Werk)],
        ..b1.clone()
    };
    let mut exempt = b1.clone();
    exempt.pips[0].map_exemption = MapExemption::Volledig;
    let mut onderwijs = b1.clone();
    onderwijs.pips[0].leerroute = Some(Leerroute::Onderwijsroute);
    check(
        SignalKind::MapPracticeMissing,
        &[
            ("the day before", b1.clone(), d(2026, 1, 15), &[]),
            ("12 months before", b1.clone(), d(2026, 1, 16), &[Warning]),
            ("the last day", b1.clone(), d(2027, 1, 16), &[Warning]),
            ("after the end", b1.clone(), d(2027, 1, 17), &[]),
            ("40 hours of paid work count", practised, d(2026, 6, 1), &[]),
            ("exempt in the PIP", exempt, d(2026, 6, 1), &[]),
            (
                "onderwijsroute: no MAP",
                onderwijs.clone(),
                d(2026, 6, 1),
                &[],
            ),
        ],
    );
    let signed = ClientFacts {
        pvt_signed: Some(d(2025, 1, 1)),
        ..b1.clone()
    };
    check(
        SignalKind::PvtNotSigned,
        &[
            ("the day before", b1.clone(), d(2026, 1, 15), &[]),
            ("12 months before", b1.clone(), d(2026, 1, 16), &[Warning]),
            ("signed", signed, d(2026, 6, 1), &[]),
            ("onderwijsroute too", onderwijs, d(2026, 6, 1), &[Warning]),
            (
                "no PIP",
                client(ClientType::Statushouder),
                d(2026, 6, 1),
                &[],
            ),
        ],
    );
}

#[test]
fn referral_to_work_and_turning_18() {
    let a1 = ReportFact {
        period_end: d(2026, 9, 30),
        stagnating: false,
        highest: Some(CefrLevel::A1),
    };
    let on_benefit = ClientFacts {
        social_assistance: true,
        reports: vec![a1.clone()],
        ..client(ClientType::Statushouder)
    };
    let referred = ClientFacts {
        referred_to_work: true,
        ..on_benefit.clone()
    };
    let a0 = ClientFacts {
        reports: vec![ReportFact {
            highest: Some(CefrLevel::A0),
            ..a1.clone()
        }],
        ..on_benefit.clone()
    };
    let no_benefit = ClientFacts {
        social_assistance: false,
        ..on_benefit.clone()
    };
    check(
        SignalKind::ReferToWork,
        &[
            ("A1 on a benefit", on_benefit, d(2026, 11, 1), &[Info]),
            ("already referred", referred, d(2026, 11, 1), &[]),
            ("still A0", a0, d(2026, 11, 1), &[]),
            ("no benefit", no_benefit, d(2026, 11, 1), &[]),
        ],
    );
    let minor = |birth| ClientFacts {
        birth_date: Some(birth),
        ..client(ClientType::Statushouder)
    };
    let family_minor = ClientFacts {
        client_type: Some(ClientType::Gezinsmigrant),
        ..minor(d(2008, 12, 31))
    };
    check(
        SignalKind::Turning18,
        &[
            (
                "61 days before",
                minor(d(2008, 12, 31)),
                d(2026, 10, 31),
                &[],
            ),
            (
                "60 days before",
                minor(d(2008, 12, 31)),
                d(2026, 11, 1),
                &[Info],
            ),
            (
                "the day before",
                minor(d(2008, 12, 31)),
                d(2026, 12, 30),
                &[Info],
            ),
            ("the birthday", minor(d(2008, 12, 31)), d(2026, 12, 31), &[]),
            // Born on a leap day: 18 on 28 February 2026.
            (
                "leap: the day before",
                minor(d(2008, 2, 29)),
                d(2026, 2, 27),
                &[Info],
            ),
            (
                "leap: the birthday",
                minor(d(2008, 2, 29)),
                d(2026, 2, 28),
                &[],
            ),
            ("not a statushouder", family_minor, d(2026, 11, 1), &[]),
            (
                "no birth date",
                ClientFacts {
                    birth_date: None,
                    ..client(ClientType::Statushouder)
                },
                d(2026, 11, 1),
                &[],
            ),
        ],
    );
}

#[test]
fn onderwijsroute_age_and_waiting_list() {
    let mut young = with_pip(
        ClientType::Statushouder,
        d(2026, 1, 10),
        Leerroute::Onderwijsroute,
    );
    young.birth_date = Some(d(1997, 3, 10));
    young.pips[0].course_start_date = None;
    let started = ClientFacts {
        pips: vec![pip(d(2026, 1, 10), Leerroute::Onderwijsroute)],
        ..young.clone()
    };
    check(
        SignalKind::OnderwijsrouteAge,
        &[
            ("the day before 6 months", young.clone(), d(2026, 9, 9), &[]),
            ("6 months before", young.clone(), d(2026, 9, 10), &[Warning]),
            (
                "the day before 30",
                young.clone(),
                d(2027, 3, 9),
                &[Warning],
            ),
            ("30", young.clone(), d(2027, 3, 10), &[]),
            ("a study start date", started, d(2026, 12, 1), &[]),
        ],
    );
    let mut waiting = with_pip(ClientType::Statushouder, d(2026, 10, 5), Leerroute::B1);
    waiting.pips[0].waiting_list_date = Some(d(2026, 10, 1));
    waiting.pips[0].course_start_date = None;
    let mut placed = waiting.clone();
    placed.pips[0].course_start_date = Some(d(2027, 1, 5));
    check(
        SignalKind::WaitingTooLong,
        &[
            ("8 weeks", waiting.clone(), d(2026, 11, 26), &[]),
            (
                "8 weeks and a day",
                waiting.clone(),
                d(2026, 11, 27),
                &[Warning],
            ),
            ("a start date", placed, d(2026, 12, 27), &[]),
        ],
    );
}

#[test]
fn ontzorgen_and_begeleiding_ending() {
    let facts = ClientFacts {
        ontzorgen_ends: vec![d(2026, 12, 29)],
        begeleiding_ends: vec![d(2027, 1, 28)],
        ..client(ClientType::Statushouder)
    };
    check(
        SignalKind::OntzorgenEnding,
        &[
            ("31 days", facts.clone(), d(2026, 11, 28), &[]),
            ("30 days", facts.clone(), d(2026, 11, 29), &[Info]),
            ("the last day", facts.clone(), d(2026, 12, 29), &[Info]),
            ("ended", facts.clone(), d(2026, 12, 30), &[]),
        ],
    );
    check(
        SignalKind::BegeleidingEnding,
        &[
            ("61 days", facts.clone(), d(2026, 11, 28), &[]),
            ("60 days", facts.clone(), d(2026, 11, 29), &[Info]),
            ("ended", facts.clone(), d(2027, 1, 29), &[]),
            (
                "none recorded",
                client(ClientType::Statushouder),
                d(2026, 11, 29),
                &[],
            ),
        ],
    );
}

#[test]
fn a_closed_dossier_has_no_signals_and_the_most_urgent_come_first() {
    let overdue = client(ClientType::Statushouder);
    let closed = ClientFacts {
        closed: true,
        brp_registration_date: None,
        ..overdue.clone()
    };
    assert!(evaluate(&closed, &SignalSettings::default(), d(2027, 1, 1)).is_empty());
    let mut many = ClientFacts {
        begeleiding_ends: vec![d(2026, 12, 1)],
        absences: vec![(d(2026, 11, 20), false), (d(2026, 11, 21), false)],
        ..overdue
    };
    many.birth_date = None;
    let kinds: Vec<SignalKind> = evaluate(&many, &SignalSettings::default(), d(2026, 11, 29))
        .into_iter()
        .map(|s| s.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            SignalKind::IntakeDue,
            SignalKind::Absence,
            SignalKind::DataQuality,
            SignalKind::BegeleidingEnding
        ]
    );
}

#[test]
fn settings_change_the_thresholds_and_are_checked() {
    let facts = client(ClientType::Statushouder);
    let settings = SignalSettings {
        intake_warning_days: 30,
        ..SignalSettings::default()
    };
    let today = d(2026, 10, 20);
    assert!(evaluate(&facts, &SignalSettings::default(), today).is_empty());
    assert_eq!(
        evaluate(&facts, &settings, today)[0].kind,
        SignalKind::IntakeDue
    );
    assert!(SignalSettings::default().validate().is_ok());
    let broken = SignalSettings {
        absence_count: 0,
        termijn_warning_months: 61,
        ..SignalSettings::default()
    };
    let fields: Vec<String> = broken
        .validate()
        .unwrap_err()
        .0
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["absence_count", "termijn_warning_months"]);
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2200, 1u32..=12, 1u32..=31)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d.min(28)).unwrap())
}

fn any_pip() -> impl Strategy<Value = AdoptedPip> {
    (
        proptest::option::of(any_date()),
        0usize..6,
        proptest::option::of(0usize..3),
        0usize..3,
        proptest::option::of(any_date()),
        proptest::option::of(any_date()),
    )
        .prop_map(
            |(dagtekening, kind, route, exemption, waiting, start)| AdoptedPip {
                dagtekening,
                kind: [
                    VersionKind::Eerste,
                    VersionKind::Routewijziging,
                    VersionKind::Afschalen,
                    VersionKind::Verhuizing,
                    VersionKind::Bijstelling,
                    VersionKind::Migratie,
                ][kind],
                leerroute: route.map(|r| Leerroute::ALL[r]),
                map_exemption: [
                    MapExemption::Geen,
                    MapExemption::Gedeeltelijk,
                    MapExemption::Volledig,
                ][exemption],
                waiting_list_date: waiting,
                course_start_date: start,
            },
        )
}

prop_compose! {
    fn any_facts()(
        kind in proptest::option::of(0usize..3),
        birth in proptest::option::of(any_date()),
        brp in proptest::option::of(any_date()),
        kennisgeving in proptest::option::of(any_date()),
        pause_days in 0i64..3650,
        flags in proptest::collection::vec(any::<bool>(), 5),
        pips in proptest::collection::vec(any_pip(), 0..4),
        extension in proptest::option::of(any_date()),
        hours_in in proptest::collection::vec((any_date(), -4000i64..4000, 0usize..7), 0..20),
        reports in proptest::collection::vec((any_date(), any::<bool>(), proptest::option::of(0usize..5)), 0..6),
        absences in proptest::collection::vec((any_date(), any::<bool>()), 0..8),
        contacts in proptest::collection::vec((any_date(), 0usize..5), 0..8),
        conversations in proptest::collection::vec(any_date(), 0..6),
        pvt in proptest::option::of(any_date()),
        ends in proptest::collection::vec(any_date(), 0..3),
    ) -> ClientFacts {
        ClientFacts {
            client_type: kind.map(|k| [ClientType::Statushouder, ClientType::Gezinsmigrant, ClientType::OverigeMigrant][k]),
            status: ClientStatus::InTraject,
            birth_date: birth,
            brp_registration_date: brp,
            kennisgeving_date: kennisgeving,
            pause_days,
            intake_completed: flags[0],
            social_assistance: flags[1],
            pips,
            latest_extension_end: extension,
            exemption: flags[2].then_some(ExemptionKind::Gedeeltelijk),
            hours: hours_in.into_iter().map(|(date, q, c)| hours(date, q, HourCategory::ALL[c])).collect(),
            reports: reports.into_iter().map(|(period_end, stagnating, level)| ReportFact {
                period_end,
                stagnating,
                highest: level.map(|l| [CefrLevel::A0, CefrLevel::A1, CefrLevel::A2, CefrLevel::B1, CefrLevel::B2][l]),
            }).collect(),
            passed_exams: vec![ExamPart::Lezen],
            absences,
            contacts: contacts.into_iter().map(|(date, o)| (date, [
                ContactOutcome::Bereikt,
                ContactOutcome::NietBereikt,
                ContactOutcome::VoicemailIngesproken,
                ContactOutcome::AfspraakGemaakt,
                ContactOutcome::NietVerschenen,
            ][o])).collect(),
            conversations,
            pvt_signed: pvt,
            map_completed: flags[3],
            ontzorgen_ends: ends.clone(),
            begeleiding_ends: ends,
            referred_to_work: flags[4],
            closed: false,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever the records say, the engine answers: no panic, sorted, every signal explained.
    #[test]
    fn signals_never_panic(facts in any_facts(), today in any_date()) {
        let signals = evaluate(&facts, &SignalSettings::default(), today);
        for pair in signals.windows(2) {
            prop_assert!(pair[0].severity <= pair[1].severity);
        }
        for signal in &signals {
            prop_assert!(!signal.message.is_empty());
        }
    }
}

/// A leap day in the threshold of every rule with a date (the others' tables have theirs).
#[test]
fn leap_days_for_every_dated_rule() {
    // The termijn starts 29 February 2028; its first year ends 28 February 2029.
    let first_year = with_pip(ClientType::Statushouder, d(2028, 2, 28), Leerroute::B1);
    check(
        SignalKind::ProgressConversations,
        &[
            ("61 days left", first_year.clone(), d(2028, 12, 29), &[]),
            ("60 days left", first_year, d(2028, 12, 30), &[Warning]),
        ],
    );
    // A report to 29 November 2027 is due again on 29 February 2028.
    let mut reported = with_pip(ClientType::Statushouder, d(2027, 1, 4), Leerroute::B1);
    reported.reports = vec![ReportFact {
        period_end: d(2027, 11, 29),
        stagnating: false,
        highest: Some(CefrLevel::A1),
    }];
    check(
        SignalKind::ProviderReportOverdue,
        &[
            ("on the day", reported.clone(), d(2028, 2, 29), &[]),
            ("the day after", reported, d(2028, 3, 1), &[Warning]),
        ],
    );
    // Reached on 30 January 2028, then three failed attempts: 30 days later is 29 February.
    use ContactOutcome::{Bereikt, NietBereikt};
    let contacts = ClientFacts {
        contacts: vec![
            (d(2028, 1, 30), Bereikt),
            (d(2028, 2, 2), NietBereikt),
            (d(2028, 2, 9), NietBereikt),
            (d(2028, 2, 16), NietBereikt),
        ],
        ..client(ClientType::Gezinsmigrant)
    };
    check(
        SignalKind::NoContact,
        &[
            ("30 days", contacts.clone(), d(2028, 2, 29), &[]),
            ("31 days", contacts, d(2028, 3, 1), &[Warning]),
        ],
    );
    // Start 31 August 2026 + 18 months = 29 February 2028 (the route-change window).
    let mut b1 = with_pip(ClientType::Statushouder, d(2026, 8, 30), Leerroute::B1);
    b1.hours = vec![hours(d(2027, 6, 1), 2400, HourCategory::Taal)];
    check(
        SignalKind::RevisionWindow,
        &[
            ("61 days left", b1.clone(), d(2027, 12, 30), &[]),
            ("60 days left", b1.clone(), d(2027, 12, 31), &[Warning]),
            ("the last day", b1.clone(), d(2028, 2, 29), &[Warning]),
            ("closed", b1, d(2028, 3, 1), &[]),
        ],
    );
    let change = |day| ClientFacts {
        pips: vec![
            pip(d(2026, 8, 30), Leerroute::B1),
            AdoptedPip {
                kind: VersionKind::Routewijziging,
                ..pip(day, Leerroute::ZRoute)
            },
        ],
        ..client(ClientType::Statushouder)
    };
    check(
        SignalKind::ChangeNotAllowed,
        &[
            (
                "on the window's last day",
                change(d(2028, 2, 29)),
                d(2028, 6, 1),
                &[],
            ),
            (
                "the day after",
                change(d(2028, 3, 1)),
                d(2028, 6, 1),
                &[Error],
            ),
        ],
    );
    // Termijn 29 February 2024 – 28 February 2027: MAP and PVT from 28 February 2026.
    let ending = with_pip(ClientType::Statushouder, d(2024, 2, 28), Leerroute::B1);
    for kind in [SignalKind::MapPracticeMissing, SignalKind::PvtNotSigned] {
        check(
            kind,
            &[
                ("the day before", ending.clone(), d(2026, 2, 27), &[]),
                (
                    "12 months before",
                    ending.clone(),
                    d(2026, 2, 28),
                    &[Warning],
                ),
            ],
        );
    }
    // On the waiting list since 4 January 2028: 8 weeks later is 29 February.
    let mut waiting = with_pip(ClientType::Statushouder, d(2028, 1, 2), Leerroute::B1);
    waiting.pips[0].waiting_list_date = Some(d(2028, 1, 4));
    waiting.pips[0].course_start_date = None;
    check(
        SignalKind::WaitingTooLong,
        &[
            ("8 weeks", waiting.clone(), d(2028, 2, 29), &[]),
            ("a day more", waiting, d(2028, 3, 1), &[Warning]),
        ],
    );
    // Born on a leap day: 30 on 28 February 2030, warned from 28 August 2029.
    let mut young = with_pip(
        ClientType::Statushouder,
        d(2029, 1, 10),
        Leerroute::Onderwijsroute,
    );
    young.birth_date = Some(d(2000, 2, 29));
    young.pips[0].course_start_date = None;
    check(
        SignalKind::OnderwijsrouteAge,
        &[
            ("the day before", young.clone(), d(2029, 8, 27), &[]),
            ("6 months before", young.clone(), d(2029, 8, 28), &[Warning]),
            ("30", young, d(2030, 2, 28), &[]),
        ],
    );
    // Ending on 29 February 2028: ontzorgen warns from 30 January, begeleiding from 31 December.
    let ends = ClientFacts {
        ontzorgen_ends: vec![d(2028, 2, 29)],
        begeleiding_ends: vec![d(2028, 2, 29)],
        ..client(ClientType::Statushouder)
    };
    check(
        SignalKind::OntzorgenEnding,
        &[
            ("31 days", ends.clone(), d(2028, 1, 29), &[]),
            ("30 days", ends.clone(), d(2028, 1, 30), &[Info]),
            ("the last day", ends.clone(), d(2028, 2, 29), &[Info]),
        ],
    );
    check(
        SignalKind::BegeleidingEnding,
        &[
            ("61 days", ends.clone(), d(2027, 12, 30), &[]),
            ("60 days", ends, d(2027, 12, 31), &[Info]),
        ],
    );
}
