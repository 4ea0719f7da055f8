//! End-to-end: the lock screen of the real app window, started without `TRAJECT_PASSPHRASE`.
//! On first start the consultant chooses a passphrase (a weak one gets Dutch feedback), sets up
//! and loads the demo caseload; the Vergrendel button locks, a wrong passphrase is refused, the
//! right one returns to the caseload, and the database on disk is not readable as SQLite. And a
//! laptop shared by two consultants: the database of an earlier version becomes the profile
//! "standaard" and is encrypted with every row, a colleague starts a profile of her own, and
//! each profile opens with its own passphrase.
//!
//! Runs like `e2e.rs` (`make test`, or `make screenshots` with TRAJECT_SCREENSHOTS: the three
//! modes of the lock screen, the profiles and Instellingen → Beveiliging).

mod webdriver;

use traject_core::domain::{ClientInput, ClientType, Gender, Identity, Role};
use traject_core::store::{database_state, DatabaseState};
use traject_core::Store;
use webdriver::*;

const PASSPHRASE: &str = "Fietsen langs de Bollenstreek 2026";

fn is_plain_sqlite(db: &std::path::Path) -> bool {
    std::fs::read(db).unwrap().starts_with(b"SQLite format 3\0")
}

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn a_consultant_chooses_a_passphrase_locks_and_unlocks() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    let port = 6644 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start_locked(port, dir.path());
    let client = connect(&driver, &db).await;

    // First start: choose a passphrase. A weak one gets feedback while typing and is refused.
    wait_for_text(
        &client,
        "[data-testid=lock-title]",
        "Kies een wachtwoordzin",
    )
    .await;
    wait_for_text(
        &client,
        "[data-testid=lock-no-recovery]",
        "niet te herstellen",
    )
    .await;
    let passphrase = find(&client, "[data-testid=lock-passphrase]").await;
    passphrase.send_keys("bollen").await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=lock-passphrase-feedback]",
        "moet minstens 12 tekens hebben (nu 6)",
    )
    .await;
    find(&client, "[data-testid=lock-repeat]")
        .await
        .send_keys("bollen")
        .await
        .unwrap();
    screenshot(&client, "lock-create").await;
    click(&client, "[data-testid=lock-submit]").await;
    wait_for_text(
        &client,
        "[data-testid=lock-passphrase-error]",
        "moet minstens 12 tekens hebben",
    )
    .await;
    assert!(!db.exists(), "a weak passphrase makes no database");

    passphrase.clear().await.unwrap();
    passphrase.send_keys(PASSPHRASE).await.unwrap();
    let repeat = find(&client, "[data-testid=lock-repeat]").await;
    repeat.clear().await.unwrap();
    repeat.send_keys(PASSPHRASE).await.unwrap();
    wait_for_text(
        &client,
        "[data-testid=lock-passphrase-feedback]",
        "Sterk genoeg",
    )
    .await;
    click(&client, "[data-testid=lock-submit]").await;

    // Then the first-run setup and the demo caseload.
    find(&client, "[data-testid=identity-name]")
        .await
        .send_keys("Sanne de Vries")
        .await
        .unwrap();
    click(&client, "[data-testid=identity-save]").await;
    click(&client, "[data-testid=load-demo]").await;
    wait_for_text(&client, "[data-testid=caseload-count]", "60 cliënten").await;
    assert!(!is_plain_sqlite(&db), "the database is encrypted on disk");
    assert_eq!(database_state(&db).unwrap(), DatabaseState::Encrypted);

    // Locked with the button: the lock screen, nothing of the caseload.
    click(&client, "[data-testid=status-lock]").await;
    wait_for_text(&client, "[data-testid=lock-title]", "Ontgrendel Traject").await;
    let shown: bool = client
        .execute(
            "const list = document.querySelector('[data-testid=caseload-count]');
             return !!list && list.offsetParent !== null;",
            vec![],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap();
    assert!(!shown, "the caseload is out of sight while locked");

    // A wrong passphrase, then the right one: back on the caseload.
    find(&client, "[data-testid=lock-passphrase]")
        .await
        .send_keys("Fietsen langs de Bollenstreek 2025")
        .await
        .unwrap();
    click(&client, "[data-testid=lock-submit]").await;
    wait_for_text(
        &client,
        "[data-testid=lock-error]",
        "Onjuiste wachtwoordzin",
    )
    .await;
    screenshot(&client, "lock-wrong").await;
    find(&client, "[data-testid=lock-passphrase]")
        .await
        .send_keys(PASSPHRASE)
        .await
        .unwrap();
    click(&client, "[data-testid=lock-submit]").await;
    wait_for_text(&client, "[data-testid=caseload-count]", "60 cliënten").await;
    find(&client, "[data-testid=caseload-row]").await;
    let current = find(&client, "[data-testid=nav-caseload]")
        .await
        .attr("aria-current")
        .await
        .unwrap();
    assert_eq!(
        current.as_deref(),
        Some("page"),
        "the same screen as before"
    );

    // Instellingen → Beveiliging: the idle minutes and changing the passphrase.
    click(&client, "[data-testid=nav-settings]").await;
    click(&client, "[data-testid=settings-tab-security]").await;
    wait_for_text(
        &client,
        "[data-testid=settings-auto-lock]",
        "Vergrendelen na",
    )
    .await;
    set_testid(&client, "auto-lock-minutes", "10").await;
    wait_for_text(&client, "[data-testid=auto-lock-status]", "na 10 minuten").await;
    screenshot(&client, "settings-security").await;

    client.close().await.unwrap();
}

/// Types `passphrase` into the lock screen's field(s) and submits.
async fn enter(client: &fantoccini::Client, passphrase: &str, twice: bool) {
    find(client, "[data-testid=lock-passphrase]")
        .await
        .send_keys(passphrase)
        .await
        .unwrap();
    if twice {
        find(client, "[data-testid=lock-repeat]")
            .await
            .send_keys(passphrase)
            .await
            .unwrap();
    }
    click(client, "[data-testid=lock-submit]").await;
}

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn two_consultants_share_a_laptop_each_with_an_encrypted_profile() {
    const BRAM: &str = "Tulpen in Lisse, elk voorjaar!";
    let dir = tempfile::tempdir().unwrap();
    let app_data = dir.path().join("nl.traject.app");
    // The unencrypted database of an earlier version, where that version kept it.
    let legacy = app_data.join("traject.db");
    {
        let mut plain = Store::open(&legacy).unwrap();
        plain
            .save_identity(Identity {
                name: "Sanne de Vries".into(),
                role: Role::Consultant,
                organisation: "ISD Bollenstreek".into(),
                municipalities: vec!["Lisse".into()],
            })
            .unwrap();
        plain
            .create_client(
                ClientInput {
                    birth_date: chrono::NaiveDate::from_ymd_opt(1990, 5, 17),
                    gender: Some(Gender::V),
                    client_type: Some(ClientType::Statushouder),
                    ..ClientInput::new("Amira", "Haddad", "Lisse")
                },
                chrono::Local::now().date_naive(),
            )
            .unwrap();
    }
    assert!(is_plain_sqlite(&legacy));

    let port = 6744 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start_locked(port, dir.path());
    let client = connect_profiles(&driver).await;

    // It became the profile "standaard", to be encrypted.
    wait_for_text(
        &client,
        "[data-testid=lock-title]",
        "Versleutel uw gegevens",
    )
    .await;
    wait_for_text(&client, "[data-testid=lock-profile]", "standaard").await;
    let standaard = app_data.join("profielen/standaard/traject.db");
    assert!(!legacy.exists() && standaard.exists());
    for field in ["lock-passphrase", "lock-repeat"] {
        find(&client, &format!("[data-testid={field}]"))
            .await
            .send_keys(PASSPHRASE)
            .await
            .unwrap();
    }
    wait_for_text(
        &client,
        "[data-testid=lock-passphrase-feedback]",
        "Sterk genoeg",
    )
    .await;
    screenshot(&client, "lock-migrate").await;
    click(&client, "[data-testid=lock-submit]").await;
    wait_for_text(&client, "[data-testid=status-clients]", "1 cliënt").await;
    search(&client, "Amira", "1 cliënt").await;
    assert!(!is_plain_sqlite(&standaard));
    assert_eq!(
        database_state(&standaard).unwrap(),
        DatabaseState::Encrypted
    );

    // Locked, the screen offers the other profiles.
    click(&client, "[data-testid=status-lock]").await;
    wait_for_text(&client, "[data-testid=lock-title]", "Ontgrendel Traject").await;
    wait_for_text(&client, "[data-testid=lock-profile]", "standaard").await;
    screenshot(&client, "lock").await;

    // A colleague starts a profile of her own, with her own passphrase.
    click(&client, "[data-testid=lock-choose-profile]").await;
    wait_for_text(&client, "[data-testid=profile-option]", "standaard").await;
    find(&client, "[data-testid=new-profile-name]")
        .await
        .send_keys("Bram Visser")
        .await
        .unwrap();
    screenshot(&client, "lock-profiles").await;
    click(&client, "[data-testid=new-profile-create]").await;
    wait_for_text(
        &client,
        "[data-testid=lock-title]",
        "Kies een wachtwoordzin",
    )
    .await;
    wait_for_text(&client, "[data-testid=lock-profile]", "Bram Visser").await;
    enter(&client, BRAM, true).await;
    find(&client, "[data-testid=identity-name]")
        .await
        .send_keys("Bram Visser")
        .await
        .unwrap();
    click(&client, "[data-testid=identity-save]").await;
    click(&client, "[data-testid=start-empty]").await;
    wait_for_text(&client, "[data-testid=status-clients]", "0 cliënten").await;
    assert!(app_data.join("profielen/Bram Visser/traject.db").exists());

    // Back to "standaard": his passphrase does not open it, hers does, and the window shows her
    // caseload only.
    click(&client, "[data-testid=status-lock]").await;
    wait_for_text(&client, "[data-testid=lock-profile]", "Bram Visser").await;
    click(&client, "[data-testid=lock-choose-profile]").await;
    click_text(&client, "[data-testid=profile-option]", "standaard").await;
    wait_for_text(&client, "[data-testid=lock-profile]", "standaard").await;
    enter(&client, BRAM, false).await;
    wait_for_text(
        &client,
        "[data-testid=lock-error]",
        "Onjuiste wachtwoordzin",
    )
    .await;
    enter(&client, PASSPHRASE, false).await;
    wait_for_text(&client, "[data-testid=status-clients]", "1 cliënt").await;
    wait_for_text(&client, "[data-testid=status-db-path]", "standaard").await;

    client.close().await.unwrap();
}
