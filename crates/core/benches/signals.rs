//! The signals engine. Target (issue "Deadlines and signals"): all signals for 10,000
//! generated clients with realistic records in under 200 ms on one core. Measured twice: the
//! rules alone over facts already in memory, and the Werkvoorraad as the app asks for it
//! (gathering the facts from SQLite, then the rules).
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
    group.bench_function("werkvoorraad of 10,000 clients from SQLite", |b| {
        b.iter(|| {
            store
                .werkvoorraad(&WerkvoorraadQuery::default(), today())
                .unwrap()
                .items
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, signals);
criterion_main!(benches);
