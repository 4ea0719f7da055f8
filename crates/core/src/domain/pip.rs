//! The PIP (Persoonlijk Plan Inburgering en Participatie): versions that go from concept to
//! vastgesteld, and the rules of the law checked when a version is adopted (domain page §2
//! steps 5 and 7). Every rule names itself in its error.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::hours::{check_date, Quarters};
use super::level::CefrLevel;
use super::portfolio::AFSCHALEN_COURSE_HOURS;
use super::route::Leerroute;
use super::termijn::add_months;
use super::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PipStatus {
    Concept,
    Vastgesteld,
}

/// Why a version exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VersionKind {
    /// The first PIP.
    Eerste,
    /// Another leerroute (schakelen).
    Routewijziging,
    /// B1 → A2 exams within the B1-route.
    Afschalen,
    /// A move to another municipality: a new PIP, the same route.
    Verhuizing,
    /// Other changes to goals or agreements.
    Bijstelling,
    /// History imported from a previous system.
    Migratie,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MapExemption {
    Geen,
    Gedeeltelijk,
    Volledig,
}

/// What a PIP version decides; everything the consultant drafts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PipContent {
    pub kind: VersionKind,
    /// Why this version: what changed and why.
    pub reason: Option<String>,
    pub leerroute: Option<Leerroute>,
    /// B1/B2 (B1-route, onderwijsroute), A2 after afschalen, A1 in the Z-route.
    pub target_level: Option<CefrLevel>,
    pub goals: Option<String>,
    pub provider: Option<String>,
    pub waiting_list_date: Option<NaiveDate>,
    pub course_start_date: Option<NaiveDate>,
    pub map_exemption: MapExemption,
    pub map_exemption_reason: Option<String>,
    pub map_agreement: Option<String>,
    pub pvt_agreement: Option<String>,
    pub participation_hours_per_week: Option<u8>,
    pub participation_agreement: Option<String>,
    /// Decisions under the Participatiewet for clients on social assistance.
    pub participatiewet: Option<String>,
    /// Preconditions: childcare, travel costs.
    pub preconditions: Option<String>,
    /// How progress will be monitored.
    pub monitoring: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PipVersion {
    pub id: Uuid,
    pub client_id: Uuid,
    /// 1, 2, … per client.
    pub number: u32,
    pub status: PipStatus,
    /// The decision date, once vastgesteld.
    pub dagtekening: Option<NaiveDate>,
    #[serde(flatten)]
    pub content: PipContent,
    /// Why the first PIP was adopted after its 10-week deadline.
    pub late_reason: Option<String>,
    /// Imported history: the adoption rules were not applied.
    pub migrated: bool,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub adopted_by: Option<String>,
}

/// What adopting a concept takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AdoptInput {
    pub dagtekening: NaiveDate,
    pub late_reason: Option<String>,
}

/// What the adoption rules read besides the version itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdoptionFacts<'a> {
    /// The latest adopted version before this one.
    pub previous: Option<&'a PipContent>,
    /// The dagtekening of the first adopted version (the termijn starts the day after).
    pub first_dagtekening: Option<NaiveDate>,
    /// Course hours (taal) in the hours ledger.
    pub course_hours: Quarters,
    /// The 10-week deadline of the first PIP, if the dates to compute it are known.
    pub first_pip_deadline: Option<NaiveDate>,
}

/// A route may change within this many months of the termijn start.
pub const ROUTE_CHANGE_MONTHS: u32 = 18;
/// The first PIP is due this many days after the later of BRP registration and kennisgeving.
pub const FIRST_PIP_DAYS: i64 = 70;

const MAX_TEXT: usize = 10_000;

impl PipContent {
    /// An empty first version.
    pub fn first() -> Self {
        Self {
            kind: VersionKind::Eerste,
            reason: None,
            leerroute: None,
            target_level: None,
            goals: None,
            provider: None,
            waiting_list_date: None,
            course_start_date: None,
            map_exemption: MapExemption::Geen,
            map_exemption_reason: None,
            map_agreement: None,
            pvt_agreement: None,
            participation_hours_per_week: None,
            participation_agreement: None,
            participatiewet: None,
            preconditions: None,
            monitoring: None,
        }
    }

    pub fn normalised(self) -> Self {
        fn opt(v: Option<String>) -> Option<String> {
            v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
        }
        Self {
            reason: opt(self.reason),
            goals: opt(self.goals),
            provider: opt(self.provider),
            map_exemption_reason: if self.map_exemption == MapExemption::Geen {
                None
            } else {
                opt(self.map_exemption_reason)
            },
            map_agreement: opt(self.map_agreement),
            pvt_agreement: opt(self.pvt_agreement),
            participation_agreement: opt(self.participation_agreement),
            participatiewet: opt(self.participatiewet),
            preconditions: opt(self.preconditions),
            monitoring: opt(self.monitoring),
            ..self
        }
    }

    /// Rules that hold for any saved draft.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        for (field, date) in [
            ("waiting_list_date", self.waiting_list_date),
            ("course_start_date", self.course_start_date),
        ] {
            if let Some(date) = date {
                if date < super::hours::EARLIEST_DATE {
                    errors.push(FieldError::new(field, "too_early", "ligt vóór 2021"));
                }
                if date > today + Duration::days(366) {
                    errors.push(FieldError::new(
                        field,
                        "too_far",
                        "ligt meer dan een jaar in de toekomst",
                    ));
                }
            }
        }
        if let (Some(wait), Some(start)) = (self.waiting_list_date, self.course_start_date) {
            if start < wait {
                errors.push(FieldError::new(
                    "course_start_date",
                    "after_waiting_list",
                    "ligt vóór de datum van plaatsing op de wachtlijst",
                ));
            }
        }
        if self.participation_hours_per_week.is_some_and(|h| h > 40) {
            errors.push(FieldError::new(
                "participation_hours_per_week",
                "max",
                "is meer dan 40 uur per week",
            ));
        }
        for (field, text) in [
            ("reason", &self.reason),
            ("goals", &self.goals),
            ("map_agreement", &self.map_agreement),
            ("pvt_agreement", &self.pvt_agreement),
            ("participation_agreement", &self.participation_agreement),
            ("participatiewet", &self.participatiewet),
            ("preconditions", &self.preconditions),
            ("monitoring", &self.monitoring),
        ] {
            if text.as_ref().is_some_and(|t| t.chars().count() > MAX_TEXT) {
                errors.push(FieldError::new(
                    field,
                    "too_long",
                    format!("is langer dan {MAX_TEXT} tekens"),
                ));
            }
        }
        errors.into_result()
    }
}

/// The 10-week deadline of the first PIP: from the later of BRP registration and kennisgeving,
/// plus the days of recorded pauses (waiting for information from third parties).
pub fn first_pip_deadline(
    brp_registration: Option<NaiveDate>,
    kennisgeving: Option<NaiveDate>,
    pause_days: i64,
) -> Option<NaiveDate> {
    let from = match (brp_registration, kennisgeving) {
        (Some(a), Some(b)) => a.max(b),
        (a, b) => a.or(b)?,
    };
    Some(from + Duration::days(FIRST_PIP_DAYS + pause_days.max(0)))
}

/// Checks a concept against the law before it is adopted with `adopt`. Every broken rule is an
/// error on the field it concerns, with the rule's code and a Dutch message that names it.
pub fn check_adoption(
    content: &PipContent,
    adopt: &AdoptInput,
    facts: AdoptionFacts<'_>,
    today: NaiveDate,
) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    check_date(&mut errors, "dagtekening", adopt.dagtekening, today);
    if content.leerroute.is_none() {
        errors.push(FieldError::new(
            "leerroute",
            "required",
            "is verplicht om het PIP vast te stellen",
        ));
    }
    if content.target_level.is_none() {
        errors.push(FieldError::new(
            "target_level",
            "required",
            "is verplicht om het PIP vast te stellen",
        ));
    }
    if content.goals.is_none() {
        errors.push(FieldError::new(
            "goals",
            "required",
            "is verplicht om het PIP vast te stellen",
        ));
    }
    if content.map_exemption != MapExemption::Geen && content.map_exemption_reason.is_none() {
        errors.push(FieldError::new(
            "map_exemption_reason",
            "required_with_exemption",
            "is verplicht bij een ontheffing van de MAP",
        ));
    }
    if let (Some(route), Some(level)) = (content.leerroute, content.target_level) {
        let fits = match route {
            Leerroute::ZRoute => level == CefrLevel::A1,
            Leerroute::B1 => matches!(level, CefrLevel::A2 | CefrLevel::B1 | CefrLevel::B2),
            Leerroute::Onderwijsroute => matches!(level, CefrLevel::B1 | CefrLevel::B2),
        };
        if !fits {
            errors.push(FieldError::new(
                "target_level",
                "level_fits_route",
                "past niet bij de leerroute: B1 of B2 in de B1-route en de onderwijsroute (A2 na afschalen), A1 in de Z-route",
            ));
        }
        if route == Leerroute::B1
            && level == CefrLevel::A2
            && facts.course_hours < AFSCHALEN_COURSE_HOURS
        {
            errors.push(FieldError::new(
                "target_level",
                "afschalen_600_hours",
                format!(
                    "afschalen naar A2 kan pas na minstens {} lesuren; er staan er {} in het urenoverzicht",
                    AFSCHALEN_COURSE_HOURS, facts.course_hours
                ),
            ));
        }
    }
    match facts.previous {
        None => {
            if let Some(deadline) = facts.first_pip_deadline {
                let late = adopt.dagtekening > deadline;
                let explained = adopt
                    .late_reason
                    .as_deref()
                    .is_some_and(|r| !r.trim().is_empty());
                if late && !explained {
                    errors.push(FieldError::new(
                        "late_reason",
                        "first_pip_after_10_weeks",
                        format!(
                            "is verplicht: het eerste PIP moest binnen 10 weken vastgesteld zijn (uiterlijk {})",
                            deadline.format("%d-%m-%Y")
                        ),
                    ));
                }
            }
        }
        Some(previous) => {
            if content.reason.is_none() {
                errors.push(FieldError::new(
                    "reason",
                    "required_for_new_version",
                    "is verplicht: zeg wat er verandert en waarom",
                ));
            }
            if let (Some(before), Some(after)) = (previous.leerroute, content.leerroute) {
                if before != after {
                    if content.kind == VersionKind::Verhuizing {
                        errors.push(FieldError::new(
                            "leerroute",
                            "move_keeps_route",
                            "een verhuizing naar een andere gemeente behoudt de leerroute",
                        ));
                    }
                    let always_allowed =
                        before == Leerroute::Onderwijsroute && after == Leerroute::B1;
                    if let Some(first) = facts.first_dagtekening {
                        let start = first + Duration::days(1);
                        let limit = add_months(start, ROUTE_CHANGE_MONTHS);
                        if adopt.dagtekening > limit && !always_allowed {
                            errors.push(FieldError::new(
                                "leerroute",
                                "route_change_18_months",
                                format!(
                                    "een andere leerroute kan alleen binnen 18 maanden na de start van de termijn ({}), dus uiterlijk {}; alleen van de onderwijsroute naar de B1-route mag altijd",
                                    start.format("%d-%m-%Y"),
                                    limit.format("%d-%m-%Y")
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }
    errors.into_result()
}

#[cfg(test)]
mod tests;
