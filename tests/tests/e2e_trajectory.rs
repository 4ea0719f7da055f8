//! End-to-end: the trajectory after the PIP through the real app window. A consultant records
//! a progress conversation (a next date before the conversation is refused at its field), then
//! refers the client to the Participatiewet consultant and later records the outcome. The CLI
//! reads both back from the same database file.
//!
//! Runs like `e2e.rs` (`make test`, or `make screenshots` with TRAJECT_SCREENSHOTS).

mod webdriver;

use chrono::{Duration, Local};
use webdriver::*;

fn record_list(db: &std::path::Path) -> serde_json::Value {
    let bin = std::env::var("TRAJECT_BIN").expect("TRAJECT_BIN: the traject CLI");
    let out = traject_tests::unlocked(&mut std::process::Command::new(bin))
        .arg("--db")
        .arg(db)
        .args(["--json", "record", "list", "G-1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn record_a_progress_conversation_and_a_referral() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    let today = Local::now().date_naive();
    let registered = today - Duration::days(400);
    let clients = dir.path().join("clients.csv");
    std::fs::write(
        &clients,
        format!(
            "external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date\n\
             G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,{registered},{registered}\n"
        ),
    )
    .unwrap();
    cli(&db, &["init", "--name", "Sanne de Vries"]);
    cli(&db, &["import", "clients", clients.to_str().unwrap()]);
    let date = |days: i64| (today - Duration::days(days)).to_string();
    let shown = |days: i64| {
        (today - Duration::days(days))
            .format("%d-%m-%Y")
            .to_string()
    };
    // What the Voortgang tab has besides the new conversation: PVT meetings and a MAP theme.
    for (days, topic) in [(60, "vrijheid"), (39, "gelijkwaardigheid")] {
        cli(
            &db,
            &[
                "record",
                "add",
                "G-1",
                "pvt_meeting",
                &format!("date={}", date(days)),
                "quarters=3",
                &format!("topic={topic}"),
            ],
        );
    }
    cli(
        &db,
        &[
            "record",
            "add",
            "G-1",
            "map_theme",
            "theme=beroepsorientatie",
            &format!("date={}", date(20)),
        ],
    );

    let port = 6044 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;
    search(&client, "Haddad", "1 cliënt").await;
    click(&client, "[data-testid=caseload-row]").await;
    wait_for_text(&client, "[data-testid=dossier-name]", "Amira Haddad").await;

    // A progress conversation; first with the next date before it, which is refused.
    click(&client, "[data-testid=tab-voortgang]").await;
    click(&client, "[data-testid=conversation-new]").await;
    set_testid(&client, "conversation-date", &date(2)).await;
    set_testid(&client, "conversation-attendees", "Partner").await;
    set_testid(
        &client,
        "conversation-interpreter",
        "Tolkentelefoon, Arabisch",
    )
    .await;
    set_testid(
        &client,
        "conversation-notes",
        "Gaat goed met de les; wil graag werken in de zorg",
    )
    .await;
    set_testid(
        &client,
        "conversation-agreements",
        "Aanmelden bij het taalcafé",
    )
    .await;
    set_testid(&client, "conversation-next-date", &date(3)).await;
    click(&client, "[data-testid=conversation-save]").await;
    wait_for_text(
        &client,
        "[data-testid=field-error]",
        "moet na de datum van dit gesprek liggen",
    )
    .await;
    let next = (today + Duration::days(90)).to_string();
    set_testid(&client, "conversation-next-date", &next).await;
    click(&client, "[data-testid=conversation-save]").await;
    let item = wait_for_text(
        &client,
        "[data-testid=conversation-item]",
        "wil graag werken in de zorg",
    )
    .await;
    assert!(item.contains(&shown(2)), "{item}");
    assert!(item.contains("Sanne de Vries"), "who entered it: {item}");
    scroll_to(&client, "[data-testid=back-to-caseload]").await;
    screenshot(&client, "voortgang").await;

    // A referral to the Participatiewet consultant, and later its outcome.
    click(&client, "[data-testid=tab-ondersteuning]").await;
    click(&client, "[data-testid=referral-new]").await;
    set_testid(&client, "referral-target", "participatiewet_consulent").await;
    set_testid(&client, "referral-date", &date(1)).await;
    set_testid(
        &client,
        "referral-reason",
        "A1 bereikt op lezen en luisteren",
    )
    .await;
    click(&client, "[data-testid=referral-save]").await;
    wait_for_text(
        &client,
        "[data-testid=referral-item]",
        "A1 bereikt op lezen",
    )
    .await;
    click(&client, "[data-testid=referral-edit]").await;
    set_testid(&client, "referral-outcome", "Aangemeld bij het werkbedrijf").await;
    set_testid(&client, "referral-outcome-date", &date(0)).await;
    click(&client, "[data-testid=referral-save]").await;
    wait_for_text(
        &client,
        "[data-testid=referral-item]",
        "Aangemeld bij het werkbedrijf",
    )
    .await;
    scroll_to(&client, "[data-testid=back-to-caseload]").await;
    screenshot(&client, "ondersteuning").await;
    client.close().await.unwrap();

    // Both are in the database file, as the CLI reads it.
    let view = record_list(&db);
    let conversation = &view["conversations"][0];
    assert_eq!(conversation["record"]["next_date"], next.as_str());
    assert_eq!(conversation["recorded_by"], "Sanne de Vries");
    let referral = &view["referrals"][0]["record"];
    assert_eq!(referral["target"], "participatiewet_consulent");
    assert_eq!(referral["outcome"], "Aangemeld bij het werkbedrijf");
    assert_eq!(referral["outcome_date"], date(0).as_str());
}
