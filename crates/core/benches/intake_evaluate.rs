//! Re-evaluating a whole 300-question definition (skip logic, constraints, computed values)
//! after one answer changes. Target (issue "Brede intake"): under 5 ms.

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;
use traject_core::questionnaire::{AnswerKey, Answers, Compiled};

/// 30 groups of 10 questions: each group has a yes/no gate, a date with a constraint, a
/// computed age, a number with a range, choices with skip-logic chains, texts.
fn definition() -> String {
    let mut toml = String::from("id = \"bench\"\nversion = 1\ntitle = \"Bench\"\n");
    for g in 0..30 {
        let repeat = if g % 10 == 9 {
            "repeat = { label = \"Item\", min = 1, max = 5 }\n"
        } else {
            ""
        };
        // Gates read the previous group's answer, except a repeat group's (out of scope).
        let gate = match g {
            0 => String::new(),
            _ if (g - 1) % 10 == 9 => "show_if = \"g0_open\"\n".to_owned(),
            _ => format!("show_if = \"g0_open or g{}_open\"\n", g - 1),
        };
        toml += &format!("\n[[groups]]\nid = \"group{g}\"\ntitle = \"Groep {g}\"\n{gate}{repeat}");
        let q =
            |id: &str, body: &str| format!("\n[[groups.questions]]\nid = \"g{g}_{id}\"\n{body}\n");
        if repeat.is_empty() {
            toml += &q(
                "open",
                "type = \"yes_no\"\ntext = \"Open?\"\nrequired = true",
            );
        } else {
            toml += &q("open", "type = \"yes_no\"\ntext = \"Open?\"");
        }
        toml += &q("datum", "type = \"date\"\ntext = \"Datum\"\nrequired = true\nconstraint = { expr = \"value <= today()\", message = \"Toekomst\" }");
        toml += &q(
            "leeftijd",
            &format!("type = \"number\"\ntext = \"Leeftijd\"\ncompute = \"age(g{g}_datum)\""),
        );
        toml += &q(
            "aantal",
            "type = \"number\"\ntext = \"Aantal\"\nmin = 0\nmax = 40",
        );
        toml += &q("keuze", "type = \"single_choice\"\ntext = \"Keuze\"\noptions = [{ value = \"a\", label = \"A\" }, { value = \"b\", label = \"B\" }]");
        toml += &q("vervolg", &format!("type = \"short_text\"\ntext = \"Vervolg\"\nrequired = true\nshow_if = \"g{g}_keuze == 'b'\""));
        toml += &q("talen", "type = \"multiple_choice\"\ntext = \"Talen\"\noptions = [{ value = \"en\", label = \"Engels\" }, { value = \"ar\", label = \"Arabisch\" }]");
        toml += &q("niveau", &format!("type = \"scale\"\ntext = \"Niveau\"\nmin = 1\nmax = 5\nshow_if = \"'en' in g{g}_talen and answered(g{g}_vervolg)\""));
        toml += &q("som", &format!("type = \"number\"\ntext = \"Som\"\ncompute = \"if(answered(g{g}_aantal), g{g}_aantal * 2 + g{g}_leeftijd, 0)\""));
        toml += &q("toelichting", &format!("type = \"long_text\"\ntext = \"Toelichting\"\nshow_if = \"g{g}_som > 50 or not g{g}_open\""));
    }
    toml
}

fn bench(c: &mut Criterion) {
    let compiled = Compiled::from_toml(&definition()).expect("the bench definition is valid");
    let questions: usize = compiled
        .definition
        .groups
        .iter()
        .map(|g| g.questions.len())
        .sum();
    assert_eq!(questions, 300);
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let mut answers = Answers::default();
    for g in 0..30 {
        let instance = if g % 10 == 9 { 1 } else { 0 };
        if instance == 1 {
            answers.instances.insert(format!("group{g}"), vec![1, 2, 3]);
        }
        for (id, value) in [
            ("open", json!(true)),
            ("datum", json!("1990-05-17")),
            ("aantal", json!(12)),
            ("keuze", json!("b")),
            ("vervolg", json!("tekst")),
            ("talen", json!(["en"])),
            ("niveau", json!(3)),
        ] {
            answers
                .values
                .insert(AnswerKey::new(&format!("g{g}_{id}"), instance), value);
        }
    }
    let mut flip = false;
    c.bench_function("evaluate 300 questions after one answer", |b| {
        b.iter(|| {
            flip = !flip;
            answers.values.insert(
                AnswerKey::new("g0_keuze", 0),
                json!(if flip { "a" } else { "b" }),
            );
            compiled.evaluate(&answers, today)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
