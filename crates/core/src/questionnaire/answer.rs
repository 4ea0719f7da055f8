//! Answers: how each question type's answer is stored (JSON) and read by expressions (Value).
//!
//! | type | stored JSON | expression value |
//! |---|---|---|
//! | short_text, long_text, single_choice | string | Text |
//! | number, scale | number | Number |
//! | date | "YYYY-MM-DD" | Date |
//! | yes_no | true/false | Bool |
//! | multiple_choice | array of option values | List |
//!
//! An empty answer (blank text, empty list, null) is stored as "no answer".

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::Value as Json;

use super::definition::{Question, QuestionType};
use super::expr::Value;

/// Instance 0 is "not in a repeat group"; repeat instances are numbered from 1 and keep their
/// number when another instance is removed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnswerKey {
    pub question_id: String,
    pub instance: u32,
}

impl AnswerKey {
    pub fn new(question_id: &str, instance: u32) -> Self {
        Self {
            question_id: question_id.to_owned(),
            instance,
        }
    }
}

/// The answers of one intake, plus the instance numbers of each repeat group.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers {
    pub values: HashMap<AnswerKey, Json>,
    pub instances: HashMap<String, Vec<u32>>,
}

impl Answers {
    pub fn get(&self, question_id: &str, instance: u32) -> Option<&Json> {
        self.values.get(&AnswerKey::new(question_id, instance))
    }

    pub fn instances_of(&self, group_id: &str) -> &[u32] {
        self.instances.get(group_id).map_or(&[], Vec::as_slice)
    }
}

/// Checks an answer's shape against its question and returns it normalised (trimmed text,
/// `null` for an empty answer). Range and constraint problems are not refused here — the
/// answer is kept and the engine shows the problem — but an answer of the wrong kind is.
pub fn normalise(question: &Question, answer: Json) -> Result<Json, String> {
    if answer.is_null() {
        return Ok(Json::Null);
    }
    let wrong = |what: &str| Err(format!("verwacht {what}"));
    match question.kind {
        QuestionType::ShortText | QuestionType::LongText => match answer {
            Json::String(s) if s.trim().is_empty() => Ok(Json::Null),
            Json::String(s) => Ok(Json::String(s.trim().to_owned())),
            _ => wrong("tekst"),
        },
        QuestionType::Number | QuestionType::Scale => match answer {
            Json::Number(n) if n.as_f64().is_some_and(f64::is_finite) => Ok(Json::Number(n)),
            Json::String(s) if s.trim().is_empty() => Ok(Json::Null),
            Json::String(s) => match s.trim().replace(',', ".").parse::<f64>() {
                Ok(n) if n.is_finite() => Ok(serde_json::json!(n)),
                _ => wrong("een getal"),
            },
            _ => wrong("een getal"),
        },
        QuestionType::Date => match answer {
            Json::String(s) if s.trim().is_empty() => Ok(Json::Null),
            Json::String(s) => match s.trim().parse::<NaiveDate>() {
                Ok(d) => Ok(Json::String(d.to_string())),
                Err(_) => wrong("een datum (JJJJ-MM-DD)"),
            },
            _ => wrong("een datum"),
        },
        QuestionType::YesNo => match answer {
            Json::Bool(_) => Ok(answer),
            _ => wrong("ja of nee"),
        },
        QuestionType::SingleChoice => match answer {
            Json::String(s) if s.is_empty() => Ok(Json::Null),
            Json::String(s) if question.options.iter().any(|o| o.value == s) => Ok(Json::String(s)),
            _ => wrong("een van de keuzes"),
        },
        QuestionType::MultipleChoice => match answer {
            Json::Array(items) => {
                let mut chosen: Vec<String> = Vec::new();
                for item in items {
                    match item {
                        Json::String(s) if question.options.iter().any(|o| o.value == s) => {
                            if !chosen.contains(&s) {
                                chosen.push(s);
                            }
                        }
                        _ => return wrong("keuzes uit de lijst"),
                    }
                }
                // Keep the definition's order, so equal choices store equally.
                let ordered: Vec<Json> = question
                    .options
                    .iter()
                    .filter(|o| chosen.contains(&o.value))
                    .map(|o| Json::String(o.value.clone()))
                    .collect();
                Ok(if ordered.is_empty() {
                    Json::Null
                } else {
                    Json::Array(ordered)
                })
            }
            _ => wrong("een lijst keuzes"),
        },
    }
}

/// The expression value of a stored answer.
pub fn to_value(kind: QuestionType, answer: Option<&Json>) -> Value {
    match (kind, answer) {
        (_, None | Some(Json::Null)) => Value::Null,
        (_, Some(Json::Bool(b))) => Value::Bool(*b),
        (_, Some(Json::Number(n))) => n.as_f64().map_or(Value::Null, Value::Number),
        (QuestionType::Date, Some(Json::String(s))) => s.parse().map_or(Value::Null, Value::Date),
        (_, Some(Json::String(s))) => Value::Text(s.clone()),
        (_, Some(Json::Array(items))) => Value::List(
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
        ),
        (_, Some(Json::Object(_))) => Value::Null,
    }
}

/// A computed value as stored JSON (for display).
pub fn to_json(value: &Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => serde_json::Number::from_f64(*n).map_or(Json::Null, Json::Number),
        Value::Text(t) => Json::String(t.clone()),
        Value::Date(d) => Json::String(d.to_string()),
        Value::List(items) => Json::Array(items.iter().cloned().map(Json::String).collect()),
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::questionnaire::definition::ChoiceOption;

    fn question(kind: QuestionType) -> Question {
        Question {
            id: "q".into(),
            kind,
            text: "Vraag".into(),
            help: None,
            required: false,
            show_if: None,
            constraint: None,
            options: ["engels", "arabisch", "frans"]
                .iter()
                .map(|v| ChoiceOption {
                    value: (*v).into(),
                    label: (*v).into(),
                })
                .collect(),
            min: None,
            max: None,
            min_label: None,
            max_label: None,
            compute: None,
        }
    }

    #[test]
    fn normalise_table() {
        use QuestionType::*;
        let cases: Vec<(QuestionType, Json, Result<Json, &str>)> = vec![
            (ShortText, json!("  Lasser "), Ok(json!("Lasser"))),
            (ShortText, json!("   "), Ok(Json::Null)),
            (ShortText, json!(3), Err("verwacht tekst")),
            (Number, json!(12), Ok(json!(12))),
            (Number, json!("7,5"), Ok(json!(7.5))),
            (Number, json!("zeven"), Err("verwacht een getal")),
            (Date, json!("2024-02-29"), Ok(json!("2024-02-29"))),
            (
                Date,
                json!("2023-02-29"),
                Err("verwacht een datum (JJJJ-MM-DD)"),
            ),
            (YesNo, json!(true), Ok(json!(true))),
            (YesNo, json!("ja"), Err("verwacht ja of nee")),
            (SingleChoice, json!("frans"), Ok(json!("frans"))),
            (
                SingleChoice,
                json!("duits"),
                Err("verwacht een van de keuzes"),
            ),
            (
                MultipleChoice,
                json!(["frans", "engels", "frans"]),
                Ok(json!(["engels", "frans"])),
            ),
            (MultipleChoice, json!([]), Ok(Json::Null)),
            (
                MultipleChoice,
                json!(["duits"]),
                Err("verwacht keuzes uit de lijst"),
            ),
            (Scale, Json::Null, Ok(Json::Null)),
        ];
        for (kind, input, expected) in cases {
            let got = normalise(&question(kind), input.clone());
            assert_eq!(got, expected.map_err(str::to_owned), "{kind:?} {input}");
        }
    }

    #[test]
    fn values_for_expressions() {
        use QuestionType::*;
        assert_eq!(
            to_value(Date, Some(&json!("2020-01-31"))),
            Value::Date(NaiveDate::from_ymd_opt(2020, 1, 31).unwrap())
        );
        assert_eq!(
            to_value(MultipleChoice, Some(&json!(["a"]))),
            Value::List(vec!["a".into()])
        );
        assert_eq!(to_value(Number, None), Value::Null);
        assert_eq!(to_value(YesNo, Some(&json!(false))), Value::Bool(false));
    }
}
