//! Integration tests of the `traject` command line: each test runs the real binary against
//! its own database in a temporary directory.
//!
//! The binary must be built first: `cargo build -p traject-cli` (see `util`).

mod util;

use serde_json::Value;
use traject_core::domain::bsn::complete_with_check_digit;
use util::{arg, names, TestEnv, REQUIRED_HEADER};

/// A valid fake BSN (passes the elfproef), unique per `n`.
fn fake_bsn(n: u32) -> String {
    let base = 20_000_000 + n * 100;
    (base..base + 100)
        .find_map(|first_eight| complete_with_check_digit(&format!("{first_eight:08}")))
        .expect("some eight digits have a check digit")
        .reveal()
        .to_owned()
}

/// The same number with its last digit changed: fails the elfproef.
fn broken_bsn(valid: &str) -> String {
    let (head, last) = valid.split_at(8);
    let last: u32 = last.parse().unwrap();
    format!("{head}{}", (last + 1) % 10)
}

const GOOD_CSV: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date,bsn,country_of_origin,consultant,status
G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-09-01,2026-09-15,123456782,Syrië,Els de Vries,intake
G-2,Yonas,Tesfaye,1988-02-03,M,nareiziger,Hillegom,2026-08-01,2026-08-20,,Eritrea,Piet Bakker,aangemeld
G-3,Lina,Abbas,1995-07-07,V,gezinsmigrant,Noordwijk,2026-07-01,2026-07-15,,Marokko,,
";

fn good_names() -> Vec<String> {
    vec![
        "Abbas, Lina".to_owned(),
        "Haddad, Amira".to_owned(),
        "Tesfaye, Yonas".to_owned(),
    ]
}

fn row_count(value: &Value) -> usize {
    value.as_array().expect("a JSON array").len()
}

#[test]
fn importing_a_good_file_lists_its_clients() {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", GOOD_CSV);

    let stdout = env.ok(&["import", "clients", arg(&file)]);
    assert_eq!(
        stdout.trim(),
        "3 geïmporteerd, 0 al aanwezig, 0 regel(s) afgekeurd"
    );

    let clients = env.clients();
    assert_eq!(names(&clients), good_names());
    let amira = clients
        .iter()
        .find(|c| c["given_name"] == "Amira")
        .expect("Amira is listed");
    assert_eq!(amira["municipality"], "Lisse");
    assert_eq!(amira["client_type"], "statushouder");
    assert_eq!(amira["status"], "intake");
    assert_eq!(amira["consultant"], "Els de Vries");
    assert_eq!(amira["birth_date"], "1990-05-17");

    let lisse = env.json(&["client", "list", "--municipality", "Lisse"]);
    assert_eq!(names(lisse.as_array().unwrap()), ["Haddad, Amira"]);
    let piet = env.json(&["client", "list", "--consultant", "Piet Bakker"]);
    assert_eq!(names(piet.as_array().unwrap()), ["Tesfaye, Yonas"]);

    // The table (without --json) shows the names and the count.
    let table = env.ok(&["client", "list"]);
    assert!(table.contains("Haddad, Amira"), "{table}");
    assert!(table.contains("3 cliënt(en)"), "{table}");
}

/// 100 rows, of which line 11 has an impossible date, line 51 an unknown municipality and
/// line 91 a BSN that fails the elfproef (the header is line 1).
fn hundred_rows_three_bad() -> String {
    const GIVEN: [&str; 10] = [
        "Amira", "Yonas", "Lina", "Omar", "Samira", "Dawit", "Fatima", "Karim", "Hana", "Tesfay",
    ];
    const FAMILY: [&str; 10] = [
        "Haddad", "Tesfaye", "Abbas", "Yilmaz", "Mahmoud", "Bekele", "Rahimi", "Nasser", "Kaya",
        "Osman",
    ];
    const MUNICIPALITIES: [&str; 4] = ["Hillegom", "Lisse", "Noordwijk", "Teylingen"];
    const TYPES: [&str; 3] = ["statushouder", "gezinsmigrant", "overige_migrant"];
    let mut csv = format!("{REQUIRED_HEADER},bsn\n");
    for i in 0..100u32 {
        let idx = i as usize;
        let mut birth_date = format!("{}-{:02}-{:02}", 1960 + i % 45, 1 + i % 12, 1 + i % 28);
        let mut municipality = MUNICIPALITIES[idx % 4].to_owned();
        let mut bsn = fake_bsn(i);
        match i + 2 {
            11 => birth_date = "31-02-1990".into(),
            51 => municipality = "Leiden".into(),
            91 => bsn = broken_bsn(&bsn),
            _ => {}
        }
        csv.push_str(&format!(
            "B-{i:03},{},{},{birth_date},{},{},{municipality},2026-{:02}-01,2026-{:02}-15,{bsn}\n",
            GIVEN[idx % 10],
            FAMILY[idx / 10],
            ["M", "V", "X"][idx % 3],
            TYPES[idx % 3],
            1 + i % 10,
            1 + i % 10,
        ));
    }
    csv
}

#[test]
fn bad_rows_are_reported_and_good_rows_imported_once() {
    let env = TestEnv::initialised();
    let file = env.write("hundred.csv", hundred_rows_three_bad());

    let first = env.run(&["import", "clients", arg(&file)]);
    assert_eq!(first.code, Some(2), "{first:?}");
    assert_eq!(
        first.stdout.trim(),
        "97 geïmporteerd, 0 al aanwezig, 3 regel(s) afgekeurd"
    );
    let errors = first.row_errors();
    assert_eq!(errors.len(), 3, "{}", first.stderr);
    assert!(
        errors[0].starts_with("regel 11, kolom birth_date (Geboortedatum): '31-02-1990'"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("regel 51, kolom municipality (Gemeente): 'Leiden'"),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with("regel 91, kolom bsn (BSN): ") && errors[2].contains("elfproef"),
        "{}",
        errors[2]
    );
    assert_eq!(env.client_count(), 97);

    // Idempotent by external_id: the second run adds nothing.
    let second = env.run(&["import", "clients", arg(&file)]);
    assert_eq!(second.code, Some(2), "{second:?}");
    assert_eq!(
        second.stdout.trim(),
        "0 geïmporteerd, 97 al aanwezig, 3 regel(s) afgekeurd"
    );
    assert_eq!(second.row_errors().len(), 3, "{}", second.stderr);
    assert_eq!(env.client_count(), 97);

    // --json prints the report for scripts, with the same exit code.
    let third = env.run(&["--json", "import", "clients", arg(&file)]);
    assert_eq!(third.code, Some(2), "{third:?}");
    let report = third.json();
    assert_eq!(report["imported"], 0);
    assert_eq!(report["already_present"], 97);
    let rejected: Vec<(u64, &str)> = report["rejected"]
        .as_array()
        .expect("rejected is an array")
        .iter()
        .map(|e| {
            assert!(!e["message"].as_str().unwrap().is_empty());
            (e["line"].as_u64().unwrap(), e["column"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        rejected,
        [(11, "birth_date"), (51, "municipality"), (91, "bsn")]
    );
    assert_eq!(env.client_count(), 97);
}

#[test]
fn semicolons_bom_crlf_and_dutch_dates_import() {
    let env = TestEnv::initialised();
    let csv = "\u{FEFF}external_id;given_name;family_name;birth_date;gender;client_type;municipality;brp_registration_date;obligation_date;bsn\r\n\
               T-9;Sven;Öztürk;17-05-1990;M;gezinsmigrant;Teylingen;01-09-2026;15-09-2026;1234.56.782\r\n\
               T-10;Zoë;Çelik;03-12-1985;V;statushouder;Noordwijk;2-10-2026;20-10-2026;\r\n";
    let file = env.write("excel.csv", csv);

    let stdout = env.ok(&["import", "clients", arg(&file)]);
    assert_eq!(
        stdout.trim(),
        "2 geïmporteerd, 0 al aanwezig, 0 regel(s) afgekeurd"
    );
    assert_eq!(names(&env.clients()), ["Çelik, Zoë", "Öztürk, Sven"]);

    let found = env.search("Öztürk");
    assert_eq!(names(&found), ["Öztürk, Sven"]);
    let id = found[0]["id"].as_str().unwrap().to_owned();
    let dossier = env.json(&["client", "show", &id]);
    let client = &dossier["client"];
    assert_eq!(client["family_name"], "Öztürk");
    assert_eq!(client["birth_date"], "1990-05-17");
    assert_eq!(client["brp_registration_date"], "2026-09-01");
    assert_eq!(client["obligation_date"], "2026-09-15");
    assert_eq!(dossier["bsn_masked"], "******782");

    let celik = env.search("Çelik");
    assert_eq!(celik[0]["brp_registration_date"], "2026-10-02");
}

#[test]
fn a_missing_required_column_rejects_the_whole_file() {
    let env = TestEnv::initialised();
    // A valid row, but no obligation_date column.
    let file = env.write(
        "no-obligation.csv",
        "external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date\n\
         A1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-09-01\n",
    );
    let run = env.fails(&["import", "clients", arg(&file)]);
    assert!(run.stderr.contains("verplichte kolom"), "{}", run.stderr);
    assert!(run.stderr.contains("obligation_date"), "{}", run.stderr);
    assert!(!run.stderr.contains("given_name"), "{}", run.stderr);
    assert_eq!(env.client_count(), 0);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_clearly() {
    let env = TestEnv::initialised();
    let mut bytes = format!("{REQUIRED_HEADER}\n").into_bytes();
    // "Jérôme" in Latin-1, as an old spreadsheet would save it.
    bytes.extend_from_slice(
        b"A1,J\xe9r\xf4me,Dupont,1990-05-17,M,overige_migrant,Lisse,2026-09-01,2026-09-15\n",
    );
    let file = env.write("latin1.csv", bytes);
    let run = env.fails(&["import", "clients", arg(&file)]);
    assert!(run.stderr.contains("geen UTF-8"), "{}", run.stderr);
    assert!(run.stderr.contains("regel 2"), "{}", run.stderr);
    assert_eq!(env.client_count(), 0);

    let run = env.fails(&["import", "clients", "does-not-exist.csv"]);
    assert!(run.stderr.contains("does-not-exist.csv"), "{}", run.stderr);
}

const AMIRA: [&str; 14] = [
    "client",
    "add",
    "--given-name",
    "Amira",
    "--family-name",
    "Haddad",
    "--birth-date",
    "17-05-1990",
    "--gender",
    "V",
    "--client-type",
    "statushouder",
    "--municipality",
    "Lisse",
];

#[test]
fn add_search_show_and_edit_a_client() {
    let env = TestEnv::initialised();
    let mut add = AMIRA.to_vec();
    add.extend(["--bsn", "111222333", "--obligation-date", "2025-03-01"]);
    let saved = env.json(&add);
    let id = saved["id"]
        .as_str()
        .expect("the new client's id")
        .to_owned();

    for text in ["dda", "Haddad", "haddad", "Amira Haddad", "111222333"] {
        let found = env.search(text);
        assert_eq!(names(&found), ["Haddad, Amira"], "search {text}");
        assert_eq!(found[0]["id"], id.as_str());
    }
    assert!(env.search("Jansen").is_empty());

    // The dossier shows the BSN masked, never in full (not in the table, not in JSON).
    let shown = env.run(&["client", "show", &id]);
    assert_eq!(shown.code, Some(0), "{shown:?}");
    assert!(shown.stdout.contains("Amira Haddad"), "{}", shown.stdout);
    assert!(shown.stdout.contains("******333"), "{}", shown.stdout);
    assert!(shown.stdout.contains("17-05-1990"), "{}", shown.stdout);
    assert!(
        shown
            .stdout
            .lines()
            .any(|l| l.contains("Cohort") && l.ends_with("2025")),
        "the cohort is the year the obligation started: {}",
        shown.stdout
    );
    assert!(!shown.stdout.contains("111222333"), "{}", shown.stdout);
    assert!(!shown.stderr.contains("111222333"), "{}", shown.stderr);
    let shown_json = env.run(&["--json", "client", "show", &id]);
    assert_eq!(shown_json.json()["bsn_masked"], "******333");
    assert!(
        !shown_json.stdout.contains("111222333"),
        "{}",
        shown_json.stdout
    );

    // Editing changes only the given field; search follows the new name.
    let edited = env.ok(&["client", "edit", &id, "--family-name", "Bakker"]);
    assert!(edited.contains("Amira Bakker bijgewerkt"), "{edited}");
    assert_eq!(names(&env.search("akke")), ["Bakker, Amira"]);
    assert!(env.search("Haddad").is_empty());
    assert_eq!(names(&env.search("111222333")), ["Bakker, Amira"]);
    let after = env.json(&["client", "show", &id]);
    assert_eq!(after["client"]["municipality"], "Lisse");
    assert_eq!(after["client"]["birth_date"], "1990-05-17");

    let nothing = env.fails(&["client", "edit", &id]);
    assert!(
        nothing.stderr.contains("minstens één veld"),
        "{}",
        nothing.stderr
    );
    assert_eq!(env.client_count(), 1);
}

#[test]
fn add_refuses_invalid_clients_with_a_dutch_message() {
    let env = TestEnv::initialised();
    let mut future = AMIRA.to_vec();
    future[7] = "2030-01-01";
    let run = env.fails(&future);
    // One message per broken rule, naming the field by its Dutch label (and only once).
    assert_eq!(
        run.stderr.trim(),
        "traject: Geboortedatum: ligt in de toekomst"
    );

    let mut bad_bsn = AMIRA.to_vec();
    bad_bsn.extend(["--bsn", "111222334"]);
    let run = env.fails(&bad_bsn);
    assert!(run.stderr.contains("BSN"), "{}", run.stderr);
    assert!(run.stderr.contains("elfproef"), "{}", run.stderr);

    let mut leiden = AMIRA.to_vec();
    leiden[13] = "Leiden";
    let run = env.fails(&leiden);
    assert!(run.stderr.contains("Gemeente"), "{}", run.stderr);
    assert!(run.stderr.contains("Leiden"), "{}", run.stderr);

    let mut gender = AMIRA.to_vec();
    gender[9] = "Q";
    let run = env.fails(&gender);
    assert!(run.stderr.contains("--gender"), "{}", run.stderr);

    assert_eq!(env.client_count(), 0);
}

#[test]
fn add_before_init_asks_for_traject_init() {
    let env = TestEnv::new();
    let run = env.fails(&AMIRA);
    assert!(run.stderr.contains("traject init"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn csv_export_reimports_and_json_export_has_every_client() {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", GOOD_CSV);
    env.ok(&["import", "clients", arg(&file)]);

    let exported = env.path().join("export.csv");
    let run = env.run(&[
        "export",
        "clients",
        "--format",
        "csv",
        "--output",
        arg(&exported),
    ]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains("3 cliënten geëxporteerd"),
        "{}",
        run.stderr
    );
    // Without --output the same CSV goes to standard output.
    let to_stdout = env.ok(&["export", "clients", "--format", "csv"]);
    assert_eq!(std::fs::read_to_string(&exported).unwrap(), to_stdout);

    let other = TestEnv::initialised();
    let stdout = other.ok(&["import", "clients", arg(&exported)]);
    assert_eq!(
        stdout.trim(),
        "3 geïmporteerd, 0 al aanwezig, 0 regel(s) afgekeurd"
    );
    assert_eq!(other.client_count(), env.client_count());

    // The round trip keeps every imported field.
    let comparable = |env: &TestEnv| -> Vec<Value> {
        let mut clients = env
            .json(&["export", "clients", "--format", "json"])
            .as_array()
            .expect("a JSON array")
            .clone();
        for client in &mut clients {
            let object = client.as_object_mut().unwrap();
            for bookkeeping in ["id", "created_at", "updated_at"] {
                object.remove(bookkeeping);
            }
        }
        clients.sort_by_key(|c| c["external_id"].as_str().unwrap().to_owned());
        clients
    };
    let original = comparable(&env);
    assert_eq!(original.len(), 3);
    assert_eq!(comparable(&other), original);

    let json = env.json(&["export", "clients", "--format", "json"]);
    assert_eq!(row_count(&json), 3);
    assert_eq!(names(json.as_array().unwrap()), good_names());
    let yonas = json
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["external_id"] == "G-2")
        .unwrap();
    assert_eq!(yonas["statushouder_subtype"], "nareiziger");
    assert_eq!(yonas["country_of_origin"], "Eritrea");
}

#[test]
fn generate_fills_a_fresh_database_that_search_finds() {
    let env = TestEnv::new();
    let run = env.run(&["generate", "--clients", "2000", "--seed", "1"]);
    assert_eq!(run.code, Some(0), "{run:?}");
    assert!(
        run.stderr.contains("2000 cliënten gegenereerd"),
        "{}",
        run.stderr
    );

    assert_eq!(env.client_count(), 2000);
    let found = env.search("jan");
    assert!(!found.is_empty(), "search jan found nobody");
    for row in &found {
        let name = format!("{} {}", row["given_name"], row["family_name"]).to_lowercase();
        assert!(name.contains("jan"), "{name} does not match 'jan'");
    }
    // generate set up a demo identity, so registering by hand works without init.
    env.ok(&AMIRA);
    assert_eq!(env.client_count(), 2001);
}

const QUESTIONNAIRE: &str = r#"
id = "brede-intake-wi2021"
version = 2
title = "Brede intake Wi2021 (herzien)"

[[groups]]
id = "werk"
title = "Werk"

[[groups.questions]]
id = "heeft_gewerkt"
type = "yes_no"
text = "Heeft u gewerkt?"
required = true

[[groups.questions]]
id = "beroep"
type = "short_text"
text = "Welk beroep?"
show_if = "heeft_gewerkt"
"#;

#[test]
fn questionnaire_versions_import_once_and_broken_ones_name_question_and_position() {
    let env = TestEnv::initialised();
    let listed = env.json(&["questionnaire", "list"]);
    assert_eq!(listed[0]["id"], "brede-intake-wi2021");
    assert_eq!(
        listed[0]["version"], 1,
        "the built-in version is there from the start"
    );

    let good = env.write("v2.toml", QUESTIONNAIRE);
    assert!(env
        .ok(&["questionnaire", "import", arg(&good)])
        .contains("versie 2 toegevoegd (2 vragen)"));
    assert!(env
        .ok(&["questionnaire", "import", arg(&good)])
        .contains("versie 2 was al aanwezig"));
    let versions: Vec<u64> = env
        .json(&["questionnaire", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["version"].as_u64().unwrap())
        .collect();
    assert_eq!(versions, [2, 1]);

    let broken = env.write(
        "v3.toml",
        QUESTIONNAIRE
            .replace("version = 2", "version = 3")
            .replace("show_if = \"heeft_gewerkt\"", "show_if = \"heeft_gewrkt\""),
    );
    let run = env.fails(&["questionnaire", "import", arg(&broken)]);
    assert!(
        run.stderr
            .contains("'beroep' (show_if, positie 0): onbekende vraag 'heeft_gewrkt'"),
        "{}",
        run.stderr
    );
    let changed = env.write(
        "v2b.toml",
        QUESTIONNAIRE.replace("Welk beroep?", "Wat was uw beroep?"),
    );
    let run = env.fails(&["questionnaire", "import", arg(&changed)]);
    assert!(run.stderr.contains("hoger versienummer"), "{}", run.stderr);
    assert_eq!(
        env.json(&["questionnaire", "list"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

/// Without --db the CLI opens the app's database: the profile the app opened last, or the one
/// asked for with --profile; on a new laptop the first profile, as the app makes it.
#[test]
fn without_db_it_opens_the_apps_profile() {
    let env = TestEnv::new();
    let profile_db = |name: &str| {
        env.app_dir()
            .join("profielen")
            .join(name)
            .join("traject.db")
    };
    let ok = |args: &[&str]| {
        let run = env.app_run(args);
        assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
        run.stdout
    };

    // A new laptop: the first profile is "standaard".
    ok(&["init", "--name", "Els de Vries"]);
    assert!(profile_db("standaard").is_file());

    // A second profile, with two clients in it.
    let jan = profile_db("Jan").display().to_string();
    ok(&["--db", &jan, "init", "--name", "Jan Jansen"]);
    ok(&["--db", &jan, "generate", "--clients", "2", "--years", "1"]);
    let clients = |extra: &[&str]| -> usize {
        let mut args = vec!["--json"];
        args.extend_from_slice(extra);
        args.extend(["client", "list"]);
        let out = ok(&args);
        serde_json::from_str::<Value>(&out)
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };

    std::fs::write(env.app_dir().join("profielen/laatst-gebruikt"), "standaard").unwrap();
    assert_eq!(clients(&[]), 0, "the profile opened last");
    assert_eq!(clients(&["--profile", "jan"]), 2, "case is ignored");
    std::fs::write(env.app_dir().join("profielen/laatst-gebruikt"), "Jan").unwrap();
    assert_eq!(clients(&[]), 2);

    let unknown = env.app_run(&["--profile", "Piet", "client", "list"]);
    assert_ne!(unknown.code, Some(0));
    assert!(
        unknown.stderr.contains("er is geen profiel 'Piet'")
            && unknown.stderr.contains("(wel: Jan, standaard)"),
        "{}",
        unknown.stderr
    );
}
