//! A team on a real `traject-server` and its laptops (the `traject` CLI, each on a database of
//! its own), shared by the sync tests: accounts with one password, a laptop logged in, a small
//! client list to import, and every change the server keeps for a team.

#![allow(dead_code)]

use crate::server::{admin_ok, Server, TestDb};
use crate::util::{arg, TestEnv};

pub const PASSWORD: &str = "Tulpen-en-hyacinten-2026";

/// Two statushouders of Lisse, as a municipality's list has them.
pub const CLIENTS: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date
G-1,Amira,Haddad,1996-01-01,V,statushouder,Lisse,2026-09-01,2026-09-01
G-2,Bilal,Yousef,1990-03-12,M,statushouder,Lisse,2026-09-01,2026-09-01
";

/// A server with these accounts: (user, team, role).
pub fn server_with(accounts: &[(&str, &str, &str)]) -> (TestDb, Server) {
    let db = TestDb::new();
    let mut teams: Vec<&str> = Vec::new();
    for (_, team, _) in accounts {
        if !teams.contains(team) {
            admin_ok(&db, &["team", "add", team], None);
            teams.push(team);
        }
    }
    for (user, team, role) in accounts {
        admin_ok(
            &db,
            &["user", "add", user, "--team", team, "--role", role],
            Some(PASSWORD),
        );
    }
    let server = Server::start(&db);
    (db, server)
}

/// Team Noord of consultants anna and bram.
pub fn noord() -> (TestDb, Server) {
    server_with(&[
        ("anna", "Noord", "consultant"),
        ("bram", "Noord", "consultant"),
    ])
}

/// Anna's and Bram's laptops (devices laptop-a and laptop-b) with [`CLIENTS`]: imported on
/// Anna's, synced to both.
pub fn laptops_with_clients(server: &Server) -> (TestEnv, TestEnv) {
    let a = laptop(server, "anna", Some("laptop-a"));
    let b = laptop(server, "bram", Some("laptop-b"));
    let file = a.write("clients.csv", CLIENTS);
    a.ok(&["import", "clients", arg(&file)]);
    a.json(&["sync"]);
    b.json(&["sync"]);
    (a, b)
}

/// A laptop set up and logged in as `user` (as device `device`, when given).
pub fn laptop(server: &Server, user: &str, device: Option<&str>) -> TestEnv {
    let env = TestEnv::initialised();
    let mut cmd = env.cmd();
    cmd.args(["login", "--server", &server.url, "--user", user])
        .env("TRAJECT_PASSWORD", PASSWORD);
    if let Some(device) = device {
        cmd.args(["--device", device]);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    env
}

/// A device token of `user`, logged in over HTTP.
pub fn token(server: &Server, user: &str) -> String {
    let response: serde_json::Value = reqwest::blocking::Client::new()
        .post(format!("{}/v1/login", server.url))
        .json(&serde_json::json!({"user": user, "password": PASSWORD, "device_name": "test"}))
        .send()
        .unwrap()
        .json()
        .unwrap();
    response["token"].as_str().unwrap().to_owned()
}

/// Every change the server keeps for the token's team, in order, as laptops pull them.
pub fn pull_all(server: &Server, token: &str) -> Vec<serde_json::Value> {
    let http = reqwest::blocking::Client::new();
    let (mut cursor, mut changes) = (0, Vec::new());
    loop {
        let page: serde_json::Value = http
            .get(format!(
                "{}/v1/sync/pull?cursor={cursor}&limit=5000",
                server.url
            ))
            .bearer_auth(token)
            .header(
                "x-traject-schema",
                traject_core::store::SCHEMA_VERSION.to_string(),
            )
            .send()
            .unwrap()
            .json()
            .unwrap();
        changes.extend(page["changes"].as_array().unwrap().iter().cloned());
        cursor = page["next_cursor"].as_i64().unwrap();
        if !page["has_more"].as_bool().unwrap() {
            return changes;
        }
    }
}

/// Teams Noord (consultant anna, teamleider tom) and Zuid (consultant zoe), a laptop each;
/// anna imported [`CLIENTS`] and both Noord laptops have synced.
pub fn noord_and_zuid() -> (TestDb, Server, [TestEnv; 3]) {
    let (db, server) = server_with(&[
        ("anna", "Noord", "consultant"),
        ("tom", "Noord", "teamleider"),
        ("zoe", "Zuid", "consultant"),
    ]);
    let laptops = ["anna", "tom", "zoe"].map(|user| laptop(&server, user, None));
    let file = laptops[0].write("clients.csv", CLIENTS);
    laptops[0].ok(&["import", "clients", arg(&file)]);
    laptops[0].json(&["sync"]);
    laptops[1].json(&["sync"]);
    (db, server, laptops)
}

/// A dossier's synced fields (the arrival time is each laptop's own).
pub fn synced_fields(env: &TestEnv, id: &str) -> serde_json::Value {
    let mut client = env.json(&["client", "show", id])["client"].clone();
    let object = client.as_object_mut().unwrap();
    object.remove("created_at");
    object.remove("updated_at");
    client
}
