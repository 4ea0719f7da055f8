//! End-to-end: the real app window, driven through WebDriver (tauri-driver + WebKitWebDriver)
//! against a real SQLite file. A consultant sets up the app, loads the demo caseload, registers
//! a client through the form (first with a mistake), finds her by typing part of her name,
//! closes the app, starts it again and finds her again.
//!
//! Needs a display (run under `xvfb-run`), `tauri-driver` and `WebKitWebDriver` on PATH, and
//! the app built with its UI embedded; `make test` does all of that:
//!   TRAJECT_APP=target/e2e/traject-app cargo nextest run -p traject-tests --test e2e --run-ignored only
//! With TRAJECT_SCREENSHOTS=DIR it saves screenshots of the screens it passes.

mod webdriver;

use fantoccini::{Client, Locator};
use webdriver::*;

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn register_find_restart_find_again() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    let port = 4444 + (std::process::id() % 1000) as u16 * 2;

    {
        let driver = Driver::start(port);
        let client = connect(&driver, &db).await;

        // First run: who works here, then the demo caseload.
        find(&client, "[data-testid=identity-name]")
            .await
            .send_keys("Sanne de Vries")
            .await
            .unwrap();
        click(&client, "[data-testid=identity-save]").await;
        click(&client, "[data-testid=load-demo]").await;
        wait_for_text(&client, "[data-testid=status-clients]", "60").await;
        wait_for_text(&client, "[data-testid=caseload-count]", "60 cliënten").await;
        // The next deadlines come in their own call, after the rows.
        find(&client, "[data-testid=caseload-next-deadline][data-kind]").await;
        screenshot(&client, "caseload").await;

        // A new client, first with a birth date in the future.
        click(&client, "[data-testid=nav-new-client]").await;
        find(&client, "#given_name")
            .await
            .send_keys("Ruta")
            .await
            .unwrap();
        find(&client, "#family_name")
            .await
            .send_keys("Gebreyesus")
            .await
            .unwrap();
        set_value(&client, "birth_date", "2099-01-01").await;
        set_value(&client, "gender", "V").await;
        set_value(&client, "client_type", "statushouder").await;
        set_value(&client, "municipality", "Lisse").await;
        set_value(&client, "brp_registration_date", "2026-10-01").await;
        find(&client, "#bsn")
            .await
            .send_keys("111222333")
            .await
            .unwrap();
        click(&client, "[data-testid=save-client]").await;
        wait_for_text(&client, "body", "ligt in de toekomst").await;
        screenshot(&client, "form-validation").await;

        // Corrected, she is saved and her dossier opens with the BSN masked.
        set_value(&client, "birth_date", "1994-03-12").await;
        set_value(&client, "country_of_origin", "Eritrea").await;
        set_value(&client, "mother_tongue", "Tigrinya").await;
        set_value(&client, "kennisgeving_date", "2026-10-08").await;
        set_value(&client, "obligation_date", "2026-10-08").await;
        set_value(&client, "phone", "06 1234 5678").await;
        click(&client, "[data-testid=save-client]").await;
        wait_for_text(&client, "[data-testid=dossier-name]", "Ruta Gebreyesus").await;
        wait_for_text(&client, "[data-testid=dossier-bsn]", "******333").await;
        screenshot(&client, "dossier").await;

        // A failed phone call and a note go into her dossier's ledgers, and the audit trail
        // shows who did what.
        click(&client, "[data-testid=tab-contacts]").await;
        set_value(&client, "ca-channel", "telefoon").await;
        set_value(&client, "ca-outcome", "niet_bereikt").await;
        set_value(&client, "ca-note", "Voicemail vol").await;
        click(&client, "[data-testid=add-contact-attempt]").await;
        wait_for_text(&client, "[data-testid=contact-table]", "Voicemail vol").await;
        click(&client, "[data-testid=tab-notes]").await;
        set_value(&client, "note-text", "Intake gepland met tolk Tigrinya.").await;
        click(&client, "[data-testid=add-note]").await;
        wait_for_text(
            &client,
            "[data-testid=notes-list]",
            "Intake gepland met tolk Tigrinya.",
        )
        .await;
        click(&client, "[data-testid=tab-audit]").await;
        wait_for_text(&client, "[data-testid=audit-table]", "Sanne de Vries").await;
        screenshot(&client, "audit").await;

        // Her Brede intake starts on the built-in questionnaire; answering "met de
        // tolkentelefoon" asks for the language.
        click(&client, "[data-testid=tab-intake]").await;
        click(&client, "[data-testid=start-intake]").await;
        wait_for_text(&client, "[data-testid=intake-group-title]", "Het gesprek").await;
        click(
            &client,
            "[data-testid=q-tolk_gebruikt] input[value=tolkentelefoon]",
        )
        .await;
        type_and_leave(&client, "[data-testid=q-tolk_taal] input", "Tigrinya").await;
        wait_for_text(&client, "[data-testid=autosave-state]", "Opgeslagen").await;
        client
            .execute("document.querySelector('main').scrollTop = 0;", vec![])
            .await
            .unwrap();
        screenshot(&client, "intake").await;

        // Found by typing part of her name.
        search(&client, "breye", "1 cliënt").await;
        wait_for_text(&client, "[data-testid=caseload-row]", "Gebreyesus").await;
        let rows = client
            .find_all(Locator::Css("[data-testid=caseload-row]"))
            .await
            .unwrap();
        assert_eq!(rows.len(), 1, "only Ruta matches 'breye'");

        client.close().await.unwrap();
    }

    // The app is closed; it starts again on the same database file.
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;
    wait_for_text(&client, "[data-testid=status-clients]", "61").await;
    search(&client, "ruta geb", "1 cliënt").await;
    wait_for_text(&client, "[data-testid=caseload-row]", "Gebreyesus").await;
    click(&client, "[data-testid=caseload-row]").await;
    wait_for_text(&client, "[data-testid=dossier-name]", "Ruta Gebreyesus").await;
    click(&client, "[data-testid=tab-notes]").await;
    wait_for_text(
        &client,
        "[data-testid=notes-list]",
        "Intake gepland met tolk Tigrinya.",
    )
    .await;

    // Instellingen shows who works here, as set up at first run.
    click(&client, "[data-testid=nav-settings]").await;
    let name = find(&client, "[data-testid=identity-name]").await;
    assert_eq!(
        name.prop("value").await.unwrap().as_deref(),
        Some("Sanne de Vries")
    );
    screenshot(&client, "settings").await;
    client.close().await.unwrap();
}

/// A small questionnaire, imported before the app starts, so the story can answer every question:
/// a yes/no that opens a repeat group, a consent that hides a section, and a required advice.
const SMALL_INTAKE: &str = r#"
id = "brede-intake-wi2021"
version = 2
title = "Brede intake Wi2021"

[[groups]]
id = "werk"
title = "Werk"

[[groups.questions]]
id = "heeft_gewerkt"
type = "yes_no"
text = "Heeft u in uw land van herkomst gewerkt?"
required = true

[[groups]]
id = "banen"
title = "Banen"
show_if = "heeft_gewerkt"
repeat = { label = "Baan", min = 1, max = 5 }

[[groups.questions]]
id = "functie"
type = "short_text"
text = "Wat was uw functie?"
required = true

[[groups]]
id = "gezondheid"
title = "Gezondheid"

[[groups.questions]]
id = "toestemming_gezondheid"
type = "yes_no"
text = "Mag ik u een paar vragen stellen over uw gezondheid?"
required = true

[[groups]]
id = "klachten"
title = "Klachten"
show_if = "toestemming_gezondheid"

[[groups.questions]]
id = "klachten_toelichting"
type = "long_text"
text = "Welke klachten heeft u?"
required = true

[[groups]]
id = "advies"
title = "Advies leerroute"

[[groups.questions]]
id = "route_advies"
type = "single_choice"
text = "Welke leerroute adviseert u?"
required = true
options = [{ value = "b1", label = "B1-route" }, { value = "onderwijsroute", label = "Onderwijsroute" }, { value = "z_route", label = "Z-route" }]
"#;

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn an_intake_over_two_sessions_with_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    let questionnaire = dir.path().join("intake.toml");
    std::fs::write(&questionnaire, SMALL_INTAKE).unwrap();
    cli(&db, &["init", "--name", "Sanne de Vries"]);
    cli(
        &db,
        &["questionnaire", "import", questionnaire.to_str().unwrap()],
    );
    cli(
        &db,
        &[
            "client",
            "add",
            "--given-name",
            "Yonas",
            "--family-name",
            "Tesfaye",
            "--birth-date",
            "1991-04-02",
            "--gender",
            "M",
            "--client-type",
            "statushouder",
            "--municipality",
            "Lisse",
            "--brp-registration-date",
            "2026-10-01",
            "--interpreter",
            "Tigrinya",
        ],
    );
    let port = 5444 + (std::process::id() % 1000) as u16 * 2;

    async fn open_intake_tab(client: &Client) {
        // The app opens on the Werkvoorraad; the caseload is one click away.
        click(client, "[data-testid=nav-caseload]").await;
        click(client, "[data-testid=caseload-row]").await;
        wait_for_text(client, "[data-testid=dossier-name]", "Yonas Tesfaye").await;
        click(client, "[data-testid=tab-intake]").await;
    }

    {
        let driver = Driver::start(port);
        let client = connect(&driver, &db).await;
        open_intake_tab(&client).await;
        click(&client, "[data-testid=start-intake]").await;
        wait_for_text(&client, "[data-testid=intake-group-title]", "Werk").await;

        // "Yes" opens the repeat group of jobs; two jobs.
        click(&client, "[data-testid=q-heeft_gewerkt] input[value=true]").await;
        wait_for_text(&client, "[data-testid=intake-section]", "Banen").await;
        click(&client, "[data-testid=intake-next]").await;
        wait_for_text(&client, "[data-testid=intake-group-title]", "Banen").await;
        click(&client, "[data-testid=add-instance-banen]").await;
        click(&client, "[data-testid=add-instance-banen]").await;
        type_and_leave(&client, "[data-testid=q-functie-1] input", "Lasser").await;
        type_and_leave(&client, "[data-testid=q-functie-2] input", "Kok").await;
        wait_for_text(&client, "[data-testid=autosave-state]", "Opgeslagen").await;
        screenshot(&client, "intake-repeat").await;
        client.close().await.unwrap();
    }

    // The app is closed halfway; everything answered so far is still there.
    let driver = Driver::start(port);
    let client = connect(&driver, &db).await;
    open_intake_tab(&client).await;
    click(&client, "[data-testid=continue-intake]").await;
    click_text(&client, "[data-testid=intake-section]", "Banen").await;
    let second_job = find(&client, "[data-testid=q-functie-2] input").await;
    assert_eq!(
        second_job.prop("value").await.unwrap().as_deref(),
        Some("Kok")
    );

    // Consent first given, then withdrawn: the Klachten section appears and disappears again.
    click_text(&client, "[data-testid=intake-section]", "Gezondheid").await;
    click(
        &client,
        "[data-testid=q-toestemming_gezondheid] input[value=true]",
    )
    .await;
    wait_for_text(&client, "[data-testid=intake-section]", "Klachten").await;
    click(
        &client,
        "[data-testid=q-toestemming_gezondheid] input[value=false]",
    )
    .await;
    wait_for_text(&client, "[data-testid=intake-section-hidden]", "Klachten").await;

    // Completing too early lists what is missing: the route advice.
    click(&client, "[data-testid=complete-intake]").await;
    wait_for_text(
        &client,
        "[data-testid=missing-list]",
        "Welke leerroute adviseert u?",
    )
    .await;
    screenshot(&client, "intake-missing").await;

    click_text(&client, "[data-testid=intake-section]", "Advies leerroute").await;
    click(&client, "[data-testid=q-route_advies] input[value=b1]").await;
    wait_for_text(&client, "[data-testid=autosave-state]", "Opgeslagen").await;
    click(&client, "[data-testid=complete-intake]").await;
    wait_for_text(&client, "[data-testid=intake-summary]", "Kok").await;
    wait_for_text(&client, "[data-testid=intake-summary]", "B1-route").await;
    find(&client, "[data-testid=print-summary]").await;
    screenshot(&client, "intake-summary").await;
    client.close().await.unwrap();
}
