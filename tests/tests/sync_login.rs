//! `traject login` and `logout` against a real `traject-server` process: a wrong password
//! refused in the server's words, the device registered under this laptop's name, plain http
//! to another computer refused before a password is asked, and the login forgotten.

mod server;
mod util;

use server::{admin_ok, Server, TestDb};
use util::TestEnv;

const PASSWORD: &str = "Tulpen-en-hyacinten-2026";

#[test]
fn log_in_and_out() {
    let db = TestDb::new();
    admin_ok(&db, &["team", "add", "Noord"], None);
    admin_ok(
        &db,
        &["user", "add", "anna", "--team", "Noord"],
        Some(PASSWORD),
    );
    let server = Server::start(&db);
    let env = TestEnv::initialised();
    let login = |password: &str, server_url: &str| {
        let mut cmd = env.cmd();
        cmd.args([
            "login",
            "--server",
            server_url,
            "--user",
            "anna",
            "--device",
            "Laptop Lisse 3",
        ])
        .env("TRAJECT_PASSWORD", password);
        cmd.output().unwrap()
    };

    let wrong = login("Tulpen-en-narcissen-2026", &server.url);
    assert!(!wrong.status.success());
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("gebruikersnaam of wachtwoord klopt niet"),
        "{wrong:?}"
    );
    let insecure = login(PASSWORD, "http://sync.bollenstreek.nl");
    assert!(
        String::from_utf8_lossy(&insecure.stderr).contains("gebruik https"),
        "{insecure:?}"
    );

    let ok = login(PASSWORD, &server.url);
    assert!(ok.status.success(), "{ok:?}");
    let said = String::from_utf8_lossy(&ok.stdout);
    assert!(said.contains("aangemeld als anna (team Noord)"), "{said}");
    let devices: serde_json::Value =
        serde_json::from_str(&admin_ok(&db, &["device", "list", "--json"], None)).unwrap();
    assert_eq!(devices.as_array().unwrap().len(), 1);
    assert_eq!(devices[0]["name"], "Laptop Lisse 3");
    assert!(said.contains(devices[0]["id"].as_str().unwrap()), "{said}");

    assert!(env.ok(&["logout"]).contains("afgemeld"));
    assert!(env.ok(&["logout"]).contains("niet aangemeld"));
}
