//! End-to-end: the PIP through the real app window. A consultant drafts the first PIP of a
//! newly registered client, adopts it, sees the termijn end in the dossier and the caseload,
//! generates the beschikking, and tries to afschalen to A2 without the 600 course hours: the
//! app refuses and names the rule.
//!
//! Runs like `e2e.rs` (`make test`, or `make screenshots` with TRAJECT_SCREENSHOTS).

mod webdriver;

use chrono::{Duration, Local, Months};
use fantoccini::Client;
use webdriver::*;

/// The clients of the database at `db`, as `traject client list --json` prints them.
fn clients(db: &std::path::Path) -> Vec<serde_json::Value> {
    let bin = std::env::var("TRAJECT_BIN").expect("TRAJECT_BIN: the traject CLI");
    let out = traject_tests::unlocked(&mut std::process::Command::new(bin))
        .arg("--db")
        .arg(db)
        .args(["--json", "client", "list"])
        .output()
        .unwrap();
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

async fn fill(client: &Client, id: &str, value: &str) {
    set_value(client, id, value).await;
}

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn draft_adopt_see_the_termijn_and_a_refused_afschaling() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    let today = Local::now().date_naive();
    let registered = today - Duration::days(20);
    let clients = dir.path().join("clients.csv");
    std::fs::write(
        &clients,
        format!(
            "external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date,kennisgeving_date\n\
             G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,{registered},{registered},{registered}\n"
        ),
    )
    .unwrap();
    cli(&db, &["init", "--name", "Sanne de Vries"]);
    cli(&db, &["import", "clients", clients.to_str().unwrap()]);
    cli(
        &db,
        &[
            "letterhead",
            "Lisse",
            "--address",
            "Heereweg 254",
            "--postcode-city",
            "2161 BM Lisse",
        ],
    );
    // The termijn starts the day after today's dagtekening and lasts three years.
    let end = (today + Duration::days(1))
        .checked_add_months(Months::new(36))
        .unwrap()
        .format("%d-%m-%Y")
        .to_string();
    let deadline = (registered + Duration::days(70))
        .format("%d-%m-%Y")
        .to_string();

    let port = 5844 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;

    search(&client, "Haddad", "1 cliënt").await;
    click(&client, "[data-testid=caseload-row]").await;
    wait_for_text(&client, "[data-testid=dossier-name]", "Amira Haddad").await;
    click(&client, "#tab-pip").await;
    wait_for_text(&client, "[data-testid=pip-deadline]", &deadline).await;

    // Draft the first PIP and adopt it today.
    click(&client, "[data-testid=pip-draft]").await;
    find(&client, "[data-testid=pip-form]").await;
    fill(&client, "pip-leerroute", "b1").await;
    fill(&client, "pip-target_level", "B1").await;
    fill(&client, "pip-goals", "Werk in de zorg; eerst een taalstage").await;
    fill(&client, "pip-provider", "Taalhuis Bollenstreek").await;
    click(&client, "[data-testid=pip-adopt]").await;
    wait_for_text(&client, "[data-testid=termijn-end]", &end).await;
    wait_for_text(&client, "[data-testid=header-termijn-end]", &end).await;
    client
        .execute(
            "document.getElementById('tab-pip').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    screenshot(&client, "pip").await;

    // The beschikking of the adopted version.
    click(&client, "[data-testid=pip-document]").await;
    wait_for_text(
        &client,
        "[data-testid=pip-document-result]",
        "Beschikking PIP Haddad v1.pdf",
    )
    .await;
    let pdf = dir
        .path()
        .join("documents")
        .join("Beschikking PIP Haddad v1.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    // Afschalen to A2 without 600 course hours is refused, naming the rule.
    click(&client, "[data-testid=pip-draft]").await;
    find(&client, "[data-testid=pip-form]").await;
    fill(&client, "pip-kind", "afschalen").await;
    fill(&client, "pip-target_level", "A2").await;
    fill(&client, "pip-reason", "B1 lijkt niet haalbaar").await;
    click(&client, "[data-testid=pip-adopt]").await;
    wait_for_text(
        &client,
        "[data-testid=pip-refused]",
        "afschalen naar A2 kan pas na minstens 600 lesuren",
    )
    .await;
    screenshot(&client, "pip-refused").await;

    // The caseload shows the termijn end too.
    click(&client, "[data-testid=nav-caseload]").await;
    wait_for_text(&client, "[data-testid=caseload-termijn-end]", &end).await;
    client.close().await.unwrap();
}

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn the_first_pip_is_drafted_from_the_completed_intake() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    cli(&db, &["init", "--name", "Sanne de Vries"]);
    cli(&db, &["generate", "--clients", "60"]);
    // A client at the PIP stage: the intake is complete, no PIP yet.
    let at_pip = clients(&db)
        .into_iter()
        .find(|c| c["status"] == "pip")
        .expect("the demo caseload has a client at the PIP stage");
    let family = at_pip["family_name"].as_str().unwrap().to_owned();
    let given = at_pip["given_name"].as_str().unwrap().to_owned();

    let port = 5944 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;
    // Any number of hits: the count only says "gevonden" once the search has run.
    search(&client, &format!("{given} {family}"), "").await;
    click_text(
        &client,
        "[data-testid=caseload-row]",
        &format!("{given} {family}"),
    )
    .await;
    wait_for_text(&client, "[data-testid=dossier-name]", &family).await;
    click(&client, "#tab-pip").await;
    click(&client, "[data-testid=pip-draft]").await;
    find(&client, "[data-testid=pip-form]").await;
    let route = client
        .execute(
            "return document.getElementById('pip-leerroute').value;",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        ["b1", "onderwijsroute", "z_route"].contains(&route.as_str().unwrap_or("")),
        "the route advice of the intake fills the leerroute: {route:?}"
    );
    client.close().await.unwrap();
}
