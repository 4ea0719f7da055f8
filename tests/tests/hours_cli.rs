//! The hours ledger from the command line: add, list, reverse, the portfolio, and the
//! language schools' progress report import.

mod util;

use util::{arg, TestEnv};

const CLIENTS: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date,bsn
G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2025-09-01,2025-09-15,123456782
G-2,Yonas,Tesfaye,1988-02-03,M,nareiziger,Hillegom,2025-08-01,2025-08-20,
";

fn env_with_clients() -> TestEnv {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", CLIENTS);
    env.ok(&["import", "clients", arg(&file)]);
    env
}

fn line<'a>(portfolio: &'a serde_json::Value, target: &str) -> &'a serde_json::Value {
    portfolio["portfolio"]["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["target"] == target)
        .unwrap()
}

#[test]
fn hours_add_up_in_the_portfolio_and_a_reversal_takes_them_out() {
    let env = env_with_clients();
    let add = |date: &str, hours: &str, category: &str| {
        env.json(&[
            "hours",
            "add",
            "G-1",
            "--date",
            date,
            "--hours",
            hours,
            "--category",
            category,
        ])
    };
    add("2026-10-05", "36", "eigen-plek");
    let crossing = add("2026-10-12", "8", "eigen-plek");
    add("2026-10-13", "1,5", "werk");
    add("2026-10-14", "0:45", "pvt");

    let portfolio = env.json(&["portfolio", "123456782", "--route", "z-route"]);
    assert_eq!(line(&portfolio, "map_praktijk")["done"], 40 * 4 + 6);
    assert_eq!(line(&portfolio, "map_praktijk")["required"], 160);
    assert_eq!(line(&portfolio, "participatie")["done"], (44 * 4) + 6);
    assert_eq!(line(&portfolio, "pvt")["done"], 3);

    let id = crossing["id"].as_str().unwrap();
    let run = env.fails(&["hours", "reverse", id, "--reason", ""]);
    assert!(run.stderr.contains("Reden: is verplicht"), "{}", run.stderr);
    env.ok(&["hours", "reverse", id, "--reason", "Verkeerde week"]);
    let run = env.fails(&["hours", "reverse", id, "--reason", "nog eens"]);
    assert!(run.stderr.contains("al teruggedraaid"), "{}", run.stderr);

    let portfolio = env.json(&["portfolio", "G-1", "--route", "z-route"]);
    assert_eq!(line(&portfolio, "map_praktijk")["done"], 36 * 4 + 6);
    let listed = env.ok(&["hours", "list", "G-1"]);
    assert!(listed.contains("terugdraaiing: Verkeerde week"), "{listed}");
    assert!(listed.contains("5 regel(s)"), "{listed}");
    let text = env.ok(&["portfolio", "G-1"]);
    assert!(text.contains("Leerroute: nog niet bekend"), "{text}");
}

#[test]
fn hours_add_refuses_bad_input_with_the_rule() {
    let env = env_with_clients();
    let run = env.fails(&[
        "hours",
        "add",
        "G-1",
        "--date",
        "2026-11-02",
        "--hours",
        "1,3",
        "--category",
        "taal",
    ]);
    assert!(
        run.stderr.contains("geen aantal uren in kwartieren"),
        "{}",
        run.stderr
    );
    let run = env.fails(&[
        "hours",
        "add",
        "G-1",
        "--date",
        "2026-12-01",
        "--hours",
        "2",
        "--category",
        "taal",
    ]);
    assert!(
        run.stderr.contains("Datum: ligt in de toekomst"),
        "{}",
        run.stderr
    );
    let run = env.fails(&[
        "hours",
        "add",
        "G-9",
        "--date",
        "2026-11-02",
        "--hours",
        "2",
        "--category",
        "taal",
    ]);
    assert!(run.stderr.contains("geen cliënt"), "{}", run.stderr);
}

#[test]
fn provider_reports_import_once_and_name_bad_rows() {
    let env = env_with_clients();
    let csv = "\
client;provider;period_start;period_end;attendance_pct;spreken;course_hours;map_practice_hours;stagnating
G-1;Taalhuis Leiden;01-07-2026;30-09-2026;92;A2;96;4;nee
G-2;Taalhuis Leiden;2026-07-01;2026-09-30;70;A1;80;;ja
G-3;Taalhuis Leiden;2026-07-01;2026-09-30;70;A1;80;;
G-2;ROC Noord;2026-07-01;2026-09-30;170;A1;80;;
";
    let file = env.write("rapportages.csv", csv);
    let run = env.run(&["import", "provider-report", arg(&file)]);
    assert_eq!(run.code, Some(2), "rejected rows give exit code 2");
    assert_eq!(
        run.row_errors(),
        [
            "regel 4, kolom client (Cliënt): 'G-3' is geen bekende cliënt (extern kenmerk of BSN)",
            "regel 5, kolom attendance_pct (Aanwezigheid (%)): ligt niet tussen 0 en 100",
        ]
    );
    assert_eq!(
        run.stdout.trim(),
        "2 geïmporteerd, 0 al aanwezig, 2 regel(s) afgekeurd"
    );
    let again = env.run(&["import", "provider-report", arg(&file)]);
    assert_eq!(
        again.stdout.trim(),
        "0 geïmporteerd, 2 al aanwezig, 2 regel(s) afgekeurd"
    );
    let portfolio = env.json(&["portfolio", "G-1", "--route", "b1"]);
    assert_eq!(line(&portfolio, "taal")["done"], 96 * 4);
    assert_eq!(line(&portfolio, "map_praktijk")["done"], 16);
    assert_eq!(portfolio["reports"][0]["levels"]["spreken"], "A2");
}
