//! The sync server's accounts through a real `traject-server` process on a loopback port:
//! the beheerder's subcommands, logging in for a device token, who a token belongs to, and a
//! revoked device or disabled account refused (the revoked one told to wipe).

mod server;

use reqwest::blocking::Client;
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::{admin, admin_ok, Server, TestDb};

const PASSWORD: &str = "Tulpen-en-hyacinten-2026";

fn login(http: &Client, url: &str, user: &str, password: &str) -> (StatusCode, Value) {
    let response = http
        .post(format!("{url}/v1/login"))
        .json(&json!({"user": user, "password": password, "device_name": "Laptop Lisse 3"}))
        .send()
        .unwrap();
    (response.status(), response.json().unwrap())
}

fn me(http: &Client, url: &str, token: Option<&str>) -> (StatusCode, Value) {
    let mut request = http.get(format!("{url}/v1/me"));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().unwrap();
    (response.status(), response.json().unwrap())
}

#[test]
fn accounts_devices_and_tokens() {
    let db = TestDb::new();
    admin_ok(&db, &["team", "add", "Bollenstreek Noord"], None);
    let weak = admin(
        &db,
        &["user", "add", "anna", "--team", "Bollenstreek Noord"],
        Some("kort"),
    );
    assert!(!weak.status.success());
    assert!(
        String::from_utf8_lossy(&weak.stderr).contains("minstens 12 tekens"),
        "{weak:?}"
    );
    admin_ok(
        &db,
        &["user", "add", "anna", "--team", "Bollenstreek Noord"],
        Some(PASSWORD),
    );
    let twice = admin(&db, &["user", "add", "anna"], Some(PASSWORD));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("bestaat al"));
    let unknown_team = admin(&db, &["user", "set-team", "anna", "Zuid"], None);
    assert!(String::from_utf8_lossy(&unknown_team.stderr).contains("team Zuid bestaat niet"));
    let users: Value =
        serde_json::from_str(&admin_ok(&db, &["user", "list", "--json"], None)).unwrap();
    assert_eq!(
        users,
        json!([{"name": "anna", "role": "consultant", "team": "Bollenstreek Noord", "disabled": false}])
    );

    let server = Server::start(&db);
    let http = Client::new();
    let health = http.get(format!("{}/health", server.url)).send().unwrap();
    assert_eq!(health.text().unwrap(), "ok");

    // Wrong password and unknown user: the same answer.
    for (user, password) in [("anna", "Tulpen-en-narcissen-2026"), ("bram", PASSWORD)] {
        let (status, body) = login(&http, &server.url, user, password);
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["code"], "bad_login");
    }
    let (status, body) = me(&http, &server.url, None);
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthorized"))
    );

    let (status, body) = login(&http, &server.url, "anna", PASSWORD);
    assert_eq!(status, StatusCode::OK, "{body}");
    let token = body["token"].as_str().unwrap().to_owned();
    let (status, session) = me(&http, &server.url, Some(&token));
    assert_eq!(status, StatusCode::OK);
    assert_eq!(session["user"], "anna");
    assert_eq!(session["role"], "consultant");
    assert_eq!(session["team"], "Bollenstreek Noord");
    assert_eq!(session["device_id"], body["device_id"]);

    let devices: Value =
        serde_json::from_str(&admin_ok(&db, &["device", "list", "--json"], None)).unwrap();
    assert_eq!(devices[0]["name"], "Laptop Lisse 3");
    assert!(devices[0]["last_seen"].is_string(), "{devices}");
    // The token itself is nowhere in the server's database.
    let stored = db.contents();
    assert!(!stored.windows(token.len()).any(|w| w == token.as_bytes()));

    // A lost laptop: revoked, it is told to wipe.
    let device = devices[0]["id"].as_str().unwrap();
    admin_ok(&db, &["device", "revoke", device], None);
    let (status, body) = me(&http, &server.url, Some(&token));
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        (body["code"].as_str(), body["wipe"].as_bool()),
        (Some("revoked"), Some(true))
    );

    // A disabled account: refused without a wipe, and back when enabled.
    let (_, body) = login(&http, &server.url, "anna", PASSWORD);
    let token = body["token"].as_str().unwrap().to_owned();
    admin_ok(&db, &["user", "disable", "anna"], None);
    let (status, body) = me(&http, &server.url, Some(&token));
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        (body["code"].as_str(), body["wipe"].as_bool()),
        (Some("disabled"), Some(false))
    );
    let (status, body) = login(&http, &server.url, "anna", PASSWORD);
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("disabled"))
    );
    admin_ok(&db, &["user", "enable", "anna"], None);
    admin_ok(&db, &["user", "set-role", "anna", "teamleider"], None);
    let (status, session) = me(&http, &server.url, Some(&token));
    assert_eq!(
        (status, session["role"].as_str()),
        (StatusCode::OK, Some("teamleider"))
    );

    assert!(
        server.stop().success(),
        "SIGTERM stops the server gracefully"
    );
}
