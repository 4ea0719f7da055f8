//! The signals engine. Target (issue "Deadlines and signals"): all signals for 10,000
//! generated clients with realistic records in under 200 ms on one core. Measured twice: the
//! rules alone over facts already in memory, and the Werkvoorraad as the app asks for it
//! (gathering the facts from SQLite, then the rules). Issue "Scale" asks the Werkvoorraad of
//! 10,000 clients in under 300 ms: measured with every client evaluated (a new day, a pull)
//! and after the syncer's commit of a sync that pulled nothing (the signals kept in memory).
//!
//! The 10,000-client database is generated once into the target directory and reused
//! (`common`).

mod common;

use common::{caseload, today};
use criterion::{criterion_group, criterion_main, Criterion};
use traject_core::domain::signals::{evaluate, SignalSettings};
use traject_core::store::WerkvoorraadQuery;

fn signals(c: &mut Criterion) {
    let store = caseload();
    let facts = store.signal_facts().unwrap();
    assert_eq!(facts.len(), 10_000);
    let settings = SignalSettings::default();
    let count: usize = facts
        .iter()
        .map(|f| evaluate(f, &settings, today()).len())
        .sum();
    eprintln!("10,000 clients: {count} signals");
    let mut group = c.benchmark_group("signals");
    group.sample_size(20);
    group.bench_function("rules for 10,000 clients", |b| {
        b.iter(|| {
            facts
                .iter()
                .map(|f| evaluate(f, &settings, today()).len())
                .sum::<usize>()
        })
    });
    let team = WerkvoorraadQuery::default();
    let mut day = today();
    group.bench_function(
        "werkvoorraad of 10,000 clients, every client evaluated",
        |b| {
            b.iter(|| {
                // Another day: no signals kept from before.
                day = day.succ_opt().unwrap();
                store.werkvoorraad(&team, day).unwrap().items.len()
            })
        },
    );
    // The app's syncer on its own connection, noting a sync that pulled nothing.
    let syncer = rusqlite::Connection::open(store.path()).unwrap();
    let mut syncs = 0;
    group.bench_function(
        "werkvoorraad of 10,000 clients after a sync that pulled nothing",
        |b| {
            b.iter(|| {
                syncs += 1;
                syncer
                    .execute(
                        "INSERT OR REPLACE INTO settings (key, value) VALUES ('sync_last', ?1)",
                        [syncs.to_string()],
                    )
                    .unwrap();
                store.werkvoorraad(&team, today()).unwrap().items.len()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, signals);
criterion_main!(benches);
