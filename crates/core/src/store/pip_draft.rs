//! The first PIP's draft from the completed Brede intake: the route advice, the ambitions and
//! the obstacles, in the consultant's words (domain page §2 steps 4–5).

use chrono::NaiveDate;
use serde_json::Value;
use uuid::Uuid;

use super::intakes::{IntakeStatus, StoredAnswer};
use super::{Result, Store};
use crate::domain::{CefrLevel, Leerroute, PipContent};
use crate::questionnaire::Questionnaire;

impl Store {
    /// A first-version draft from the client's latest completed intake (empty without one).
    pub(super) fn content_from_intake(
        &self,
        client_id: &Uuid,
        today: NaiveDate,
    ) -> Result<PipContent> {
        let completed = self
            .intakes(client_id)?
            .into_iter()
            .find(|i| i.status == IntakeStatus::Completed);
        let Some(intake) = completed else {
            return Ok(PipContent::first());
        };
        let view = self.intake_view(&intake.id, today)?;
        Ok(draft_from_intake(&view.questionnaire, &view.answers))
    }
}

/// Maps intake answers onto a first PIP: `route_advies` → leerroute and its usual target level;
/// work and study ambitions and the 3-year goal → goals; obstacles and childcare → preconditions.
pub fn draft_from_intake(questionnaire: &Questionnaire, answers: &[StoredAnswer]) -> PipContent {
    let answer = |id: &str| {
        answers
            .iter()
            .find(|a| a.question_id == id && a.instance == 0)
            .map(|a| &a.value)
    };
    let text = |id: &str| answer(id).and_then(Value::as_str).map(str::to_owned);
    let label = |question: &str, value: &str| -> String {
        questionnaire
            .groups
            .iter()
            .flat_map(|g| &g.questions)
            .find(|q| q.id == question)
            .and_then(|q| q.options.iter().find(|o| o.value == value))
            .map_or_else(|| value.to_owned(), |o| o.label.clone())
    };
    let leerroute = match answer("route_advies").and_then(Value::as_str) {
        Some("b1") => Some(Leerroute::B1),
        Some("onderwijsroute") => Some(Leerroute::Onderwijsroute),
        Some("z_route") => Some(Leerroute::ZRoute),
        _ => None,
    };
    let target_level = leerroute.map(|r| match r {
        Leerroute::ZRoute => CefrLevel::A1,
        Leerroute::B1 | Leerroute::Onderwijsroute => CefrLevel::B1,
    });
    let mut goals = Vec::new();
    if let Some(work) = text("werkambitie") {
        goals.push(format!("Werk: {work}"));
    }
    if answer("studieambitie") == Some(&Value::Bool(true)) {
        let direction = text("studierichting").unwrap_or_else(|| "nog te bepalen".into());
        goals.push(format!("Opleiding: {direction}"));
    }
    if let Some(goal) = text("doel_3_jaar") {
        goals.push(format!("Over 3 jaar: {goal}"));
    }
    let mut preconditions = Vec::new();
    if let Some(Value::Array(items)) = answer("belemmeringen") {
        let labels: Vec<String> = items
            .iter()
            .filter_map(Value::as_str)
            .map(|v| label("belemmeringen", v))
            .collect();
        if !labels.is_empty() {
            preconditions.push(format!(
                "Belemmeringen uit de intake: {}",
                labels.join(", ")
            ));
        }
    }
    if let Some(more) = text("belemmeringen_toelichting") {
        preconditions.push(more);
    }
    if answer("kinderopvang_nodig") == Some(&Value::Bool(true)) {
        let how = text("kinderopvang_toelichting").unwrap_or_default();
        preconditions.push(format!("Kinderopvang nodig. {how}").trim().to_owned());
    }
    let join = |parts: Vec<String>| Some(parts.join("\n")).filter(|s| !s.is_empty());
    PipContent {
        reason: Some("Eerste PIP na de brede intake".into()),
        leerroute,
        target_level,
        goals: join(goals),
        preconditions: join(preconditions),
        ..PipContent::first()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::builtin;

    fn answer(id: &str, value: Value) -> StoredAnswer {
        StoredAnswer {
            question_id: id.into(),
            instance: 0,
            value,
        }
    }

    #[test]
    fn the_draft_takes_route_ambitions_and_obstacles_from_the_intake() {
        let q = builtin::all()
            .into_iter()
            .find(|c| c.definition.id == builtin::BREDE_INTAKE)
            .unwrap()
            .definition;
        let answers = [
            answer("route_advies", Value::from("z_route")),
            answer("werkambitie", Value::from("Kok in een restaurant")),
            answer("studieambitie", Value::Bool(false)),
            answer(
                "doel_3_jaar",
                Value::from("Zelf boodschappen doen en de weg vinden"),
            ),
            answer(
                "belemmeringen",
                serde_json::json!(["kinderopvang", "vervoer"]),
            ),
        ];
        let draft = draft_from_intake(&q, &answers);
        assert_eq!(draft.leerroute, Some(Leerroute::ZRoute));
        assert_eq!(draft.target_level, Some(CefrLevel::A1));
        assert_eq!(
            draft.goals.as_deref(),
            Some(
                "Werk: Kok in een restaurant\nOver 3 jaar: Zelf boodschappen doen en de weg vinden"
            )
        );
        assert_eq!(
            draft.preconditions.as_deref(),
            Some("Belemmeringen uit de intake: Geen kinderopvang, Vervoer of reiskosten")
        );
        let empty = draft_from_intake(&q, &[]);
        assert_eq!(empty.leerroute, None);
        assert_eq!(empty.goals, None);
    }
}
