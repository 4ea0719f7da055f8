//! The signed updater over loopback: a newer version on the endpoint is found, its download
//! is accepted when signed with the key built into the app and refused when signed with any
//! other key. Runs the app's update code in Tauri's mock runtime against a small HTTP server
//! on 127.0.0.1 (plain http is allowed for this test only; the app's own configuration
//! refuses it, which the last test checks).

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::PathBuf;

use tauri::test::{mock_builder, mock_context, noop_assets};
use traject_app_lib::update::{self, PendingUpdate};

fn fixture(name: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/updater");
    std::fs::read(dir.join(name)).unwrap()
}

const ARTIFACT: &str = "Traject_9.9.9_amd64.AppImage.tar.gz";

/// Serves `latest.json` (announcing 9.9.9 with `signature`) and the artifact until dropped.
fn serve(signature: &str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let manifest = serde_json::json!({
        "version": "9.9.9",
        "notes": "Werkvoorraad sneller",
        "pub_date": "2026-11-29T12:00:00Z",
        "platforms": {
            "linux-x86_64": { "signature": signature, "url": format!("{base}/{ARTIFACT}") },
            "windows-x86_64": { "signature": signature, "url": format!("{base}/{ARTIFACT}") },
            "darwin-x86_64": { "signature": signature, "url": format!("{base}/{ARTIFACT}") },
            "darwin-aarch64": { "signature": signature, "url": format!("{base}/{ARTIFACT}") }
        }
    })
    .to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            reader.read_line(&mut request).unwrap();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap() <= 2 {
                    break;
                }
            }
            let (status, body) = if request.starts_with("GET /latest.json") {
                ("200 OK", manifest.clone().into_bytes())
            } else if request.starts_with(&format!("GET /{ARTIFACT}")) {
                ("200 OK", fixture(ARTIFACT))
            } else {
                ("404 Not Found", Vec::new())
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    format!("{base}/latest.json")
}

/// The app's updater with the app's public key, allowing http for the loopback server.
fn app() -> tauri::App<tauri::test::MockRuntime> {
    let config: serde_json::Value =
        serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let mut updater = config["plugins"]["updater"].clone();
    updater["dangerousInsecureTransportProtocol"] = true.into();
    let mut context = mock_context(noop_assets());
    context
        .config_mut()
        .plugins
        .0
        .insert("updater".into(), updater);
    mock_builder()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .build(context)
        .unwrap()
}

fn signature(name: &str) -> String {
    String::from_utf8(fixture(name)).unwrap()
}

#[tokio::test]
async fn a_newer_version_is_found_and_its_signed_download_accepted() {
    let endpoint = serve(&signature(&format!("{ARTIFACT}.sig")));
    let app = app();
    let pending = PendingUpdate::default();
    let found = update::check(app.handle(), Some(&endpoint), &pending)
        .await
        .unwrap()
        .expect("9.9.9 is newer than the running version");
    assert_eq!(found.version, "9.9.9");
    assert_eq!(found.notes.as_deref(), Some("Werkvoorraad sneller"));
    let downloaded = update::download(&pending).await.unwrap();
    assert_eq!(downloaded.version, "9.9.9");
}

#[tokio::test]
async fn a_download_signed_with_another_key_is_refused() {
    let endpoint = serve(&signature(&format!("{ARTIFACT}.other-key.sig")));
    let app = app();
    let pending = PendingUpdate::default();
    assert!(update::check(app.handle(), Some(&endpoint), &pending)
        .await
        .unwrap()
        .is_some());
    let refused = update::download(&pending).await.unwrap_err();
    assert!(
        refused.contains("handtekening van de update klopt niet"),
        "{refused}"
    );
    assert!(update::install(&pending)
        .unwrap_err()
        .contains("download de update eerst"));
}

#[tokio::test]
async fn an_unreachable_server_and_no_update_are_told_plainly() {
    let app = app();
    let pending = PendingUpdate::default();
    let err = update::check(
        app.handle(),
        Some("http://127.0.0.1:9/latest.json"),
        &pending,
    )
    .await
    .unwrap_err();
    assert!(err.contains("niet bereikbaar"), "{err}");
    assert!(update::download(&pending)
        .await
        .unwrap_err()
        .contains("zoek eerst"));
    // The development configuration names no server.
    let err = update::check(app.handle(), None, &pending)
        .await
        .unwrap_err();
    assert!(err.contains("geen updateserver ingesteld"), "{err}");
}

#[test]
fn the_app_trusts_only_https_and_the_configured_key() {
    let config: serde_json::Value =
        serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let updater = &config["plugins"]["updater"];
    assert_eq!(
        updater["pubkey"].as_str().unwrap(),
        String::from_utf8(fixture("test.key.pub")).unwrap().trim(),
        "development builds trust the test key; the release workflow sets the real one"
    );
    assert!(updater.get("dangerousInsecureTransportProtocol").is_none());
}
