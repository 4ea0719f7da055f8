//! Crash safety of sync with real processes: the laptop's `traject sync` killed in the middle
//! of a push and of a pull, and the server killed in the middle of a push. Afterwards nothing
//! acknowledged is lost, nothing is stored twice, and both databases pass
//! `PRAGMA integrity_check`.

mod server;
mod team;
mod util;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::Duration;

use server::Server;
use team::{laptop, noord, pull_all, token};
use traject_core::store::tables::{SyncClass, TABLES};
use util::TestEnv;

fn start_sync(env: &TestEnv) -> Child {
    env.cmd()
        .arg("sync")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Starts `traject sync` and kills it (SIGKILL) after each delay in turn.
fn interrupt_syncs(env: &TestEnv, delays_ms: &[u64]) {
    for delay in delays_ms {
        let mut sync = start_sync(env);
        std::thread::sleep(Duration::from_millis(*delay));
        let _ = sync.kill();
        sync.wait().unwrap();
    }
}

/// The row count of every synced table, after checking the file's integrity.
fn counts(db: &Path) -> BTreeMap<&'static str, i64> {
    let conn = traject_tests::connect(db);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "{}", db.display());
    TABLES
        .iter()
        .filter(|(table, class)| *class != SyncClass::LocalOnly && *table != "audit_log")
        .map(|(table, _)| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                    r.get(0)
                })
                .unwrap();
            (*table, n)
        })
        .collect()
}

fn outbox(db: &Path) -> i64 {
    traject_tests::connect(db)
        .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))
        .unwrap()
}

/// Every change the server keeps for the team: no ledger row and no op is stored twice.
fn assert_nothing_stored_twice(server: &Server) {
    let mut rows = std::collections::HashSet::new();
    for change in pull_all(server, &token(server, "bram")) {
        if change["field"] == "_row" {
            let key = (
                change["entity"].as_str().unwrap().to_owned(),
                change["row_id"].as_str().unwrap().to_owned(),
            );
            assert!(rows.insert(key.clone()), "{key:?} stored twice");
        }
    }
    assert!(
        rows.len() > 1000,
        "a caseload's ledger rows: {}",
        rows.len()
    );
}

#[test]
fn a_laptop_killed_mid_push_and_mid_pull_loses_nothing() {
    let (_db, server) = noord();
    let a = laptop(&server, "anna", None);
    let b = laptop(&server, "bram", None);
    a.ok(&["generate", "--clients", "40", "--seed", "9"]);
    let made = outbox(a.db());
    assert!(made > 5_000, "{made} ops to send");

    // Killed later and later until a kill falls after some batches were acknowledged and
    // before the last; then left to finish.
    let mut delay = 100;
    loop {
        interrupt_syncs(&a, &[delay]);
        let left = outbox(a.db());
        assert!(
            left > 0,
            "the sync finished within {delay} ms: nothing was interrupted"
        );
        if left < made {
            break;
        }
        delay *= 2;
        assert!(delay < 20_000, "no batch was acknowledged");
    }
    a.ok(&["sync"]);
    assert_eq!(outbox(a.db()), 0);

    // The other laptop killed at several points of fetching, then left to finish.
    interrupt_syncs(&b, &[150, 400, 700]);
    b.ok(&["sync"]);
    assert_eq!(counts(a.db()), counts(b.db()));
    assert_nothing_stored_twice(&server);
}

#[test]
fn a_server_killed_mid_push_loses_nothing_acknowledged() {
    let (db, server) = noord();
    let address = server.url.clone();
    let a = laptop(&server, "anna", None);
    let b = laptop(&server, "bram", None);
    a.ok(&["generate", "--clients", "40", "--seed", "9"]);
    let made = outbox(a.db());

    let mut sync = start_sync(&a);
    std::thread::sleep(Duration::from_millis(400));
    drop(server); // SIGKILL, mid-push
    assert!(
        !sync.wait().unwrap().success(),
        "the sync notices the server went away"
    );
    let left = outbox(a.db());
    assert!(left > 0 && left <= made, "{left} of {made} still to send");

    // The server comes back on the same address and database; the laptop sends the rest.
    let server = Server::start_at(&db, address.trim_start_matches("http://"));
    a.ok(&["sync"]);
    assert_eq!(outbox(a.db()), 0);
    b.ok(&["sync"]);
    assert_eq!(counts(a.db()), counts(b.db()));
    assert_nothing_stored_twice(&server);
}
