//! The reports. Target (issue "Reports, team dashboard and money"): all reports for 10,000
//! generated clients under 1 s — gathered once, as the Rapportages screen and the dashboard
//! ask for them, and each table alone over the same gathering.

mod common;

use common::{caseload, today};
use criterion::{criterion_group, criterion_main, Criterion};
use traject_core::domain::reports::REPORTS;

fn reports(c: &mut Criterion) {
    let store = caseload();
    let names: Vec<&str> = REPORTS.iter().map(|(name, _)| *name).collect();
    let tables = store.reports(&names, today(), None).unwrap();
    let rows: usize = tables.iter().flatten().map(|t| t.rows.len()).sum();
    eprintln!("10,000 clients: {} reports, {rows} rows", tables.len());
    let mut group = c.benchmark_group("reports");
    group.sample_size(10);
    group.bench_function("all reports for 10,000 clients", |b| {
        b.iter(|| store.reports(&names, today(), None).unwrap().len())
    });
    group.bench_function("dashboard (team, tijdigheid, uren, signalen)", |b| {
        b.iter(|| {
            store
                .reports(
                    &["team", "tijdigheid", "uren-per-route", "signalen"],
                    today(),
                    None,
                )
                .unwrap()
                .len()
        })
    });
    group.finish();
}

criterion_group!(benches, reports);
criterion_main!(benches);
