//! End-to-end: the hours ledger through the real app window. A consultant opens a client whose
//! language school already reported, looks at the portfolio as a Z-route client, enters PVT
//! hours and sees the progress bar move, reverses a mistake, enters a week of hours for the
//! client in the fast-entry grid, and records two unexcused absences that then stand out.
//!
//! Runs like `e2e.rs` (`make test`, or `make screenshots` with TRAJECT_SCREENSHOTS).

mod webdriver;

use chrono::{Datelike, Duration, Local};
use fantoccini::{Client, Locator};
use webdriver::*;

const CLIENTS: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date
G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2025-06-02,2025-06-16
";

/// The PVT bar's value in hours, as the progress bar reports it to assistive technology.
async fn pvt_bar(client: &Client) -> String {
    find(
        client,
        "[data-testid=portfolio-line-pvt] [role=progressbar]",
    )
    .await
    .attr("aria-valuenow")
    .await
    .unwrap()
    .unwrap_or_default()
}

async fn add_hours(client: &Client, hours: &str, category: &str) {
    // The form sits below the portfolio's cards: bring it into view as a person scrolls.
    client
        .execute(
            "const el = document.getElementById('hours-amount');
             el.scrollIntoView({ block: 'center' });
             el.value = '';
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    let amount = find(client, "[data-testid=hours-amount]").await;
    amount.send_keys(hours).await.unwrap();
    set_value(client, "hours-category", category).await;
    click(client, "[data-testid=hours-submit]").await;
}

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn hours_move_the_portfolio_and_absences_stand_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    let clients = dir.path().join("clients.csv");
    std::fs::write(&clients, CLIENTS).unwrap();
    let today = Local::now().date_naive();
    // Last full quarter-ish period, ended yesterday at the latest.
    let period_end = today - Duration::days(1);
    let period_start = period_end - Duration::days(89);
    let reports = dir.path().join("rapportages.csv");
    std::fs::write(
        &reports,
        format!(
            "client,provider,period_start,period_end,attendance_pct,spreken,course_hours,map_practice_hours\n\
             G-1,Taalhuis Bollenstreek,{period_start},{period_end},91,A1,96,4\n"
        ),
    )
    .unwrap();
    cli(&db, &["init", "--name", "Sanne de Vries"]);
    cli(&db, &["import", "clients", clients.to_str().unwrap()]);
    cli(
        &db,
        &["import", "provider-report", reports.to_str().unwrap()],
    );

    let port = 5644 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;

    search(&client, "Haddad", "1 cliënt").await;
    click(&client, "[data-testid=caseload-row]").await;
    wait_for_text(&client, "[data-testid=dossier-name]", "Amira Haddad").await;
    click(&client, "#tab-portfolio").await;

    // No PIP yet: the hours are there, the requirements follow once a route is looked at.
    wait_for_text(
        &client,
        "[data-testid=portfolio-done-taal]",
        "96 uur · leerroute nog niet bekend",
    )
    .await;
    set_value(&client, "portfolio-route", "z_route").await;
    wait_for_text(&client, "[data-testid=portfolio-done-taal]", "96 / 800 uur").await;
    wait_for_text(
        &client,
        "[data-testid=portfolio-done-map_praktijk]",
        "4 / 40 uur",
    )
    .await;
    wait_for_text(&client, "[data-testid=portfolio-done-pvt]", "0 / 12 uur").await;
    assert_eq!(pvt_bar(&client).await, "0");

    // PVT hours entered through the form move the bar.
    add_hours(&client, "1,5", "pvt").await;
    wait_for_text(&client, "[data-testid=portfolio-done-pvt]", "1,5 / 12 uur").await;
    assert_eq!(pvt_bar(&client).await, "1.5");

    // A bad amount is refused in Dutch and changes nothing.
    add_hours(&client, "1,3", "pvt").await;
    wait_for_text(&client, "[data-testid=hours-form]", "kwartier").await;
    wait_for_text(&client, "[data-testid=portfolio-done-pvt]", "1,5 / 12 uur").await;

    // The 1,5 hours were a mistake: reversing needs a reason and takes them out again.
    click(
        &client,
        "[data-testid=hour-entry] [data-testid=hour-reverse]",
    )
    .await;
    click(&client, "[data-testid=reverse-confirm]").await;
    wait_for_text(&client, "[data-testid=reverse-form]", "Geef een reden").await;
    find(&client, "[data-testid=reverse-reason]")
        .await
        .send_keys("Verkeerde cliënt")
        .await
        .unwrap();
    click(&client, "[data-testid=reverse-confirm]").await;
    wait_for_text(&client, "[data-testid=portfolio-done-pvt]", "0 / 12 uur").await;
    wait_for_text(&client, "[data-testid=hour-ledger]", "Verkeerde cliënt").await;
    add_hours(&client, "3", "pvt").await;
    wait_for_text(&client, "[data-testid=portfolio-done-pvt]", "3 / 12 uur").await;
    client
        .execute(
            "document.getElementById('tab-portfolio').scrollIntoView();",
            vec![],
        )
        .await
        .unwrap();
    screenshot(&client, "portfolio").await;

    // A week of hours in the fast-entry grid: last week, Monday and Wednesday.
    click(&client, "[data-testid=nav-hours-entry]").await;
    click(&client, "[data-testid=fast-prev-week]").await;
    let picker = find(&client, "[data-testid=fast-client]").await;
    picker.send_keys("Haddad").await.unwrap();
    click(&client, "[data-testid=fast-client-option]").await;
    wait_for_text(&client, "[data-testid=fast-client-municipality]", "Lisse").await;
    client
        .execute(
            "const sel = document.querySelector('[data-testid=fast-category]');
             sel.value = 'pvt';
             sel.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
    find(&client, "[data-testid=fast-cell-0]")
        .await
        .send_keys("2")
        .await
        .unwrap();
    find(&client, "[data-testid=fast-cell-2]")
        .await
        .send_keys("1,5")
        .await
        .unwrap();
    wait_for_text(&client, "[data-testid=fast-total]", "3,5").await;
    screenshot(&client, "fast-entry").await;
    click(&client, "[data-testid=fast-save]").await;
    wait_for_text(&client, "[data-testid=fast-result]", "2 regels opgeslagen").await;

    search(&client, "Haddad", "1 cliënt").await;
    click(&client, "[data-testid=caseload-row]").await;
    click(&client, "#tab-portfolio").await;
    // The route looked at is remembered while the app runs.
    wait_for_text(&client, "[data-testid=portfolio-done-pvt]", "6,5 / 12 uur").await;

    // Two unexcused absences within 30 days stand out, with the handhaving hint.
    click(&client, "#tab-absences").await;
    for days_ago in [20, 6] {
        let date = today - Duration::days(days_ago);
        set_value(&client, "absence-date", &date.to_string()).await;
        let activity = find(&client, "[data-testid=absence-activity]").await;
        activity.clear().await.unwrap();
        activity.send_keys("Taalles").await.unwrap();
        click(&client, "[data-testid=absence-submit]").await;
        let shown = format!("{:02}-{:02}-{}", date.day(), date.month(), date.year());
        wait_for_text(&client, "[data-testid=absence-table]", &shown).await;
    }
    wait_for_text(
        &client,
        "[data-testid=absence-cluster]",
        "2 keer ongeoorloofd verzuim binnen 30 dagen",
    )
    .await;
    wait_for_text(
        &client,
        "[data-testid=absence-enforcement]",
        "handhavingsgesprek",
    )
    .await;
    screenshot(&client, "absences").await;
    assert!(
        client
            .find_all(Locator::Css("[data-testid=absence-row]"))
            .await
            .unwrap()
            .len()
            == 2
    );
    client.close().await.unwrap();
}
