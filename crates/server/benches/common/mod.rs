//! What the sync benchmarks share: a real `traject-server` process on a free loopback port
//! with a SQLite database in a temp dir (as `tests/tests/server/mod.rs` starts it), its admin
//! subcommands, laptops logged in to it, and a sync timed phase by phase.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use traject_core::domain::Identity;
use traject_core::store::SyncReport;
use traject_core::sync::status::SyncPhase;
use traject_core::Store;

pub const PASSWORD: &str = "Tulpen-en-hyacinten-2026";

/// The day the caseloads are generated for and edited on.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

/// `$TRAJECT_SERVER_BIN`, or the `traject-server` that cargo built for this bench.
fn server_bin() -> PathBuf {
    std::env::var_os("TRAJECT_SERVER_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_traject-server")),
        PathBuf::from,
    )
}

/// Runs an admin subcommand on the database `db`, with `password` on stdin; it must succeed.
pub fn admin(db: &Path, args: &[&str], password: Option<&str>) {
    let mut child = Command::new(server_bin())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("TRAJECT_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("traject-server starts");
    if let Some(password) = password {
        writeln!(child.stdin.as_mut().unwrap(), "{password}").unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "traject-server {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A `traject-server serve` process; killed when dropped.
pub struct Server {
    child: Child,
    pub url: String,
}

impl Server {
    /// Starts `serve` on port 0 of loopback and reads the address it prints.
    pub fn start(db: &Path) -> Self {
        let mut child = Command::new(server_bin())
            .arg("--db")
            .arg(db)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("traject-server starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .rsplit(' ')
            .next()
            .filter(|u| u.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_owned();
        Self { child, url }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A new laptop database at `path` for `identity`, logged in to `server` as `user`.
pub fn laptop(path: &Path, identity: Identity, server: &Server, user: &str) -> Store {
    let mut store = Store::open(path).unwrap();
    store.save_identity(identity).unwrap();
    let device = path.file_stem().unwrap().to_str().unwrap();
    store
        .log_in(&server.url, user, PASSWORD, device, false)
        .unwrap();
    store
}

/// How long each phase of one sync took: sending the outbox, fetching the team's changes
/// (HTTP and JSON), and storing them (with the request for the open conflicts at the end).
#[derive(Debug, Clone, Copy)]
pub struct Phases {
    pub push: Duration,
    pub pull: Duration,
    pub apply: Duration,
}

impl Phases {
    pub fn total(&self) -> Duration {
        self.push + self.pull + self.apply
    }
}

/// `Store::sync`, timed by the phases it reports.
pub fn timed_sync(store: &mut Store) -> (SyncReport, Phases) {
    let start = Instant::now();
    let mut pull_start = None;
    let mut apply_start = None;
    let report = store
        .sync_with(&mut |progress| match progress.phase {
            SyncPhase::Push => {}
            SyncPhase::Pull => {
                pull_start.get_or_insert_with(Instant::now);
            }
            SyncPhase::Apply => {
                apply_start.get_or_insert_with(Instant::now);
            }
        })
        .unwrap();
    let end = Instant::now();
    let pull_start = pull_start.expect("a sync pulls");
    let apply_start = apply_start.expect("a sync applies");
    let phases = Phases {
        push: pull_start - start,
        pull: apply_start - pull_start,
        apply: end - apply_start,
    };
    assert!(
        report.rejected.is_empty(),
        "rejected: {:?}",
        report.rejected
    );
    (report, phases)
}

/// `n` per second of `d`.
pub fn per_second(n: u64, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}
