use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use proptest::sample::select;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

#[derive(Debug)]
struct TestContext {
    answers: HashMap<String, Value>,
    today: NaiveDate,
}

impl Context for TestContext {
    fn lookup(&self, name: &str) -> Value {
        self.answers.get(name).cloned().unwrap_or(Value::Null)
    }

    fn today(&self) -> NaiveDate {
        self.today
    }
}

/// Today is 28 February 2025, the day before someone born on 29 February 2024 turns 1.
fn context() -> TestContext {
    let answers = [
        ("leeftijd", Value::Number(30.0)),
        ("naam", Value::Text("Amina".into())),
        ("leeg", Value::Text(String::new())),
        (
            "talen",
            Value::List(vec!["arabisch".into(), "engels".into()]),
        ),
        ("geen_talen", Value::List(vec![])),
        ("geboren", Value::Date(d(2000, 6, 15))),
        ("schrikkel", Value::Date(d(2024, 2, 29))),
        ("ja", Value::Bool(true)),
        ("nee", Value::Bool(false)),
        ("groot", Value::Number(1e308)),
        ("value", Value::Number(5.0)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    TestContext {
        answers,
        today: d(2025, 2, 28),
    }
}

#[derive(Debug, PartialEq)]
enum Outcome {
    Value(Value),
    ParseError(usize, String),
    EvalError(usize, String),
}

fn num(n: f64) -> Outcome {
    Outcome::Value(Value::Number(n))
}
fn boolean(b: bool) -> Outcome {
    Outcome::Value(Value::Bool(b))
}
fn text(t: &str) -> Outcome {
    Outcome::Value(Value::Text(t.into()))
}
fn date(y: i32, m: u32, day: u32) -> Outcome {
    Outcome::Value(Value::Date(d(y, m, day)))
}
fn null() -> Outcome {
    Outcome::Value(Value::Null)
}
fn list(items: &[&str]) -> Outcome {
    Outcome::Value(Value::List(items.iter().map(|s| s.to_string()).collect()))
}
fn parse_err(pos: usize, msg: &str) -> Outcome {
    Outcome::ParseError(pos, msg.into())
}
fn eval_err(pos: usize, msg: &str) -> Outcome {
    Outcome::EvalError(pos, msg.into())
}

fn run(source: &str) -> Outcome {
    match parse(source) {
        Err(e) => Outcome::ParseError(e.position, e.message),
        Ok(expr) => match expr.eval(&context()) {
            Ok(v) => Outcome::Value(v),
            Err(e) => Outcome::EvalError(e.position, e.message),
        },
    }
}

fn cases() -> Vec<(&'static str, Outcome)> {
    vec![
        // Literals.
        ("12", num(12.0)),
        ("1.5", num(1.5)),
        ("007", num(7.0)),
        ("\"tekst\"", text("tekst")),
        ("'tekst'", text("tekst")),
        (r#""zei \"ja\"""#, text("zei \"ja\"")),
        (r"'it\'s'", text("it's")),
        (r#""a\\b""#, text("a\\b")),
        (r#"'een "citaat"'"#, text("een \"citaat\"")),
        ("\"één 😀\"", text("één 😀")),
        ("true", boolean(true)),
        ("false", boolean(false)),
        ("null", null()),
        (r#"["a", 'b']"#, list(&["a", "b"])),
        ("[]", list(&[])),
        // Identifiers.
        ("leeftijd", num(30.0)),
        ("value", num(5.0)),
        ("onbekend", null()),
        ("_x1", null()),
        ("TRUE", null()),
        // Arithmetic and precedence.
        ("1 + 2 * 3", num(7.0)),
        ("(1 + 2) * 3", num(9.0)),
        ("10 - 4 - 3", num(3.0)),
        ("12 / 4 / 3", num(1.0)),
        ("7 / 2", num(3.5)),
        ("-2 * 3", num(-6.0)),
        ("2 * -3", num(-6.0)),
        ("- -2", num(2.0)),
        ("--2", num(2.0)),
        ("-(1 + 2)", num(-3.0)),
        ("leeftijd + 1", num(31.0)),
        ("value * 2", num(10.0)),
        ("onbekend + 1", null()),
        ("1 - onbekend", null()),
        ("naam * onbekend", null()),
        ("-onbekend", null()),
        ("1 / 0", eval_err(2, "deling door nul")),
        ("1 / (leeftijd - 30)", eval_err(2, "deling door nul")),
        (
            "\"a\" * 2",
            eval_err(4, "'*' werkt niet op een tekst en een getal"),
        ),
        (
            "naam + naam",
            eval_err(5, "'+' werkt niet op een tekst en een tekst"),
        ),
        ("true - 1", eval_err(5, "'-' werkt niet op ja/nee en een getal")),
        (
            "groot * 10",
            eval_err(6, "de uitkomst is geen geldig getal (te groot)"),
        ),
        ("-naam", eval_err(0, "'-' werkt niet op een tekst")),
        // Comparisons.
        ("1 == 1.0", boolean(true)),
        ("1 != 2", boolean(true)),
        ("1 == 2", boolean(false)),
        ("null == null", boolean(true)),
        ("onbekend == null", boolean(true)),
        ("onbekend != 1", boolean(true)),
        ("1 == \"1\"", boolean(false)),
        ("naam == \"Amina\"", boolean(true)),
        ("naam == \"amina\"", boolean(false)),
        ("talen == [\"arabisch\", \"engels\"]", boolean(true)),
        ("schrikkel == date(\"2024-02-29\")", boolean(true)),
        ("ja == true", boolean(true)),
        ("3 < 4", boolean(true)),
        ("4 < 4", boolean(false)),
        ("4 <= 4", boolean(true)),
        ("5 > 4", boolean(true)),
        ("4 >= 5", boolean(false)),
        ("\"appel\" < \"peer\"", boolean(true)),
        ("geboren < schrikkel", boolean(true)),
        ("today() >= schrikkel", boolean(true)),
        ("onbekend < 3", boolean(false)),
        ("onbekend >= 3", boolean(false)),
        ("3 > onbekend", boolean(false)),
        ("onbekend <= onbekend", boolean(false)),
        (
            "naam < 3",
            eval_err(5, "'<' kan een tekst niet vergelijken met een getal"),
        ),
        (
            "true >= false",
            eval_err(5, "'>=' kan ja/nee niet vergelijken met ja/nee"),
        ),
        (
            "talen > geboren",
            eval_err(6, "'>' kan een lijst niet vergelijken met een datum"),
        ),
        // Logic, null as false, short-circuit.
        ("true and false", boolean(false)),
        ("true and true", boolean(true)),
        ("false or true", boolean(true)),
        ("false or false", boolean(false)),
        ("not true", boolean(false)),
        ("not not true", boolean(true)),
        ("not onbekend", boolean(true)),
        ("onbekend or true", boolean(true)),
        ("onbekend and true", boolean(false)),
        ("false and 1", boolean(false)),
        ("true or 1", boolean(true)),
        (
            "true and 1",
            eval_err(5, "'and' verwacht ja/nee, maar kreeg een getal"),
        ),
        (
            "naam or true",
            eval_err(5, "'or' verwacht ja/nee, maar kreeg een tekst"),
        ),
        (
            "not 1",
            eval_err(0, "'not' verwacht ja/nee, maar kreeg een getal"),
        ),
        // Precedence across levels.
        ("true or false and false", boolean(true)),
        ("(true or false) and false", boolean(false)),
        ("not false and false", boolean(false)),
        ("not (false and false)", boolean(true)),
        ("not 1 == 2", boolean(true)),
        ("1 + 1 == 2 and 2 * 2 == 4", boolean(true)),
        ("\"arabisch\" in talen == true", boolean(true)),
        ("-2 + 5 > 2", boolean(true)),
        // Membership.
        ("\"arabisch\" in talen", boolean(true)),
        ("\"frans\" in talen", boolean(false)),
        ("naam in [\"Amina\", \"Bo\"]", boolean(true)),
        ("naam in []", boolean(false)),
        ("not \"frans\" in talen", boolean(true)),
        ("onbekend in talen", boolean(false)),
        ("\"a\" in onbekend", boolean(false)),
        (
            "1 in talen",
            eval_err(
                2,
                "'in' verwacht een tekst links en een lijst rechts, maar kreeg een getal en een lijst",
            ),
        ),
        (
            "\"a\" in naam",
            eval_err(
                4,
                "'in' verwacht een tekst links en een lijst rechts, maar kreeg een tekst en een tekst",
            ),
        ),
        // answered
        ("answered(naam)", boolean(true)),
        ("answered(leeg)", boolean(false)),
        ("answered(onbekend)", boolean(false)),
        ("answered(talen)", boolean(true)),
        ("answered(geen_talen)", boolean(false)),
        ("answered(0)", boolean(true)),
        ("answered(nee)", boolean(true)),
        // today, date, age, years, days
        ("today()", date(2025, 2, 28)),
        ("date(\"2024-02-29\")", date(2024, 2, 29)),
        ("date('2000-01-01')", date(2000, 1, 1)),
        ("age(geboren)", num(24.0)),
        ("age(date(\"2000-02-28\"))", num(25.0)),
        ("age(date(\"2000-03-01\"))", num(24.0)),
        ("age(schrikkel)", num(0.0)),
        ("age(today())", num(0.0)),
        ("age(onbekend)", null()),
        (
            "age(naam)",
            eval_err(0, "'age' verwacht een datum, maar kreeg een tekst"),
        ),
        ("years(schrikkel, date(\"2025-02-28\"))", num(0.0)),
        ("years(schrikkel, date(\"2025-03-01\"))", num(1.0)),
        ("years(schrikkel, date(\"2028-02-28\"))", num(3.0)),
        ("years(schrikkel, date(\"2028-02-29\"))", num(4.0)),
        ("years(date(\"2010-05-05\"), date(\"2000-05-05\"))", num(-10.0)),
        ("years(onbekend, today())", null()),
        (
            "years(geboren, 2025)",
            eval_err(0, "'years' verwacht twee datums, maar kreeg een getal"),
        ),
        ("days(date(\"2024-02-28\"), date(\"2024-03-01\"))", num(2.0)),
        ("days(date(\"2024-03-01\"), date(\"2024-02-28\"))", num(-2.0)),
        ("days(geboren, onbekend)", null()),
        (
            "days(1, geboren)",
            eval_err(0, "'days' verwacht twee datums, maar kreeg een getal"),
        ),
        // count, len
        ("count(talen)", num(2.0)),
        ("count(geen_talen)", num(0.0)),
        ("count(onbekend)", num(0.0)),
        ("count([\"a\", \"b\", \"c\"])", num(3.0)),
        (
            "count(naam)",
            eval_err(0, "'count' verwacht een lijst, maar kreeg een tekst"),
        ),
        ("len(naam)", num(5.0)),
        ("len(\"één😀\")", num(4.0)),
        ("len(leeg)", num(0.0)),
        ("len(onbekend)", num(0.0)),
        (
            "len(talen)",
            eval_err(0, "'len' verwacht een tekst, maar kreeg een lijst"),
        ),
        // if, min, max
        ("if(true, 1, 2)", num(1.0)),
        ("if(false, 1, 2)", num(2.0)),
        ("if(onbekend, 1, 2)", num(2.0)),
        ("if(false, 1 / 0, \"ok\")", text("ok")),
        ("if(answered(naam), len(naam), 0) * 2", num(10.0)),
        (
            "if(1, 2, 3)",
            eval_err(0, "'if' verwacht ja/nee, maar kreeg een getal"),
        ),
        ("min(3, 4)", num(3.0)),
        ("max(3, 4)", num(4.0)),
        ("min(-1, leeftijd)", num(-1.0)),
        ("max(onbekend, 4)", null()),
        (
            "max(naam, 1)",
            eval_err(0, "'max' verwacht getallen, maar kreeg een tekst"),
        ),
        (
            "1 + min(1, naam)",
            eval_err(4, "'min' verwacht getallen, maar kreeg een tekst"),
        ),
        // Date arithmetic.
        ("date(\"2024-02-28\") + 1", date(2024, 2, 29)),
        ("date(\"2023-02-28\") + 1", date(2023, 3, 1)),
        ("date(\"2024-03-01\") - 1", date(2024, 2, 29)),
        ("date(\"2024-01-01\") + -1", date(2023, 12, 31)),
        ("today() - 365", date(2024, 2, 29)),
        ("date(\"2024-03-01\") - date(\"2024-02-28\")", num(2.0)),
        ("date(\"2024-02-28\") - date(\"2024-03-01\")", num(-2.0)),
        ("today() - schrikkel >= 365", boolean(true)),
        ("geboren + onbekend", null()),
        (
            "date(\"2024-01-01\") + 1.5",
            eval_err(19, "'+' verwacht een geheel aantal dagen bij een datum"),
        ),
        (
            "date(\"2024-01-01\") + 1000000000000",
            eval_err(19, "de datum valt buiten het geldige bereik"),
        ),
        (
            "1 + today()",
            eval_err(2, "'+' werkt niet op een getal en een datum"),
        ),
        (
            "today() + today()",
            eval_err(8, "'+' werkt niet op een datum en een datum"),
        ),
        // Parse errors.
        ("leeftijd >= ", parse_err(12, "verwacht een waarde")),
        ("", parse_err(0, "verwacht een waarde")),
        ("   ", parse_err(3, "verwacht een waarde")),
        ("foo(", parse_err(0, "onbekende functie 'foo'")),
        ("1 + foo(1)", parse_err(4, "onbekende functie 'foo'")),
        ("Age(geboren)", parse_err(0, "onbekende functie 'Age'")),
        (
            "1 < 2 < 3",
            parse_err(
                6,
                "vergelijkingen kunnen niet aan elkaar worden geregen; gebruik 'and' of haakjes",
            ),
        ),
        (
            "a == b != c",
            parse_err(
                7,
                "vergelijkingen kunnen niet aan elkaar worden geregen; gebruik 'and' of haakjes",
            ),
        ),
        ("(1 < 2) == true", boolean(true)),
        (
            "\"a\" in talen in x",
            parse_err(13, "'in' kan niet aan elkaar worden geregen; gebruik haakjes"),
        ),
        (
            "naam == \"Amina",
            parse_err(8, "tekst zonder afsluitend aanhalingsteken"),
        ),
        ("'abc\\", parse_err(0, "tekst zonder afsluitend aanhalingsteken")),
        (
            "'abc\"",
            parse_err(0, "tekst zonder afsluitend aanhalingsteken"),
        ),
        (
            r#""a\nb""#,
            parse_err(
                2,
                r#"onbekende escape '\n' in tekst (gebruik \", \' of \\)"#,
            ),
        ),
        (
            "date(\"2023-02-29\")",
            parse_err(
                5,
                "ongeldige datum '2023-02-29' (verwacht JJJJ-MM-DD, bijvoorbeeld \"2024-02-29\")",
            ),
        ),
        (
            "date(\"29-02-2024\")",
            parse_err(
                5,
                "ongeldige datum '29-02-2024' (verwacht JJJJ-MM-DD, bijvoorbeeld \"2024-02-29\")",
            ),
        ),
        (
            "date(\"2024-2-29\")",
            parse_err(
                5,
                "ongeldige datum '2024-2-29' (verwacht JJJJ-MM-DD, bijvoorbeeld \"2024-02-29\")",
            ),
        ),
        (
            "date(geboren)",
            parse_err(
                5,
                "date() verwacht een vaste datum als tekst, bijvoorbeeld date(\"2024-02-29\")",
            ),
        ),
        (
            "date()",
            parse_err(0, "functie 'date' verwacht 1 argument, maar kreeg er 0"),
        ),
        (
            "age()",
            parse_err(0, "functie 'age' verwacht 1 argument, maar kreeg er 0"),
        ),
        (
            "x + today(1)",
            parse_err(
                4,
                "functie 'today' verwacht geen argumenten, maar kreeg er 1",
            ),
        ),
        (
            "if(a, b)",
            parse_err(0, "functie 'if' verwacht 3 argumenten, maar kreeg er 2"),
        ),
        (
            "min(1, 2, 3)",
            parse_err(0, "functie 'min' verwacht 2 argumenten, maar kreeg er 3"),
        ),
        (
            "min(1, )",
            parse_err(7, "verwacht een waarde, maar vond ')'"),
        ),
        (
            "(1 + 2",
            parse_err(6, "verwacht ')', maar vond het einde van de expressie"),
        ),
        (
            "1 + 2)",
            parse_err(
                5,
                "verwacht een operator of het einde van de expressie, maar vond ')'",
            ),
        ),
        (
            "1 2",
            parse_err(
                2,
                "verwacht een operator of het einde van de expressie, maar vond het getal 2",
            ),
        ),
        (
            "\"é\" == x y",
            parse_err(
                9,
                "verwacht een operator of het einde van de expressie, maar vond 'y'",
            ),
        ),
        ("naïef == 1", parse_err(2, "onverwacht teken 'ï'")),
        ("a # b", parse_err(2, "onverwacht teken '#'")),
        ("a = 1", parse_err(2, "gebruik '==' om te vergelijken")),
        ("a && b", parse_err(2, "gebruik 'and' in plaats van '&'")),
        ("a || b", parse_err(2, "gebruik 'or' in plaats van '|'")),
        ("!a", parse_err(0, "gebruik 'not' in plaats van '!'")),
        (
            "a == not b",
            parse_err(5, "verwacht een waarde, maar vond 'not'"),
        ),
        ("a and", parse_err(5, "verwacht een waarde")),
        ("* 2", parse_err(0, "verwacht een waarde, maar vond '*'")),
        (
            "[1]",
            parse_err(
                1,
                "een lijst bevat alleen teksten tussen aanhalingstekens, zoals [\"a\", \"b\"]",
            ),
        ),
        (
            "[\"a\"",
            parse_err(
                4,
                "verwacht ',' of ']', maar vond het einde van de expressie",
            ),
        ),
        ("[\"a\",", parse_err(5, "verwacht een tekst of ']'")),
        ("1.", parse_err(2, "verwacht een cijfer na de decimale punt")),
        (".5", parse_err(0, "onverwacht teken '.'")),
        (
            "12abc",
            parse_err(2, "verwacht een spatie of operator na een getal"),
        ),
        ("1e5", parse_err(1, "verwacht een spatie of operator na een getal")),
    ]
}

#[test]
fn table_of_parse_and_eval_cases() {
    let mut failures = Vec::new();
    let cases = cases();
    for (source, expected) in &cases {
        let got = run(source);
        if &got != expected {
            failures.push(format!(
                "{source:?}\n    expected {expected:?}\n    got      {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_operator_and_function_is_covered_by_the_table() {
    let sources: Vec<&str> = cases().iter().map(|(s, _)| *s).collect();
    for op in BinaryOp::ALL {
        let symbol = format!(" {} ", op.symbol());
        assert!(
            sources.iter().any(|s| s.contains(&symbol)),
            "no case for {symbol}"
        );
    }
    for func in Func::ALL {
        let call = format!("{}(", func.name());
        assert!(
            sources.iter().any(|s| s.contains(&call)),
            "no case for {call}"
        );
    }
}

#[test]
fn errors_display_with_position() {
    let err = parse("leeftijd >= ").unwrap_err();
    assert_eq!(err.to_string(), "positie 12: verwacht een waarde");
    let err = parse("1 / 0").unwrap().eval(&context()).unwrap_err();
    assert_eq!(err.to_string(), "positie 2: deling door nul");
}

#[test]
fn nesting_is_limited() {
    let nested = |n: usize| format!("{}1{}", "(".repeat(n), ")".repeat(n));
    // The top level counts as one level of nesting.
    assert_eq!(run(&nested(MAX_NESTING - 1)), num(1.0));
    assert_eq!(
        run(&nested(MAX_NESTING)),
        parse_err(MAX_NESTING, "te diep genest")
    );
    assert_eq!(
        run(&nested(100_000)),
        parse_err(MAX_NESTING, "te diep genest")
    );

    let nots = format!("{}true", "not ".repeat(MAX_NESTING - 1));
    assert_eq!(run(&nots), boolean(false));
    let nots = format!("{}true", "not ".repeat(10_000));
    assert!(matches!(run(&nots), Outcome::ParseError(_, m) if m == "te diep genest"));
    let negs = format!("{}1", "-".repeat(10_000));
    assert!(matches!(run(&negs), Outcome::ParseError(_, m) if m == "te diep genest"));
    let calls = format!("{}1{}", "min(1, ".repeat(10_000), ")".repeat(10_000));
    assert!(matches!(run(&calls), Outcome::ParseError(_, m) if m == "te diep genest"));
}

#[test]
fn long_chains_are_limited_in_height() {
    // A chain grows the tree without nesting: `a or a or ...` with MAX_HEIGHT - 1 operators.
    let chain = |n: usize| format!("{}ja", "ja or ".repeat(n));
    assert_eq!(run(&chain(MAX_HEIGHT - 1)), boolean(true));
    assert!(matches!(run(&chain(MAX_HEIGHT)), Outcome::ParseError(_, m) if m == "te diep genest"));
    let sum = format!("1{}", " + 1".repeat(100_000));
    assert!(matches!(run(&sum), Outcome::ParseError(_, m) if m == "te diep genest"));
}

#[test]
fn identifiers_in_first_occurrence_order() {
    let expr = parse("b + a * b > c and answered(a) and value in [\"x\"]").unwrap();
    assert_eq!(expr.identifiers(), ["b", "a", "c", "value"]);
    assert_eq!(
        expr.identifier_positions(),
        [
            ("b".to_string(), 0),
            ("a".to_string(), 4),
            ("b".to_string(), 8),
            ("c".to_string(), 12),
            ("a".to_string(), 27),
            ("value".to_string(), 34),
        ]
    );
    // Function names, keywords and texts are not identifiers; non-ASCII text shifts char offsets.
    let expr = parse("if(true, \"één\", today()) == x").unwrap();
    assert_eq!(expr.identifier_positions(), [("x".to_string(), 28)]);
    assert!(parse("age(date(\"2000-01-01\"))")
        .unwrap()
        .identifiers()
        .is_empty());
}

#[test]
fn canonical_printing() {
    let cases = [
        ("(a + b) * c", "(a + b) * c"),
        ("a + (b * c)", "a + b * c"),
        ("a - (b - c)", "a - (b - c)"),
        ("(a - b) - c", "a - b - c"),
        ("a/b*c", "a / b * c"),
        ("not (a and b)", "not (a and b)"),
        ("(not a) and b", "not a and b"),
        ("(not a) == b", "(not a) == b"),
        ("a == (not b)", "a == (not b)"),
        ("(a < b) == c", "(a < b) == c"),
        ("a < (b == c)", "a < (b == c)"),
        ("(a in b) in c", "(a in b) in c"),
        ("(a + 1) in b", "a + 1 in b"),
        ("(a in b) == true", "a in b == true"),
        ("a or (b or c)", "a or (b or c)"),
        ("(a or b) and c", "(a or b) and c"),
        ("-(a + b)", "-(a + b)"),
        ("- - a", "--a"),
        ("-(not a)", "-(not a)"),
        ("not -a", "not -a"),
        ("a - -1", "a - -1"),
        ("'it\\'s'", "\"it's\""),
        ("\"a\\\\b\\\"\"", "\"a\\\\b\\\"\""),
        ("date('2024-02-29')", "date(\"2024-02-29\")"),
        ("[ 'a' ,'b' ]", "[\"a\", \"b\"]"),
        ("1.50", "1.5"),
        ("if(x,min(1,2),max(3,4))", "if(x, min(1, 2), max(3, 4))"),
        ("today()", "today()"),
        ("null == false", "null == false"),
    ];
    for (source, printed) in cases {
        let expr = parse(source).unwrap();
        assert_eq!(expr.to_string(), printed, "printing {source:?}");
        assert_eq!(parse(printed).unwrap(), expr, "re-parsing {printed:?}");
    }
}

#[test]
fn equality_ignores_positions() {
    assert_eq!(parse("a+b").unwrap(), parse("  a   +   b ").unwrap());
    assert_eq!(parse("(a)").unwrap(), parse("a").unwrap());
    assert_ne!(parse("a + b").unwrap(), parse("b + a").unwrap());
    assert_eq!("a + b".parse::<Expr>().unwrap(), parse("a+b").unwrap());
}

#[test]
fn value_helpers_and_conditions() {
    assert!(Value::Bool(true).is_truthy());
    assert!(!Value::Bool(false).is_truthy());
    assert!(!Value::Null.is_truthy());
    assert!(!Value::Number(1.0).is_truthy());
    assert!(Value::Number(0.0).is_answered());
    assert!(!Value::Text(String::new()).is_answered());
    assert!(!Value::List(vec![]).is_answered());
    assert!(!Value::Null.is_answered());

    let ctx = context();
    assert_eq!(parse("onbekend").unwrap().eval_condition(&ctx), Ok(false));
    assert_eq!(
        parse("leeftijd > 18").unwrap().eval_condition(&ctx),
        Ok(true)
    );
    assert_eq!(
        parse("1 + leeftijd").unwrap().eval_condition(&ctx),
        Err(EvalError {
            position: 2,
            message: "de voorwaarde moet ja/nee opleveren, maar levert een getal op".into()
        })
    );
}

// ---------------------------------------------------------------------------------------------
// Property tests.

/// Identifiers, including ones that look like keywords or function names.
fn ident() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "a", "b", "value", "talen", "leeftijd", "x_1", "_", "date", "today", "age", "If",
            "AND", "nota", "inn", "orr", "nullable", "true_", "Null",
        ])
        .prop_map(|s| s.to_string()),
        "[a-zA-Z_][a-zA-Z0-9_]{0,6}".prop_filter("not a keyword", |s| !matches!(
            s.as_str(),
            "and" | "or" | "not" | "in" | "true" | "false" | "null"
        )),
    ]
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof!["[a-zé \"'\\\\😀\n]{0,8}", any::<String>(),]
}

fn expr_date() -> impl Strategy<Value = NaiveDate> {
    (1i32..=9999, 1u32..=12, 1u32..=31)
        .prop_filter_map("valid date", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

/// Any date chrono can represent, including the extremes (for overflow checks).
fn any_chrono_date() -> impl Strategy<Value = NaiveDate> {
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_filter_map("date in range", NaiveDate::from_num_days_from_ce_opt)
}

fn number_literal() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..1000).prop_map(f64::from),
        (0u32..10_000_000, 0i32..5).prop_map(|(m, e)| f64::from(m) / 10f64.powi(e)),
        any::<f64>()
            .prop_map(f64::abs)
            .prop_filter("finite", |n| n.is_finite()),
    ]
}

fn leaf() -> impl Strategy<Value = Expr> {
    prop_oneof![
        Just(ExprKind::Null),
        any::<bool>().prop_map(ExprKind::Bool),
        number_literal().prop_map(ExprKind::Number),
        any_text().prop_map(ExprKind::Text),
        expr_date().prop_map(ExprKind::Date),
        proptest::collection::vec(any_text(), 0..4).prop_map(ExprKind::List),
        ident().prop_map(ExprKind::Ident),
        ident().prop_map(ExprKind::Ident),
    ]
    .prop_map(|kind| Expr::new(kind, 0))
}

/// Random syntax trees of every node type, built directly (not via the parser).
fn arb_expr() -> impl Strategy<Value = Expr> {
    leaf().prop_recursive(6, 64, 3, |inner| {
        prop_oneof![
            (select(vec![UnaryOp::Not, UnaryOp::Neg]), inner.clone()).prop_map(|(op, e)| {
                Expr::new(
                    ExprKind::Unary {
                        op,
                        operand: Box::new(e),
                    },
                    0,
                )
            }),
            (select(BinaryOp::ALL.to_vec()), inner.clone(), inner.clone()).prop_map(
                |(op, l, r)| Expr::new(
                    ExprKind::Binary {
                        op,
                        left: Box::new(l),
                        right: Box::new(r),
                    },
                    0,
                )
            ),
            (
                select(Func::ALL.to_vec()),
                proptest::collection::vec(inner, 3)
            )
                .prop_map(|(func, mut args)| {
                    args.truncate(func.arity());
                    Expr::new(ExprKind::Call { func, args }, 0)
                }),
        ]
    })
}

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        (-5i32..5).prop_map(|n| Value::Number(f64::from(n))),
        any_text().prop_map(Value::Text),
        any_chrono_date().prop_map(Value::Date),
        expr_date().prop_map(Value::Date),
        proptest::collection::vec(any_text(), 0..3).prop_map(Value::List),
    ]
}

fn any_context() -> impl Strategy<Value = TestContext> {
    let names = [
        "a", "b", "value", "talen", "leeftijd", "x_1", "date", "today",
    ];
    (
        proptest::collection::vec(any_value(), names.len()),
        prop_oneof![any_chrono_date(), expr_date()],
    )
        .prop_map(move |(values, today)| TestContext {
            answers: names.iter().map(|n| n.to_string()).zip(values).collect(),
            today,
        })
}

/// Sequences of tokens and near-tokens: reaches deeper into the parser than random strings.
fn token_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        select(vec![
            "(",
            ")",
            "[",
            "]",
            ",",
            "+",
            "-",
            "*",
            "/",
            "==",
            "!=",
            "<",
            "<=",
            ">",
            ">=",
            "=",
            "!",
            "and",
            "or",
            "not",
            "in",
            "true",
            "false",
            "null",
            "1",
            "2.5",
            "0",
            "\"a\"",
            "'b'",
            "\"",
            "'",
            "\\",
            "a",
            "value",
            "talen",
            "today()",
            "date(\"2024-02-29\")",
            "date(",
            "age(",
            "if(",
            "min(",
            "count(",
            "answered(",
            "é",
            "😀",
            " ",
            ".",
        ]),
        0..40,
    )
    .prop_map(|tokens| tokens.concat())
}

/// Whatever parses must print, re-parse to the same tree and print identically.
fn check_round_trip(expr: &Expr) -> Result<(), TestCaseError> {
    let printed = expr.to_string();
    let reparsed = parse(&printed)
        .map_err(|e| TestCaseError::fail(format!("{printed:?} does not parse: {e}")))?;
    prop_assert_eq!(&reparsed, expr, "printed as {:?}", printed);
    prop_assert_eq!(reparsed.to_string(), printed);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_arbitrary_strings(source in any::<String>()) {
        if let Ok(expr) = parse(&source) {
            check_round_trip(&expr)?;
        }
    }

    #[test]
    fn parse_never_panics_on_punctuation_and_non_ascii(
        source in "[a-z0-9_ ()\\[\\],.\"'\\\\<>=!+*/&|éß😀\\x00\t\n\\-]{0,40}"
    ) {
        if let Ok(expr) = parse(&source) {
            check_round_trip(&expr)?;
        }
    }

    #[test]
    fn parse_and_eval_never_panic_on_token_soup(source in token_soup(), ctx in any_context()) {
        if let Ok(expr) = parse(&source) {
            check_round_trip(&expr)?;
            let _ = expr.eval(&ctx);
            let _ = expr.eval_condition(&ctx);
        }
    }

    #[test]
    fn generated_trees_round_trip_and_evaluate(expr in arb_expr(), ctx in any_context()) {
        check_round_trip(&expr)?;
        let _ = expr.eval(&ctx);
        let _ = expr.identifiers();
    }
}
