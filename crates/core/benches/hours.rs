//! The hours ledger. Targets (issue "Hours ledger"): the portfolio of a client with 5,000
//! entries in under 2 ms; importing a 10,000-row provider report CSV in under 2 s.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use traject_core::domain::hours::HourEntryInput;
use traject_core::domain::portfolio::{compute, PortfolioPlan};
use traject_core::domain::{ClientType, HourCategory, HourEntry, Leerroute, Quarters, RoutePeriod};
use traject_core::generate::{demo_identity, into_store, GenerateOptions};
use traject_core::import::import_provider_reports;
use traject_core::Store;
use uuid::Uuid;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

/// 5,000 entries over three years across every category, every 50th reversed.
fn ledger() -> Vec<HourEntry> {
    let start = today() - Duration::days(3 * 365);
    let mut entries: Vec<HourEntry> = (0..5000)
        .map(|i| HourEntry {
            id: Uuid::now_v7(),
            client_id: Uuid::nil(),
            input: HourEntryInput {
                quarters: Quarters(1 + (i % 16)),
                ..HourEntryInput::new(
                    start + Duration::days(i % 1000),
                    0,
                    HourCategory::ALL[(i % 7) as usize],
                )
            },
            reverses: None,
            reason: None,
            report_id: None,
            recorded_by: "bench".into(),
            recorded_at: DateTime::<Utc>::from_timestamp(1_700_000_000 + i, 0).unwrap(),
        })
        .collect();
    let reversals: Vec<HourEntry> = entries
        .iter()
        .step_by(50)
        .map(|e| HourEntry {
            id: Uuid::now_v7(),
            input: HourEntryInput {
                quarters: Quarters(-e.input.quarters.0),
                ..e.input.clone()
            },
            reverses: Some(e.id),
            reason: Some("fout".into()),
            ..e.clone()
        })
        .collect();
    entries.extend(reversals);
    entries
}

fn portfolio(c: &mut Criterion) {
    let entries = ledger();
    let routes = [RoutePeriod {
        route: Leerroute::ZRoute,
        from: None,
    }];
    let plan = PortfolioPlan {
        start: Some(today() - Duration::days(3 * 365)),
        end: Some(today() + Duration::days(100)),
    };
    c.bench_function("portfolio of 5,000 entries", |b| {
        b.iter(|| {
            compute(
                &entries,
                Some(ClientType::Statushouder),
                &routes,
                plan,
                today(),
            )
        })
    });
}

/// A store with 10,000 generated clients and a report row for each of them.
fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("template.db");
    {
        let mut store = Store::open(&template).unwrap();
        let identity = store.save_identity(demo_identity()).unwrap();
        let options = GenerateOptions {
            clients: 10_000,
            seed: 7,
            today: today(),
            municipalities: identity.municipalities,
            consultants: vec!["Sanne de Vries".into()],
            years: 3,
        };
        // Only the clients matter here; their other records make the database realistic.
        into_store(&mut store, &options).unwrap();
    }
    let mut csv = String::from(
        "client;provider;period_start;period_end;attendance_pct;lezen;luisteren;spreken;schrijven;knm;course_hours;map_theory_hours;map_practice_hours;stagnating;obstacles\n",
    );
    for i in 1..=10_000 {
        csv += &format!(
            "DEMO-{i:06};Bench Taalschool;2026-08-01;2026-10-31;{};A1;A2;A1;A0;A1;{},5;2;4;nee;\n",
            60 + i % 40,
            60 + i % 50
        );
    }
    let mut group = c.benchmark_group("provider report import");
    group.sample_size(10);
    group.bench_function("10,000 rows", |b| {
        b.iter_batched(
            || {
                let path = dir.path().join("run.db");
                let _ = std::fs::remove_file(dir.path().join("run.db-wal"));
                std::fs::copy(&template, &path).unwrap();
                Store::open(&path).unwrap()
            },
            |mut store| {
                let report = import_provider_reports(&mut store, csv.as_bytes(), today()).unwrap();
                assert_eq!(report.imported, 10_000, "{:?}", report.rejected.first());
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, portfolio, import);
criterion_main!(benches);
