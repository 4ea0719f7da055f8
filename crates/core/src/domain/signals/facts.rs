//! What the rules look at: one client's facts, as the store gathers them for many clients at
//! once, and what follows from them (computed once per client).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::client::{ClientStatus, ClientType};
use crate::domain::hours::{HourCategory, HourEntry, Quarters};
use crate::domain::level::CefrLevel;
use crate::domain::pip::{first_pip_deadline, MapExemption, VersionKind};
use crate::domain::portfolio::{self, Portfolio, PortfolioPlan};
use crate::domain::route::{current_route, Leerroute, RoutePeriod};
use crate::domain::termijn::{termijn_end, ExemptionKind};
use crate::domain::{ContactOutcome, ExamPart};

/// An adopted PIP version, as far as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdoptedPip {
    /// Unknown for versions migrated from a previous system.
    pub dagtekening: Option<NaiveDate>,
    pub kind: VersionKind,
    pub leerroute: Option<Leerroute>,
    pub map_exemption: MapExemption,
    pub waiting_list_date: Option<NaiveDate>,
    pub course_start_date: Option<NaiveDate>,
}

/// A language school's progress report, as far as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFact {
    pub period_end: NaiveDate,
    pub stagnating: bool,
    /// The highest level of any skill.
    pub highest: Option<CefrLevel>,
}

/// Serialisable so the store can keep each client's facts between Werkvoorraads
/// (store/signals/cache.rs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientFacts {
    pub client_type: Option<ClientType>,
    pub status: ClientStatus,
    pub birth_date: Option<NaiveDate>,
    pub brp_registration_date: Option<NaiveDate>,
    pub kennisgeving_date: Option<NaiveDate>,
    /// Days of recorded pauses of the first PIP's 10 weeks.
    pub pause_days: i64,
    pub intake_completed: bool,
    /// On social assistance (the intake's income, or financieel ontzorgen).
    pub social_assistance: bool,
    /// Adopted PIP versions, in the order they were adopted.
    pub pips: Vec<AdoptedPip>,
    /// The new end of DUO's latest extension.
    pub latest_extension_end: Option<NaiveDate>,
    /// DUO's latest exemption.
    pub exemption: Option<ExemptionKind>,
    #[serde(with = "compact_hours")]
    pub hours: Vec<HourEntry>,
    pub reports: Vec<ReportFact>,
    pub passed_exams: Vec<ExamPart>,
    /// Dates of absences, and whether each is excused.
    pub absences: Vec<(NaiveDate, bool)>,
    pub contacts: Vec<(NaiveDate, ContactOutcome)>,
    pub conversations: Vec<NaiveDate>,
    pub pvt_signed: Option<NaiveDate>,
    pub map_completed: bool,
    pub ontzorgen_ends: Vec<NaiveDate>,
    pub begeleiding_ends: Vec<NaiveDate>,
    /// Referred to the Participatiewet consultant or the work-placement provider.
    pub referred_to_work: bool,
    /// The dossier is closed (afgesloten): no deadline applies any more.
    pub closed: bool,
}

impl ClientFacts {
    /// A client with nothing recorded but the type and the registration date.
    pub fn new(client_type: Option<ClientType>, brp: Option<NaiveDate>) -> Self {
        Self {
            client_type,
            status: ClientStatus::Aangemeld,
            birth_date: None,
            brp_registration_date: brp,
            kennisgeving_date: None,
            pause_days: 0,
            intake_completed: false,
            social_assistance: false,
            pips: Vec::new(),
            latest_extension_end: None,
            exemption: None,
            hours: Vec::new(),
            reports: Vec::new(),
            passed_exams: Vec::new(),
            absences: Vec::new(),
            contacts: Vec::new(),
            conversations: Vec::new(),
            pvt_signed: None,
            map_completed: false,
            ontzorgen_ends: Vec::new(),
            begeleiding_ends: Vec::new(),
            referred_to_work: false,
            closed: false,
        }
    }
}

/// What follows from the facts, computed once for all rules.
pub(super) struct Derived {
    pub first_pip_deadline: Option<NaiveDate>,
    pub adopted: bool,
    pub termijn_start: Option<NaiveDate>,
    pub termijn_end: Option<NaiveDate>,
    pub route: Option<Leerroute>,
    pub latest: Option<AdoptedPip>,
    pub portfolio: Option<Portfolio>,
    /// The leerroute is finished (exams passed; the Z-route's eindgesprek and portfolio).
    pub route_done: bool,
    pub obligation_complete: bool,
}

impl Derived {
    pub fn new(facts: &ClientFacts, today: NaiveDate) -> Self {
        let first_dagtekening = facts.pips.iter().find_map(|p| p.dagtekening);
        let termijn_start = first_dagtekening.and_then(|d| d.succ_opt());
        let termijn_end = termijn_end(first_dagtekening, facts.latest_extension_end);
        let history: Vec<RoutePeriod> = facts
            .pips
            .iter()
            .filter_map(|p| {
                p.leerroute.map(|route| RoutePeriod {
                    route,
                    from: p.dagtekening.and_then(|d| d.succ_opt()),
                })
            })
            .collect();
        let route = current_route(&history, today).map(|p| p.route);
        let latest = facts.pips.last().cloned();
        let portfolio = (!facts.pips.is_empty()).then(|| {
            let plan = PortfolioPlan {
                start: latest.as_ref().and_then(|p| p.course_start_date),
                end: termijn_end,
            };
            portfolio::compute(&facts.hours, facts.client_type, &history, plan, today)
        });
        let mut derived = Self {
            first_pip_deadline: first_pip_deadline(
                facts.brp_registration_date,
                facts.kennisgeving_date,
                facts.pause_days,
            ),
            adopted: !facts.pips.is_empty(),
            termijn_start,
            termijn_end,
            route,
            latest,
            portfolio,
            route_done: false,
            obligation_complete: false,
        };
        derived.route_done = derived.route_finished(facts);
        derived.obligation_complete = derived.route_done
            && facts.pvt_signed.is_some()
            && (!derived.map_owed() || facts.map_completed);
        derived
    }

    /// MAP is owed: B1- or Z-route, not exempted in the PIP.
    pub fn map_owed(&self) -> bool {
        matches!(self.route, Some(Leerroute::B1 | Leerroute::ZRoute))
            && self
                .latest
                .as_ref()
                .is_none_or(|p| p.map_exemption != MapExemption::Volledig)
    }

    /// Hours of `target` done (portfolio counting rules).
    pub fn done(&self, target: portfolio::PortfolioTarget) -> Quarters {
        self.portfolio
            .as_ref()
            .and_then(|p| p.lines.iter().find(|l| l.target == target))
            .map_or(Quarters(0), |l| l.done)
    }

    /// Every exam part passed; for the Z-route the eindgesprek and the portfolio.
    fn route_finished(&self, facts: &ClientFacts) -> bool {
        let passed = |part| facts.passed_exams.contains(&part);
        match self.route {
            Some(Leerroute::ZRoute) => {
                passed(ExamPart::Eindgesprek) && self.portfolio.as_ref().is_some_and(|p| p.complete)
            }
            Some(Leerroute::B1 | Leerroute::Onderwijsroute) => [
                ExamPart::Lezen,
                ExamPart::Luisteren,
                ExamPart::Spreken,
                ExamPart::Schrijven,
                ExamPart::Knm,
            ]
            .into_iter()
            .all(passed),
            None => false,
        }
    }
}

/// Course (taal) hours logged up to and including `day`.
pub(super) fn course_hours_until(hours: &[HourEntry], day: NaiveDate) -> Quarters {
    Quarters(
        hours
            .iter()
            .filter(|e| e.input.category == HourCategory::Taal && e.input.date <= day)
            .map(|e| e.input.quarters.0)
            .sum(),
    )
}

/// The hours as the rules read them, in a fraction of a full entry's size: each entry as its
/// day, category, quarters and which entry it reverses (by position). Ids, sources and notes are
/// not kept: the rules read none of them.
mod compact_hours {
    use std::collections::HashMap;

    use chrono::{DateTime, Datelike, NaiveDate};
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serializer};
    use uuid::Uuid;

    use crate::domain::hours::{HourCategory, HourEntry, HourEntryInput, HourSource, Quarters};

    type Compact = (i32, HourCategory, i64, Option<u32>);

    pub fn serialize<S: Serializer>(hours: &[HourEntry], s: S) -> Result<S::Ok, S::Error> {
        let position: HashMap<Uuid, u32> = hours
            .iter()
            .zip(0..)
            .map(|(entry, i)| (entry.id, i))
            .collect();
        s.collect_seq(hours.iter().map(|e| -> Compact {
            (
                e.input.date.num_days_from_ce(),
                e.input.category,
                e.input.quarters.0,
                // An entry it reverses that is not among these stays unknown, as before.
                e.reverses
                    .map(|r| position.get(&r).copied().unwrap_or(u32::MAX)),
            )
        }))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<HourEntry>, D::Error> {
        let id = |i: u32| Uuid::from_u128(u128::from(i) + 1);
        Vec::<Compact>::deserialize(d)?
            .into_iter()
            .zip(0..)
            .map(|((day, category, quarters, reverses), i)| {
                let date = NaiveDate::from_num_days_from_ce_opt(day)
                    .ok_or_else(|| D::Error::custom(format!("day {day}")))?;
                Ok(HourEntry {
                    id: id(i),
                    client_id: Uuid::nil(),
                    input: HourEntryInput {
                        date,
                        quarters: Quarters(quarters),
                        category,
                        source: HourSource::Consultant,
                        provider: None,
                        note: None,
                    },
                    reverses: reverses.map(id),
                    reason: None,
                    report_id: None,
                    recorded_by: String::new(),
                    recorded_at: DateTime::UNIX_EPOCH,
                })
            })
            .collect()
    }
}
