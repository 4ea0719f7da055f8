//! The Werkvoorraad over a real store: a planted overdue intake, snoozing and acknowledging
//! it until the date passes or its facts change, the filters, and facts gathered for one client
//! equal to those gathered for the whole caseload.

use chrono::{Duration, NaiveDate};
use uuid::Uuid;

use super::super::test_support::{amira, store, today};
use super::super::{PauseInput, Store, StoreError};
use super::{facts, AckInput, WerkvoorraadQuery};
use crate::domain::signals::{Severity, SignalKind, SignalSettings};
use crate::domain::{ClientInput, TrajectoryInput};

fn registered(days_ago: i64, consultant: &str, municipality: &str) -> ClientInput {
    ClientInput {
        brp_registration_date: Some(today() - Duration::days(days_ago)),
        consultant: Some(consultant.into()),
        municipality: municipality.into(),
        bsn: None,
        ..amira()
    }
}

fn kinds(store: &Store, query: &WerkvoorraadQuery, day: NaiveDate) -> Vec<(SignalKind, Severity)> {
    store
        .werkvoorraad(query, day)
        .unwrap()
        .items
        .into_iter()
        .map(|i| (i.signal.kind, i.signal.severity))
        .collect()
}

fn all() -> WerkvoorraadQuery {
    WerkvoorraadQuery::default()
}

#[test]
fn an_overdue_intake_is_snoozed_until_its_date_and_returns_when_facts_change() {
    let (_dir, mut store) = store();
    let client = store
        .create_client(registered(80, "Sanne de Vries", "Lisse"), today())
        .unwrap();
    let overdue = vec![(SignalKind::IntakeDue, Severity::Overdue)];
    assert_eq!(kinds(&store, &all(), today()), overdue);
    let item = store.werkvoorraad(&all(), today()).unwrap().items.remove(0);
    assert!(
        item.signal.message.contains("10 dagen geleden"),
        "{}",
        item.signal.message
    );
    assert_eq!(item.client_name, "Amira Haddad");

    let until = today() + Duration::days(7);
    store
        .acknowledge_signal(
            &client.id,
            AckInput {
                kind: item.signal.kind,
                fingerprint: item.signal.fingerprint.clone(),
                until: Some(until),
                reason: "Tolk pas volgende week beschikbaar".into(),
            },
            today(),
        )
        .unwrap();
    let view = store.werkvoorraad(&all(), today()).unwrap();
    assert!(view.items.is_empty(), "snoozed");
    assert_eq!(view.counts.acknowledged, 1);
    assert_eq!(
        kinds(&store, &all(), until),
        [],
        "still snoozed on the last day"
    );
    assert_eq!(
        kinds(&store, &all(), until + Duration::days(1)),
        overdue,
        "back the day after"
    );
    let shown = store
        .werkvoorraad(
            &WerkvoorraadQuery {
                include_acknowledged: true,
                ..all()
            },
            today(),
        )
        .unwrap();
    assert_eq!(
        shown.items[0].ack.as_ref().unwrap().reason,
        "Tolk pas volgende week beschikbaar"
    );

    // A pause moves the deadline: the facts changed, so the signal is back at once.
    store
        .add_pause(
            &client.id,
            PauseInput {
                from: today() - Duration::days(30),
                until: today() - Duration::days(25),
                reason: "Wachten op gegevens van het COA".into(),
            },
            today(),
        )
        .unwrap();
    assert_eq!(kinds(&store, &all(), today()), overdue);

    // Acknowledged without a date: gone until the facts change.
    let item = store.werkvoorraad(&all(), today()).unwrap().items.remove(0);
    store
        .acknowledge_signal(
            &client.id,
            AckInput {
                kind: item.signal.kind,
                fingerprint: item.signal.fingerprint,
                until: None,
                reason: "Besproken met de teamleider".into(),
            },
            today(),
        )
        .unwrap();
    assert_eq!(kinds(&store, &all(), today() + Duration::days(400)), []);
    let audit = store.audit_trail(&client.id).unwrap();
    assert!(audit.iter().any(|a| a.entity == "signal_acks"
        && a.changes
            .iter()
            .any(|c| c.new.as_deref() == Some("Besproken met de teamleider"))));
    assert!(store
        .outbox()
        .unwrap()
        .iter()
        .any(|o| o.entity == "signal_acks"));
}

#[test]
fn an_acknowledgement_needs_a_reason_and_a_date_ahead() {
    let (_dir, mut store) = store();
    let client = store
        .create_client(registered(80, "Sanne de Vries", "Lisse"), today())
        .unwrap();
    let ack = |until, reason: &str| AckInput {
        kind: SignalKind::IntakeDue,
        fingerprint: "x".into(),
        until,
        reason: reason.into(),
    };
    let fields = |e: StoreError| match e {
        StoreError::Validation(v) => v.0.into_iter().map(|f| f.field).collect::<Vec<_>>(),
        other => panic!("{other}"),
    };
    let err = store
        .acknowledge_signal(
            &client.id,
            ack(Some(today() - Duration::days(1)), "  "),
            today(),
        )
        .unwrap_err();
    assert_eq!(fields(err), ["reason", "until"]);
    store
        .acknowledge_signal(&client.id, ack(Some(today()), "Vandaag nog"), today())
        .unwrap();
    assert!(matches!(
        store.acknowledge_signal(&Uuid::now_v7(), ack(None, "x"), today()),
        Err(StoreError::ClientNotFound(_))
    ));
}

#[test]
fn filters_by_consultant_municipality_and_kind() {
    let (_dir, mut store) = store();
    let sanne = store
        .create_client(registered(80, "Sanne de Vries", "Lisse"), today())
        .unwrap();
    let mut other = registered(60, "Mark Jansen", "Hillegom");
    other.given_name = "Yonas".into();
    let mark = store.create_client(other, today()).unwrap();
    store
        .add_trajectory_record(
            &mark.id,
            TrajectoryInput::Begeleiding(crate::domain::Begeleiding {
                organisation: "VluchtelingenWerk Nederland".into(),
                contact_person: None,
                start: today() - Duration::days(700),
                end: None,
                walk_in_until: None,
                note: None,
            }),
            today(),
        )
        .unwrap();
    let team = store.werkvoorraad(&all(), today()).unwrap();
    assert_eq!(team.consultants, ["Mark Jansen", "Sanne de Vries"]);
    assert_eq!(team.counts.overdue, 1);
    assert_eq!(team.counts.warning, 1);
    assert_eq!(team.counts.info, 1);
    // Nobody's yet: every consultant sees it until it is assigned.
    let mut unassigned = registered(75, "x", "Noordwijk");
    unassigned.consultant = None;
    unassigned.given_name = "Selam".into();
    let nobody = store.create_client(unassigned, today()).unwrap();
    let own = WerkvoorraadQuery {
        consultant: Some("Sanne de Vries".into()),
        ..all()
    };
    let ids: Vec<Uuid> = store
        .werkvoorraad(&own, today())
        .unwrap()
        .items
        .iter()
        .map(|i| i.client_id)
        .collect();
    assert_eq!(ids, [sanne.id, nobody.id]);
    let hillegom = WerkvoorraadQuery {
        municipality: Some("Hillegom".into()),
        ..all()
    };
    assert_eq!(
        kinds(&store, &hillegom, today()),
        [
            (SignalKind::IntakeDue, Severity::Warning),
            (SignalKind::BegeleidingEnding, Severity::Info)
        ]
    );
    let only = WerkvoorraadQuery {
        kinds: vec![SignalKind::BegeleidingEnding],
        ..all()
    };
    assert_eq!(
        kinds(&store, &only, today()),
        [(SignalKind::BegeleidingEnding, Severity::Info)]
    );
    // The most urgent first: overdue before warning before info.
    assert_eq!(
        kinds(&store, &all(), today()),
        [
            (SignalKind::IntakeDue, Severity::Overdue),
            (SignalKind::IntakeDue, Severity::Overdue),
            (SignalKind::IntakeDue, Severity::Warning),
            (SignalKind::BegeleidingEnding, Severity::Info)
        ]
    );
    let next = store.next_deadlines(today()).unwrap();
    let of_mark = next.iter().find(|n| n.client_id == mark.id).unwrap();
    assert_eq!(
        of_mark.signal.kind,
        SignalKind::IntakeDue,
        "the most urgent dated one"
    );
    let own_signals = store.client_signals(&mark.id, today()).unwrap();
    assert_eq!(own_signals.len(), 2);
    assert!(own_signals.iter().all(|i| i.client_id == mark.id));
}

#[test]
fn thresholds_are_settings() {
    let (_dir, mut store) = store();
    store
        .create_client(registered(40, "Sanne de Vries", "Lisse"), today())
        .unwrap();
    assert_eq!(kinds(&store, &all(), today()), []);
    store
        .save_signal_settings(SignalSettings {
            intake_warning_days: 30,
            ..SignalSettings::default()
        })
        .unwrap();
    assert_eq!(
        kinds(&store, &all(), today()),
        [(SignalKind::IntakeDue, Severity::Warning)]
    );
    assert!(store
        .save_signal_settings(SignalSettings {
            waiting_weeks: 0,
            ..SignalSettings::default()
        })
        .is_err());
    assert_eq!(store.signal_settings().unwrap().intake_warning_days, 30);
}

#[test]
fn one_clients_facts_equal_those_of_the_whole_caseload() {
    let (_dir, mut store) = store();
    let mut options = crate::generate::demo_options(&crate::generate::demo_identity(), today());
    options.clients = 80;
    crate::generate::into_store(&mut store, &options).unwrap();
    let whole = facts::load(&store.conn, None, None).unwrap();
    assert_eq!(whole.clients.len(), 80);
    let mut kinds_seen = std::collections::BTreeSet::new();
    for (client, all_facts) in &whole.clients {
        let one = facts::load(&store.conn, None, Some(&client.id)).unwrap();
        assert_eq!(one.clients.len(), 1);
        // The rows come in index order for one client, table order for all: compare as sets.
        let sorted = |f: &crate::domain::signals::ClientFacts| {
            let mut f = f.clone();
            f.hours.sort_by_key(|e| e.id);
            f.reports.sort_by_key(|r| r.period_end);
            f.passed_exams.sort_by_key(|p| format!("{p:?}"));
            f.absences.sort();
            f.contacts.sort_by_key(|(d, o)| (*d, format!("{o:?}")));
            f.conversations.sort();
            f.ontzorgen_ends.sort();
            f.begeleiding_ends.sort();
            f
        };
        assert!(
            sorted(&one.clients[0].1) == sorted(all_facts),
            "the facts of {} differ",
            client.name
        );
        for s in crate::domain::signals::evaluate(all_facts, &SignalSettings::default(), today()) {
            kinds_seen.insert(s.kind);
        }
    }
    assert!(whole.clients.iter().any(|(_, f)| f.intake_completed));
    assert!(whole
        .clients
        .iter()
        .any(|(_, f)| !f.pips.is_empty() && !f.hours.is_empty()));
    assert!(whole.clients.iter().any(|(_, f)| f.pvt_signed.is_some()));
    assert!(whole.clients.iter().any(|(_, f)| f.closed));
    assert!(
        kinds_seen.len() >= 5,
        "a demo caseload raises several kinds: {kinds_seen:?}"
    );
}

/// Where the facts come from.
#[derive(Debug, Clone, Copy)]
enum Facts {
    /// Gathered afresh from the records.
    Gathered,
    /// From the cache where it holds them, one client after another ([`facts::for_each`]).
    Cached,
    /// The same on every core ([`facts::map_all`], as the Werkvoorraad reads them).
    OnEveryCore,
}

/// Each client's signals on `day`.
fn signals_by_client(
    store: &Store,
    day: NaiveDate,
    from: Facts,
) -> std::collections::BTreeMap<Uuid, Vec<crate::domain::signals::Signal>> {
    let settings = SignalSettings::default();
    let evaluate = |f: &crate::domain::signals::ClientFacts| {
        crate::domain::signals::evaluate(f, &settings, day)
    };
    let mut out = std::collections::BTreeMap::new();
    match from {
        Facts::Gathered => {
            for (client, f) in &facts::load(&store.conn, None, None).unwrap().clients {
                out.insert(client.id, evaluate(f));
            }
        }
        Facts::Cached => {
            facts::for_each(&store.conn, None, None, |client, f| {
                out.insert(client.id, evaluate(&f));
                Ok(())
            })
            .unwrap();
        }
        Facts::OnEveryCore => {
            for (client, signals) in facts::map_all(&store.conn, |f| evaluate(&f)).unwrap().0 {
                assert!(out.insert(client.id, signals).is_none(), "{client:?} twice");
            }
        }
    }
    out
}

fn cached_clients(store: &Store) -> i64 {
    store
        .conn
        .query_row("SELECT count(*) FROM signal_facts", [], |r| r.get(0))
        .unwrap()
}

fn is_cached(store: &Store, id: &Uuid) -> bool {
    store
        .conn
        .query_row(
            "SELECT count(*) FROM signal_facts WHERE client_id = ?1",
            [id.to_string()],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
        == 1
}

fn generated(clients: usize) -> (tempfile::TempDir, Store) {
    let (dir, mut store) = store();
    let mut options = crate::generate::demo_options(&crate::generate::demo_identity(), today());
    options.clients = clients;
    crate::generate::into_store(&mut store, &options).unwrap();
    (dir, store)
}

#[test]
fn cached_facts_give_the_signals_of_facts_gathered_from_the_records() {
    let (_dir, store) = generated(80);
    assert_eq!(cached_clients(&store), 0);
    let team = WerkvoorraadQuery::default();
    let first = store.werkvoorraad(&team, today()).unwrap();
    assert_eq!(cached_clients(&store), 80);
    assert_eq!(store.werkvoorraad(&team, today()).unwrap(), first);
    // The facts hold no date: the same cached facts serve every later day.
    for day in [
        today(),
        today() + Duration::days(90),
        today() + Duration::days(400),
    ] {
        let cached = signals_by_client(&store, day, Facts::Cached);
        assert_eq!(
            cached,
            signals_by_client(&store, day, Facts::Gathered),
            "on {day}"
        );
        assert_eq!(
            cached,
            signals_by_client(&store, day, Facts::OnEveryCore),
            "on {day}"
        );
        assert!(
            cached.values().map(Vec::len).sum::<usize>() > 10,
            "{cached:?}"
        );
    }
    // Read on every core with some clients not cached and some of another layout: those are
    // gathered from their records (and kept), the others decoded.
    let all = signals_by_client(&store, today(), Facts::Gathered);
    store
        .conn
        .execute_batch(
            "DELETE FROM signal_facts WHERE rowid % 3 = 0;
             UPDATE signal_facts SET version = version + 1 WHERE rowid % 3 = 1;",
        )
        .unwrap();
    assert!(cached_clients(&store) < 80);
    assert_eq!(signals_by_client(&store, today(), Facts::OnEveryCore), all);
    assert_eq!(cached_clients(&store), 80);
    // A cached row of another layout is gathered again (when every client is evaluated: the
    // cache is no source of the signals kept in memory).
    store
        .conn
        .execute("UPDATE signal_facts SET version = version + 1", [])
        .unwrap();
    assert_eq!(evaluated_afresh(&store, &team), first);
    assert_eq!(
        store
            .conn
            .query_row(
                "SELECT count(*) FROM signal_facts WHERE version = ?1",
                [super::cache::FACTS_VERSION],
                |r| r.get::<_, i64>(0)
            )
            .unwrap(),
        80
    );
}

#[test]
fn a_change_to_a_clients_records_drops_its_cached_facts() {
    use crate::domain::hours::{HourCategory, HourEntryInput, ReversalInput};
    use crate::domain::{AbsenceInput, ClientStatus, HourSource};
    let (_dir, mut store) = generated(30);
    let id = store
        .conn
        .query_row(
            "SELECT client_id FROM hour_entries GROUP BY client_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get::<_, String>(0),
        )
        .unwrap()
        .parse::<Uuid>()
        .unwrap();
    type Change = fn(&mut Store, &Uuid);
    let changes: [(&str, bool, Change); 4] = [
        ("hours added", true, |s, id| {
            s.add_hours(
                id,
                HourEntryInput::new(today(), 3, HourCategory::Participatie),
                today(),
            )
            .unwrap();
        }),
        ("hours reversed", true, |s, id| {
            let entry = s.hour_entries(id).unwrap().remove(0);
            s.reverse_hours(
                &entry.id,
                ReversalInput {
                    reason: "Dubbel ingevoerd".into(),
                },
                today(),
            )
            .unwrap();
        }),
        ("absence", true, |s, id| {
            s.add_absence(
                id,
                AbsenceInput {
                    date: today(),
                    activity: "Taalles".into(),
                    excused: false,
                    reason: None,
                    source: HourSource::Consultant,
                    provider: None,
                },
                today(),
            )
            .unwrap();
        }),
        // The client's own columns are read fresh: the cached facts may stay.
        ("status", false, |s, id| {
            let mut input = s.client(id).unwrap().input;
            input.status = ClientStatus::Afgerond;
            s.update_client(id, input, today()).unwrap();
        }),
    ];
    for (what, drops, change) in changes {
        store
            .werkvoorraad(&WerkvoorraadQuery::default(), today())
            .unwrap();
        assert!(is_cached(&store, &id), "{what}");
        change(&mut store, &id);
        assert_eq!(is_cached(&store, &id), !drops, "{what}");
        assert_eq!(cached_clients(&store), 30 - i64::from(drops), "{what}");
        assert_eq!(
            signals_by_client(&store, today(), Facts::Cached),
            signals_by_client(&store, today(), Facts::Gathered),
            "{what}"
        );
    }
}

#[test]
fn every_table_the_facts_read_drops_a_clients_cached_facts_when_it_changes() {
    let (_dir, store) = store();
    let source = include_str!("facts.rs");
    let mut tables = std::collections::BTreeSet::new();
    for keyword in ["FROM ", "JOIN "] {
        for part in source.split(keyword).skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != "clients" && name != "signal_facts" {
                tables.insert(name);
            }
        }
    }
    assert!(tables.len() >= 17, "{tables:?}");
    for table in tables {
        for op in ["insert", "update", "delete"] {
            let name = format!("signal_facts_{table}_{op}");
            let found: i64 = store
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                    [&name],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(
                found, 1,
                "no trigger {name}: a change of {table} would leave stale facts"
            );
        }
    }
}

#[test]
fn per_group_lists_the_most_urgent_items_of_each_severity_and_the_group_sizes() {
    let (_dir, store) = generated(80);
    let all = store
        .werkvoorraad(&WerkvoorraadQuery::default(), today())
        .unwrap();
    for limit in [0, 1, 2, 1000] {
        let cut = store
            .werkvoorraad(
                &WerkvoorraadQuery {
                    per_group: Some(limit),
                    ..WerkvoorraadQuery::default()
                },
                today(),
            )
            .unwrap();
        assert_eq!(cut.group_sizes, all.group_sizes, "limit {limit}");
        assert_eq!(cut.counts, all.counts);
        for severity in [
            Severity::Error,
            Severity::Overdue,
            Severity::Warning,
            Severity::Info,
        ] {
            let of = |w: &super::Werkvoorraad| -> Vec<super::WorkItem> {
                w.items
                    .iter()
                    .filter(|i| i.signal.severity == severity)
                    .cloned()
                    .collect()
            };
            let full = of(&all);
            let expected: Vec<_> = full.iter().take(limit as usize).cloned().collect();
            assert_eq!(of(&cut), expected, "{severity:?}, limit {limit}");
        }
    }
    let sizes = &all.group_sizes;
    assert_eq!(
        (sizes.error + sizes.overdue + sizes.warning + sizes.info) as usize,
        all.items.len()
    );
    assert!(all.items.len() > 10);
}

/// Acknowledges the item's signal, as discussed in the team meeting.
fn put_aside(store: &mut Store, item: &super::WorkItem) {
    let ack = AckInput {
        kind: item.signal.kind,
        fingerprint: item.signal.fingerprint.clone(),
        until: None,
        reason: "Besproken in het teamoverleg".into(),
    };
    store
        .acknowledge_signal(&item.client_id, ack, today())
        .unwrap();
}

#[test]
fn the_werkvoorraad_follows_changes_of_this_connection_and_of_another() {
    let (_dir, mut store) = generated(40);
    let team = WerkvoorraadQuery::default();
    let first = store.werkvoorraad(&team, today()).unwrap();
    assert_eq!(store.werkvoorraad(&team, today()).unwrap(), first);
    let item = first.items[0].clone();

    // Another connection (the syncer's) puts the first signal aside.
    let mut other = Store::open(store.path()).unwrap();
    put_aside(&mut other, &item);
    drop(other);
    let after = store.werkvoorraad(&team, today()).unwrap();
    assert_eq!(after.counts.acknowledged, first.counts.acknowledged + 1);

    // This connection closes a client's dossier by status.
    let mut input = store.client(&item.client_id).unwrap().input;
    input.status = crate::domain::ClientStatus::Verhuisd;
    store
        .update_client(&item.client_id, input, today())
        .unwrap();
    let closed = store.werkvoorraad(&team, today()).unwrap();
    assert!(closed.items.iter().all(|i| i.client_id != item.client_id));
    assert!(store
        .werkvoorraad(
            &WerkvoorraadQuery {
                include_acknowledged: true,
                ..WerkvoorraadQuery::default()
            },
            today()
        )
        .unwrap()
        .items
        .iter()
        .all(|i| i.client_id != item.client_id));

    // Another day, other deadlines.
    let later = store
        .werkvoorraad(&team, today() + Duration::days(200))
        .unwrap();
    assert_ne!(later, closed);
}

#[test]
fn while_another_connection_writes_the_facts_are_gathered_and_not_kept() {
    let (_dir, store) = generated(30);
    // The syncer storing a long pull holds the write lock.
    let syncer = rusqlite::Connection::open(store.path()).unwrap();
    syncer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = std::time::Instant::now();
    let during = store
        .werkvoorraad(&WerkvoorraadQuery::default(), today())
        .unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(4),
        "waited for the lock"
    );
    assert_eq!(cached_clients(&store), 0);
    // A change would not raise the generation of facts not cached: not kept in memory either.
    assert!(store.signals_memo.borrow().is_none());
    syncer.execute_batch("ROLLBACK").unwrap();
    // Another day, so the signals are not the ones kept in memory.
    let day = today() + Duration::days(1);
    let after = store
        .werkvoorraad(&WerkvoorraadQuery::default(), day)
        .unwrap();
    assert_eq!(cached_clients(&store), 30);
    assert_eq!(
        store
            .werkvoorraad(&WerkvoorraadQuery::default(), today())
            .unwrap(),
        during
    );
    assert_eq!(
        store
            .werkvoorraad(&WerkvoorraadQuery::default(), day)
            .unwrap(),
        after
    );
}

/// The Werkvoorraad with every client's signals evaluated afresh.
fn evaluated_afresh(store: &Store, query: &WerkvoorraadQuery) -> super::Werkvoorraad {
    *store.signals_memo.borrow_mut() = None;
    store.werkvoorraad(query, today()).unwrap()
}

fn stale(store: &Store) -> Option<std::collections::HashSet<Uuid>> {
    store
        .signals_memo
        .borrow()
        .as_ref()
        .map(|m| m.stale.clone())
}

#[test]
fn a_save_has_only_the_clients_it_wrote_evaluated_again() {
    let (_dir, mut store) = generated(30);
    let settings = store.signal_settings().unwrap();
    let kept = store.team_signals(&settings, today()).unwrap();
    let ids: Vec<Uuid> = store
        .caseload(&Default::default())
        .unwrap()
        .iter()
        .map(|c| c.id)
        .collect();

    // Opening a dossier is audited, but a read changes no fact: nothing evaluated again.
    store.open_dossier(&ids[0], today()).unwrap();
    assert_eq!(stale(&store), Some(Default::default()));
    assert!(std::sync::Arc::ptr_eq(
        &kept,
        &store.team_signals(&settings, today()).unwrap()
    ));
    drop(kept);

    // A contact attempt, a dossier closed by its status and a new client: those three.
    store
        .add_contact_attempt(
            &ids[0],
            crate::domain::ContactAttemptInput {
                date: today(),
                channel: crate::domain::ContactChannel::Telefoon,
                outcome: crate::domain::ContactOutcome::NietBereikt,
                note: None,
            },
            today(),
        )
        .unwrap();
    let mut input = store.client(&ids[1]).unwrap().input;
    input.status = crate::domain::ClientStatus::Verhuisd;
    store.update_client(&ids[1], input, today()).unwrap();
    let new = store
        .create_client(registered(120, "Sanne de Vries", "Lisse"), today())
        .unwrap();
    assert_eq!(
        stale(&store),
        Some([ids[0], ids[1], new.id].into_iter().collect())
    );

    let queries = [
        all(),
        WerkvoorraadQuery {
            include_acknowledged: true,
            ..all()
        },
        WerkvoorraadQuery {
            consultant: Some("Sanne de Vries".into()),
            ..all()
        },
    ];
    let kept: Vec<_> = queries
        .iter()
        .map(|q| store.werkvoorraad(q, today()).unwrap())
        .collect();
    assert_eq!(stale(&store), Some(Default::default()));
    assert!(kept[0].items.iter().all(|i| i.client_id != ids[1]));
    assert!(kept[0].items.iter().any(|i| i.client_id == new.id));
    for (query, kept) in queries.iter().zip(kept) {
        assert_eq!(kept, evaluated_afresh(&store, query), "{query:?}");
    }
}

#[test]
fn a_commit_that_changes_none_of_the_signals_sources_keeps_every_clients_signals() {
    let (_dir, mut store) = generated(10);
    let settings = store.signal_settings().unwrap();
    let kept = store.team_signals(&settings, today()).unwrap();
    let first = store.werkvoorraad(&all(), today()).unwrap();

    // This connection changes a fine rule: money, no client's facts.
    let mut rule = store.fine_rules().unwrap().remove(0);
    rule.description.push_str(" (aangepast)");
    store.save_fine_rule(rule).unwrap();
    // The syncer notes a sync that pulled nothing and puts a signal aside.
    let mut syncer = Store::open(store.path()).unwrap();
    super::super::settings::put(&syncer.conn, super::super::sync::LAST_SYNC, &"2026-11-30")
        .unwrap();
    put_aside(&mut syncer, &first.items[0]);
    drop(syncer);

    assert!(std::sync::Arc::ptr_eq(
        &kept,
        &store.team_signals(&settings, today()).unwrap()
    ));
    let after = store.werkvoorraad(&all(), today()).unwrap();
    assert_eq!(after.counts.acknowledged, first.counts.acknowledged + 1);
    assert_eq!(after, evaluated_afresh(&store, &all()));
}

#[test]
fn any_other_change_to_a_source_has_every_client_evaluated_again() {
    let (_dir, store) = generated(10);
    let settings = store.signal_settings().unwrap();

    // Another connection (a pull, the CLI) closes the dossier of a client with signals.
    let kept = store.team_signals(&settings, today()).unwrap();
    let (closed, _) = kept.iter().find(|(_, s)| !s.is_empty()).unwrap();
    let mut other = Store::open(store.path()).unwrap();
    let mut input = other.client(&closed.id).unwrap().input;
    input.status = crate::domain::ClientStatus::Verhuisd;
    other.update_client(&closed.id, input, today()).unwrap();
    drop(other);
    let again = store.team_signals(&settings, today()).unwrap();
    assert!(again
        .iter()
        .any(|(client, signals)| client.id == closed.id && signals.is_empty()));
    drop((kept, again));

    // Another connection records hours of a client whose Z-route is behind: a record the
    // facts come from.
    let before = store.werkvoorraad(&all(), today()).unwrap();
    let behind = before
        .items
        .iter()
        .find(|i| i.signal.kind == SignalKind::ZRouteBehind)
        .unwrap();
    let mut other = Store::open(store.path()).unwrap();
    let hours = crate::domain::hours::HourEntryInput::new(
        today(),
        40,
        crate::domain::hours::HourCategory::Participatie,
    );
    other.add_hours(&behind.client_id, hours, today()).unwrap();
    drop(other);
    let after = store.werkvoorraad(&all(), today()).unwrap();
    assert_ne!(after, before);
    assert_eq!(after, evaluated_afresh(&store, &all()));

    // Other thresholds.
    let kept = store.team_signals(&settings, today()).unwrap();
    let other_settings = SignalSettings {
        termijn_warning_months: settings.termijn_warning_months + 6,
        ..settings
    };
    assert!(!std::sync::Arc::ptr_eq(
        &kept,
        &store.team_signals(&other_settings, today()).unwrap()
    ));

    // A write that does not go through the write path.
    store.werkvoorraad(&all(), today()).unwrap();
    store
        .conn
        .execute("UPDATE clients SET status = 'verhuisd'", [])
        .unwrap();
    assert!(store
        .werkvoorraad(&all(), today())
        .unwrap()
        .items
        .is_empty());
}

#[test]
fn bringing_the_facts_up_to_date_gathers_only_the_clients_without_them() {
    let (_dir, store) = generated(20);
    store.refresh_derived().unwrap();
    assert_eq!(cached_clients(&store), 20);
    let rows = |store: &Store| -> Vec<(i64, String, i64)> {
        let mut stmt = store
            .conn
            .prepare("SELECT rowid, client_id, version FROM signal_facts ORDER BY client_id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let before = rows(&store);
    let (gone, other_layout) = (&before[3].1, &before[7].1);
    store
        .conn
        .execute("DELETE FROM signal_facts WHERE client_id = ?1", [gone])
        .unwrap();
    store
        .conn
        .execute(
            "UPDATE signal_facts SET version = version + 1 WHERE client_id = ?1",
            [other_layout],
        )
        .unwrap();

    store.refresh_derived().unwrap();
    let after = rows(&store);
    assert_eq!(after.len(), 20);
    assert!(after
        .iter()
        .all(|(_, _, version)| *version == super::cache::FACTS_VERSION));
    for ((row, client, _), (row_after, _, _)) in before.iter().zip(&after) {
        // Written again only where it had to be.
        assert_eq!(
            row == row_after,
            client != gone && client != other_layout,
            "{client}"
        );
    }
}

#[test]
fn the_reports_count_the_signals_the_werkvoorraad_shows_and_the_dossiers_portfolio() {
    let (_dir, mut store) = generated(40);
    let open = |store: &Store| -> usize {
        let clients = store.clients_on(today()).unwrap();
        assert_eq!(clients.len(), 40);
        clients.iter().map(|c| c.open.len()).sum()
    };
    let shown = store.werkvoorraad(&all(), today()).unwrap();
    assert!(shown.items.len() > 10);
    assert_eq!(open(&store), shown.items.len());
    put_aside(&mut store, &shown.items[0]);
    assert_eq!(open(&store), shown.items.len() - 1);

    let with_portfolio: Vec<_> = store
        .clients_on(today())
        .unwrap()
        .into_iter()
        .filter_map(|c| Some((c.client.id, c.portfolio?)))
        .collect();
    assert!(with_portfolio.len() > 10, "{}", with_portfolio.len());
    // The cached facts keep no hour entry's id, so what each line counts is compared.
    let counted = |p: &crate::domain::Portfolio| -> Vec<_> {
        p.lines
            .iter()
            .map(|l| (l.target, l.required, l.done, l.planned, l.behind))
            .collect()
    };
    for (id, portfolio) in with_portfolio {
        let dossier = store.portfolio(&id, None, today()).unwrap().portfolio;
        assert_eq!(portfolio.route, dossier.route, "client {id}");
        assert_eq!(counted(&portfolio), counted(&dossier), "client {id}");
    }
}
