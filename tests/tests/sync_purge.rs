//! A dossier purged after its retention period, with laptops and a real `traject-server`: the
//! teamleider's laptop removes it and sends the purge with its next sync; the server keeps no
//! change, field or conflict of it any more (only that it was purged, without personal data);
//! the team's other laptops remove it at their next sync; an edit made offline before that is
//! refused and does not bring it back.

mod server;
mod team;
mod util;

use serde_json::{json, Value};
use server::admin_ok;
use team::{laptop, pull_all, server_with, token, CLIENTS};
use util::{arg, TODAY};

/// The changes of the team's feed that name dossier `id`: as its dossier, or as the row.
fn changes_of(changes: &[Value], id: &str) -> Vec<Value> {
    changes
        .iter()
        .filter(|c| c["client_id"] == id || c["row_id"] == id)
        .cloned()
        .collect()
}

/// A purge op of dossier `id` sent straight to the server with `token`.
fn push_purge(server: &server::Server, token: &str, id: &str) -> Value {
    reqwest::blocking::Client::new()
        .post(format!("{}/v1/sync/push", server.url))
        .bearer_auth(token)
        .header(
            "x-traject-schema",
            traject_core::store::SCHEMA_VERSION.to_string(),
        )
        .json(
            &json!({"schema_version": traject_core::store::SCHEMA_VERSION, "ops": [{
                "op_id": uuid::Uuid::now_v7(), "entity": "$case_purged", "row_id": id,
                "client_id": id, "field": "purged_on", "value": TODAY, "base_seq": 0,
                "hlc": format!("{:016}-{:010}-test", chrono::Utc::now().timestamp_millis(), 0)
            }]}),
        )
        .send()
        .unwrap()
        .json()
        .unwrap()
}

#[test]
fn a_purged_dossier_leaves_the_server_and_every_laptop_and_stays_gone() {
    let (db, server) = server_with(&[
        ("anna", "Noord", "consultant"),
        ("tom", "Noord", "teamleider"),
        ("bram", "Noord", "consultant"),
    ]);
    let [anna, tom] = ["anna", "tom"].map(|user| laptop(&server, user, None));
    let file = anna.write("clients.csv", CLIENTS);
    anna.ok(&["import", "clients", arg(&file)]);
    let amira = anna.search("amira")[0]["id"].as_str().unwrap().to_owned();
    // Amira's obligation ended in January 2021: kept through 15-01-2026, due since.
    anna.ok(&[
        "record",
        "add",
        &amira,
        "closing",
        "reason=diploma",
        "date=2021-01-15",
    ]);
    anna.ok(&["client", "edit", &amira, "--phone", "0611111111"]);
    anna.json(&["sync"]);
    tom.json(&["sync"]);
    // Both change her phone without seeing the other's: a conflict on the server.
    tom.ok(&["client", "edit", &amira, "--phone", "0622222222"]);
    anna.ok(&["client", "edit", &amira, "--phone", "0633333333"]);
    tom.json(&["sync"]);
    assert_eq!(anna.json(&["sync"])["conflicts"], 1);
    // Anna, offline, changes Amira again: she has not heard of any purge yet.
    anna.ok(&["client", "edit", &amira, "--phone", "0644444444"]);

    // Everyone sees which dossiers are due; only the teamleider purges.
    let due = anna.json(&["purge", "--dry-run"]);
    assert_eq!(due.as_array().unwrap().len(), 1, "{due}");
    assert_eq!(due[0]["id"], amira.as_str());
    assert_eq!(due[0]["name"], "Amira Haddad");
    assert_eq!(due[0]["obligation_end"], "2021-01-15");
    assert_eq!(due[0]["retention_end"], "2026-01-15");
    let refused = anna.fails(&["purge", "--confirm"]);
    assert!(
        refused.stderr.contains("Alleen een teamleider"),
        "{}",
        refused.stderr
    );
    // The server refuses a consultant's purge too.
    let answer = push_purge(&server, &token(&server, "anna"), &amira);
    assert_eq!(answer["results"][0]["status"], "rejected", "{answer}");
    assert!(
        answer["results"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("alleen de teamleider"),
        "{answer}"
    );

    let traces = ["Haddad", "0611111111", "0622222222", "0633333333"];
    let contents = String::from_utf8_lossy(&db.contents()).into_owned();
    for trace in traces {
        assert!(contents.contains(trace), "{trace} is on the server before");
    }

    let purged = tom.json(&["purge", "--confirm"]);
    assert_eq!(purged["purged"][0]["id"], amira.as_str(), "{purged}");
    assert!(tom.search("amira").is_empty());
    assert_eq!(tom.client_count(), 1, "Bilal stays");
    let sent = tom.json(&["sync"]);
    assert_eq!(sent["rejected"], json!([]), "{sent}");

    // The server keeps nothing of Amira but the note that she was purged.
    let tom_token = token(&server, "tom");
    let feed = pull_all(&server, &tom_token);
    let left = changes_of(&feed, &amira);
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!(left[0]["entity"], "$case_purged");
    assert_eq!(left[0]["client_id"], Value::Null);
    assert_eq!(left[0]["value"].as_str().map(str::len), Some(10), "a day");
    let text = serde_json::to_string(&feed).unwrap();
    assert!(!text.contains("Haddad"), "{text}");
    assert!(text.contains("Yousef"), "Bilal's dossier stays");
    let conflicts = admin_ok(&server.db, &["conflict", "list", "--json"], None);
    assert_eq!(
        serde_json::from_str::<Value>(&conflicts).unwrap(),
        json!([])
    );
    // Not in the database at all: no row, and (SQLite) not in its free space either.
    let contents = String::from_utf8_lossy(&db.contents()).into_owned();
    for trace in traces {
        assert!(!contents.contains(trace), "{trace} is still on the server");
    }
    // Purging it again changes nothing.
    let again = push_purge(&server, &tom_token, &amira);
    assert_eq!(again["results"][0]["status"], "applied", "{again}");
    assert_eq!(pull_all(&server, &tom_token).len(), feed.len());

    // Anna's next sync: her late edit is refused, and Amira leaves her laptop.
    let late = anna.json(&["sync"]);
    assert_eq!(late["purged"], 1, "{late}");
    let rejected: Vec<&str> = late["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        rejected.contains(
            &"clients.phone: dit dossier is verwijderd na afloop van de bewaartermijn en kan niet meer worden gewijzigd"
        ),
        "{late}"
    );
    assert!(anna.search("amira").is_empty());
    assert_eq!(anna.client_count(), 1, "Bilal stays with Noord");
    assert_eq!(anna.json(&["purge", "--dry-run"]), json!([]));
    // It stays gone: nothing of it came back to the server, and the next sync brings nothing.
    assert_eq!(
        changes_of(&pull_all(&server, &tom_token), &amira).len(),
        1,
        "only the note of the purge"
    );
    assert_eq!(anna.json(&["sync"])["purged"], 0);
    assert!(anna.search("amira").is_empty());

    // A laptop that joins the team later never receives her.
    let bram = laptop(&server, "bram", None);
    let first = bram.json(&["sync"]);
    assert_eq!(first["not_applied"], json!([]), "{first}");
    assert_eq!(bram.client_count(), 1);
    assert!(bram.search("amira").is_empty());
}

#[test]
fn a_dossier_purged_after_a_move_leaves_the_old_team_too() {
    let (db, server) = server_with(&[
        ("anna", "Noord", "consultant"),
        ("tom", "Noord", "teamleider"),
        ("zack", "Zuid", "teamleider"),
    ]);
    let [anna, tom, zack] = ["anna", "tom", "zack"].map(|user| laptop(&server, user, None));
    let file = anna.write("clients.csv", CLIENTS);
    anna.ok(&["import", "clients", arg(&file)]);
    let amira = anna.search("amira")[0]["id"].as_str().unwrap().to_owned();
    anna.ok(&[
        "record",
        "add",
        &amira,
        "closing",
        "reason=verhuisd",
        "date=2021-06-30",
    ]);
    anna.json(&["sync"]);
    tom.ok(&["client", "move", &amira, "--team", "Zuid"]);
    zack.json(&["sync"]);
    assert_eq!(zack.client_count(), 1);

    // Zuid's teamleider purges it before Anna (Noord) has synced since the move.
    assert_eq!(
        zack.json(&["purge", "--confirm"])["purged"][0]["id"],
        amira.as_str()
    );
    assert_eq!(zack.json(&["sync"])["rejected"], json!([]));

    // Neither team's feed holds anything of it but the note of the purge.
    for user in ["tom", "zack"] {
        let feed = pull_all(&server, &token(&server, user));
        let left = changes_of(&feed, &amira);
        assert_eq!(left.len(), 1, "{user}: {left:?}");
        assert_eq!(left[0]["entity"], "$case_purged");
    }
    let contents = String::from_utf8_lossy(&db.contents()).into_owned();
    assert!(!contents.contains("Haddad"), "still on the server");

    // Anna's laptop still had it: it leaves at her next sync.
    let synced = anna.json(&["sync"]);
    assert_eq!(synced["purged"], 1, "{synced}");
    assert!(anna.search("amira").is_empty());
    assert_eq!(anna.client_count(), 1, "Bilal stays");
}
