//! End-to-end: privacy through the real app window (domain page §7). A consultant registered
//! two clients and read a dossier; the team lead opens the Auditlog, filters it by that
//! consultant, opens the dossier from the log, shows the BSN on purpose (it is masked until
//! then), finds "BSN bekeken" under her own name in the dossier's audit trail, exports the
//! dossier for the client (inzage), and sees the mask again after leaving the dossier.
//!
//! Runs like `e2e.rs` (`make test`, or `make screenshots` with TRAJECT_SCREENSHOTS).

mod webdriver;

use webdriver::*;

/// The actors of the rows the audit table shows now.
async fn shown_actors(client: &fantoccini::Client) -> Vec<String> {
    let actors = client
        .execute(
            "return [...document.querySelectorAll('[data-testid=audit-row] td:nth-child(2)')]
                 .map(td => td.textContent.trim());",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(actors).unwrap()
}

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn the_audit_log_is_filtered_and_a_revealed_bsn_is_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    let clients = dir.path().join("clients.csv");
    std::fs::write(
        &clients,
        "external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date,bsn\n\
         G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-08-03,2026-08-03,123456782\n\
         G-2,Yonas,Tesfaye,1988-02-03,M,statushouder,Hillegom,2026-06-01,2026-06-01,\n",
    )
    .unwrap();
    // The consultant's work on this laptop, then the team lead takes over.
    cli(&db, &["init", "--name", "Sanne de Vries"]);
    cli(&db, &["import", "clients", clients.to_str().unwrap()]);
    let found = cli(&db, &["--json", "search", "Haddad"]);
    let found: serde_json::Value = serde_json::from_str(&found).unwrap();
    let amira = found[0]["id"].as_str().unwrap().to_owned();
    cli(&db, &["client", "show", &amira]);
    cli(
        &db,
        &["init", "--name", "Petra Jansen", "--role", "teamleider"],
    );

    let port = 6544 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;

    // The Auditlog: every dossier, newest first.
    click(&client, "[data-testid=nav-audit]").await;
    wait_for_text(&client, "[data-testid=audit-row]", "Amira Haddad").await;
    wait_for_text(&client, "[data-testid=audit-row]", "Yonas Tesfaye").await;
    wait_for_text(&client, "[data-testid=audit-row]", "Ingezien").await;
    screenshot(&client, "auditlog").await;

    // Filter by the consultant: only her entries remain.
    set_testid(&client, "audit-actor", "Sanne de Vries").await;
    set_testid(&client, "audit-action", "read").await;
    wait_for_text(&client, "[data-testid=audit-count]", "1 regel").await;
    assert_eq!(shown_actors(&client).await, ["Sanne de Vries"]);
    set_testid(&client, "audit-action", "").await;
    wait_for_text(&client, "[data-testid=audit-count]", "3 regels").await;
    let actors = shown_actors(&client).await;
    assert!(
        actors.iter().all(|a| a == "Sanne de Vries"),
        "only the consultant's entries: {actors:?}"
    );

    // Open the dossier from the log: the BSN is masked until asked for.
    click_text(&client, "[data-testid=audit-client] button", "Amira Haddad").await;
    wait_for_text(&client, "[data-testid=dossier-name]", "Amira Haddad").await;
    wait_for_text(&client, "[data-testid=dossier-bsn]", "******782").await;
    find(&client, "[data-testid=reveal-bsn]").await;
    screenshot(&client, "dossier-bsn-masked").await;
    click(&client, "[data-testid=reveal-bsn]").await;
    wait_for_text(&client, "[data-testid=dossier-bsn]", "123456782").await;
    find(&client, "[data-testid=export-inzage]").await;
    screenshot(&client, "dossier-bsn").await;

    // The reveal is in the dossier's audit trail, under the team lead's name.
    click(&client, "[data-testid=tab-audit]").await;
    let reveal = wait_for_text(&client, "[data-testid=audit-row]", "BSN bekeken").await;
    assert!(reveal.contains("Petra Jansen"), "{reveal}");
    assert!(
        reveal.contains("******782"),
        "the log keeps it masked: {reveal}"
    );
    assert!(!reveal.contains("123456782"), "{reveal}");

    // Export the dossier for the client: both files next to the database.
    click(&client, "[data-testid=export-inzage]").await;
    let saved = wait_for_text(&client, "[data-testid=inzage-saved]", "Inzage geëxporteerd").await;
    let inzage = dir.path().join("documents").join("inzage");
    let files: Vec<String> = std::fs::read_dir(&inzage)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    for file in &files {
        assert!(file.starts_with("inzage-Haddad-"), "{file}");
        assert!(saved.contains(file.as_str()), "{saved}");
    }
    screenshot(&client, "dossier-inzage").await;

    // Leaving the dossier forgets the whole BSN; the Auditlog shows the reveal and the export.
    click(&client, "[data-testid=back-to-audit]").await;
    set_testid(&client, "audit-actor", "Petra Jansen").await;
    wait_for_text(&client, "[data-testid=audit-row]", "BSN bekeken").await;
    wait_for_text(
        &client,
        "[data-testid=audit-row]",
        "Dossier geëxporteerd (inzage)",
    )
    .await;
    screenshot(&client, "auditlog-filtered").await;
    click_text(&client, "[data-testid=audit-client] button", "Amira Haddad").await;
    wait_for_text(&client, "[data-testid=dossier-bsn]", "******782").await;
    find(&client, "[data-testid=reveal-bsn]").await;

    client.close().await.unwrap();
}
