//! Two laptops and a real `traject-server`: what one registers the other receives after
//! `traject sync`, a change travels back, and a field both changed apart is reported as a
//! conflict with both values kept on the server.

mod server;
mod team;
mod util;

use server::admin_ok;
use team::{laptop, noord, CLIENTS};
use util::{arg, TestEnv};

fn sync(env: &TestEnv) -> serde_json::Value {
    env.json(&["sync"])
}

#[test]
fn two_laptops_share_a_caseload() {
    let (_dir, server) = noord();
    let a = laptop(&server, "anna", Some("laptop-a"));
    let b = laptop(&server, "bram", Some("laptop-b"));

    let file = a.write("clients.csv", CLIENTS);
    a.ok(&["import", "clients", arg(&file)]);
    let sent = sync(&a);
    assert!(sent["pushed"].as_u64().unwrap() > 10, "{sent}");
    assert_eq!(sent["rejected"], serde_json::json!([]));
    // Nothing left to send, and its own changes back change nothing.
    let again = sync(&a);
    assert_eq!(
        (again["pushed"].as_u64(), &again["not_applied"]),
        (Some(0), &serde_json::json!([]))
    );

    let received = sync(&b);
    assert!(received["pulled"].as_u64().unwrap() > 10, "{received}");
    let found = b.search("amira");
    assert_eq!(
        found.len(),
        1,
        "Amira arrived on laptop B and is found: {found:?}"
    );
    let id = found[0]["id"].as_str().unwrap().to_owned();

    // Bram moves her; Anna receives it.
    b.ok(&["client", "edit", &id, "--municipality", "Hillegom"]);
    sync(&b);
    sync(&a);
    let on_a = a.json(&["client", "show", &id]);
    assert_eq!(on_a["client"]["municipality"], "Hillegom", "{on_a}");

    // Both change her phone apart: the later one stands, the other is a conflict on the server.
    a.ok(&["client", "edit", &id, "--phone", "0612345678"]);
    b.ok(&["client", "edit", &id, "--phone", "0687654321"]);
    sync(&a);
    let second = sync(&b);
    assert_eq!(second["conflicts"], 1, "{second}");
    sync(&a);
    let (phone_a, phone_b) = (
        a.json(&["client", "show", &id])["client"]["phone"].clone(),
        b.json(&["client", "show", &id])["client"]["phone"].clone(),
    );
    assert_eq!(phone_a, phone_b, "both laptops end with the same value");
    let conflicts: serde_json::Value =
        serde_json::from_str(&admin_ok(&server.db, &["conflict", "list", "--json"], None)).unwrap();
    let values = [
        conflicts[0]["kept_value"].as_str().unwrap(),
        conflicts[0]["lost_value"].as_str().unwrap(),
    ];
    assert!(
        values.contains(&"0612345678") && values.contains(&"0687654321"),
        "{conflicts}"
    );
}

/// A whole generated caseload (intakes, PIPs, hours, records of every kind) reaches the other
/// laptop: both then count the same in every report and see the same Werkvoorraad.
#[test]
fn a_generated_caseload_arrives_whole() {
    let (_dir, server) = noord();
    let a = laptop(&server, "anna", Some("laptop-a"));
    let b = laptop(&server, "bram", Some("laptop-b"));
    a.ok(&["generate", "--clients", "40", "--seed", "5"]);
    let sent = sync(&a);
    assert_eq!(sent["rejected"], serde_json::json!([]), "{sent}");
    let received = sync(&b);
    assert_eq!(received["not_applied"], serde_json::json!([]), "{received}");
    let day = "2026-11-30";
    for report in [
        "doelgroep",
        "leerroutes",
        "tijdigheid",
        "uren-per-route",
        "mijlpalen",
        "werk-participatie",
    ] {
        let on =
            |env: &TestEnv| env.json(&["report", report, "--reference-date", day])["rows"].clone();
        assert_eq!(on(&a), on(&b), "{report}");
    }
    let items = |env: &TestEnv| {
        env.json(&["signals", "--today", day])["items"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(items(&a), items(&b));
    assert!(items(&a) > 0);
}
