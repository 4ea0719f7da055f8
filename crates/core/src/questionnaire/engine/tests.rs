//! The engine against a small definition that uses every question type, a skip-logic chain,
//! a repeat group, constraints and computed values.

use chrono::NaiveDate;
use serde_json::{json, Value as Json};

use crate::questionnaire::answer::{AnswerKey, Answers};
use crate::questionnaire::validate::Compiled;
use crate::questionnaire::Evaluation;

const DEFINITION: &str = r#"
id = "test"
version = 1
title = "Test"

[[groups]]
id = "algemeen"
title = "Algemeen"

[[groups.questions]]
id = "naam_tolk"
type = "short_text"
text = "Naam van de tolk"

[[groups.questions]]
id = "toelichting"
type = "long_text"
text = "Toelichting"

[[groups.questions]]
id = "geboortedatum"
type = "date"
text = "Geboortedatum"
required = true
constraint = { expr = "value <= today()", message = "De datum ligt in de toekomst" }

[[groups.questions]]
id = "leeftijd"
type = "number"
text = "Leeftijd"
compute = "age(geboortedatum)"

[[groups.questions]]
id = "jaren_onderwijs"
type = "number"
text = "Jaren onderwijs"
min = 0
max = 30

[[groups.questions]]
id = "heeft_gewerkt"
type = "yes_no"
text = "Heeft u gewerkt?"
required = true

[[groups.questions]]
id = "talen"
type = "multiple_choice"
text = "Talen"
options = [{ value = "engels", label = "Engels" }, { value = "arabisch", label = "Arabisch" }]

[[groups.questions]]
id = "engels_niveau"
type = "single_choice"
text = "Niveau Engels"
required = true
show_if = "\"engels\" in talen"
options = [{ value = "basis", label = "Basis" }, { value = "goed", label = "Goed" }]

[[groups.questions]]
id = "engels_certificaat"
type = "yes_no"
text = "Certificaat Engels?"
required = true
show_if = "engels_niveau == \"goed\""

[[groups.questions]]
id = "nederlands"
type = "scale"
text = "Hoe goed spreekt u Nederlands?"
min = 1
max = 5

[[groups]]
id = "banen"
title = "Werkervaring"
show_if = "heeft_gewerkt"
repeat = { label = "Baan", min = 1, max = 5 }

[[groups.questions]]
id = "functie"
type = "short_text"
text = "Functie"
required = true

[[groups.questions]]
id = "jaren"
type = "number"
text = "Jaren"
constraint = { expr = "value <= leeftijd", message = "Meer jaren dan de leeftijd" }

[[groups.questions]]
id = "sector_anders"
type = "short_text"
text = "Welke sector?"
required = true
show_if = "functie == \"anders\""
"#;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn compiled() -> Compiled {
    Compiled::from_toml(DEFINITION).unwrap_or_else(|e| panic!("{e:?}"))
}

fn answers(pairs: &[(&str, u32, Json)]) -> Answers {
    let mut answers = Answers::default();
    for (id, instance, value) in pairs {
        answers
            .values
            .insert(AnswerKey::new(id, *instance), value.clone());
    }
    answers
}

fn question<'a>(
    e: &'a Evaluation,
    id: &str,
    instance: u32,
) -> &'a crate::questionnaire::QuestionState {
    e.groups
        .iter()
        .flat_map(|g| &g.instances)
        .filter(|i| i.instance == instance)
        .flat_map(|i| &i.questions)
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("{id}#{instance} not evaluated"))
}

fn missing(e: &Evaluation) -> Vec<String> {
    e.missing
        .iter()
        .map(|m| format!("{}#{}", m.question_id, m.instance))
        .collect()
}

#[test]
fn nothing_answered_lists_the_visible_required_questions() {
    let e = compiled().evaluate(&Answers::default(), today());
    assert_eq!(missing(&e), ["geboortedatum#0", "heeft_gewerkt#0"]);
    assert!(!e.complete);
    assert!(!question(&e, "engels_niveau", 0).visible);
    assert!(!e.groups[1].visible, "banen hidden until heeft_gewerkt");
}

#[test]
fn skip_logic_chain_shows_and_hides_in_turn() {
    let c = compiled();
    let base = [
        ("geboortedatum", 0, json!("1990-05-17")),
        ("heeft_gewerkt", 0, json!(false)),
    ];
    let mut a = answers(&base);
    assert!(c.evaluate(&a, today()).complete);

    a.values
        .insert(AnswerKey::new("talen", 0), json!(["engels"]));
    let e = c.evaluate(&a, today());
    assert_eq!(missing(&e), ["engels_niveau#0"]);

    a.values
        .insert(AnswerKey::new("engels_niveau", 0), json!("goed"));
    let e = c.evaluate(&a, today());
    assert_eq!(
        missing(&e),
        ["engels_certificaat#0"],
        "second link of the chain"
    );
    assert_eq!(
        (e.required_answered, e.required),
        (3, 4),
        "progress counts the visible required questions"
    );

    // Dropping English hides both; their answers stay but no longer count.
    a.values
        .insert(AnswerKey::new("talen", 0), json!(["arabisch"]));
    let e = c.evaluate(&a, today());
    assert!(e.complete);
    assert!(
        !question(&e, "engels_certificaat", 0).visible,
        "hidden because its condition reads a hidden answer"
    );
    assert_eq!(
        a.values.get(&AnswerKey::new("engels_niveau", 0)),
        Some(&json!("goed")),
        "the answer is kept"
    );
}

#[test]
fn computed_values_constraints_and_ranges() {
    let c = compiled();
    let e = c.evaluate(
        &answers(&[
            ("geboortedatum", 0, json!("2000-11-30")),
            ("jaren_onderwijs", 0, json!(31)),
            ("heeft_gewerkt", 0, json!(false)),
        ]),
        today(),
    );
    assert_eq!(
        question(&e, "leeftijd", 0).computed,
        Some(json!(25.0)),
        "turns 26 tomorrow"
    );
    assert_eq!(
        question(&e, "jaren_onderwijs", 0).error.as_deref(),
        Some("Vul een getal van 0 tot en met 30 in")
    );
    assert!(!e.complete, "a broken range blocks completion");

    let e = c.evaluate(
        &answers(&[
            ("geboortedatum", 0, json!("2027-01-01")),
            ("heeft_gewerkt", 0, json!(false)),
        ]),
        today(),
    );
    assert_eq!(
        question(&e, "geboortedatum", 0).error.as_deref(),
        Some("De datum ligt in de toekomst")
    );
}

#[test]
fn repeat_groups_evaluate_each_instance_with_its_own_answers() {
    let c = compiled();
    let mut a = answers(&[
        ("geboortedatum", 0, json!("1990-05-17")),
        ("heeft_gewerkt", 0, json!(true)),
    ]);
    let e = c.evaluate(&a, today());
    assert_eq!(missing(&e), ["banen#0"], "at least one job");
    assert_eq!(e.missing[0].text, "Voeg minstens 1 × 'Baan' toe");

    a.instances.insert("banen".into(), vec![1, 3]);
    a.values
        .insert(AnswerKey::new("functie", 1), json!("lasser"));
    a.values.insert(AnswerKey::new("jaren", 1), json!(50));
    a.values
        .insert(AnswerKey::new("functie", 3), json!("anders"));
    let e = c.evaluate(&a, today());
    assert_eq!(
        missing(&e),
        ["sector_anders#3"],
        "only the instance whose functie is 'anders'"
    );
    assert_eq!(
        question(&e, "jaren", 1).error.as_deref(),
        Some("Meer jaren dan de leeftijd"),
        "reads leeftijd outside the group"
    );
    assert!(!question(&e, "sector_anders", 1).visible);

    a.values.insert(AnswerKey::new("jaren", 1), json!(10));
    a.values
        .insert(AnswerKey::new("sector_anders", 3), json!("zorg"));
    assert!(c.evaluate(&a, today()).complete);

    // Removing instance 3 (its number disappears) removes its requirements.
    a.instances.insert("banen".into(), vec![1]);
    a.values.remove(&AnswerKey::new("sector_anders", 3));
    assert!(c.evaluate(&a, today()).complete);
}

#[test]
fn hidden_group_answers_do_not_count() {
    let c = compiled();
    let mut a = answers(&[
        ("geboortedatum", 0, json!("1990-05-17")),
        ("heeft_gewerkt", 0, json!(false)),
    ]);
    a.instances.insert("banen".into(), vec![1]);
    let e = c.evaluate(&a, today());
    assert!(
        e.complete,
        "banen is hidden, so its empty required functie does not count"
    );
    assert!(!question(&e, "functie", 1).visible);
}

#[test]
fn broken_definitions_name_the_question_and_position() {
    let cases: &[(&str, &str)] = &[
        (
            "show_if = \"onbekend == 1\"",
            "'engels_niveau' (show_if, positie 0): onbekende vraag 'onbekend'",
        ),
        (
            "show_if = \"talen ==\"",
            "'engels_niveau' (show_if, positie 8)",
        ),
        (
            "show_if = \"functie == 1\"",
            "'engels_niveau' (show_if, positie 0): 'functie' hoort bij de herhaalde groep 'banen'",
        ),
        (
            "show_if = \"'engles' in talen\"",
            "'engels_niveau' (show_if, positie 0): 'engles' is geen optie van 'talen' (opties: engels, arabisch)",
        ),
        (
            "show_if = \"talen == null or engels_niveau in ['goed', 'vloeiend']\"",
            "'engels_niveau' (show_if, positie 34): 'vloeiend' is geen optie van 'engels_niveau' (opties: basis, goed)",
        ),
    ];
    for (replacement, expected) in cases {
        let text = DEFINITION.replace("show_if = \"\\\"engels\\\" in talen\"", replacement);
        assert_ne!(text, DEFINITION);
        let errors = Compiled::from_toml(&text).unwrap_err();
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            shown.iter().any(|s| s.starts_with(expected)),
            "{replacement}: {shown:?}"
        );
    }
    let duplicate = DEFINITION.replace("id = \"toelichting\"", "id = \"naam_tolk\"");
    let errors = Compiled::from_toml(&duplicate).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "'naam_tolk' (id): dit id komt vaker voor"
    );
    let no_options = DEFINITION.replace(
        "options = [{ value = \"basis\", label = \"Basis\" }, { value = \"goed\", label = \"Goed\" }]",
        "",
    );
    let errors = Compiled::from_toml(&no_options).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "'engels_niveau' (options): een keuzevraag heeft opties nodig"
    );
    let errors = Compiled::from_toml("id = 3").unwrap_err();
    assert!(
        errors[0].message.starts_with("ongeldige TOML"),
        "{}",
        errors[0]
    );
}
