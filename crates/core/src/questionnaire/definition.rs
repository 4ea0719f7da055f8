//! The questionnaire definition: groups of questions, each with a type, a required flag, help,
//! skip logic (`show_if`), a constraint with its own message, or a computed value. Groups may
//! repeat (each job, each child).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A whole questionnaire version. `(id, version)` identifies it; an intake is pinned to the
/// version it started with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub id: String,
    pub version: u32,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    pub groups: Vec<Group>,
}

/// One page of the questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub intro: Option<String>,
    /// The whole group is shown only when this expression is true.
    #[serde(default)]
    pub show_if: Option<String>,
    /// When set, the group is answered once per instance (each job, each child).
    #[serde(default)]
    pub repeat: Option<Repeat>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    /// How one instance is called in the UI ("Baan", "Kind").
    pub label: String,
    #[serde(default)]
    pub min: u32,
    #[serde(default = "default_repeat_max")]
    pub max: u32,
}

fn default_repeat_max() -> u32 {
    20
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuestionType {
    ShortText,
    LongText,
    Number,
    Date,
    SingleChoice,
    MultipleChoice,
    YesNo,
    Scale,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique within the questionnaire; expressions refer to the answer by this id.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    pub text: String,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub show_if: Option<String>,
    #[serde(default)]
    pub constraint: Option<Constraint>,
    /// For single and multiple choice.
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// For numbers: the allowed range; for scales: the ends of the scale.
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// For scales: what the ends mean ("helemaal niet", "heel goed").
    #[serde(default)]
    pub min_label: Option<String>,
    #[serde(default)]
    pub max_label: Option<String>,
    /// A computed question is not asked: its value is this expression.
    #[serde(default)]
    pub compute: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Constraint {
    /// Must be true for the answer to be accepted; `value` is the answer being checked.
    pub expr: String,
    /// The Dutch message shown when it is not.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
}
