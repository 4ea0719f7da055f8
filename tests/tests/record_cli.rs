//! The trajectory after the PIP from the command line: records added and changed with
//! field=value, the regulation's fines, work booked into the ledger, closing and retention.

mod util;

use util::{arg, TestEnv};

const CLIENTS: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date
G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-08-03,2026-08-03
G-2,Lina,Rahimi,1995-01-09,V,gezinsmigrant,Hillegom,2026-06-01,2026-06-01
";

/// Runs `args`, expects it to fail, and that its message says `expected`.
fn refused(env: &TestEnv, args: &[&str], expected: &str) {
    let run = env.fails(args);
    assert!(run.stderr.contains(expected), "{}", run.stderr);
}

fn env() -> TestEnv {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", CLIENTS);
    env.ok(&["import", "clients", arg(&file)]);
    env
}

#[test]
fn conversations_and_referrals_are_added_changed_and_listed() {
    let env = env();
    let added = env.json(&[
        "record",
        "add",
        "G-1",
        "conversation",
        "date=2026-11-02",
        "interpreter=Tolkentelefoon, Tigrinya",
        "notes=Gaat goed met de les",
        "next_date=2027-02-01",
    ]);
    assert!(added["id"].is_string());
    let referral = env.json(&[
        "record",
        "add",
        "G-1",
        "referral",
        "target=participatiewet_consulent",
        "date=2026-10-05",
        "reason=A1 bereikt",
    ]);
    let id = referral["id"].as_str().unwrap();
    env.ok(&[
        "record",
        "update",
        id,
        "referral",
        "outcome=Aangemeld bij het werkbedrijf",
        "outcome_date=2026-11-10",
    ]);
    let view = env.json(&["record", "list", "G-1"]);
    assert_eq!(
        view["conversations"][0]["record"]["next_date"],
        "2027-02-01"
    );
    assert_eq!(view["conversations"][0]["recorded_by"], "Els de Vries");
    let r = &view["referrals"][0];
    assert_eq!(r["record"]["reason"], "A1 bereikt", "untouched fields stay");
    assert_eq!(r["record"]["outcome_date"], "2026-11-10");
    assert!(r["updated_at"].is_string());
    let text = env.ok(&["record", "list", "G-1"]);
    assert!(text.contains("Voortgangsgesprekken: 1"), "{text}");
    assert!(text.contains("Aangemeld bij het werkbedrijf"), "{text}");
}

#[test]
fn bad_fields_are_named_and_nothing_is_written() {
    let env = env();
    refused(
        &env,
        &[
            "record",
            "add",
            "G-1",
            "conversation",
            "date=2026-11-02",
            "notes=x",
            "next_date=2026-11-01",
        ],
        "moet na de datum van dit gesprek liggen",
    );
    refused(
        &env,
        &["record", "add", "G-1", "meeting", "date=2026-11-02"],
        "onbekende soort registratie",
    );
    refused(
        &env,
        &[
            "record",
            "add",
            "G-1",
            "pvt_meeting",
            "date=2026-11-02",
            "quarters=1,3",
        ],
        "kwartieren",
    );
    refused(
        &env,
        &["record", "add", "G-1", "referral", "date=2026-11-02"],
        "Verwezen naar: is verplicht",
    );
    refused(
        &env,
        &[
            "record",
            "add",
            "G-1",
            "referral",
            "target=buurman",
            "date=2026-11-02",
        ],
        "'buurman' is geen geldige waarde (kies uit participatiewet_consulent",
    );
    refused(
        &env,
        &[
            "record",
            "add",
            "G-1",
            "closing",
            "reason=diploma",
            "date=2-11-2026",
        ],
        "een datum is ongeldig",
    );
    let view = env.json(&["record", "list", "G-1"]);
    assert_eq!(view["conversations"].as_array().unwrap().len(), 0);
    assert_eq!(view["pvt_meetings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_fine_follows_a_warning_and_the_regulation() {
    let env = env();
    env.ok(&[
        "fine-rule",
        "add",
        "art-5",
        "--description",
        "Verzuim bij de taalles",
        "--max",
        "250",
        "--trigger",
        "verzuim",
    ]);
    let rules = env.ok(&["fine-rule", "list"]);
    assert!(rules.contains("€ 250,00"), "{rules}");
    // A gezinsmigrant buys their own course: no fine for class absence.
    let case = env.json(&[
        "record",
        "add",
        "G-2",
        "enforcement",
        "trigger=verzuim",
        "opened_on=2026-10-01",
    ]);
    let case = case["id"].as_str().unwrap();
    env.ok(&[
        "record",
        "add",
        "G-2",
        "warning",
        &format!("case_id={case}"),
        "date=2026-10-10",
        "letter_sent=true",
    ]);
    let fine = [
        "decision=boete",
        "decided_on=2026-11-01",
        "culpability=normale_verwijtbaarheid",
        "fine_rule=art-5",
        "fine_cents=100",
    ];
    let mut args = vec!["record", "update", case, "enforcement"];
    args.extend(fine);
    let run = env.fails(&args);
    assert!(
        run.stderr.contains("alleen een statushouder"),
        "{}",
        run.stderr
    );

    let case = env.json(&[
        "record",
        "add",
        "G-1",
        "enforcement",
        "trigger=verzuim",
        "opened_on=2026-10-01",
    ]);
    let case = case["id"].as_str().unwrap();
    let mut args = vec!["record", "update", case, "enforcement"];
    args.extend(fine);
    let run = env.fails(&args);
    assert!(
        run.stderr.contains("eerst een waarschuwing"),
        "{}",
        run.stderr
    );
    env.ok(&[
        "record",
        "add",
        "G-1",
        "warning",
        &format!("case_id={case}"),
        "date=2026-10-10",
        "letter_sent=ja",
    ]);
    let mut args = vec!["record", "update", case, "enforcement"];
    args.extend(fine);
    args[8] = "fine_cents=250,01";
    let run = env.fails(&args);
    assert!(
        run.stderr.contains("hoger dan het maximum van € 250,00"),
        "{}",
        run.stderr
    );
    args[8] = "fine_cents=250";
    env.ok(&args);
    let view = env.json(&["record", "list", "G-1"]);
    assert_eq!(
        view["enforcement"][0]["case"]["record"]["fine_cents"],
        25_000
    );
}

#[test]
fn work_is_booked_once_and_closing_sets_status_and_retention() {
    let env = env();
    let work = env.json(&[
        "record",
        "add",
        "G-1",
        "work",
        "kind=betaald_werk",
        "employer=Bakkerij Van Dam",
        "start=2026-11-02",
        "quarters_per_week=16",
    ]);
    let work = work["id"].as_str().unwrap();
    let text = env.ok(&["record", "book-work", work]);
    assert!(text.contains("4 week/weken geboekt, 64 uur"), "{text}");
    let text = env.ok(&["record", "book-work", work]);
    assert!(text.contains("0 week/weken geboekt"), "{text}");
    let hours = env.json(&["hours", "list", "G-1"]);
    assert_eq!(hours.as_array().unwrap().len(), 4);
    assert_eq!(hours[0]["category"], "werk");

    env.ok(&["retention", "7"]);
    env.ok(&[
        "record",
        "add",
        "G-1",
        "closing",
        "reason=diploma",
        "date=2026-11-20",
    ]);
    let view = env.json(&["record", "list", "G-1"]);
    assert_eq!(view["closing"]["retention_end"], "2033-11-20");
    let client = env
        .clients()
        .into_iter()
        .find(|c| c["given_name"] == "Amira")
        .unwrap();
    assert_eq!(client["status"], "afgerond");
    assert!(env
        .fails(&["retention", "0"])
        .stderr
        .contains("tussen 1 en 30"));
}
