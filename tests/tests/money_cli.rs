//! `traject money`: the tables, a new year's figures, the SPUK forecast of a caseload whose
//! amounts are known by construction, and the invoice check with a flagged line per problem.

mod util;

use util::{arg, TestEnv};

// Amira (statushouder, obliged 2024), Lina (gezinsmigrant, 2025) and Sara (overige migrant,
// 2026: a year the SPUK table does not have yet).
const CLIENTS: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date
G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2024-03-01,2024-03-01
G-2,Lina,Rahimi,1995-01-09,V,gezinsmigrant,Hillegom,2025-02-01,2025-02-01
G-3,Sara,Haile,1992-07-01,V,overige_migrant,Lisse,2026-02-01,2026-02-01
";

fn env() -> TestEnv {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", CLIENTS);
    env.ok(&["import", "clients", arg(&file)]);
    env
}

#[test]
fn tables_forecast_and_a_new_years_figures() {
    let env = env();
    let tables = env.ok(&["money", "tables"]);
    assert!(tables.contains("€ 9.154,91"), "{tables}");
    assert!(tables.contains("€ 10.513,85"), "{tables}");
    assert!(tables.contains("12,5 %"), "{tables}");
    let years = env.json(&["money", "forecast", "--from", "2024", "--to", "2026"]);
    let spuk: Vec<i64> = years
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["spuk_cents"].as_i64().unwrap())
        .collect();
    // 2024: Amira's year 1 (8,870.51); 2025: her year 2 (4,491.54) and Lina (694.23);
    // 2026: her year 3 (1,122.89); Sara's amount is not in the table yet.
    assert_eq!(spuk, [887_051, 449_154 + 69_423, 112_289]);
    let text = env.ok(&["money", "forecast", "--from", "2026", "--to", "2026"]);
    assert!(
        text.contains("SPUK gezins-/overige migrant, cohort 2026 ontbreekt"),
        "{text}"
    );
    // The beheerder adds the new year's figure; the forecast counts it.
    env.ok(&["money", "spuk", "2026", "gezins-overige-migrant", "712,50"]);
    let text = env.ok(&["money", "forecast", "--from", "2026", "--to", "2026"]);
    assert!(!text.contains("ontbreekt"), "{text}");
    assert!(text.contains("€ 1.835,39"), "1,122.89 + 712.50: {text}");
    let run = env.fails(&["money", "spuk", "2026", "gezins-overige-migrant", "veel"]);
    assert!(run.stderr.contains("geen bedrag"), "{}", run.stderr);
}

#[test]
fn an_invoice_is_checked_line_by_line() {
    let env = env();
    // Amira follows the Z-route at NLtraining since 1 April 2024 (PIP of 20 March).
    let routes = env.write(
        "routes.csv",
        "external_id,leerroute,route_start_date,pip_date,provider\nG-1,z_route,2024-04-01,2024-03-20,NLtraining\n",
    );
    env.ok(&["import", "routes", arg(&routes)]);
    env.ok(&[
        "money",
        "price",
        "--provider",
        "NLtraining",
        "z-route",
        "2024",
        "9.708,15",
    ]);
    // Without a course start the months cannot be counted: the lines are not reached.
    let invoice = env.write(
        "factuur.csv",
        "client;provider;milestone;amount;date\n\
         G-1;NLtraining;z_6_maanden;1.213,52;2024-10-01\n\
         G-1;NLtraining;z_6_maanden;1.213,52;2024-10-02\n\
         G-1;NLtraining;z_a1_examen;1.000,00;2024-10-01\n\
         G-9;NLtraining;z_6_maanden;1.213,52;2024-10-01\n\
         G-1;NLtraining;z_12_maanden;veel;2025-04-01\n",
    );
    let run = env.run(&["money", "invoice-check", arg(&invoice)]);
    assert_eq!(run.code, Some(2), "{}", run.stdout);
    let out = &run.stdout;
    assert!(
        out.contains("dubbel gefactureerd (ook op regel 2)"),
        "{out}"
    );
    assert!(out.contains("wijkt af van € 2.427,04"), "{out}");
    assert!(out.contains("geen cliënt met kenmerk G-9"), "{out}");
    assert!(out.contains("niet bereikt"), "{out}");
    assert!(out.contains("Afgekeurd: regel 6, kolom amount"), "{out}");
    assert!(
        out.contains("4 regel(s) gecontroleerd: 0 in orde, 4 met een bevinding; 1 afgekeurd"),
        "{out}"
    );
}
