//! The 10,000-client caseload the benchmarks share: generated once into the target directory
//! (with realistic records from the intake to the closing) and reused by every run.

use std::path::PathBuf;

use chrono::NaiveDate;
use traject_core::generate::{demo_identity, demo_options, into_store};
use traject_core::Store;

/// The day the caseload was generated for.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

pub fn caseload() -> Store {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!(
        "signals-10k-v{}.db",
        traject_core::store::SCHEMA_VERSION
    ));
    if !path.exists() {
        let partial = dir.join("signals-10k.partial.db");
        let _ = std::fs::remove_file(&partial);
        let mut store = Store::open(&partial).unwrap();
        store.save_identity(demo_identity()).unwrap();
        let mut options = demo_options(&demo_identity(), today());
        options.clients = 10_000;
        into_store(&mut store, &options).unwrap();
        drop(store);
        std::fs::rename(&partial, &path).unwrap();
        let _ = std::fs::remove_file(dir.join("signals-10k.partial.db-wal"));
        let _ = std::fs::remove_file(dir.join("signals-10k.partial.db-shm"));
    }
    Store::open(&path).unwrap()
}
