//! End-to-end: the Werkvoorraad through the real app window. A client registered 80 days ago
//! without an intake is overdue; the consultant sees it first thing, opens the dossier on the
//! right tab, snoozes the signal for a week with a reason; it stays away on the last day of the
//! snooze and comes back the day after (the app started with `--today`).
//!
//! Runs like `e2e.rs` (`make test`, or `make screenshots` with TRAJECT_SCREENSHOTS).

mod webdriver;

use chrono::{Duration, Local};
use webdriver::*;

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn an_overdue_intake_is_snoozed_and_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    let today = Local::now().date_naive();
    let overdue = today - Duration::days(80);
    let soon = today - Duration::days(60);
    let clients = dir.path().join("clients.csv");
    std::fs::write(
        &clients,
        format!(
            "external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date,consultant\n\
             G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,{overdue},{overdue},Sanne de Vries\n\
             G-2,Yonas,Tesfaye,1988-02-03,M,statushouder,Hillegom,{soon},{soon},Sanne de Vries\n"
        ),
    )
    .unwrap();
    cli(&db, &["init", "--name", "Sanne de Vries"]);
    cli(&db, &["import", "clients", clients.to_str().unwrap()]);
    let deadline = (overdue + Duration::days(70))
        .format("%d-%m-%Y")
        .to_string();

    let port = 6144 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;
    click(&client, "[data-testid=nav-werkvoorraad]").await;
    let first = wait_for_text(&client, "[data-testid=werkvoorraad-item]", "Amira Haddad").await;
    assert!(first.contains(&deadline), "the deadline is shown: {first}");
    wait_for_text(&client, "[data-testid=werkvoorraad-item]", "Yonas Tesfaye").await;
    wait_for_text(&client, "[data-testid=nav-werkvoorraad-count]", "2").await;
    let first = client
        .execute(
            "return document.querySelector('[data-testid=werkvoorraad-item]').textContent;",
            vec![],
        )
        .await
        .unwrap();
    let first = first.as_str().unwrap_or_default().to_owned();
    assert!(
        first.contains("Amira Haddad"),
        "the overdue one comes first: {first}"
    );
    screenshot(&client, "werkvoorraad").await;

    // One click opens the dossier on the Brede intake tab.
    click_text(&client, "[data-testid=werkvoorraad-item]", "Amira Haddad").await;
    wait_for_text(&client, "[data-testid=dossier-name]", "Amira Haddad").await;
    let selected = find(&client, "#tab-intake")
        .await
        .attr("aria-selected")
        .await
        .unwrap();
    assert_eq!(selected.as_deref(), Some("true"));

    // Snooze it for a week, with a reason.
    click(&client, "[data-testid=nav-werkvoorraad]").await;
    wait_for_text(&client, "[data-testid=werkvoorraad-item]", "Amira Haddad").await;
    client
        .execute(
            "const item = [...document.querySelectorAll('[data-testid=werkvoorraad-item]')]
                 .find(e => e.textContent.includes('Amira Haddad'));
             item.querySelector('[data-testid=werkvoorraad-snooze]').click();",
            vec![],
        )
        .await
        .unwrap();
    let until = today + Duration::days(7);
    set_testid(&client, "ack-until", &until.to_string()).await;
    click(&client, "[data-testid=ack-save]").await;
    wait_for_text(&client, "[data-testid=field-error]", "is verplicht").await;
    set_testid(&client, "ack-reason", "Tolk pas volgende week beschikbaar").await;
    click(&client, "[data-testid=ack-save]").await;
    wait_gone(&client, "Amira Haddad").await;
    wait_for_text(&client, "[data-testid=werkvoorraad-item]", "Yonas Tesfaye").await;
    wait_for_text(&client, "[data-testid=nav-werkvoorraad-count]", "1").await;
    client.close().await.unwrap();
    drop(driver);

    // On the last day of the snooze it stays away; the day after it is back.
    for (day, back) in [(until, false), (until + Duration::days(1), true)] {
        let driver = Driver::start(port);
        let client = connect_with(&driver, &db, &["--today", &day.to_string()]).await;
        click(&client, "[data-testid=nav-werkvoorraad]").await;
        wait_for_text(&client, "[data-testid=werkvoorraad-item]", "Yonas Tesfaye").await;
        assert_eq!(listed(&client, "Amira Haddad").await, back, "on {day}");
        client.close().await.unwrap();
    }
}

/// Whether a Werkvoorraad item mentions `name` (read in one script: the list re-renders, so
/// element handles can go stale between finding and reading them).
async fn listed(client: &fantoccini::Client, name: &str) -> bool {
    client
        .execute(
            "return [...document.querySelectorAll('[data-testid=werkvoorraad-item]')]
                 .some(e => e.textContent.includes(arguments[0]));",
            vec![serde_json::json!(name)],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

/// Waits until no Werkvoorraad item mentions `name`.
async fn wait_gone(client: &fantoccini::Client, name: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while listed(client, name).await {
        assert!(
            std::time::Instant::now() < deadline,
            "{name} is still listed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
}
