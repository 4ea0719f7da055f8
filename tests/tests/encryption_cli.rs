//! The laptop database is encrypted at rest: what `traject` writes is no SQLite file without
//! the passphrase, a wrong passphrase opens nothing, the passphrase can be changed, and a
//! database of an earlier version is encrypted without losing a row.

mod util;

use std::process::{Command, Stdio};

use util::TestEnv;

/// `sqlite3 db query`: what the plain SQLite shell makes of the file.
fn sqlite3(db: &std::path::Path, query: &str) -> (bool, String) {
    let out = Command::new("sqlite3")
        .arg(db)
        .arg(query)
        .output()
        .expect("sqlite3 on PATH (make test installs it)");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn the_database_is_unreadable_without_the_passphrase() {
    let env = TestEnv::initialised();
    env.ok(&["generate", "--clients", "5"]);
    let header = std::fs::read(env.db()).unwrap();
    assert_ne!(&header[..16], b"SQLite format 3\0");
    let (ok, text) = sqlite3(env.db(), "SELECT count(*) FROM clients");
    assert!(!ok, "sqlite3 read the database: {text}");
    assert!(text.contains("file is not a database"), "{text}");
    assert_eq!(env.client_count(), 5);

    let run = env
        .cmd()
        .env("TRAJECT_PASSPHRASE", "Een andere zin van mij 42")
        .args(["client", "list"])
        .output()
        .unwrap();
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("onjuiste wachtwoordzin"), "{stderr}");

    // No passphrase and no terminal to ask on: said plainly, nothing opened.
    let run = env
        .cmd()
        .env_remove("TRAJECT_PASSPHRASE")
        .stdin(Stdio::null())
        .args(["client", "list"])
        .output()
        .unwrap();
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("zet TRAJECT_PASSPHRASE"), "{stderr}");
}

#[test]
fn a_new_database_refuses_a_weak_passphrase() {
    let env = TestEnv::new();
    let run = env
        .cmd()
        .env("TRAJECT_PASSPHRASE", "geheim")
        .args(["init", "--name", "Els de Vries"])
        .output()
        .unwrap();
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("minstens 12 tekens"), "{stderr}");
    assert!(
        !env.db().exists(),
        "nothing is created with a weak passphrase"
    );
}

#[test]
fn the_passphrase_is_changed_and_the_data_stays() {
    let env = TestEnv::initialised();
    env.ok(&["generate", "--clients", "3"]);
    let new = "Nieuwe zin voor de laptop, 2027";
    let run = env
        .cmd()
        .env("TRAJECT_NEW_PASSPHRASE", "zwak")
        .args(["passphrase", "change"])
        .output()
        .unwrap();
    assert!(!run.status.success(), "a weak new passphrase is refused");
    let run = env
        .cmd()
        .env("TRAJECT_NEW_PASSPHRASE", new)
        .args(["passphrase", "change"])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let run = env.run(&["client", "list"]);
    assert_ne!(run.code, Some(0), "the old passphrase no longer opens it");
    let out = env
        .cmd()
        .env("TRAJECT_PASSPHRASE", new)
        .args(["--json", "client", "list"])
        .output()
        .unwrap();
    let clients: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(clients.as_array().unwrap().len(), 3);
}

#[test]
fn a_database_of_an_earlier_version_is_encrypted_whole() {
    let env = TestEnv::new();
    {
        // What earlier versions wrote: a plain SQLite file.
        let mut store = traject_core::Store::open(env.db()).unwrap();
        store
            .save_identity(traject_core::generate::demo_identity())
            .unwrap();
        let mut options = traject_core::generate::demo_options(
            &traject_core::generate::demo_identity(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        );
        options.clients = 8;
        traject_core::generate::into_store(&mut store, &options).unwrap();
    }
    const TABLES: [&str; 5] = ["clients", "intakes", "hour_entries", "audit_log", "notes"];
    let counts = |conn: &rusqlite::Connection| -> Vec<i64> {
        TABLES
            .iter()
            .map(|t| {
                conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
                    .unwrap()
            })
            .collect()
    };
    let before = counts(&rusqlite::Connection::open(env.db()).unwrap());
    assert!(before.iter().all(|n| *n > 0), "{before:?}");
    let run = env.run(&["client", "list"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("nog niet versleuteld"),
        "{}",
        run.stderr
    );
    assert_eq!(env.client_count(), 8);
    let (ok, text) = sqlite3(env.db(), "SELECT count(*) FROM clients");
    assert!(!ok, "still plain: {text}");
    assert_eq!(counts(&traject_tests::connect(env.db())), before);
}
