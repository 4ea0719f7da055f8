//! A dossier moved to another team, with laptops and a real `traject-server`: the new team
//! receives the whole dossier, the old team's laptops remove it at their next sync, and an
//! edit made offline on an old laptop after the move reaches the new team's conflict review.

mod server;
mod team;
mod util;

use team::{noord_and_zuid, synced_fields};

#[test]
fn a_moved_dossier_reaches_the_new_team_and_leaves_the_old() {
    let (_db, _server, [anna, tom, zoe]) = noord_and_zuid();
    let amira = tom.search("amira")[0]["id"].as_str().unwrap().to_owned();
    let before = synced_fields(&tom, &amira);

    // A consultant cannot move a dossier; the teamleider can.
    let refused = anna.fails(&["client", "move", &amira, "--team", "Zuid"]);
    assert!(
        refused.stderr.contains("alleen de teamleider"),
        "{}",
        refused.stderr
    );
    // Anna, offline, still changes Amira's phone after the move.
    anna.ok(&["client", "edit", &amira, "--phone", "0611111111"]);
    let moved = tom.ok(&["client", "move", &amira, "--team", "Zuid"]);
    assert!(moved.contains("naar team Zuid"), "{moved}");

    // Zuid receives the whole dossier.
    let received = zoe.json(&["sync"]);
    assert_eq!(received["not_applied"], serde_json::json!([]), "{received}");
    assert_eq!(synced_fields(&zoe, &amira), before);
    assert_eq!(zoe.client_count(), 1, "only the moved dossier");

    // Noord's laptops remove it at their next sync; Anna's late edit becomes Zuid's conflict.
    let anna_sync = anna.json(&["sync"]);
    assert_eq!(anna_sync["moved"], 1, "{anna_sync}");
    assert_eq!(anna_sync["conflicts"], 1, "{anna_sync}");
    assert_eq!(anna_sync["rejected"], serde_json::json!([]), "{anna_sync}");
    assert!(anna.search("amira").is_empty());
    assert_eq!(anna.client_count(), 1, "Bilal stays with Noord");
    assert_eq!(tom.json(&["sync"])["moved"], 1);
    assert!(tom.search("amira").is_empty());

    zoe.json(&["sync"]);
    let review = zoe.json(&["conflict", "list"]);
    assert_eq!(review.as_array().unwrap().len(), 1, "{review}");
    assert_eq!(review[0]["lost"]["value"], "0611111111");
    assert!(review[0]["lost"]["by"]
        .as_str()
        .unwrap()
        .starts_with("anna"));
    // Zuid works on the dossier now.
    zoe.ok(&["client", "edit", &amira, "--phone", "0622222222"]);
    let sent = zoe.json(&["sync"]);
    assert_eq!(sent["rejected"], serde_json::json!([]), "{sent}");
}
