//! No reader ever skips a change: several laptops push at once (each its own device, thread
//! and dossier) while a team member pulls by cursor the whole time. The puller ends up with
//! every change exactly once, in strictly increasing sequence, exactly as a full pull at the end
//! lists them. On PostgreSQL this needs the server to serialise its appends (sequences can
//! commit out of order); `make test-postgres` runs it there.

mod server;

use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::blocking::Client;
use serde_json::{json, Value};
use server::{admin_ok, Server, TestDb};

const PASSWORD: &str = "Tulpen-en-hyacinten-2026";
const PUSHERS: u32 = 4;
const BATCHES: u32 = 20;

struct Device {
    http: Client,
    url: String,
    token: String,
}

impl Device {
    fn login(server: &Server, user: &str) -> Self {
        let http = Client::new();
        let body: Value = http
            .post(format!("{}/v1/login", server.url))
            .json(&json!({"user": user, "password": PASSWORD, "device_name": format!("laptop van {user}")}))
            .send()
            .unwrap()
            .json()
            .unwrap();
        Self {
            http,
            url: server.url.clone(),
            token: body["token"].as_str().expect("a token").to_owned(),
        }
    }

    fn push(&self, ops: &[Value]) -> Vec<String> {
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
            .map(|r| r["status"].as_str().unwrap().to_owned())
            .collect()
    }

    /// One page after `cursor`: the sequences, the next cursor, whether there is more.
    fn pull(&self, cursor: i64, limit: u32) -> (Vec<i64>, i64, bool) {
        let page: Value = self
            .http
            .get(format!(
                "{}/v1/sync/pull?cursor={cursor}&limit={limit}",
                self.url
            ))
            .bearer_auth(&self.token)
            .header(
                "x-traject-schema",
                traject_core::store::SCHEMA_VERSION.to_string(),
            )
            .send()
            .unwrap()
            .json()
            .unwrap();
        let seqs = page["changes"]
            .as_array()
            .unwrap_or_else(|| panic!("{page}"))
            .iter()
            .map(|c| c["seq"].as_i64().unwrap())
            .collect();
        (
            seqs,
            page["next_cursor"].as_i64().unwrap(),
            page["has_more"].as_bool().unwrap(),
        )
    }

    /// Everything after `cursor`, page by page: the sequences and the last cursor.
    fn pull_all(&self, mut cursor: i64, limit: u32) -> (Vec<i64>, i64) {
        let mut seqs = Vec::new();
        loop {
            let (page, next, more) = self.pull(cursor, limit);
            seqs.extend(page);
            cursor = next;
            if !more {
                return (seqs, cursor);
            }
        }
    }
}

/// Batch `batch` of pusher `n`: a new client of its own (a field) and two notes on that client,
/// each a new change.
fn batch(n: u32, batch: u32) -> Vec<Value> {
    let client = format!("0193a1b2-{n:04}-7000-8000-{batch:012}");
    let wall = chrono::Utc::now().timestamp_millis();
    let op = |i: u32, entity: &str, row: &str, field: &str, value: Value| {
        json!({
            "op_id": format!("0193a1b2-{n:04}-7000-8000-{batch:08}{i:04}"),
            "entity": entity,
            "row_id": row,
            "client_id": client,
            "field": field,
            "value": value,
            "hlc": format!("{wall:016}-{:010}-pusher{n}", batch * 3 + i),
            "base_seq": 0,
        })
    };
    let note = |i: u32| {
        op(
            i,
            "notes",
            &format!("0193a1b2-{n:04}-7000-9000-{batch:08}{i:04}"),
            "_row",
            json!({"client_id": client, "text": format!("Gesprek {batch}.{i}")}),
        )
    };
    vec![
        op(
            0,
            "clients",
            &client,
            "phone",
            json!(format!("06{batch:08}")),
        ),
        note(1),
        note(2),
    ]
}

#[test]
fn a_puller_sees_every_change_of_concurrent_pushers_once_and_in_order() {
    let db = TestDb::new();
    admin_ok(&db, &["team", "add", "Noord"], None);
    let users: Vec<String> = (0..PUSHERS).map(|n| format!("pusher{n}")).collect();
    for user in users.iter().map(String::as_str).chain(["lezer"]) {
        admin_ok(
            &db,
            &["user", "add", user, "--team", "Noord"],
            Some(PASSWORD),
        );
    }
    let server = Server::start(&db);
    let pushers: Vec<Device> = users.iter().map(|u| Device::login(&server, u)).collect();
    let reader = Device::login(&server, "lezer");

    let pushing = AtomicBool::new(true);
    let seen = std::thread::scope(|scope| {
        let puller = scope.spawn(|| {
            let (mut seen, mut cursor) = (Vec::new(), 0);
            while pushing.load(Ordering::SeqCst) {
                let (page, next, _) = reader.pull(cursor, 7);
                seen.extend(page);
                cursor = next;
            }
            // Whatever arrived after the last page read while pushing.
            seen.extend(reader.pull_all(cursor, 7).0);
            seen
        });
        let handles: Vec<_> = pushers
            .iter()
            .enumerate()
            .map(|(n, device)| {
                scope.spawn(move || {
                    let n = u32::try_from(n).unwrap();
                    for b in 0..BATCHES {
                        let statuses = device.push(&batch(n, b));
                        assert!(statuses.iter().all(|s| s == "applied"), "{statuses:?}");
                    }
                })
            })
            .collect();
        // Every pusher ends (a failed one too) before the puller is told to stop.
        let pushed: Vec<_> = handles.into_iter().map(|h| h.join()).collect();
        pushing.store(false, Ordering::SeqCst);
        let seen = puller.join().unwrap();
        for result in pushed {
            result.unwrap();
        }
        seen
    });

    let (all, _) = reader.pull_all(0, 1000);
    assert_eq!(all.len(), (PUSHERS * BATCHES * 3) as usize);
    assert!(
        all.windows(2).all(|w| w[0] < w[1]),
        "a full pull is in sequence order"
    );
    assert!(
        seen.windows(2).all(|w| w[0] < w[1]),
        "the puller saw each change once, in increasing sequence"
    );
    let missed: Vec<&i64> = all.iter().filter(|s| !seen.contains(s)).collect();
    assert!(
        missed.is_empty(),
        "the puller skipped {missed:?} of {}",
        all.len()
    );
    assert_eq!(seen, all);
}
