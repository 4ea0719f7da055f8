//! Conflicts reviewed on the laptops and a revoked laptop wiping itself, with two laptops and a
//! real `traject-server`.

mod server;
mod team;
mod util;

use server::{admin_ok, Server, TestDb};
use team::{laptops_with_clients, noord};
use util::TestEnv;

/// A server with team Noord of anna and bram, each on a laptop that has Amira's dossier.
fn team_with_a_client() -> (TestDb, Server, TestEnv, TestEnv, String) {
    let (db, server) = noord();
    let (a, b) = laptops_with_clients(&server);
    let id = b.search("amira")[0]["id"].as_str().unwrap().to_owned();
    (db, server, a, b, id)
}

fn phone(env: &TestEnv, id: &str) -> serde_json::Value {
    env.json(&["client", "show", id])["client"]["phone"].clone()
}

#[test]
fn a_conflict_is_reviewed_on_a_laptop_and_the_choice_travels() {
    let (_dir, server, a, b, id) = team_with_a_client();
    a.ok(&["client", "edit", &id, "--phone", "0612345678"]);
    b.ok(&["client", "edit", &id, "--phone", "0687654321"]);
    a.json(&["sync"]);
    assert_eq!(b.json(&["sync"])["conflicts"], 1);
    a.json(&["sync"]);

    // Both laptops list it: the field in Dutch, the dossier, both values and who set them.
    for env in [&a, &b] {
        let open = env.json(&["conflict", "list"]);
        assert_eq!(open.as_array().unwrap().len(), 1, "{open}");
        let c = &open[0];
        assert_eq!(c["label"], "Telefoon");
        assert_eq!(c["client_name"], "Amira Haddad");
        assert_eq!(c["client_id"], id.as_str());
        let sides = [
            (
                c["kept"]["value"].as_str().unwrap(),
                c["kept"]["by"].as_str().unwrap(),
            ),
            (
                c["lost"]["value"].as_str().unwrap(),
                c["lost"]["by"].as_str().unwrap(),
            ),
        ];
        assert!(sides.contains(&("0612345678", "anna (laptop-a)")), "{c}");
        assert!(sides.contains(&("0687654321", "bram (laptop-b)")), "{c}");
    }

    // Anna chooses the value that lost: it stands on her laptop at once, offline.
    let c = &a.json(&["conflict", "list"])[0];
    let (conflict, lost) = (c["id"].as_i64().unwrap(), c["lost"]["value"].clone());
    let still_open = a.json(&["conflict", "resolve", &conflict.to_string(), "lost"]);
    assert_eq!(still_open, serde_json::json!([]));
    assert_eq!(phone(&a, &id), lost);
    let audit = a.json(&["audit", "--client", &id])["entries"].clone();
    assert!(
        audit.to_string().contains("sync_conflicts"),
        "the choice is audited: {audit}"
    );

    // After syncing, Bram has her choice, and the conflict is settled everywhere.
    let sent = a.json(&["sync"]);
    assert_eq!(
        sent["conflicts"], 0,
        "choosing makes no new conflict: {sent}"
    );
    b.json(&["sync"]);
    assert_eq!(phone(&b, &id), lost);
    assert_eq!(b.json(&["conflict", "list"]), serde_json::json!([]));
    let on_server = admin_ok(&server.db, &["conflict", "list", "--json"], None);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&on_server).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn choosing_the_standing_value_changes_no_record() {
    let (_dir, _server, a, b, id) = team_with_a_client();
    a.ok(&["client", "edit", &id, "--phone", "0612345678"]);
    b.ok(&["client", "edit", &id, "--phone", "0687654321"]);
    a.json(&["sync"]);
    b.json(&["sync"]);
    let c = &b.json(&["conflict", "list"])[0];
    let kept = c["kept"]["value"].clone();
    b.json(&["conflict", "resolve", &c["id"].to_string(), "kept"]);
    assert_eq!(phone(&b, &id), kept);
    assert!(
        b.json(&["sync"])["pushed"].as_u64().unwrap() > 0,
        "the audit entry goes out"
    );
    a.json(&["sync"]);
    assert_eq!(a.json(&["conflict", "list"]), serde_json::json!([]));
    assert_eq!(phone(&a, &id), kept);
}

#[test]
fn an_unknown_conflict_is_refused_by_name() {
    let (_dir, _server, a, _b, _id) = team_with_a_client();
    let run = a.fails(&["conflict", "resolve", "999", "lost"]);
    assert!(
        run.stderr.contains("conflict 999 bestaat niet"),
        "{}",
        run.stderr
    );
    let run = a.fails(&["conflict", "resolve", "1", "beide"]);
    assert!(
        run.stderr.contains("kies kept (houden) of lost (kiezen)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_revoked_laptop_wipes_its_database_on_its_next_contact() {
    let (_dir, server, a, b, _id) = team_with_a_client();
    let devices: serde_json::Value =
        serde_json::from_str(&admin_ok(&server.db, &["device", "list", "--json"], None)).unwrap();
    let lost = devices
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "laptop-b")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    admin_ok(&server.db, &["device", "revoke", &lost], None);

    assert!(b.db().exists());
    let run = b.fails(&["sync"]);
    assert!(run.stderr.contains("ingetrokken"), "{}", run.stderr);
    assert!(run.stderr.contains("gewist"), "{}", run.stderr);
    for suffix in ["", "-wal", "-shm"] {
        let mut file = b.db().as_os_str().to_owned();
        file.push(suffix);
        assert!(!std::path::Path::new(&file).exists(), "{file:?} is gone");
    }
    // The other laptop goes on.
    a.ok(&["sync"]);
}
