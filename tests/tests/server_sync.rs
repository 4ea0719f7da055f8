//! Push and pull through a real `traject-server` process: idempotent batches with a result per
//! op, pull by cursor with `has_more`, a same-field edit made apart kept as a conflict, team
//! scopes on push and pull, a clock running ahead clamped, and a too-old schema told to upgrade.

mod server;

use reqwest::blocking::Client;
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::{admin_ok, Server, TestDb};

const PASSWORD: &str = "Tulpen-en-hyacinten-2026";
const CLIENT: &str = "0193a1b2-0000-7000-8000-00000000c001";
const SCHEMA: i64 = traject_core::store::SCHEMA_VERSION;

struct Device {
    http: Client,
    url: String,
    token: String,
    name: &'static str,
    ops: std::cell::Cell<u32>,
}

impl Device {
    fn login(server: &Server, user: &str, name: &'static str) -> Self {
        let http = Client::new();
        let body: Value = http
            .post(format!("{}/v1/login", server.url))
            .json(&json!({"user": user, "password": PASSWORD, "device_name": name}))
            .send()
            .unwrap()
            .json()
            .unwrap();
        Self {
            http,
            url: server.url.clone(),
            token: body["token"].as_str().expect("a token").to_owned(),
            name,
            ops: std::cell::Cell::new(0),
        }
    }

    /// An op of this device at wall time `wall` (ms), seen up to `base_seq`.
    fn op(
        &self,
        entity: &str,
        row: &str,
        field: &str,
        value: Value,
        wall: i64,
        base_seq: i64,
    ) -> Value {
        self.ops.set(self.ops.get() + 1);
        json!({
            "op_id": format!("0193a1b2-0000-7000-8000-{:04x}{:08}", self.name.bytes().last().unwrap_or(0), self.ops.get()),
            "entity": entity,
            "row_id": row,
            "client_id": CLIENT,
            "field": field,
            "value": value,
            "hlc": format!("{wall:016}-0000000000-{}", self.name),
            "base_seq": base_seq,
        })
    }

    fn push(&self, ops: &[Value]) -> Vec<(String, Option<String>)> {
        let body: Value = self
            .http
            .post(format!("{}/v1/sync/push", self.url))
            .bearer_auth(&self.token)
            .json(&json!({"schema_version": 8, "ops": ops}))
            .send()
            .unwrap()
            .json()
            .unwrap();
        body["results"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|r| {
                (
                    r["status"].as_str().unwrap().to_owned(),
                    r["reason"].as_str().map(str::to_owned),
                )
            })
            .collect()
    }

    fn pull(&self, cursor: i64, limit: u32, schema: i64) -> (StatusCode, Value) {
        let response = self
            .http
            .get(format!(
                "{}/v1/sync/pull?cursor={cursor}&limit={limit}",
                self.url
            ))
            .bearer_auth(&self.token)
            .header("x-traject-schema", schema.to_string())
            .send()
            .unwrap();
        (response.status(), response.json().unwrap())
    }
}

fn applied(n: usize) -> Vec<(String, Option<String>)> {
    vec![("applied".to_owned(), None); n]
}

#[test]
fn push_pull_conflicts_and_scopes() {
    let db = TestDb::new();
    admin_ok(&db, &["team", "add", "Noord"], None);
    admin_ok(&db, &["team", "add", "Zuid"], None);
    for (user, team) in [
        ("anna", Some("Noord")),
        ("bram", Some("Noord")),
        ("carla", Some("Zuid")),
        ("dirk", None),
    ] {
        let mut args = vec!["user", "add", user];
        if let Some(team) = team {
            args.extend(["--team", team]);
        }
        admin_ok(&db, &args, Some(PASSWORD));
    }
    let server = Server::start(&db);
    let now = chrono::Utc::now().timestamp_millis();
    let a = Device::login(&server, "anna", "laptop-a");
    let b = Device::login(&server, "bram", "laptop-b");

    // Anna registers a client and writes a note (a ledger row); the batch again changes nothing.
    let batch = vec![
        a.op(
            "clients",
            CLIENT,
            "municipality",
            json!("Lisse"),
            now - 3000,
            0,
        ),
        a.op(
            "notes",
            "0193a1b2-0000-7000-8000-0000000000n1",
            "_row",
            json!({"client_id": CLIENT, "text": "Eerste gesprek"}),
            now - 2900,
            0,
        ),
    ];
    assert_eq!(a.push(&batch), applied(2));
    assert_eq!(a.push(&batch), applied(2));

    // Bram pulls page by page.
    let (status, page) = b.pull(0, 1, SCHEMA);
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(
        (
            page["changes"].as_array().unwrap().len(),
            page["has_more"].as_bool()
        ),
        (1, Some(true))
    );
    assert_eq!(page["changes"][0]["value"], "Lisse");
    let (_, rest) = b.pull(page["next_cursor"].as_i64().unwrap(), 10, SCHEMA);
    assert_eq!(
        (
            rest["changes"].as_array().unwrap().len(),
            rest["has_more"].as_bool()
        ),
        (1, Some(false))
    );
    assert_eq!(rest["changes"][0]["value"]["text"], "Eerste gesprek");
    let seen = rest["next_cursor"].as_i64().unwrap();
    assert_eq!(seen, 2, "the re-sent batch added no changes");

    // Bram, having seen Lisse, moves the client: an ordinary change.
    assert_eq!(
        b.push(&[b.op(
            "clients",
            CLIENT,
            "municipality",
            json!("Hillegom"),
            now - 1000,
            seen
        )]),
        applied(1)
    );
    // Anna, offline since her push, had changed it too, earlier: kept as a conflict; Hillegom stands.
    let results = a.push(&[a.op(
        "clients",
        CLIENT,
        "municipality",
        json!("Noordwijk"),
        now - 2000,
        1,
    )]);
    assert_eq!(results, [("conflict".to_owned(), None)]);
    let (_, after) = b.pull(seen, 10, SCHEMA);
    let values: Vec<&Value> = after["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["value"])
        .collect();
    assert_eq!(values, [&json!("Hillegom")]);
    let conflicts: Value =
        serde_json::from_str(&admin_ok(&db, &["conflict", "list", "--json"], None)).unwrap();
    assert_eq!(conflicts.as_array().unwrap().len(), 1);
    assert_eq!(
        (&conflicts[0]["kept_value"], &conflicts[0]["lost_value"]),
        (&json!("Hillegom"), &json!("Noordwijk"))
    );
    assert!(conflicts[0]["lost_hlc"]
        .as_str()
        .unwrap()
        .ends_with("-laptop-a"));

    // One bad op in a batch never blocks the rest.
    let results = a.push(&[
        a.op("outbox", "x", "field", json!(1), now, seen),
        a.op("clients", CLIENT, "status", json!("actief"), now, seen),
    ]);
    assert_eq!(results[0].0, "rejected");
    assert!(results[0]
        .1
        .as_deref()
        .unwrap()
        .contains("niet gesynchroniseerd"));
    assert_eq!(results[1], ("applied".to_owned(), None));

    // A clock an hour ahead is clamped to the server's time.
    let ahead = now + 3_600_000;
    assert_eq!(
        a.push(&[a.op("clients", CLIENT, "phone", json!("0612345678"), ahead, seen)]),
        applied(1)
    );
    let (_, latest) = b.pull(0, 100, SCHEMA);
    let phone = latest["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "phone")
        .unwrap();
    let wall: i64 = phone["hlc"].as_str().unwrap()[..16].parse().unwrap();
    assert!(
        wall < ahead - 3_000_000,
        "clamped near the server's time: {phone}"
    );

    // Another team sees nothing of Noord's cases and cannot write to them.
    let c = Device::login(&server, "carla", "laptop-c");
    let results = c.push(&[c.op("clients", CLIENT, "municipality", json!("Katwijk"), now, 0)]);
    assert_eq!(
        results[0],
        (
            "rejected".to_owned(),
            Some("dit dossier hoort bij een ander team".to_owned())
        )
    );
    let (_, nothing) = c.pull(0, 100, SCHEMA);
    assert_eq!(nothing["changes"], json!([]));
    // A user without a team cannot sync.
    let d = Device::login(&server, "dirk", "laptop-d");
    let results = d.push(&[d.op("clients", CLIENT, "municipality", json!("Katwijk"), now, 0)]);
    assert_eq!(
        results[0],
        (
            "rejected".to_owned(),
            Some("dirk hoort bij geen team".to_owned())
        )
    );

    // A too-old app (before audit entries of revealed BSNs and purges) is told to upgrade
    // before it pulls.
    let (status, body) = b.pull(0, 10, 10);
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UPGRADE_REQUIRED, Some("upgrade_required"))
    );
    assert!(body["message"]
        .as_str()
        .unwrap()
        .contains("installeer de nieuwste versie"));
}
