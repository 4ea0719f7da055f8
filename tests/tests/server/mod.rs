//! A real `traject-server` process on a free loopback port, on a database in a temp dir;
//! killed when dropped. The binary is found next to the test executable
//! (`target/<profile>/traject-server`) or at `$TRAJECT_SERVER_BIN`.

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

pub struct Server {
    child: Child,
    pub url: String,
    pub db: PathBuf,
}

impl Server {
    /// Starts `serve` on port 0 and reads the address it prints.
    pub fn start(db: &Path) -> Self {
        let mut child = Command::new(server_bin())
            .args([
                "--db",
                db.to_str().unwrap(),
                "serve",
                "--listen",
                "127.0.0.1:0",
            ])
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
            db: db.to_owned(),
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

/// Runs an admin subcommand on the server's database, with `password` on stdin.
pub fn admin(db: &Path, args: &[&str], password: Option<&str>) -> Output {
    use std::io::Write;
    let mut child = Command::new(server_bin())
        .arg("--db")
        .arg(db)
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
pub fn admin_ok(db: &Path, args: &[&str], password: Option<&str>) -> String {
    let out = admin(db, args, password);
    assert!(
        out.status.success(),
        "traject-server {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
