//! Loading and validating a definition. Every expression is parsed once here; a broken
//! definition is refused with every problem, each naming the question (or group), the field
//! and the position in the expression.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::definition::{Group, Question, QuestionType, Questionnaire};
use super::expr::{self, BinaryOp, Expr, ExprKind};

/// One problem in a definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DefinitionError {
    /// The question or group id, when the problem is in one.
    pub item: Option<String>,
    /// The field: `show_if`, `constraint`, `compute`, `options`, …
    pub field: Option<String>,
    /// 0-based character position in the expression, for expression problems.
    pub position: Option<usize>,
    pub message: String,
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(item) = &self.item {
            write!(f, "'{item}'")?;
            if let Some(field) = &self.field {
                write!(f, " ({field}")?;
                if let Some(position) = self.position {
                    write!(f, ", positie {position}")?;
                }
                write!(f, ")")?;
            }
            write!(f, ": ")?;
        }
        f.write_str(&self.message)
    }
}

/// A definition whose expressions are parsed and checked.
#[derive(Debug, Clone)]
pub struct Compiled {
    pub definition: Questionnaire,
    pub(super) groups: Vec<CompiledGroup>,
}

#[derive(Debug, Clone)]
pub(super) struct CompiledGroup {
    pub show_if: Option<Expr>,
    pub questions: Vec<CompiledQuestion>,
}

#[derive(Debug, Clone)]
pub(super) struct CompiledQuestion {
    pub show_if: Option<Expr>,
    pub constraint: Option<Expr>,
    pub compute: Option<Expr>,
}

impl Compiled {
    /// Parses TOML and validates it.
    pub fn from_toml(text: &str) -> Result<Self, Vec<DefinitionError>> {
        let definition: Questionnaire = toml::from_str(text).map_err(|e| {
            vec![DefinitionError {
                item: None,
                field: None,
                position: None,
                message: format!("ongeldige TOML: {}", e.to_string().trim()),
            }]
        })?;
        Self::new(definition)
    }

    /// Validates a definition and parses its expressions.
    pub fn new(definition: Questionnaire) -> Result<Self, Vec<DefinitionError>> {
        let mut errors = Vec::new();
        let problem = |item: &str, field: &str, message: String| DefinitionError {
            item: Some(item.to_owned()),
            field: Some(field.to_owned()),
            position: None,
            message,
        };
        if definition.id.trim().is_empty() {
            errors.push(DefinitionError {
                item: None,
                field: None,
                position: None,
                message: "id ontbreekt".into(),
            });
        }
        if definition.groups.is_empty() {
            errors.push(DefinitionError {
                item: None,
                field: None,
                position: None,
                message: "de vragenlijst heeft geen groepen".into(),
            });
        }
        // Where each id lives: the group index, and whether that group repeats.
        let mut owners: HashMap<&str, usize> = HashMap::new();
        for (g, group) in definition.groups.iter().enumerate() {
            if owners.insert(&group.id, g).is_some() {
                errors.push(problem(&group.id, "id", "dit id komt vaker voor".into()));
            }
            for question in &group.questions {
                if owners.insert(&question.id, g).is_some() {
                    errors.push(problem(&question.id, "id", "dit id komt vaker voor".into()));
                }
                check_question_shape(question, &mut errors);
            }
            if let Some(repeat) = &group.repeat {
                if repeat.min > repeat.max {
                    errors.push(problem(&group.id, "repeat", "min is groter dan max".into()));
                }
            }
        }
        let scope = Scope {
            definition: &definition,
            owners,
        };
        let mut groups = Vec::new();
        for (g, group) in definition.groups.iter().enumerate() {
            // A repeat group's own show_if is evaluated once, outside its instances.
            let show_if = scope.expression(
                &group.id,
                "show_if",
                group.show_if.as_deref(),
                None,
                false,
                &mut errors,
            );
            let local = group.repeat.is_some().then_some(g);
            let questions = group
                .questions
                .iter()
                .map(|q| CompiledQuestion {
                    show_if: scope.expression(
                        &q.id,
                        "show_if",
                        q.show_if.as_deref(),
                        local,
                        false,
                        &mut errors,
                    ),
                    constraint: scope.expression(
                        &q.id,
                        "constraint",
                        q.constraint.as_ref().map(|c| c.expr.as_str()),
                        local,
                        true,
                        &mut errors,
                    ),
                    compute: scope.expression(
                        &q.id,
                        "compute",
                        q.compute.as_deref(),
                        local,
                        false,
                        &mut errors,
                    ),
                })
                .collect();
            groups.push(CompiledGroup { show_if, questions });
        }
        if errors.is_empty() {
            Ok(Self { definition, groups })
        } else {
            Err(errors)
        }
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.definition.groups.iter().find(|g| g.id == id)
    }

    /// The question and the group it belongs to.
    pub fn question(&self, id: &str) -> Option<(&Group, &Question)> {
        self.definition
            .groups
            .iter()
            .find_map(|g| g.questions.iter().find(|q| q.id == id).map(|q| (g, q)))
    }
}

fn check_question_shape(question: &Question, errors: &mut Vec<DefinitionError>) {
    let mut problem = |field: &str, message: &str| {
        errors.push(DefinitionError {
            item: Some(question.id.clone()),
            field: Some(field.to_owned()),
            position: None,
            message: message.to_owned(),
        })
    };
    let is_choice = matches!(
        question.kind,
        QuestionType::SingleChoice | QuestionType::MultipleChoice
    );
    if is_choice && question.options.is_empty() {
        problem("options", "een keuzevraag heeft opties nodig");
    }
    if !is_choice && !question.options.is_empty() {
        problem("options", "alleen keuzevragen hebben opties");
    }
    let mut seen: Vec<&str> = Vec::new();
    for option in &question.options {
        if seen.contains(&option.value.as_str()) {
            problem(
                "options",
                &format!("optie '{}' komt vaker voor", option.value),
            );
        }
        seen.push(&option.value);
    }
    if let (Some(min), Some(max)) = (question.min, question.max) {
        if min > max {
            problem("min", "min is groter dan max");
        }
    }
    if question.kind == QuestionType::Scale && (question.min.is_none() || question.max.is_none()) {
        problem("min", "een schaal heeft min en max nodig");
    }
    if question.compute.is_some() && question.required {
        problem(
            "required",
            "een berekende vraag wordt niet gesteld en kan niet verplicht zijn",
        );
    }
}

struct Scope<'a> {
    definition: &'a Questionnaire,
    owners: HashMap<&'a str, usize>,
}

impl Scope<'_> {
    /// Parses an optional expression and checks that every name it reads is in scope: questions
    /// outside repeat groups, questions of the same repeat group (`local`), and `value` in a
    /// constraint.
    fn expression(
        &self,
        item: &str,
        field: &str,
        source: Option<&str>,
        local: Option<usize>,
        allow_value: bool,
        errors: &mut Vec<DefinitionError>,
    ) -> Option<Expr> {
        let source = source?;
        let parsed = match expr::parse(source) {
            Ok(parsed) => parsed,
            Err(e) => {
                errors.push(DefinitionError {
                    item: Some(item.to_owned()),
                    field: Some(field.to_owned()),
                    position: Some(e.position),
                    message: e.message,
                });
                return None;
            }
        };
        let mut ok = true;
        for (name, position) in parsed.identifier_positions() {
            if allow_value && name == "value" {
                continue;
            }
            let message = match self.owners.get(name.as_str()) {
                None => Some(format!("onbekende vraag '{name}'")),
                Some(&g) if self.definition.groups[g].repeat.is_some() && Some(g) != local => {
                    Some(format!(
                        "'{name}' hoort bij de herhaalde groep '{}' en is hier niet te gebruiken",
                        self.definition.groups[g].id
                    ))
                }
                Some(&g) if self.definition.groups[g].id == name => {
                    Some(format!("'{name}' is een groep, geen vraag"))
                }
                Some(_) => None,
            };
            if let Some(message) = message {
                ok = false;
                errors.push(DefinitionError {
                    item: Some(item.to_owned()),
                    field: Some(field.to_owned()),
                    position: Some(position),
                    message,
                });
            }
        }
        if ok {
            self.check_choices(&parsed, item, field, errors);
        }
        ok.then_some(parsed)
    }

    /// A text compared with a choice question must be one of its option values: a typo
    /// (`inkomen == "bijstnd"`) would otherwise silently never be true.
    fn check_choices(
        &self,
        expr: &Expr,
        item: &str,
        field: &str,
        errors: &mut Vec<DefinitionError>,
    ) {
        let question = |name: &str| {
            let group = &self.definition.groups[*self.owners.get(name)?];
            group
                .questions
                .iter()
                .find(|q| q.id == name && !q.options.is_empty())
        };
        let mut check = |name: &str, text: &str, position: usize| {
            if let Some(q) = question(name) {
                if !q.options.iter().any(|o| o.value == text) {
                    let values: Vec<&str> = q.options.iter().map(|o| o.value.as_str()).collect();
                    errors.push(DefinitionError {
                        item: Some(item.to_owned()),
                        field: Some(field.to_owned()),
                        position: Some(position),
                        message: format!(
                            "'{text}' is geen optie van '{name}' (opties: {})",
                            values.join(", ")
                        ),
                    });
                }
            }
        };
        match expr.kind() {
            ExprKind::Binary { op, left, right } => {
                match (op, left.kind(), right.kind()) {
                    (BinaryOp::Eq | BinaryOp::Ne, ExprKind::Ident(name), ExprKind::Text(text)) => {
                        check(name, text, right.position())
                    }
                    (
                        BinaryOp::Eq | BinaryOp::Ne | BinaryOp::In,
                        ExprKind::Text(text),
                        ExprKind::Ident(name),
                    ) => check(name, text, left.position()),
                    (BinaryOp::In, ExprKind::Ident(name), ExprKind::List(items)) => {
                        for text in items {
                            check(name, text, right.position());
                        }
                    }
                    _ => {}
                }
                self.check_choices(left, item, field, errors);
                self.check_choices(right, item, field, errors);
            }
            ExprKind::Unary { operand, .. } => self.check_choices(operand, item, field, errors),
            ExprKind::Call { args, .. } => {
                for arg in args {
                    self.check_choices(arg, item, field, errors);
                }
            }
            _ => {}
        }
    }
}
