//! A dossier moved to another team, with laptops and a real `traject-server`: the new team
//! receives the whole dossier, the old team's laptops remove it at their next sync, and an
//! edit made offline on an old laptop after the move reaches the new team's conflict review.

mod server;
mod team;
mod util;

use team::{laptop, server_with, CLIENTS};
use util::{arg, TestEnv};

#[test]
fn a_moved_dossier_reaches_the_new_team_and_leaves_the_old() {
    let (_db, server) = server_with(&[
        ("anna", "Noord", "consultant"),
        ("tom", "Noord", "teamleider"),
        ("zoe", "Zuid", "consultant"),
    ]);
    let (anna, tom, zoe) = (
        laptop(&server, "anna", None),
        laptop(&server, "tom", None),
        laptop(&server, "zoe", None),
    );
    let file = anna.write("clients.csv", CLIENTS);
    anna.ok(&["import", "clients", arg(&file)]);
    anna.json(&["sync"]);
    tom.json(&["sync"]);
    let amira = tom.search("amira")[0]["id"].as_str().unwrap().to_owned();
    // The dossier's synced fields (the arrival time is each laptop's own).
    let fields = |env: &TestEnv| {
        let mut client = env.json(&["client", "show", &amira])["client"].clone();
        let object = client.as_object_mut().unwrap();
        object.remove("created_at");
        object.remove("updated_at");
        client
    };
    let before = fields(&tom);

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
    assert_eq!(fields(&zoe), before);
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
