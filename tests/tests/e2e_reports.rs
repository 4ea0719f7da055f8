//! End-to-end: Rapportages through the real app window — the team dashboard's figures are the
//! team table's totals (as the CLI computes them), a table for another reference date, an
//! XLSX export saved next to the database, a language school's invoice checked, and next
//! year's SPUK amount added in Instellingen.
//!
//! Runs like `e2e.rs` (`make test`, or `make screenshots` with TRAJECT_SCREENSHOTS).

mod webdriver;

use chrono::Local;
use webdriver::*;

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn the_team_lead_reads_the_dashboard_and_exports_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    cli(
        &db,
        &["init", "--name", "Sanne de Vries", "--role", "teamleider"],
    );
    cli(&db, &["generate", "--clients", "120", "--seed", "11"]);
    let today = Local::now().date_naive();
    let team: serde_json::Value = serde_json::from_str(&cli(
        &db,
        &[
            "report",
            "team",
            "--reference-date",
            &today.to_string(),
            "--json",
        ],
    ))
    .unwrap();
    let totals = team["rows"].as_array().unwrap().last().unwrap()["values"].clone();
    let count = |i: usize| format!("{}", totals[i].as_f64().unwrap());

    let port = 6344 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;
    click(&client, "[data-testid=nav-reports]").await;
    wait_for_text(&client, "[data-testid=kpi-open-cases]", &count(0)).await;
    wait_for_text(&client, "[data-testid=kpi-open-signals]", &count(1)).await;
    wait_for_text(&client, "[data-testid=kpi-overdue]", &count(2)).await;
    find(&client, "[data-testid=dashboard-team-chart] canvas").await;
    find(&client, "[data-testid=dashboard-signals-chart] canvas").await;
    screenshot(&client, "dashboard").await;

    click(&client, "[data-testid=reports-tab-tables]").await;
    set_testid(&client, "report-select", "leerroutes").await;
    wait_for_text(
        &client,
        "[data-testid=report-title]",
        "Leerroutes naar doelgroep en startjaar",
    )
    .await;
    wait_for_text(&client, "[data-testid=report-row]", "Totaal").await;
    screenshot(&client, "report-table").await;

    // Another reference date: the table counts up to that day and says so.
    set_testid(&client, "report-reference", "2025-01-01").await;
    wait_for_text(&client, "[data-testid=report-note]", "01-01-2025").await;

    click(&client, "[data-testid=export-xlsx]").await;
    let saved = wait_for_text(&client, "[data-testid=export-saved]", ".xlsx").await;
    let file = dir
        .path()
        .join("documents/rapportages/leerroutes-2025-01-01.xlsx");
    assert!(saved.contains("leerroutes-2025-01-01.xlsx"), "{saved}");
    let bytes = std::fs::read(&file).expect("the export is saved under documents/rapportages");
    assert_eq!(&bytes[..2], b"PK", "an XLSX workbook is a zip file");

    // A language school's invoice: a line for a client the records do not know, and a line
    // without an amount.
    click(&client, "[data-testid=reports-tab-invoice]").await;
    let invoice = dir.path().join("factuur.csv");
    std::fs::write(
        &invoice,
        "client;provider;milestone;amount;date\n\
         X-404;Leerhuis Teylingen;b1_6_maanden;1.114,47;2026-03-01\n\
         X-405;Leerhuis Teylingen;b1_6_maanden;;2026-03-01\n",
    )
    .unwrap();
    find(&client, "[data-testid=invoice-file]")
        .await
        .send_keys(invoice.to_str().unwrap())
        .await
        .unwrap();
    wait_for_text(
        &client,
        "[data-testid=invoice-summary]",
        "1 regel gecontroleerd: 0 in orde, 1 met een bevinding; 1 afgekeurd",
    )
    .await;
    wait_for_text(&client, "[data-testid=invoice-row]", "X-404").await;
    wait_for_text(
        &client,
        "[data-testid=invoice-rejected]",
        "Regel 3, kolom amount: is verplicht",
    )
    .await;
    screenshot(&client, "invoice-check").await;

    // The beheerder adds next year's SPUK amount (Instellingen → Geld); a wrong year is refused.
    click(&client, "[data-testid=nav-settings]").await;
    scroll_to(&client, "[data-testid=settings-money]").await;
    set_testid(&client, "spuk-year", "2019").await;
    set_testid(&client, "spuk-kind", "statushouder_jaar1").await;
    set_testid(&client, "spuk-amount", "9.400,00").await;
    click(&client, "[data-testid=spuk-save]").await;
    wait_for_text(
        &client,
        "[data-field=spuk-year]",
        "2019 ligt niet tussen 2021 en 2100",
    )
    .await;
    set_testid(&client, "spuk-year", "2027").await;
    click(&client, "[data-testid=spuk-save]").await;
    wait_for_text(
        &client,
        "[data-testid=spuk-row][data-year='2027'] [data-kind=statushouder_jaar1]",
        "9.400,00",
    )
    .await;
    scroll_to(&client, "[data-testid=settings-money]").await;
    screenshot(&client, "money-settings").await;
    client.close().await.unwrap();
}
