//! Synthetic answers for generated intakes: walks a questionnaire the way a consultant would,
//! answering every visible question with a plausible value, so a generated caseload has
//! complete and half-done intakes on the real definition.

use chrono::{Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;
use serde_json::{json, Value as Json};

use crate::questionnaire::{AnswerKey, Answers, Compiled, Question, QuestionType};

const TEXTS: &[&str] = &[
    "Wil graag snel aan het werk",
    "Heeft in het land van herkomst als kapper gewerkt",
    "Geen bijzonderheden",
    "Wil later een opleiding in de zorg volgen",
    "Zoekt contact met andere ouders op school",
];

/// A plausible answer; `retry` is for an answer that broke a constraint: then the safest value
/// (one of the smallest numbers, a recent date).
fn answer(question: &Question, rng: &mut StdRng, today: NaiveDate, retry: bool) -> Json {
    match question.kind {
        QuestionType::Number | QuestionType::Scale if retry => {
            let min = question.min.unwrap_or(0.0).ceil() as i64;
            json!(rng.random_range(min..=min + 2))
        }
        QuestionType::Date if retry => json!((today - Duration::days(1)).to_string()),
        QuestionType::ShortText | QuestionType::LongText => {
            json!(TEXTS.choose(rng).copied().unwrap_or("—"))
        }
        QuestionType::Number | QuestionType::Scale => {
            let min = question.min.unwrap_or(0.0).ceil() as i64;
            let max = question.max.unwrap_or((min + 10) as f64).floor() as i64;
            json!(rng.random_range(min..=max.max(min)))
        }
        QuestionType::Date => {
            json!((today - Duration::days(rng.random_range(30..3000))).to_string())
        }
        QuestionType::YesNo => json!(rng.random_bool(0.5)),
        QuestionType::SingleChoice => json!(question.options.choose(rng).map(|o| o.value.clone())),
        QuestionType::MultipleChoice => {
            let picked: Vec<&str> = question
                .options
                .iter()
                .filter(|_| rng.random_bool(0.3))
                .map(|o| o.value.as_str())
                .collect();
            let picked = if picked.is_empty() {
                vec![question.options[0].value.as_str()]
            } else {
                picked
            };
            json!(picked)
        }
    }
}

/// Answers the questionnaire; with `complete` every visible question gets an answer (retrying
/// answers that break a constraint), otherwise roughly the first half of the groups.
pub fn fill(compiled: &Compiled, rng: &mut StdRng, today: NaiveDate, complete: bool) -> Answers {
    let mut answers = Answers::default();
    let groups = &compiled.definition.groups;
    let stop_at = if complete {
        groups.len()
    } else {
        groups.len() / 2
    };
    // Each pass answers what became visible through the previous one.
    for _ in 0..8 {
        let evaluation = compiled.evaluate(&answers, today);
        let mut changed = false;
        for (group, state) in groups.iter().zip(&evaluation.groups).take(stop_at) {
            if !state.visible {
                continue;
            }
            if let Some(repeat) = &group.repeat {
                if answers.instances_of(&group.id).is_empty() {
                    let n = rng.random_range(repeat.min.max(1)..=repeat.max.clamp(1, 2));
                    answers
                        .instances
                        .insert(group.id.clone(), (1..=n).collect());
                    changed = true;
                    continue;
                }
            }
            for instance in &state.instances {
                for (question, q) in group.questions.iter().zip(&instance.questions) {
                    let key = AnswerKey::new(&question.id, instance.instance);
                    let unanswered = q.visible && !q.answered && question.compute.is_none();
                    if unanswered || (q.visible && q.error.is_some()) {
                        answers
                            .values
                            .insert(key, answer(question, rng, today, q.error.is_some()));
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    answers
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;
    use crate::questionnaire::builtin;

    #[test]
    fn a_filled_brede_intake_is_complete() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let intake = builtin::all()
            .into_iter()
            .find(|c| c.definition.id == builtin::BREDE_INTAKE)
            .unwrap();
        for seed in 0..20 {
            let mut rng = StdRng::seed_from_u64(seed);
            let answers = fill(&intake, &mut rng, today, true);
            let evaluation = intake.evaluate(&answers, today);
            let errors: Vec<_> = evaluation
                .groups
                .iter()
                .flat_map(|g| &g.instances)
                .flat_map(|i| &i.questions)
                .filter(|q| q.visible && q.error.is_some())
                .collect();
            assert!(
                evaluation.complete,
                "seed {seed}: {:?} {errors:?}",
                evaluation.missing
            );
            let half = fill(&intake, &mut rng, today, false);
            assert!(!intake.evaluate(&half, today).complete, "seed {seed}");
        }
    }
}
