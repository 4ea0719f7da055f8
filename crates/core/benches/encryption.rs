//! The encrypted laptop database. Targets (issue "Security at rest"): unlocking — deriving the
//! key from the passphrase with Argon2id at the standard cost and opening the database — takes
//! 0.5–1.5 s; the caseload of the 10,000-client database costs less than 25 % more encrypted
//! than plain, measured right after opening (every page read from disk is decrypted) and again
//! with the pages in SQLite's cache. The overheads are printed.
//!
//! The 10,000-client database is generated once into the target directory and reused
//! (`common`); the plain and encrypted copies live in a temp dir.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use traject_core::store::{CaseloadQuery, DbKey, KdfParams};
use traject_core::Store;

const PASSPHRASE: &str = "Fietsen langs de Bollenstreek 2026";

/// A plain copy of the shared 10,000-client database at `dir/name`.
fn plain_copy(dir: &Path, name: &str) -> PathBuf {
    let template = common::caseload();
    let source = template.path().to_owned();
    // Closing checkpoints the write-ahead log into the file.
    drop(template);
    let path = dir.join(name);
    std::fs::copy(&source, &path).unwrap();
    path
}

/// Median time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn open_and_list(path: &Path, key: Option<&DbKey>) -> usize {
    let store = match key {
        Some(key) => Store::open_with_key(path, key).unwrap(),
        None => Store::open(path).unwrap(),
    };
    store.caseload(&CaseloadQuery::default()).unwrap().len()
}

fn encryption(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let plain = plain_copy(dir.path(), "plain.db");
    let encrypted = plain_copy(dir.path(), "encrypted.db");
    let (store, key) = Store::encrypt_plain(&encrypted, PASSPHRASE).unwrap();
    drop(store);
    let (m, t, p) = KdfParams::STANDARD;
    eprintln!("Argon2id: {} MiB, {t} passes, {p} lane(s)", m / 1024);

    let mut group = c.benchmark_group("encryption");
    group.sample_size(10);
    group.bench_function("unlock (Argon2id and open)", |b| {
        b.iter(|| Store::unlock(&encrypted, PASSPHRASE).unwrap())
    });
    let plain_store = Store::open(&plain).unwrap();
    let encrypted_store = Store::open_with_key(&encrypted, &key).unwrap();
    for (name, store) in [("plain", &plain_store), ("encrypted", &encrypted_store)] {
        group.bench_function(format!("caseload of 10,000 clients, {name}"), |b| {
            b.iter(|| store.caseload(&CaseloadQuery::default()).unwrap().len())
        });
    }
    group.finish();

    let runs = 9;
    let unlock = median(runs, || {
        drop(Store::unlock(&encrypted, PASSPHRASE).unwrap())
    });
    let cold = [
        median(runs, || assert_eq!(open_and_list(&plain, None), 10_000)),
        median(runs, || {
            assert_eq!(open_and_list(&encrypted, Some(&key)), 10_000)
        }),
    ];
    let warm = [&plain_store, &encrypted_store].map(|store| {
        median(runs, || {
            store.caseload(&CaseloadQuery::default()).unwrap();
        })
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let overhead = |[plain, encrypted]: [Duration; 2]| {
        100.0 * (encrypted.as_secs_f64() / plain.as_secs_f64() - 1.0)
    };
    eprintln!(
        "medians of {runs}: unlock {:.0} ms (target 500-1500 ms); caseload of 10,000 clients \
         right after opening {:.0} ms plain, {:.0} ms encrypted (+{:.0} %); with the pages \
         cached {:.0} ms plain, {:.0} ms encrypted (+{:.0} %) (target: under 25 %)",
        ms(unlock),
        ms(cold[0]),
        ms(cold[1]),
        overhead(cold),
        ms(warm[0]),
        ms(warm[1]),
        overhead(warm),
    );
}

criterion_group!(benches, encryption);
criterion_main!(benches);
