//! The engine: which groups and questions are visible given the answers so far, the computed
//! values, the constraint and range problems, and which required answers are still missing.
//! Answers of hidden questions are kept but count as "not applicable": other expressions read
//! them as empty, and they are left out of completeness.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use ts_rs::TS;

use super::answer::{to_json, to_value, AnswerKey, Answers};
use super::definition::QuestionType;
use super::expr::{Context, Expr, Value};
use super::validate::Compiled;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Evaluation {
    pub groups: Vec<GroupState>,
    pub missing: Vec<MissingAnswer>,
    /// Visible required questions (computed ones excluded), and how many of them are answered:
    /// the intake's progress.
    pub required: u32,
    pub required_answered: u32,
    /// Every visible required question answered, no constraint broken.
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GroupState {
    pub id: String,
    pub visible: bool,
    /// One instance (number 0) for an ordinary group; one per entry for a repeat group.
    pub instances: Vec<InstanceState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct InstanceState {
    pub instance: u32,
    pub questions: Vec<QuestionState>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct QuestionState {
    pub id: String,
    pub visible: bool,
    pub answered: bool,
    /// The value of a computed question.
    #[ts(type = "string | number | boolean | Array<string> | null")]
    pub computed: Option<Json>,
    /// The constraint's message, or the range that is broken.
    pub error: Option<String>,
}

/// A required answer that is still missing (or a repeat group with too few entries).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MissingAnswer {
    pub group_id: String,
    pub instance: u32,
    pub question_id: String,
    pub text: String,
}

struct Scope<'a> {
    kinds: &'a HashMap<&'a str, (usize, QuestionType)>,
    answers: &'a Answers,
    effective: &'a HashMap<AnswerKey, Value>,
    today: NaiveDate,
    /// The repeat group and instance being evaluated, if any.
    local: Option<(usize, u32)>,
    value: Option<Value>,
}

impl Context for Scope<'_> {
    fn lookup(&self, name: &str) -> Value {
        if name == "value" {
            if let Some(value) = &self.value {
                return value.clone();
            }
        }
        let Some(&(group, kind)) = self.kinds.get(name) else {
            return Value::Null;
        };
        let instance = match self.local {
            Some((local_group, instance)) if local_group == group => instance,
            _ => 0,
        };
        let key = AnswerKey::new(name, instance);
        match self.effective.get(&key) {
            Some(value) => value.clone(),
            None => to_value(kind, self.answers.values.get(&key)),
        }
    }

    fn today(&self) -> NaiveDate {
        self.today
    }
}

/// Evaluates an optional condition; a condition that cannot be evaluated shows the question
/// rather than hiding something that may be required.
fn condition(expr: Option<&Expr>, scope: &Scope<'_>) -> bool {
    expr.is_none_or(|e| e.eval(scope).map_or(true, |v| v.is_truthy()))
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        format!("{n}").replace('.', ",")
    }
}

impl Compiled {
    /// Evaluates the whole questionnaire against `answers` on `today`.
    pub fn evaluate(&self, answers: &Answers, today: NaiveDate) -> Evaluation {
        let mut kinds: HashMap<&str, (usize, QuestionType)> = HashMap::new();
        for (g, group) in self.definition.groups.iter().enumerate() {
            for question in &group.questions {
                kinds.insert(&question.id, (g, question.kind));
            }
        }
        let mut effective: HashMap<AnswerKey, Value> = HashMap::new();
        let mut groups = Vec::new();
        let mut missing = Vec::new();
        let mut problems = 0;
        let (mut required, mut required_answered) = (0, 0);
        for (g, (group, compiled)) in self.definition.groups.iter().zip(&self.groups).enumerate() {
            let group_visible = {
                let scope = Scope {
                    kinds: &kinds,
                    answers,
                    effective: &effective,
                    today,
                    local: None,
                    value: None,
                };
                condition(compiled.show_if.as_ref(), &scope)
            };
            let instances: Vec<u32> = match &group.repeat {
                None => vec![0],
                Some(repeat) => {
                    let numbers = answers.instances_of(&group.id).to_vec();
                    if group_visible && (numbers.len() as u32) < repeat.min {
                        missing.push(MissingAnswer {
                            group_id: group.id.clone(),
                            instance: 0,
                            question_id: group.id.clone(),
                            text: format!("Voeg minstens {} × '{}' toe", repeat.min, repeat.label),
                        });
                    }
                    numbers
                }
            };
            let mut states = Vec::new();
            for instance in instances {
                let local = group.repeat.as_ref().map(|_| (g, instance));
                let mut questions = Vec::new();
                for (question, cq) in group.questions.iter().zip(&compiled.questions) {
                    let key = AnswerKey::new(&question.id, instance);
                    let scope = Scope {
                        kinds: &kinds,
                        answers,
                        effective: &effective,
                        today,
                        local,
                        value: None,
                    };
                    let visible = group_visible && condition(cq.show_if.as_ref(), &scope);
                    let value = match (&cq.compute, visible) {
                        (_, false) => Value::Null,
                        (Some(compute), true) => compute.eval(&scope).unwrap_or(Value::Null),
                        (None, true) => to_value(question.kind, answers.values.get(&key)),
                    };
                    let answered = value.is_answered();
                    let mut error = None;
                    if visible && answered && cq.compute.is_none() {
                        if let Value::Number(n) = value {
                            match (question.min, question.max) {
                                (Some(min), Some(max)) if n < min || n > max => {
                                    error = Some(format!(
                                        "Vul een getal van {} tot en met {} in",
                                        number(min),
                                        number(max)
                                    ))
                                }
                                (Some(min), None) if n < min => {
                                    error = Some(format!("Vul minstens {} in", number(min)))
                                }
                                (None, Some(max)) if n > max => {
                                    error = Some(format!("Vul hoogstens {} in", number(max)))
                                }
                                _ => {}
                            }
                        }
                        if let (None, Some(constraint), Some(definition)) =
                            (&error, &cq.constraint, &question.constraint)
                        {
                            let scope = Scope {
                                value: Some(value.clone()),
                                ..scope
                            };
                            match constraint.eval(&scope) {
                                Ok(v) if v.is_truthy() => {}
                                Ok(_) => error = Some(definition.message.clone()),
                                Err(e) => error = Some(format!("{} ({e})", definition.message)),
                            }
                        }
                    }
                    if error.is_some() {
                        problems += 1;
                    }
                    if visible && question.required && cq.compute.is_none() {
                        required += 1;
                        required_answered += u32::from(answered);
                    }
                    if visible && question.required && cq.compute.is_none() && !answered {
                        missing.push(MissingAnswer {
                            group_id: group.id.clone(),
                            instance,
                            question_id: question.id.clone(),
                            text: question.text.clone(),
                        });
                    }
                    let computed = cq.compute.as_ref().map(|_| to_json(&value));
                    effective.insert(key, value);
                    questions.push(QuestionState {
                        id: question.id.clone(),
                        visible,
                        answered,
                        computed,
                        error,
                    });
                }
                states.push(InstanceState {
                    instance,
                    questions,
                });
            }
            groups.push(GroupState {
                id: group.id.clone(),
                visible: group_visible,
                instances: states,
            });
        }
        let complete = missing.is_empty() && problems == 0;
        Evaluation {
            groups,
            missing,
            required,
            required_answered,
            complete,
        }
    }
}

#[cfg(test)]
mod tests;
