//! A real `traject-server` process on a free loopback port, on a database of its own; killed
//! when dropped. The database is a SQLite file in a temp dir, or, when `TRAJECT_TEST_POSTGRES`
//! holds a base URL (`postgres://postgres@127.0.0.1:55432/postgres`; `make test-postgres`
//! starts such a cluster), a fresh PostgreSQL database, dropped afterwards. The binary is found
//! next to the test executable (`target/<profile>/traject-server`) or at `$TRAJECT_SERVER_BIN`.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

pub fn server_bin() -> PathBuf {
    if let Some(path) = std::env::var_os("TRAJECT_SERVER_BIN") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("the path of the test executable");
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test executable lives in target/<profile>/deps")
        .join(format!("traject-server{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "traject-server is missing at {}; build it with `cargo build -p traject-server`",
        bin.display()
    );
    bin
}

/// The server's database for one test; gone when dropped.
pub struct TestDb {
    /// What `--db` says: a file path or a `postgres://` URL.
    arg: String,
    backend: Backend,
}

enum Backend {
    Sqlite(tempfile::TempDir),
    Postgres { base: String, name: String },
}

/// `url` with its database name replaced by `name`.
fn with_dbname(url: &str, name: &str) -> String {
    let (head, query) = url
        .split_once('?')
        .map_or((url, None), |(head, query)| (head, Some(query)));
    let authority = head.find("://").map_or(0, |i| i + 3);
    let end = head[authority..]
        .find('/')
        .map_or(head.len(), |i| authority + i);
    let mut url = format!("{}/{name}", &head[..end]);
    if let Some(query) = query {
        url.push('?');
        url.push_str(query);
    }
    url
}

fn connect(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("TRAJECT_TEST_POSTGRES: cannot connect to {url}: {e:?}"))
}

impl TestDb {
    /// A new, empty database on the backend the environment chooses.
    pub fn new() -> Self {
        match std::env::var("TRAJECT_TEST_POSTGRES") {
            Ok(base) if !base.is_empty() => {
                let name = format!("traject_test_{}", uuid::Uuid::now_v7().simple());
                connect(&base)
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .unwrap();
                Self {
                    arg: with_dbname(&base, &name),
                    backend: Backend::Postgres { base, name },
                }
            }
            _ => {
                let dir = tempfile::tempdir().unwrap();
                Self {
                    arg: dir.path().join("server.db").to_str().unwrap().to_owned(),
                    backend: Backend::Sqlite(dir),
                }
            }
        }
    }

    /// Everything the database keeps, as bytes: the SQLite file with its write-ahead log, or
    /// every row of every table as text.
    pub fn contents(&self) -> Vec<u8> {
        match &self.backend {
            Backend::Sqlite(_) => {
                let mut bytes = std::fs::read(&self.arg).unwrap();
                if let Ok(log) = std::fs::read(format!("{}-wal", self.arg)) {
                    bytes.extend(log);
                }
                bytes
            }
            Backend::Postgres { .. } => {
                let mut client = connect(&self.arg);
                let tables: Vec<String> = client
                    .query(
                        "SELECT table_name::text FROM information_schema.tables
                         WHERE table_schema = 'public'",
                        &[],
                    )
                    .unwrap()
                    .iter()
                    .map(|r| r.get(0))
                    .collect();
                let mut contents = Vec::new();
                for table in tables {
                    for row in client
                        .query(&format!("SELECT t::text FROM \"{table}\" t"), &[])
                        .unwrap()
                    {
                        contents.extend(row.get::<_, String>(0).into_bytes());
                        contents.push(b'\n');
                    }
                }
                contents
            }
        }
    }
}

impl AsRef<str> for TestDb {
    fn as_ref(&self) -> &str {
        &self.arg
    }
}

impl Drop for TestDb {
    /// Drops a PostgreSQL database, best effort (a server still connected is cut off).
    fn drop(&mut self) {
        if let Backend::Postgres { base, name } = &self.backend {
            if let Ok(mut client) = postgres::Client::connect(base, postgres::NoTls) {
                let _ =
                    client.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

pub struct Server {
    child: Child,
    pub url: String,
    /// The server's `--db`, for the admin subcommands.
    pub db: String,
}

impl Server {
    /// Starts `serve` on port 0 and reads the address it prints.
    pub fn start(db: &TestDb) -> Self {
        Self::start_at(db, "127.0.0.1:0")
    }

    /// Starts `serve` on `address` (a restarted server on the address its clients know).
    pub fn start_at(db: &TestDb, address: &str) -> Self {
        let mut child = Command::new(server_bin())
            .args(["--db", db.as_ref(), "serve", "--listen", address])
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
        Self {
            child,
            url,
            db: db.as_ref().to_owned(),
        }
    }

    pub fn stop(mut self) -> std::process::ExitStatus {
        #[cfg(unix)]
        {
            // SIGTERM: the graceful path.
            let _ = Command::new("kill")
                .args(["-TERM", &self.child.id().to_string()])
                .status();
        }
        #[cfg(not(unix))]
        let _ = self.child.kill();
        self.child.wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs an admin subcommand on the server's database (a [`TestDb`] or a [`Server`]'s `db`),
/// with `password` on stdin.
pub fn admin(db: &impl AsRef<str>, args: &[&str], password: Option<&str>) -> Output {
    use std::io::Write;
    let mut child = Command::new(server_bin())
        .arg("--db")
        .arg(db.as_ref())
        .args(args)
        .env_remove("TRAJECT_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(password) = password {
        writeln!(child.stdin.as_mut().unwrap(), "{password}").unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

/// An admin subcommand that must succeed; its stdout.
pub fn admin_ok(db: &impl AsRef<str>, args: &[&str], password: Option<&str>) -> String {
    let out = admin(db, args, password);
    assert!(
        out.status.success(),
        "traject-server {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
