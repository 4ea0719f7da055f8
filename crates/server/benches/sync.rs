//! Sync against a real `traject-server` on loopback (SQLite), as laptops use it. Targets (issue
//! "Sync server"):
//!
//! - **Initial sync**: a new laptop pulls and stores the whole team's 10,000 generated clients
//!   (about 500,000 ledger rows) in under 20 s, at no less than 30 % of the throughput of a
//!   plain SQLite bulk insert of the same rows (one transaction, prepared statements, the
//!   laptop's own schema) measured in the same run. Printed, not criterion-timed: the server
//!   is first seeded through the protocol by the laptop that generated the caseload, whose
//!   sync is printed as the push throughput.
//! - **Push of 1,000 ops**: field edits of existing dossiers, sent by `Store::sync`; criterion
//!   times the push phase, each iteration on fresh edits.
//! - **50 concurrent laptops**: each with its own database and device login, in a second team
//!   on the same server, making 3 edits and syncing, again and again; p50 and p99 of the sync
//!   latency (and of its phases) are printed (target: p99 under 500 ms).
//!
//! `TRAJECT_BENCH_CLIENTS` (default 10,000) sets the size of the caseload,
//! `TRAJECT_BENCH_ROUNDS` (default 20) the syncs per concurrent laptop, and
//! `TRAJECT_BENCH_PAUSE_MS` (default 0: each syncs again as soon as it is done) the pause
//! between them. Everything lives in a temp dir and is gone after the run. The server is the
//! `traject-server` cargo builds with this bench, or `$TRAJECT_SERVER_BIN`.

mod common;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Barrier;
use std::time::{Duration, Instant};

use common::{admin, laptop, per_second, timed_sync, today, Phases, Server, PASSWORD};
use criterion::{criterion_group, criterion_main, Criterion};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, OpenFlags};
use traject_core::domain::identity::DEFAULT_MUNICIPALITIES;
use traject_core::domain::{Client, Identity, Role};
use traject_core::generate::{caseload, demo_identity, demo_options, into_store};
use traject_core::store::tables::{SyncClass, TABLES};
use traject_core::store::CaseloadQuery;
use traject_core::Store;

/// Concurrent laptops, and the edits each makes before a sync.
const LAPTOPS: usize = 50;
const EDITS_PER_SYNC: usize = 3;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .map(|v| {
            v.parse()
                .unwrap_or_else(|_| panic!("{name}: not a number: {v}"))
        })
        .unwrap_or(default)
}

fn sync(c: &mut Criterion) {
    let clients = env_usize("TRAJECT_BENCH_CLIENTS", 10_000);
    let rounds = env_usize("TRAJECT_BENCH_ROUNDS", 20);
    let pause = Duration::from_millis(env_usize("TRAJECT_BENCH_PAUSE_MS", 0) as u64);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.db");
    admin(&db, &["team", "add", "Noord"], None);
    admin(&db, &["team", "add", "Zuid"], None);
    admin(
        &db,
        &[
            "user",
            "add",
            "anna",
            "--team",
            "Noord",
            "--role",
            "teamleider",
        ],
        Some(PASSWORD),
    );
    admin(
        &db,
        &["user", "add", "bram", "--team", "Noord"],
        Some(PASSWORD),
    );
    let server = Server::start(&db);

    let mut seeder = seed(dir.path(), &server, clients);
    initial_sync(dir.path(), &server);

    let mut group = c.benchmark_group("sync");
    group.sample_size(10);
    push_1000_ops(&mut group, &mut seeder);
    group.finish();
    drop(seeder);

    concurrent(dir.path(), &db, &server, rounds, pause);
}

/// The laptop that generated the team's caseload sends it to the server: the push throughput.
fn seed(dir: &Path, server: &Server, clients: usize) -> Store {
    let start = Instant::now();
    let mut store = laptop(&dir.join("anna.db"), demo_identity(), server, "anna");
    let mut options = demo_options(&demo_identity(), today());
    options.clients = clients;
    into_store(&mut store, &options).unwrap();
    let ops = store.sync_overview().unwrap().pending;
    eprintln!(
        "generated {clients} clients with {ops} outbox ops in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let (report, phases) = timed_sync(&mut store);
    eprintln!(
        "seeding sync: pushed {} ops in {:.1} s ({:.0} ops/s); pulled its {} changes back in \
         {:.1} s and applied them in {:.1} s",
        report.pushed,
        phases.push.as_secs_f64(),
        per_second(report.pushed.into(), phases.push),
        report.pulled,
        phases.pull.as_secs_f64(),
        phases.apply.as_secs_f64(),
    );
    store
}

/// A new laptop in the same team pulls everything; then the same rows go into a fresh
/// database with plain prepared INSERTs, for the ratio.
fn initial_sync(dir: &Path, server: &Server) {
    let path = dir.join("bram.db");
    let mut identity = demo_identity();
    identity.name = "Bram".into();
    let mut store = laptop(&path, identity, server, "bram");
    let before = synced_rows(&path);
    let (report, phases) = timed_sync(&mut store);
    drop(store);
    assert!(report.not_applied.is_empty(), "{:?}", report.not_applied);
    // What the sync stored: the rows that were not there before it.
    let mut arrived = synced_rows(&path);
    let (mut ledger, mut mutable) = (0u64, 0u64);
    for ((table, class), (arrived, before)) in TABLES
        .iter()
        .filter(|(_, class)| *class != SyncClass::LocalOnly)
        .zip(arrived.iter_mut().zip(&before))
    {
        assert_eq!(*table, arrived.0);
        let old: HashSet<String> = before.2.iter().map(|row| format!("{row:?}")).collect();
        arrived.2.retain(|row| !old.contains(&format!("{row:?}")));
        let new = arrived.2.len() as u64;
        match class {
            SyncClass::Ledger => ledger += new,
            _ => mutable += new,
        }
    }
    let rows = ledger + mutable;
    let total = phases.total();
    eprintln!(
        "initial sync: {} changes, {rows} rows ({ledger} ledger, {mutable} mutable) in {:.1} s \
         ({:.0} rows/s, {:.0} changes/s): pull {:.1} s, apply {:.1} s",
        report.pulled,
        total.as_secs_f64(),
        per_second(rows, total),
        per_second(report.pulled.into(), total),
        phases.pull.as_secs_f64(),
        phases.apply.as_secs_f64(),
    );
    let (inserted, plain) = bulk_insert(&dir.join("plain.db"), &arrived);
    assert_eq!(inserted, rows, "the bulk insert stores the same rows");
    eprintln!(
        "plain SQLite bulk insert of the same {inserted} rows: {:.1} s ({:.0} rows/s); \
         initial sync reaches {:.0} % of it (target: at least 30 %)",
        plain.as_secs_f64(),
        per_second(inserted, plain),
        100.0 * plain.as_secs_f64() / total.as_secs_f64(),
    );
}

/// One synced table: its name, columns and rows.
type TableRows = (String, Vec<String>, Vec<Vec<SqlValue>>);

/// Every row of every synced table of the laptop database at `path`, tables in
/// [`TABLES`] order.
fn synced_rows(path: &Path) -> Vec<TableRows> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    TABLES
        .iter()
        .filter(|(_, class)| *class != SyncClass::LocalOnly)
        .map(|(table, _)| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
            let rows = stmt
                .query_map([], |r| {
                    (0..columns.len())
                        .map(|i| r.get::<_, SqlValue>(i))
                        .collect()
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (table.to_string(), columns, rows)
        })
        .collect()
}

/// The baseline: `tables` into a new laptop database at `path` (the same schema, indexes,
/// triggers and connection settings as `Store::open`), in one transaction with one prepared
/// INSERT per table, a table after those its foreign keys point to (OR IGNORE: a row a fresh
/// store holds already is not stored twice). The rows it stored and how long that took, from
/// BEGIN to COMMIT.
fn bulk_insert(path: &Path, tables: &[TableRows]) -> (u64, Duration) {
    drop(Store::open(path).unwrap());
    let mut conn = Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "foreign_keys", "ON").unwrap();
    conn.pragma_update(None, "synchronous", "NORMAL").unwrap();
    conn.pragma_update(None, "cache_size", -32_768).unwrap();
    let order = parents_first(&conn, tables);
    let start = Instant::now();
    let tx = conn.transaction().unwrap();
    let mut inserted = 0u64;
    for (table, columns, rows) in order {
        let names = columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let marks = vec!["?"; columns.len()].join(", ");
        let mut stmt = tx
            .prepare(&format!(
                "INSERT OR IGNORE INTO \"{table}\" ({names}) VALUES ({marks})"
            ))
            .unwrap();
        for row in rows {
            inserted += stmt.execute(params_from_iter(row)).unwrap() as u64;
        }
    }
    tx.commit().unwrap();
    (inserted, start.elapsed())
}

/// `tables`, each after the tables its foreign keys point to.
fn parents_first<'a>(conn: &Connection, tables: &'a [TableRows]) -> Vec<&'a TableRows> {
    let mut stmt = conn
        .prepare("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)")
        .unwrap();
    let mut parents: Vec<(&TableRows, Vec<String>)> = tables
        .iter()
        .map(|t| {
            let of: Vec<String> = stmt
                .query_map([&t.0], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (t, of.into_iter().filter(|p| *p != t.0).collect())
        })
        .collect();
    let mut order: Vec<&TableRows> = Vec::new();
    while !parents.is_empty() {
        let ready = parents
            .iter()
            .position(|(_, of)| {
                of.iter()
                    .all(|p| order.iter().any(|t| t.0 == *p) || !tables.iter().any(|t| t.0 == *p))
            })
            .expect("no cycle of foreign keys between tables");
        order.push(parents.remove(ready).0);
    }
    order
}

/// The whole client of each summary (opening it for editing is audited: those ops go out with
/// the next sync).
fn open_clients(store: &mut Store, limit: usize) -> Vec<Client> {
    let ids: Vec<_> = store
        .caseload(&CaseloadQuery::default())
        .unwrap()
        .into_iter()
        .take(limit)
        .map(|s| s.id)
        .collect();
    ids.iter()
        .map(|id| store.open_client(id).unwrap())
        .collect()
}

/// Changes the phone number of `client` to one not used before.
fn edit_phone(store: &mut Store, client: &mut Client, serial: &mut u64) {
    *serial += 1;
    client.input.phone = Some(format!("06{:08}", *serial % 100_000_000));
    *client = store
        .update_client(&client.id, client.input.clone(), today())
        .unwrap();
}

/// Criterion times the push phase of a sync that sends 1,000 ops: phone numbers of existing
/// dossiers, each edit a field op and its audit entry.
fn push_1000_ops(
    group: &mut criterion::BenchmarkGroup<criterion::measurement::WallTime>,
    store: &mut Store,
) {
    const OPS: u32 = 1_000;
    let mut clients = open_clients(store, OPS as usize);
    timed_sync(store);
    let mut serial = 0;
    let mut next = 0;
    let mut pushes = Vec::new();
    group.bench_function("push 1,000 ops", |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                while store.sync_overview().unwrap().pending < OPS {
                    let k = next % clients.len();
                    edit_phone(store, &mut clients[k], &mut serial);
                    next += 1;
                }
                let (report, phases) = timed_sync(store);
                assert_eq!(report.pushed, OPS, "edits make exactly 1,000 ops");
                pushes.push(phases);
                timed += phases.push;
            }
            timed
        })
    });
    // Nothing ran when a criterion filter left this bench out.
    if pushes.is_empty() {
        return;
    }
    let n = pushes.len() as u32;
    let mean = |f: fn(&Phases) -> Duration| pushes.iter().map(f).sum::<Duration>() / n;
    eprintln!(
        "push of 1,000 ops, mean of {n} syncs: push {:.0} ms ({:.0} ops/s); the whole sync \
         (its own changes pulled back) {:.0} ms",
        mean(|p| p.push).as_secs_f64() * 1e3,
        per_second(OPS.into(), mean(|p| p.push)),
        mean(Phases::total).as_secs_f64() * 1e3,
    );
}

/// The `q` quantile of `values` (nearest rank).
fn quantile(values: &[Duration], q: f64) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    let rank = (sorted.len() as f64 * q).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// 50 laptops of team Zuid, each with 2 clients of its own, make 3 edits and sync, `rounds`
/// times at once, with `pause` between a sync and the next edits; the latency of every sync,
/// and where it went.
fn concurrent(dir: &Path, db: &Path, server: &Server, rounds: usize, pause: Duration) {
    let users: Vec<String> = (1..=LAPTOPS).map(|i| format!("zuid{i:02}")).collect();
    for user in &users {
        admin(db, &["user", "add", user, "--team", "Zuid"], Some(PASSWORD));
    }
    let barrier = &Barrier::new(LAPTOPS);
    let syncs: Vec<(Instant, Phases)> = std::thread::scope(|scope| {
        let threads: Vec<_> = users
            .iter()
            .enumerate()
            .map(|(i, user)| {
                scope.spawn(move || {
                    let identity = Identity {
                        name: user.clone(),
                        role: Role::Consultant,
                        organisation: "ISD Bollenstreek (bench)".into(),
                        municipalities: DEFAULT_MUNICIPALITIES.map(String::from).to_vec(),
                    };
                    let mut options = demo_options(&identity, today());
                    options.clients = 2;
                    options.seed = i as u64;
                    options.consultants = vec![user.clone()];
                    let path = dir.join(format!("{user}.db"));
                    let mut store = laptop(&path, identity, server, user);
                    let mut mine: Vec<Client> = caseload(&options)
                        .into_iter()
                        .map(|c| store.create_client(c.input, today()).unwrap())
                        .collect();
                    // Everyone's clients are on the server, then on every laptop.
                    timed_sync(&mut store);
                    barrier.wait();
                    timed_sync(&mut store);
                    barrier.wait();
                    let mut serial = (i as u64) * 1_000_000;
                    let mut syncs = Vec::with_capacity(rounds);
                    for round in 0..rounds {
                        for e in 0..EDITS_PER_SYNC {
                            let k = (round * EDITS_PER_SYNC + e) % mine.len();
                            edit_phone(&mut store, &mut mine[k], &mut serial);
                        }
                        let started = Instant::now();
                        let (_, phases) = timed_sync(&mut store);
                        syncs.push((started, phases));
                        std::thread::sleep(pause);
                    }
                    syncs
                })
            })
            .collect();
        threads
            .into_iter()
            .flat_map(|t| t.join().unwrap())
            .collect()
    });
    let first = syncs.iter().map(|(started, _)| *started).min().unwrap();
    let last = syncs
        .iter()
        .map(|(started, phases)| *started + phases.total())
        .max()
        .unwrap();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let of = |f: fn(&Phases) -> Duration| syncs.iter().map(|(_, p)| f(p)).collect::<Vec<_>>();
    let (total, push, pull, apply) = (
        of(Phases::total),
        of(|p| p.push),
        of(|p| p.pull),
        of(|p| p.apply),
    );
    eprintln!(
        "{LAPTOPS} concurrent laptops, {} syncs of {EDITS_PER_SYNC} edits each, {} ms apart: \
         p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms (target: p99 under 500 ms); {:.0} syncs/s; \
         p50/p99 of push {:.0}/{:.0} ms, pull {:.0}/{:.0} ms, apply {:.0}/{:.0} ms",
        syncs.len(),
        pause.as_millis(),
        ms(quantile(&total, 0.50)),
        ms(quantile(&total, 0.99)),
        ms(quantile(&total, 1.0)),
        per_second(syncs.len() as u64, last - first),
        ms(quantile(&push, 0.50)),
        ms(quantile(&push, 0.99)),
        ms(quantile(&pull, 0.50)),
        ms(quantile(&pull, 0.99)),
        ms(quantile(&apply, 0.50)),
        ms(quantile(&apply, 0.99)),
    );
}

criterion_group!(benches, sync);
criterion_main!(benches);
