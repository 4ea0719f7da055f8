//! `traject signals`: the Werkvoorraad from the command line, on any day (`--today`), filtered.

mod util;

use util::{arg, TestEnv};

// TestEnv runs on 29 November 2026. Amira registered 1 September (10 weeks end on 10
// November: overdue); Yonas on 1 October (10 December: within 14 days); Lina on 15 November.
const CLIENTS: &str = "\
external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date,consultant
G-1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-09-01,2026-09-01,Sanne de Vries
G-2,Yonas,Tesfaye,1988-02-03,M,statushouder,Hillegom,2026-10-01,2026-10-01,Mark Jansen
G-3,Lina,Rahimi,1995-01-09,V,gezinsmigrant,Hillegom,2026-11-15,2026-11-15,Mark Jansen
";

fn env() -> TestEnv {
    let env = TestEnv::initialised();
    let file = env.write("clients.csv", CLIENTS);
    env.ok(&["import", "clients", arg(&file)]);
    env
}

fn kinds(view: &serde_json::Value) -> Vec<String> {
    view["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            format!(
                "{} {} {}",
                i["client_name"].as_str().unwrap(),
                i["signal"]["kind"].as_str().unwrap(),
                i["signal"]["severity"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn the_werkvoorraad_on_any_day_and_filtered() {
    let env = env();
    let view = env.json(&["signals"]);
    assert_eq!(
        kinds(&view),
        [
            "Amira Haddad intake_due overdue",
            "Yonas Tesfaye intake_due warning"
        ]
    );
    assert_eq!(view["counts"]["overdue"], 1);
    let text = env.ok(&["signals"]);
    assert!(text.contains("te laat"), "{text}");
    assert!(text.contains("Brede intake te laat: de 10 weken na inschrijving verliepen op 10-11-2026 (19 dagen geleden)"), "{text}");
    assert!(
        text.contains("0 fout, 1 te laat, 1 waarschuwing(en)"),
        "{text}"
    );

    // On 20 October nothing was due yet; on 10 February Lina's deadline (24 January) is past.
    assert_eq!(
        kinds(&env.json(&["signals", "--today", "2026-10-20"])),
        Vec::<String>::new()
    );
    assert_eq!(
        kinds(&env.json(&["signals", "--today", "2027-02-10"])),
        [
            "Amira Haddad intake_due overdue",
            "Yonas Tesfaye intake_due overdue",
            "Lina Rahimi intake_due overdue"
        ]
    );

    let mark = env.json(&["signals", "--consultant", "Mark Jansen"]);
    assert_eq!(kinds(&mark), ["Yonas Tesfaye intake_due warning"]);
    let lisse = env.json(&["signals", "--municipality", "Lisse"]);
    assert_eq!(kinds(&lisse), ["Amira Haddad intake_due overdue"]);
    let absence = env.json(&["signals", "--kind", "absence"]);
    assert_eq!(kinds(&absence), Vec::<String>::new());
    let run = env.fails(&["signals", "--kind", "everything"]);
    assert!(run.stderr.contains("geen geldige waarde"), "{}", run.stderr);
}
