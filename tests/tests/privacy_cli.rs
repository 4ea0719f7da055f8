//! Privacy from the command line (domain page §7): the audit log filtered by dossier, user,
//! action and period, and a whole dossier exported for its client (right of access).

mod util;

use util::{arg, TestEnv, TODAY};

const CLIENTS: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date,bsn
G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-08-03,2026-08-03,123456782
G-2,Lina,Rahimi,1995-01-09,V,gezinsmigrant,Hillegom,2026-06-01,2026-06-01,
";

fn env() -> TestEnv {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", CLIENTS);
    env.ok(&["import", "clients", arg(&file)]);
    env
}

/// The id of the one client found by `name`.
fn id_of(env: &TestEnv, name: &str) -> String {
    env.search(name)[0]["id"]
        .as_str()
        .expect("the client is there")
        .to_owned()
}

fn entries(page: &serde_json::Value) -> &Vec<serde_json::Value> {
    page["entries"].as_array().expect("entries")
}

#[test]
fn the_audit_log_is_filtered_by_dossier_user_action_and_period() {
    let env = env();
    let amira = id_of(&env, "Haddad");
    env.ok(&["client", "show", &amira]);

    let all = env.json(&["audit"]);
    assert!(entries(&all).len() >= 3, "two creations and a read: {all}");
    assert!(entries(&all)
        .iter()
        .all(|e| e["entry"]["actor"] == "Els de Vries"));
    assert!(all["next"].is_null());

    let reads = env.json(&["audit", "--client", "G-1", "--action", "read"]);
    assert_eq!(entries(&reads).len(), 1);
    assert_eq!(entries(&reads)[0]["client_name"], "Amira Haddad");
    assert_eq!(entries(&reads)[0]["entry"]["action"], "read");

    let table = env.ok(&["audit", "--client", &amira, "--user", "Els de Vries"]);
    let header = table.lines().next().unwrap();
    assert!(header.starts_with("Tijdstip"), "{table}");
    for column in ["Wie", "Actie", "Dossier", "Wat"] {
        assert!(header.contains(column), "{header}");
    }
    assert!(table.contains("Ingezien"), "{table}");
    assert!(table.contains("Weergave: dossier"), "{table}");
    assert!(
        table.contains("BSN: ******782"),
        "the log keeps the BSN masked: {table}"
    );
    assert!(!table.contains("123456782"), "{table}");

    let nobody = env.ok(&["audit", "--user", "Niemand"]);
    assert_eq!(nobody, "Geen auditregels gevonden.\n");

    // The entries are written now, on this computer's calendar.
    let today = chrono::Local::now().date_naive();
    let yesterday = today.pred_opt().unwrap().format("%d-%m-%Y").to_string();
    let today = today.format("%Y-%m-%d").to_string();
    let from_today = env.json(&["audit", "--from", &today, "--to", &today]);
    assert_eq!(entries(&from_today).len(), entries(&all).len());
    let until_yesterday = env.json(&["audit", "--to", &yesterday]);
    assert!(entries(&until_yesterday).is_empty());

    let limited = env.json(&["audit", "--limit", "1"]);
    assert_eq!(entries(&limited).len(), 1);
    assert!(limited["next"].is_object(), "more entries follow");
}

#[test]
fn a_bad_audit_filter_is_refused_in_dutch() {
    let env = env();
    let cases: [(&[&str], &str); 4] = [
        (
            &["audit", "--from", "2026-12-01", "--to", "2026-11-01"],
            "Tot en met: ligt vóór de begindatum (01-12-2026)",
        ),
        (
            &["audit", "--from", "31-02-2026"],
            "'31-02-2026' is geen datum",
        ),
        (
            &["audit", "--action", "delete"],
            "'delete' is geen geldige waarde",
        ),
        (
            &["audit", "--client", "G-9"],
            "geen cliënt met id, extern kenmerk of BSN 'G-9'",
        ),
    ];
    for (args, message) in cases {
        let run = env.fails(args);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn a_dossier_is_exported_for_its_client_and_the_export_is_audited() {
    let env = env();
    let amira = id_of(&env, "Haddad");
    let out = env.path().join("inzage");
    let printed = env.ok(&["client", "export", &amira, "--out", arg(&out)]);
    let json_path = out.join(format!("inzage-Haddad-{TODAY}.json"));
    let html_path = out.join(format!("inzage-Haddad-{TODAY}.html"));
    assert!(printed.contains(arg(&json_path)), "{printed}");
    assert!(printed.contains(arg(&html_path)), "{printed}");

    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(export["client_id"], amira.as_str());
    assert_eq!(export["exported_by"], "Els de Vries");
    let client = &export["tables"][0];
    assert_eq!(client["table"], "clients");
    assert_eq!(client["records"][0]["fields"]["bsn"], "123456782");
    assert_eq!(client["records"][0]["history"][0]["action"], "create");

    let document = std::fs::read_to_string(&html_path).unwrap();
    assert!(document.contains("<h1>Inzage in het dossier van Amira Haddad</h1>"));
    assert!(document.contains("17-05-1990"));

    let exports = env.json(&["audit", "--action", "export"]);
    assert_eq!(entries(&exports).len(), 1);
    assert_eq!(entries(&exports)[0]["client_name"], "Amira Haddad");

    let unknown = "0190c1c6-0000-7000-8000-00000000abcd";
    let run = env.fails(&["client", "export", unknown, "--out", arg(&out)]);
    assert!(
        run.stderr
            .contains(&format!("cliënt {unknown} bestaat niet")),
        "{}",
        run.stderr
    );
}
