//! `traject report`: the aggregate tables on a caseload whose counts are known by construction.

mod util;

use util::{arg, TestEnv};

// On 1 January 2026: Amira and Yonas (statushouders, Lisse and Hillegom), Lina (gezinsmigrant,
// Lisse); Sara is obliged only from 2 January 2026, after the reference date.
const CLIENTS: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date
G-1,Amira,Haddad,1996-01-01,V,statushouder,Lisse,2025-03-01,2025-03-01
G-2,Yonas,Tesfaye,1996-01-02,M,statushouder,Hillegom,2025-04-01,2025-04-01
G-3,Lina,Rahimi,1980-06-01,V,gezinsmigrant,Lisse,2025-05-01,2025-05-01
G-4,Sara,Haile,1992-07-01,V,overige_migrant,Lisse,2026-01-02,2026-01-02
";

#[test]
fn aggregate_tables_for_a_reference_date() {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", CLIENTS);
    env.ok(&["import", "clients", arg(&file)]);
    let list = env.ok(&["report", "--list"]);
    assert!(
        list.contains("doelgroep") && list.contains("tijdigheid"),
        "{list}"
    );

    let csv = env.ok(&[
        "report",
        "doelgroep",
        "--reference-date",
        "2026-01-01",
        "--format",
        "csv",
    ]);
    assert_eq!(
        csv,
        "Gemeente;Statushouder;Gezins- en overige migrant;Onbekend;Totaal\n\
         Hillegom;1;0;0;1\n\
         Lisse;1;1;0;2\n\
         Totaal;2;1;0;3\n"
    );
    // Ages on the reference date: Amira turns 30 that day, Yonas is still 29.
    let table = env.json(&[
        "report",
        "cohort-leeftijd-geslacht",
        "--reference-date",
        "2026-01-01",
    ]);
    let rows = table["rows"].as_array().unwrap();
    let row = |labels: [&str; 3]| {
        rows.iter()
            .find(|r| r["labels"] == serde_json::json!(labels))
            .unwrap()["values"]
            .clone()
    };
    assert_eq!(
        row(["Lisse", "2025", "V"]),
        serde_json::json!([0.0, 1.0, 1.0, 0.0, 0.0, 2.0])
    );
    assert_eq!(
        row(["Hillegom", "2025", "M"]),
        serde_json::json!([1.0, 0.0, 0.0, 0.0, 0.0, 1.0])
    );
    let masked = env.ok(&[
        "report",
        "doelgroep",
        "--reference-date",
        "2026-01-01",
        "--format",
        "csv",
        "--mask",
        "--municipality",
        "Lisse",
    ]);
    assert_eq!(
        masked,
        "Gemeente;Statushouder;Gezins- en overige migrant;Onbekend;Totaal\n\
         Lisse;<5;<5;0;<5\n\
         Totaal;<5;<5;0;<5\n"
    );
    let run = env.fails(&["report", "alles", "--reference-date", "2026-01-01"]);
    assert!(run.stderr.contains("onbekend rapport"), "{}", run.stderr);
}
