//! Helpers for running the `traject` binary in a throwaway directory (ripgrep-style).
//!
//! The binary belongs to another package (`traject-cli`), so `CARGO_BIN_EXE_traject` is not
//! available here. It is found next to the test executable instead (`target/<profile>/traject`),
//! or at `$TRAJECT_BIN` when that is set. It must be built first:
//! `cargo build -p traject-cli` (`make test` does this, and `cargo nextest run --workspace`
//! builds every binary of the workspace).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The date every command validates against, so the tests do not depend on the clock.
pub const TODAY: &str = "2026-11-29";

/// The header with the nine required columns, in the documented order.
pub const REQUIRED_HEADER: &str = "external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date";

/// The `traject` binary under test.
pub fn traject_bin() -> PathBuf {
    if let Some(path) = std::env::var_os("TRAJECT_BIN") {
        let path = PathBuf::from(path);
        assert!(
            path.is_file(),
            "TRAJECT_BIN points at {}, which is not a file",
            path.display()
        );
        return path;
    }
    let exe = std::env::current_exe().expect("the path of the test executable");
    // target/<profile>/deps/cli-<hash> -> target/<profile>/traject
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test executable lives in target/<profile>/deps");
    let bin = profile_dir.join(format!("traject{}", std::env::consts::EXE_SUFFIX));
    assert!(
        bin.is_file(),
        "the traject binary is missing at {}; build it first with `cargo build -p traject-cli` \
         (or set TRAJECT_BIN to its path)",
        bin.display()
    );
    bin
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from_output(output: Output) -> Self {
        Self {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// The JSON on standard output.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// The lines on standard error that report a rejected row.
    pub fn row_errors(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("regel "))
            .collect()
    }
}

/// A temporary directory with its own database file.
pub struct TestEnv {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl TestEnv {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let db = dir.path().join("traject.db");
        Self { dir, db }
    }

    /// A fresh environment after `traject init` with the default municipalities.
    pub fn initialised() -> Self {
        let env = Self::new();
        env.ok(&["init", "--name", "Els de Vries"]);
        env
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn db(&self) -> &Path {
        &self.db
    }

    /// `traject --db <this db> --today 2026-11-29`, run in the temporary directory and
    /// without an inherited `TRAJECT_DB`, so a test can never touch a real database.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(traject_bin());
        traject_tests::unlocked(&mut cmd)
            .current_dir(self.dir.path())
            .env_remove("TRAJECT_DB")
            .env("XDG_DATA_HOME", self.xdg())
            .arg("--db")
            .arg(&self.db)
            .arg("--today")
            .arg(TODAY);
        cmd
    }

    /// `traject --today 2026-11-29` without --db: it opens the app's database, in the data
    /// directory of this temporary directory (`XDG_DATA_HOME`).
    pub fn app_run(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(traject_bin());
        traject_tests::unlocked(&mut cmd)
            .current_dir(self.dir.path())
            .env_remove("TRAJECT_DB")
            .env_remove("TRAJECT_PROFILE")
            .env("XDG_DATA_HOME", self.xdg())
            .arg("--today")
            .arg(TODAY)
            .args(args);
        Run::from_output(cmd.output().expect("the traject binary runs"))
    }

    /// The app's data directory for [`TestEnv::app_run`].
    pub fn app_dir(&self) -> PathBuf {
        self.xdg().join("nl.traject.app")
    }

    fn xdg(&self) -> PathBuf {
        self.dir.path().join("xdg")
    }

    /// Runs the binary with `args`, whatever its exit code.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = self
            .cmd()
            .args(args)
            .output()
            .expect("the traject binary runs");
        Run::from_output(output)
    }

    /// Runs the binary and expects success; returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(
            run.code,
            Some(0),
            "traject {args:?} failed\n--- stdout\n{}\n--- stderr\n{}",
            run.stdout,
            run.stderr
        );
        run.stdout
    }

    /// Runs the binary with `--json` and expects success; returns the parsed output.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut with_json = vec!["--json"];
        with_json.extend_from_slice(args);
        let stdout = self.ok(&with_json);
        serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("traject {args:?} printed no JSON ({e}):\n{stdout}"))
    }

    /// Runs the binary and expects it to fail with a non-zero exit code.
    pub fn fails(&self, args: &[&str]) -> Run {
        let run = self.run(args);
        assert!(
            run.code.is_some_and(|c| c != 0),
            "traject {args:?} should have failed but exited {:?}\n--- stdout\n{}\n--- stderr\n{}",
            run.code,
            run.stdout,
            run.stderr
        );
        run
    }

    /// Every client (`client list --json`).
    pub fn clients(&self) -> Vec<serde_json::Value> {
        match self.json(&["client", "list"]) {
            serde_json::Value::Array(rows) => rows,
            other => panic!("client list --json is not an array: {other}"),
        }
    }

    pub fn client_count(&self) -> usize {
        self.clients().len()
    }

    /// The clients `traject search TEXT` finds.
    pub fn search(&self, text: &str) -> Vec<serde_json::Value> {
        match self.json(&["search", text]) {
            serde_json::Value::Array(rows) => rows,
            other => panic!("search --json is not an array: {other}"),
        }
    }

    /// Writes a file into the temporary directory and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write a test file");
        path
    }
}

/// A path as a command-line argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// `"Family, Given"` names of JSON client rows, sorted.
pub fn names(rows: &[serde_json::Value]) -> Vec<String> {
    let mut names: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}, {}",
                r["family_name"].as_str().expect("family_name"),
                r["given_name"].as_str().expect("given_name")
            )
        })
        .collect();
    names.sort();
    names
}
