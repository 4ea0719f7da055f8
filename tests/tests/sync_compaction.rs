//! Compaction on a real `traject-server`: replaced field changes and a moved-away dossier's
//! changes leave the old team's feed; a laptop that had not synced since must start over —
//! it first sends its own changes, then fetches everything again, and still learns that the
//! dossier moved away. A fresh laptop gets the same dossiers from the smaller feed.

mod server;
mod team;
mod util;

use server::admin_ok;
use team::{laptop, noord_and_zuid, pull_all, synced_fields, token};

#[test]
fn a_laptop_behind_a_compaction_starts_over_and_loses_nothing() {
    let (db, server, [anna, tom, zoe]) = noord_and_zuid();
    let amira = tom.search("amira")[0]["id"].as_str().unwrap().to_owned();
    let bilal = tom.search("bilal")[0]["id"].as_str().unwrap().to_owned();
    // Tom changes Bilal's phone three times: two of those changes are replaced.
    for phone in ["0611111111", "0622222222", "0633333333"] {
        tom.ok(&["client", "edit", &bilal, "--phone", phone]);
        tom.json(&["sync"]);
    }
    tom.ok(&["client", "edit", &amira, "--phone", "0644444444"]);
    tom.json(&["sync"]);
    tom.ok(&["client", "move", &amira, "--team", "Zuid"]);
    tom.json(&["sync"]);
    let before = pull_all(&server, &token(&server, "tom")).len();

    // Anna is offline; the beheerder compacts.
    anna.ok(&["client", "edit", &bilal, "--email", "bilal@example.nl"]);
    let done = admin_ok(&db, &["compact", "--keep-days", "0"], None);
    assert!(done.contains("2 vervangen veldwijzigingen"), "{done}");
    let after = pull_all(&server, &token(&server, "tom"));
    assert!(after.len() < before, "{} → {}", before, after.len());
    assert!(
        !after
            .iter()
            .any(|c| c["client_id"] == amira.as_str() && c["entity"] != "$case_moved"),
        "Amira's changes left Noord's feed; the revoke stays"
    );

    // Anna starts over: her email goes out first, Amira leaves her laptop, Bilal is current.
    let report = anna.json(&["sync"]);
    assert_eq!(report["rejected"], serde_json::json!([]), "{report}");
    assert_eq!(report["moved"], 1, "{report}");
    assert_eq!(report["reset"], true, "{report}");
    assert!(anna.search("amira").is_empty());
    let on_anna = synced_fields(&anna, &bilal);
    assert_eq!(on_anna["phone"], "0633333333");
    assert_eq!(on_anna["email"], "bilal@example.nl");

    // The other laptops agree; Zuid has Amira whole; a fresh laptop gets the same.
    assert_eq!(
        tom.json(&["sync"])["reset"],
        false,
        "Tom had fetched everything"
    );
    assert_eq!(synced_fields(&tom, &bilal), on_anna);
    zoe.json(&["sync"]);
    assert_eq!(zoe.search("amira").len(), 1);
    let fresh = laptop(&server, "tom", Some("nieuwe laptop"));
    let received = fresh.json(&["sync"]);
    assert_eq!(received["not_applied"], serde_json::json!([]), "{received}");
    assert_eq!(synced_fields(&fresh, &bilal), on_anna);
    assert!(fresh.search("amira").is_empty());
}
