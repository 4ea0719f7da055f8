//! End-to-end: "Over Traject" through the real app window — version, schema and database, the
//! licence notices, and an update check against a plain-http server, which the release build
//! refuses (updates come over https and carry a signature; `src-tauri/tests/updater.rs` checks
//! the signatures).
//!
//! Runs like `e2e.rs` (`make test`, or `make screenshots` with TRAJECT_SCREENSHOTS).

mod webdriver;

use webdriver::*;

#[tokio::test]
#[ignore = "drives the real app window: needs a display, tauri-driver and TRAJECT_APP (make test runs it)"]
async fn about_shows_the_installation_and_refuses_an_insecure_update_server() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("traject.db");
    cli(&db, &["init", "--name", "Sanne de Vries"]);
    let port = 6244 + (std::process::id() % 1000) as u16 * 2;
    let driver = Driver::start(port);
    let client = connect_with(
        &driver,
        &db,
        &["--update-url", "http://127.0.0.1:9/latest.json"],
    )
    .await;
    click(&client, "[data-testid=nav-about]").await;
    wait_for_text(
        &client,
        "[data-testid=about-version]",
        env!("CARGO_PKG_VERSION"),
    )
    .await;
    wait_for_text(
        &client,
        "[data-testid=about-schema]",
        &traject_core::store::SCHEMA_VERSION.to_string(),
    )
    .await;
    wait_for_text(&client, "[data-testid=about-db-path]", "traject.db").await;
    wait_for_text(
        &client,
        "[data-testid=about-update-endpoints]",
        "http://127.0.0.1:9/latest.json",
    )
    .await;
    wait_for_text(&client, "[data-testid=licence-item]", "rusqlite").await;
    set_testid(&client, "licence-filter", "svelte").await;
    wait_for_text(&client, "[data-testid=licence-item]", "svelte").await;
    screenshot(&client, "about").await;
    click(&client, "[data-testid=update-check]").await;
    wait_for_text(&client, "[data-testid=update-error]", "https").await;
    client.close().await.unwrap();
}
