//! The expression language of questionnaire definitions: skip logic (`show_if`), constraints
//! (`constraint.expr`, where `value` is the answer being checked) and computed values
//! (`compute`).
//!
//! An expression is parsed once, when the definition is loaded ([`parse`]; errors carry a 0-based
//! **char** offset and a Dutch message for the questionnaire author), and evaluated many times
//! against the answers given so far ([`Expr::eval`] with a [`Context`]).
//!
//! # Values
//!
//! [`Value`]: `null` (not answered), ja/nee (`true`/`false`), numbers (`f64`), texts, dates and
//! lists of texts (the answer to a multiple-choice question).
//!
//! # Grammar
//!
//! ```text
//! expr       := or
//! or         := and ( "or" and )*
//! and        := not ( "and" not )*
//! not        := "not" not | comparison
//! comparison := membership ( ("==" | "!=" | "<" | "<=" | ">" | ">=") membership )?   -- does not chain
//! membership := additive ( "in" additive )?                                           -- does not chain
//! additive   := multiplicative ( ("+" | "-") multiplicative )*
//! multiplicative := unary ( ("*" | "/") unary )*
//! unary      := "-" unary | primary
//! primary    := number | text | "true" | "false" | "null" | list | identifier
//!             | function "(" ( expr ( "," expr )* )? ")" | "(" expr ")"
//! number     := [0-9]+ ( "." [0-9]+ )?
//! text       := '"' … '"' | "'" … "'"        -- escapes: \" \' \\
//! list       := "[" ( text ( "," text )* )? "]"
//! identifier := [a-zA-Z_][a-zA-Z0-9_]*       -- except the keywords and or not in true false null
//! ```
//!
//! Identifiers name the answers of other questions (question ids); `value` is the answer being
//! checked in a constraint. They are looked up in the [`Context`]; an unknown name is whatever the
//! context says (normally `null`). Keywords and function names are case-sensitive.
//!
//! # Functions
//!
//! | call | result |
//! |---|---|
//! | `answered(x)` | true when `x` is not null, not an empty text and not an empty list |
//! | `today()` | the evaluation date ([`Context::today`]) |
//! | `date("2024-02-29")` | a date literal; the text must be a valid `JJJJ-MM-DD` date (checked when parsed) |
//! | `age(d)` | whole years from date `d` to today |
//! | `years(a, b)` | whole years from date `a` to date `b` |
//! | `days(a, b)` | `b − a` in days |
//! | `count(x)` | number of items of a list (0 for null) |
//! | `len(x)` | number of characters of a text (0 for null) |
//! | `if(c, a, b)` | `a` when `c` is true, else `b` (only the chosen branch is evaluated) |
//! | `min(a, b)`, `max(a, b)` | the smaller / larger number |
//!
//! An unknown function or a wrong number of arguments is a parse error at the function name.
//! Whole years follow the birthday rule: `years = b.year − a.year`, minus one when `b`'s
//! (month, day) comes before `a`'s. So someone born on 29 February 2024 is 0 on 28 February 2025
//! and 1 on 1 March 2025.
//!
//! # Semantics
//!
//! - `and`, `or`, `not` and `if` treat `null` as false; any other non-ja/nee value is an error
//!   ("verwacht ja/nee"). `and` and `or` short-circuit.
//! - `==` and `!=` work on any two values: `null == null` is true, values of different types are
//!   unequal, numbers compare numerically.
//! - `<`, `<=`, `>`, `>=` compare two numbers, two dates or two texts. When either side is `null`
//!   the result is false (an unanswered question makes a `show_if` false, not an error).
//! - `x in lijst` is true when the list contains the text `x`; false when either side is null.
//! - `+ - * /` on numbers; `datum + n` and `datum - n` shift a date by `n` whole days;
//!   `datum - datum` is the number of days between them. Any arithmetic with `null` gives `null`.
//!   Division by zero and results too large for a number are errors.
//! - Type errors (`"a" * 2`) are [`EvalError`]s at the offending operator or function name.
//!
//! # Examples
//!
//! ```text
//! leeftijd >= 18 and not answered(diploma)
//! "arabisch" in talen or moedertaal in ["arabisch", "tigrinya"]
//! age(geboortedatum) < 18
//! value <= today() and value > date("1900-01-01")        -- a constraint on a date answer
//! if(answered(uren), uren * 4, 0)                          -- a computed value
//! days(startdatum, today()) > 30
//! ```
//!
//! ```
//! use chrono::NaiveDate;
//! use traject_core::questionnaire::expr::{parse, Context, Value};
//!
//! struct Answers;
//! impl Context for Answers {
//!     fn lookup(&self, name: &str) -> Value {
//!         match name {
//!             "geboortedatum" => Value::Date(NaiveDate::from_ymd_opt(2008, 2, 29).unwrap()),
//!             "talen" => Value::List(vec!["arabisch".into(), "engels".into()]),
//!             _ => Value::Null,
//!         }
//!     }
//!     fn today(&self) -> NaiveDate {
//!         NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
//!     }
//! }
//!
//! let expr = parse(r#"age(geboortedatum) >= 18 and "arabisch" in talen"#).unwrap();
//! assert_eq!(expr.eval(&Answers), Ok(Value::Bool(true)));
//! assert_eq!(expr.identifiers(), ["geboortedatum", "talen"]);
//!
//! // An unanswered question makes a comparison false, not an error.
//! assert_eq!(parse("diploma_jaar > 2000").unwrap().eval(&Answers), Ok(Value::Bool(false)));
//!
//! let err = parse("leeftijd >= ").unwrap_err();
//! assert_eq!(err.to_string(), "positie 12: verwacht een waarde");
//! ```
//!
//! # Robustness
//!
//! [`parse`] never panics, whatever the input: it works on chars, limits nesting (parentheses,
//! `not`, unary minus) to 64 levels and the tree height to 256 ("te diep genest"), so evaluating,
//! printing and dropping a parsed expression cannot exhaust the stack. [`Expr::eval`] never panics
//! either.
//!
//! # Printing and equality
//!
//! [`Expr`]'s `Display` is a canonical form (parentheses only where needed) with
//! `parse(&e.to_string()) == e`. `Expr`'s `PartialEq` ignores positions: two expressions are
//! equal when their trees are, however they were spaced or parenthesised.

mod ast;
mod eval;
mod lexer;
mod parser;
mod print;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

pub use self::ast::{BinaryOp, Expr, ExprKind, Func, UnaryOp};
pub use self::parser::{MAX_HEIGHT, MAX_NESTING};

/// The value of an answer or of an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Not answered (or not applicable).
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Date(NaiveDate),
    /// The chosen options of a multiple-choice question.
    List(Vec<String>),
}

impl Value {
    /// Only `Bool(true)` is truthy; use this for the final result of a `show_if` or constraint.
    pub fn is_truthy(&self) -> bool {
        matches!(self, Value::Bool(true))
    }

    /// Not null, not an empty text, not an empty list.
    pub fn is_answered(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Text(text) => !text.is_empty(),
            Value::List(items) => !items.is_empty(),
            Value::Bool(_) | Value::Number(_) | Value::Date(_) => true,
        }
    }

    /// The Dutch name of the value's type, with article, for error messages ("een getal").
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "geen waarde",
            Value::Bool(_) => "ja/nee",
            Value::Number(_) => "een getal",
            Value::Text(_) => "een tekst",
            Value::Date(_) => "een datum",
            Value::List(_) => "een lijst",
        }
    }
}

/// A syntax error in an expression, for the questionnaire author.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("positie {position}: {message}")]
pub struct ParseError {
    /// 0-based char offset into the source.
    pub position: usize,
    /// Dutch.
    pub message: String,
}

/// An error while evaluating (a type error, division by zero, a date out of range).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("positie {position}: {message}")]
pub struct EvalError {
    /// 0-based char offset of the offending operator or function name.
    pub position: usize,
    /// Dutch.
    pub message: String,
}

/// What an expression is evaluated against: the answers so far and the date.
pub trait Context {
    /// The answer to the question with this id (or `value` in a constraint); `Value::Null` when
    /// not answered or unknown.
    fn lookup(&self, name: &str) -> Value;
    /// The evaluation date, for `today()` and `age(...)`.
    fn today(&self) -> NaiveDate;
}

/// Parses an expression. Never panics.
pub fn parse(source: &str) -> Result<Expr, ParseError> {
    parser::parse(source)
}

impl std::str::FromStr for Expr {
    type Err = ParseError;

    fn from_str(source: &str) -> Result<Self, Self::Err> {
        parse(source)
    }
}

impl Expr {
    /// Evaluates the expression. Never panics.
    pub fn eval(&self, ctx: &dyn Context) -> Result<Value, EvalError> {
        self.evaluate(ctx)
    }

    /// Evaluates a condition (`show_if`, a constraint): `null` counts as false, any other
    /// non-ja/nee result is an error at the expression's position.
    pub fn eval_condition(&self, ctx: &dyn Context) -> Result<bool, EvalError> {
        match self.evaluate(ctx)? {
            Value::Bool(b) => Ok(b),
            Value::Null => Ok(false),
            other => Err(EvalError {
                position: self.position(),
                message: format!(
                    "de voorwaarde moet ja/nee opleveren, maar levert {} op",
                    other.type_name()
                ),
            }),
        }
    }

    /// Every identifier the expression reads (for dependency tracking and for validating that
    /// referenced questions exist), in first-occurrence order, without duplicates.
    pub fn identifiers(&self) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        self.identifier_positions()
            .into_iter()
            .filter_map(|(name, _)| seen.insert(name.clone()).then_some(name))
            .collect()
    }

    /// Where each identifier occurs (name, char offset), in source order, so a definition
    /// validator can point at an unknown question id.
    pub fn identifier_positions(&self) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        self.visit_identifiers(&mut out);
        out.into_iter()
            .map(|(name, pos)| (name.to_string(), pos))
            .collect()
    }
}
