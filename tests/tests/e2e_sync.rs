//! End-to-end: sync through the real app window — a consultant logs in in Instellingen →
//! Synchronisatie and the app syncs by itself; a colleague's laptop (the CLI) receives her
//! dossier; both change the same phone number offline, the app shows the conflict with both
//! values, she chooses her colleague's, and it stands everywhere; last, the beheerder revokes
//! her laptop and the app wipes its database on its next contact.
//!
//! Runs like `e2e.rs` (`make test`, or `make screenshots` with TRAJECT_SCREENSHOTS).

mod server;
mod webdriver;

use std::process::Command;

use server::{admin_ok, Server, TestDb};
use webdriver::*;

const PASSWORD: &str = "Tulpen-en-hyacinten-2026";

const CLIENTS: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date
G-1,Amira,Haddad,1996-01-01,V,statushouder,Lisse,2026-09-01,2026-09-01
";

/// The colleague's laptop: the CLI on a database of its own.
fn colleague(db: &std::path::Path, args: &[&str]) -> String {
    let bin = std::env::var("TRAJECT_BIN").expect("TRAJECT_BIN: the traject CLI");
    let out = traject_tests::unlocked(&mut Command::new(bin))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("TRAJECT_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(out.status.success(), "traject {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn phone(db: &std::path::Path, id: &str) -> String {
    let shown: serde_json::Value =
        serde_json::from_str(&cli(db, &["client", "show", id, "--json"])).unwrap();
    shown["client"]["phone"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Waits until Instellingen → Synchronisatie says nothing waits to be sent.
async fn nothing_pending(client: &fantoccini::Client) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let text = find(client, "[data-testid=sync-pending]")
            .await
            .text()
            .await
            .unwrap_or_default();
        if text.trim() == "0 wijzigingen" {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still pending: {text}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn a_consultant_syncs_resolves_a_conflict_and_a_revoked_laptop_wipes() {
    let server_db = TestDb::new();
    admin_ok(&server_db, &["team", "add", "Noord"], None);
    for user in ["anna", "bram"] {
        admin_ok(
            &server_db,
            &["user", "add", user, "--team", "Noord"],
            Some(PASSWORD),
        );
    }
    let server = Server::start(&server_db);

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    cli(&db, &["init", "--name", "Anna Jansen"]);
    let csv = dir.path().join("clients.csv");
    std::fs::write(&csv, CLIENTS).unwrap();
    cli(&db, &["import", "clients", csv.to_str().unwrap()]);
    let bram = dir.path().join("bram.db");
    colleague(&bram, &["init", "--name", "Bram Visser"]);
    colleague(
        &bram,
        &[
            "login",
            "--server",
            &server.url,
            "--user",
            "bram",
            "--device",
            "laptop-bram",
        ],
    );

    let port = 6444 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;
    wait_for_text(&client, "[data-testid=status-sync]", "niet ingesteld").await;

    // She logs in; the app syncs by itself.
    click(&client, "[data-testid=status-sync]").await;
    set_testid(&client, "sync-server", &server.url).await;
    set_testid(&client, "sync-user", "anna").await;
    set_testid(&client, "sync-password", PASSWORD).await;
    set_testid(&client, "sync-device", "laptop-anna").await;
    click(&client, "[data-testid=sync-login]").await;
    wait_for_text(&client, "[data-testid=sync-account]", "Noord").await;
    wait_for_text(&client, "[data-testid=status-sync]", "Gesynchroniseerd").await;
    nothing_pending(&client).await;
    screenshot(&client, "sync-settings").await;

    // Bram's laptop receives her dossier.
    colleague(&bram, &["sync"]);
    let found: serde_json::Value =
        serde_json::from_str(&colleague(&bram, &["client", "list", "--json"])).unwrap();
    let id = found[0]["id"].as_str().expect("Amira arrived").to_owned();

    // Both change her phone apart; Bram syncs first, her later edit wins and the app shows the
    // conflict with both values.
    colleague(&bram, &["client", "edit", &id, "--phone", "0687654321"]);
    cli(&db, &["client", "edit", &id, "--phone", "0612345678"]);
    colleague(&bram, &["sync"]);
    click(&client, "[data-testid=sync-now]").await;
    wait_for_text(&client, "[data-testid=status-conflicts]", "1 conflict").await;
    click(&client, "[data-testid=status-conflicts]").await;
    wait_for_text(&client, "[data-testid=conflict-card]", "Amira Haddad").await;
    wait_for_text(&client, "[data-testid=conflict-kept-value]", "0612345678").await;
    wait_for_text(&client, "[data-testid=conflict-lost-value]", "0687654321").await;
    wait_for_text(&client, "[data-testid=conflict-card]", "bram (laptop-bram)").await;
    screenshot(&client, "conflicts").await;

    // She chooses Bram's number: it stands on her laptop at once, and after the next sync on
    // the server, where the conflict is settled.
    click(&client, "[data-testid=conflict-choose-lost]").await;
    find(&client, "[data-testid=conflicts-empty]").await;
    assert_eq!(phone(&db, &id), "0687654321");
    click(&client, "[data-testid=status-sync]").await;
    click(&client, "[data-testid=sync-now]").await;
    nothing_pending(&client).await;
    let open = admin_ok(&server.db, &["conflict", "list", "--json"], None);
    assert_eq!(open.trim(), "[]", "{open}");
    colleague(&bram, &["sync"]);
    let on_bram: serde_json::Value =
        serde_json::from_str(&colleague(&bram, &["client", "show", &id, "--json"])).unwrap();
    assert_eq!(on_bram["client"]["phone"], "0687654321");

    // The beheerder revokes her laptop: on its next contact it wipes its database.
    let devices: serde_json::Value =
        serde_json::from_str(&admin_ok(&server.db, &["device", "list", "--json"], None)).unwrap();
    let hers = devices
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "laptop-anna")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    admin_ok(&server.db, &["device", "revoke", &hers], None);
    click(&client, "[data-testid=sync-now]").await;
    wait_for_text(&client, "[data-testid=device-wiped]", "gewist").await;
    screenshot(&client, "device-wiped").await;
    assert!(!db.exists(), "the database is gone");
}
