//! Questionnaires as data (the Brede intake and later versions): the definition format, the
//! expression language for skip logic, constraints and computed values, the validation that
//! refuses a broken definition (naming the question and the position in the expression), and
//! the engine that evaluates a definition against the answers given so far.
//!
//! A definition is TOML; `crates/core/questionnaires/README.md` documents the schema.

pub mod answer;
pub mod builtin;
pub mod definition;
pub mod engine;
pub mod expr;
pub mod validate;

pub use answer::{AnswerKey, Answers};
pub use definition::{Group, Question, QuestionType, Questionnaire};
pub use engine::{Evaluation, GroupState, InstanceState, MissingAnswer, QuestionState};
pub use validate::{Compiled, DefinitionError};
