//! Any input: the expression parser never panics; what parses prints to a form that parses to
//! the same expression, and evaluates without panicking.
//! Run: `make fuzz` (or `cd crates/core/fuzz && cargo fuzz run expr`).
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use traject_core::questionnaire::expr::{parse, Context, Value};

struct Answers;

impl Context for Answers {
    fn lookup(&self, name: &str) -> Value {
        match name.len() % 6 {
            0 => Value::Null,
            1 => Value::Bool(name.len() % 2 == 0),
            2 => Value::Number(name.len() as f64 * 1.5),
            3 => Value::Text(name.to_owned()),
            4 => Value::Date(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()),
            _ => Value::List(vec![name.to_owned(), "engels".to_owned()]),
        }
    }

    fn today(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    if let Ok(expr) = parse(source) {
        let printed = expr.to_string();
        let again = parse(&printed).expect("a printed expression parses");
        assert_eq!(again, expr, "round trip of {source:?} via {printed:?}");
        let _ = expr.eval(&Answers);
    }
});
