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

/// Every report runs on a generated caseload, and the team and signal tables agree with the
/// Werkvoorraad of the same day.
#[test]
fn every_report_on_a_generated_caseload_agrees_with_the_werkvoorraad() {
    let env = TestEnv::initialised();
    env.ok(&["generate", "--clients", "150", "--seed", "7"]);
    let day = "2026-06-30";
    let list = env.ok(&["report", "--list"]);
    let names: Vec<&str> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(names.len(), 11, "{list}");
    let mut tables = std::collections::HashMap::new();
    for name in &names {
        let table = env.json(&["report", name, "--reference-date", day]);
        let rows = table["rows"].as_array().unwrap();
        assert!(!rows.is_empty(), "{name} has no rows");
        for row in rows {
            assert_eq!(
                row["values"].as_array().unwrap().len(),
                table["columns"].as_array().unwrap().len(),
                "{name}: {row}"
            );
        }
        tables.insert(*name, table);
    }
    let werkvoorraad = env.json(&["signals", "--today", day]);
    let open = werkvoorraad["items"].as_array().unwrap().len() as f64;
    assert!(open > 0.0);
    let total = |name: &str, column: &str| {
        let table = &tables[name];
        let i = table["columns"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c["title"] == column)
            .unwrap();
        let rows = table["rows"].as_array().unwrap();
        rows.last().unwrap()["values"][i].as_f64().unwrap()
    };
    assert_eq!(total("team", "Open signalen"), open);
    assert_eq!(total("signalen", "Totaal"), open);
    // The money picture: the milestones' total is the sum of its client lines.
    let milestones = tables["mijlpalen"]["rows"].as_array().unwrap();
    let lines: f64 = milestones
        .iter()
        .filter(|r| !r["labels"][0].as_str().unwrap().starts_with("Totaal"))
        .filter_map(|r| r["values"][0].as_f64())
        .sum();
    assert!(
        lines > 0.0,
        "no milestone reached in the generated caseload"
    );
    assert!((total("mijlpalen", "Bedrag") - lines).abs() < 0.005);
}

/// An XLSX export opens in LibreOffice: converted to PDF, its text has the table.
#[test]
fn an_xlsx_export_opens_in_libreoffice() {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", CLIENTS);
    env.ok(&["import", "clients", arg(&file)]);
    let refused = env.fails(&["report", "doelgroep", "--format", "xlsx"]);
    assert!(refused.stderr.contains("--output"), "{}", refused.stderr);

    let xlsx = env.path().join("doelgroep.xlsx");
    env.ok(&[
        "report",
        "doelgroep",
        "--reference-date",
        "2026-01-01",
        "--format",
        "xlsx",
        "--output",
        arg(&xlsx),
    ]);
    let profile = format!("file://{}", env.path().join("lo-profile").display());
    let status = std::process::Command::new("soffice")
        .args([
            &format!("-env:UserInstallation={profile}"),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            arg(env.path()),
            arg(&xlsx),
        ])
        .output()
        .expect("LibreOffice (soffice) is installed by `make deps`");
    assert!(status.status.success(), "{status:?}");
    let text = std::process::Command::new("pdftotext")
        .args([arg(&env.path().join("doelgroep.pdf")), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for expected in [
        "Inburgeringsplichtigen naar doelgroep en gemeente",
        "Peildatum 01-01-2026",
        "Hillegom",
        "Totaal",
    ] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
}

/// The cohort table's age groups are a setting: shown, changed, refused when they do not rise.
#[test]
fn age_groups_are_a_setting() {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", CLIENTS);
    env.ok(&["import", "clients", arg(&file)]);
    assert_eq!(
        env.ok(&["age-groups"]),
        "Leeftijdsgroepen: 18–29, 30–44, 45–64, 65+\n"
    );
    let refused = env.fails(&["age-groups", "45,30"]);
    assert!(
        refused.stderr.contains("moeten oplopen"),
        "{}",
        refused.stderr
    );
    env.ok(&["age-groups", "18,30,50"]);
    let table = env.json(&[
        "report",
        "cohort-leeftijd-geslacht",
        "--reference-date",
        "2026-01-01",
    ]);
    let titles: Vec<&str> = table["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["18–29", "30–49", "50+", "Jonger/onbekend", "Totaal"]
    );
    // Lina (45 on the reference date) is now in 30–49.
    let lisse_v = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["labels"] == serde_json::json!(["Lisse", "2025", "V"]))
        .unwrap()["values"]
        .clone();
    assert_eq!(lisse_v, serde_json::json!([0.0, 2.0, 0.0, 0.0, 2.0]));
}
