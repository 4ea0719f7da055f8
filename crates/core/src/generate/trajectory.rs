//! Generated records of the trajectory after the PIP: begeleiding and ontzorgen for
//! statushouders, progress conversations every few months, PVT meetings and the statement, MAP
//! themes, now and then a referral, work, an enforcement case, and the closing of closed cases.

use chrono::{Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;

use crate::domain::trajectory::*;
use crate::domain::{ClientStatus, ClientType, Quarters};

/// An example regulation, so the demo's handhaving screen has articles to choose from.
pub fn demo_fine_rules() -> Vec<FineRule> {
    vec![
        FineRule {
            code: "art. 3 lid 1".into(),
            description: "Niet meewerken aan de brede intake".into(),
            trigger: Some(EnforcementTrigger::IntakeNietMeegewerkt),
            max_cents: 25_000,
        },
        FineRule {
            code: "art. 3 lid 2".into(),
            description: "Afspraken uit het PIP niet nakomen".into(),
            trigger: None,
            max_cents: 80_000,
        },
    ]
}

/// Prices for the invented language schools (the 2022, 2024 and 2025 figures of the domain page's
/// first provider), so the demo's SPUK forecast and invoice check have prices to work with.
pub fn demo_prices() -> Vec<crate::domain::money::CoursePrice> {
    use crate::domain::money::{CoursePrice, CourseProduct};
    let mut prices = Vec::new();
    for provider in super::PROVIDERS {
        for (product, amounts) in [
            (CourseProduct::B1Route, [795_000, 843_495, 891_574]),
            (CourseProduct::ZRoute, [905_000, 960_205, 1_014_937]),
        ] {
            for (from_year, cents) in [2022, 2024, 2025].into_iter().zip(amounts) {
                prices.push(CoursePrice {
                    provider: Some(provider.to_owned()),
                    product,
                    from_year,
                    cents,
                });
            }
        }
    }
    prices
}

/// The records, and enforcement cases with the dates of their warnings.
#[derive(Debug, Clone, Default)]
pub struct GeneratedTrajectory {
    pub records: Vec<TrajectoryInput>,
    pub cases: Vec<(EnforcementCase, Vec<NaiveDate>)>,
}

/// What the generator decided about a client that the records follow from.
pub struct Facts {
    pub client_type: ClientType,
    pub status: ClientStatus,
    pub brp: NaiveDate,
    pub housing: Option<NaiveDate>,
    pub dagtekening: Option<NaiveDate>,
    pub course_start: Option<NaiveDate>,
    pub z_route: bool,
    pub today: NaiveDate,
}

const CONVERSATIONS: &[&str] = &[
    "Gaat goed met de les; oefent thuis met de kinderen",
    "Vindt spreken lastig; wil graag een taalmaatje",
    "Kinderopvang geregeld, kan nu alle lessen volgen",
    "Zoekt vrijwilligerswerk in de buurt",
    "Zorgen over de huur besproken; budgetcoach ingeschakeld",
];
const AGREEMENTS: &[&str] = &[
    "Aanmelden bij het taalcafé van de bibliotheek",
    "Volgende keer het cv meenemen",
    "Contact opnemen met de huisarts over slaapproblemen",
    "Twee keer per week oefenen met de app van de taalschool",
];
const EMPLOYERS: &[&str] = &[
    "Bakkerij Van Dam",
    "Kwekerij De Bollenhof",
    "Zorgcentrum Duinzicht",
    "Supermarkt Hillegom-Centrum",
    "Schoonmaakbedrijf Noordwijk",
];
const COACHES: &[&str] = &["F. Janssen", "M. de Boer", "R. Bakker", "S. Visser"];

pub fn generate(rng: &mut StdRng, f: &Facts) -> GeneratedTrajectory {
    let mut out = GeneratedTrajectory::default();
    let today = f.today;
    let records = &mut out.records;
    if f.client_type == ClientType::Statushouder {
        let housing = f.housing.unwrap_or(f.brp);
        records.push(TrajectoryInput::Begeleiding(Begeleiding {
            organisation: "VluchtelingenWerk Nederland".into(),
            contact_person: COACHES.choose(rng).map(|c| (*c).to_owned()),
            start: housing,
            end: None,
            walk_in_until: None,
            note: None,
        }));
        if rng.random_bool(0.7) {
            let start = f.brp + Duration::days(rng.random_range(0..21));
            if start <= today {
                records.push(TrajectoryInput::Ontzorgen(Ontzorgen {
                    start,
                    months: ONTZORGEN_MONTHS,
                    extended_until: None,
                    huur_from: Some(start),
                    zorgverzekering_from: rng.random_bool(0.5).then_some(start),
                    energie_from: None,
                    water_from: None,
                    // The known failure: rent withheld and still collected.
                    rent_collected_by_corporation: rng.random_bool(0.05),
                    budget_coach: rng
                        .random_bool(0.3)
                        .then(|| COACHES.choose(rng).map(|c| (*c).to_owned()))
                        .flatten(),
                    note: None,
                }));
            }
        }
    }
    let Some(dagtekening) = f.dagtekening else {
        return out;
    };
    // Progress conversations every three to five months after the PIP.
    let mut date = dagtekening + Duration::days(rng.random_range(40..90));
    while date <= today {
        let next = date + Duration::days(rng.random_range(90..150));
        records.push(TrajectoryInput::Conversation(ProgressConversation {
            date,
            attendees: rng.random_bool(0.2).then(|| "Partner".to_owned()),
            interpreter: rng.random_bool(0.4).then(|| "Tolkentelefoon".to_owned()),
            notes: CONVERSATIONS.choose(rng).map(|n| (*n).to_owned()),
            agreements: AGREEMENTS.choose(rng).map(|a| (*a).to_owned()),
            next_date: Some(next),
        }));
        date = next;
    }
    let Some(course_start) = f.course_start else {
        return out;
    };
    // Four PVT meetings of three hours, three weeks apart, then the statement.
    let values = [
        CoreValue::Vrijheid,
        CoreValue::Gelijkwaardigheid,
        CoreValue::Solidariteit,
        CoreValue::Participatie,
    ];
    for (k, topic) in (0i64..).zip(values) {
        let date = course_start + Duration::days(60 + k * 21);
        if date <= today {
            records.push(TrajectoryInput::PvtMeeting(PvtMeeting {
                date,
                quarters: Quarters::hours(3),
                topic: Some(topic),
                note: None,
            }));
        }
    }
    let signed_on = course_start + Duration::days(60 + 3 * 21 + 14);
    if signed_on <= today {
        records.push(TrajectoryInput::PvtStatement(PvtStatement {
            signed_on,
            note: None,
        }));
    }
    // MAP themes, one a month from the ninth month of the course.
    let months = (today - course_start).num_days() / 30;
    for (k, theme) in (0i64..)
        .zip(MapTheme::ALL)
        .take((months - 9).clamp(0, 8) as usize)
    {
        records.push(TrajectoryInput::MapTheme(MapThemeDone {
            theme,
            date: course_start + Duration::days(30 * (9 + k)),
            note: None,
        }));
    }
    if f.client_type == ClientType::Statushouder && months >= 12 && rng.random_bool(0.5) {
        records.push(TrajectoryInput::Referral(Referral {
            target: ReferralTarget::ParticipatiewetConsulent,
            target_other: None,
            date: (course_start + Duration::days(365)).min(today),
            reason: "A1 bereikt; klaar voor een werkfit-traject".into(),
            outcome: rng
                .random_bool(0.6)
                .then(|| "Aangemeld bij het werkbedrijf".to_owned()),
            outcome_date: None,
        }));
        if let Some(TrajectoryInput::Referral(r)) = records.last_mut() {
            r.outcome_date = r
                .outcome
                .as_ref()
                .map(|_| (r.date + Duration::days(30)).min(today));
        }
    }
    if rng.random_bool(0.08) {
        let date = (f.brp + Duration::days(rng.random_range(30..200))).min(today);
        records.push(TrajectoryInput::Referral(Referral {
            target: *[
                ReferralTarget::Huisarts,
                ReferralTarget::Schuldhulpverlening,
                ReferralTarget::Ggz,
            ]
            .choose(rng)
            .unwrap_or(&ReferralTarget::Huisarts),
            target_other: None,
            date,
            reason: "Signaal uit het voortgangsgesprek".into(),
            outcome: None,
            outcome_date: None,
        }));
    }
    if months >= 12 && rng.random_bool(0.15) {
        let start = course_start + Duration::days(rng.random_range(365..(months * 30).max(366)));
        if start <= today {
            records.push(TrajectoryInput::Work(WorkPeriod {
                kind: if f.z_route || rng.random_bool(0.4) {
                    WorkKind::Werkervaringsplek
                } else {
                    WorkKind::BetaaldWerk
                },
                employer: EMPLOYERS.choose(rng).map_or("Werkgever", |e| e).to_owned(),
                start,
                end: None,
                quarters_per_week: Quarters::hours(rng.random_range(8..25)),
                note: None,
            }));
        }
    }
    if rng.random_bool(0.04) {
        let opened_on = (course_start + Duration::days(rng.random_range(30..300))).min(today);
        let warned = (opened_on + Duration::days(14)).min(today);
        out.cases.push((
            EnforcementCase {
                trigger: EnforcementTrigger::AfspraakNietNagekomen,
                opened_on,
                investigation: Some(
                    "Twee afspraken gemist; geen bericht. Gebeld: wist niet dat het verplicht was"
                        .into(),
                ),
                decision: Some(EnforcementDecision::Waarschuwing),
                decided_on: Some(warned),
                culpability: None,
                fine_rule: None,
                fine_cents: None,
                note: None,
            },
            vec![warned],
        ));
    }
    let reason = match f.status {
        ClientStatus::Afgerond if f.z_route => Some(ClosingReason::ZRouteEindgesprek),
        ClientStatus::Afgerond => Some(ClosingReason::Diploma),
        ClientStatus::Ontheffing => Some(ClosingReason::Ontheffing),
        ClientStatus::Verhuisd => Some(ClosingReason::Verhuisd),
        ClientStatus::Beeindigd => Some(ClosingReason::Beeindigd),
        _ => None,
    };
    if let Some(reason) = reason {
        if reason == ClosingReason::Diploma || reason == ClosingReason::ZRouteEindgesprek {
            out.records.push(TrajectoryInput::MapClosing(MapClosing {
                date: (today - Duration::days(40)).max(course_start).min(today),
                result: MapResult::Voltooid,
                reason: None,
                culpable: None,
                note: None,
            }));
        }
        out.records.push(TrajectoryInput::Closing(Closing {
            reason,
            date: today - Duration::days(rng.random_range(1..30)),
            note: None,
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{caseload, demo_identity, demo_options};
    use super::*;

    #[test]
    fn generated_records_keep_the_rules_and_cover_every_kind() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut options = demo_options(&demo_identity(), today);
        options.clients = 400;
        let rules = demo_fine_rules();
        let mut kinds = std::collections::BTreeSet::new();
        for client in caseload(&options) {
            let ctx = RecordContext {
                today,
                client_type: client.input.client_type,
                fine_rules: &rules,
                warnings: &[],
                case_opened_on: None,
            };
            for record in &client.trajectory.records {
                let result = match record {
                    TrajectoryInput::Conversation(r) => r.validate(&ctx),
                    TrajectoryInput::PvtMeeting(r) => r.validate(&ctx),
                    TrajectoryInput::PvtStatement(r) => r.validate(&ctx),
                    TrajectoryInput::MapTheme(r) => r.validate(&ctx),
                    TrajectoryInput::MapClosing(r) => r.validate(&ctx),
                    TrajectoryInput::Enforcement(r) => r.validate(&ctx),
                    TrajectoryInput::Warning(r) => r.validate(&ctx),
                    TrajectoryInput::Ontzorgen(r) => r.validate(&ctx),
                    TrajectoryInput::Begeleiding(r) => r.validate(&ctx),
                    TrajectoryInput::Referral(r) => r.validate(&ctx),
                    TrajectoryInput::Work(r) => r.validate(&ctx),
                    TrajectoryInput::Closing(r) => r.validate(&ctx),
                };
                assert!(result.is_ok(), "{record:?}: {result:?}");
                kinds.insert(record.table());
            }
            for (case, warnings) in &client.trajectory.cases {
                let ctx = RecordContext { warnings, ..ctx };
                assert!(case.validate(&ctx).is_ok(), "{case:?}");
                kinds.insert(case_table());
            }
            let closings = client
                .trajectory
                .records
                .iter()
                .filter(|r| matches!(r, TrajectoryInput::Closing(_)))
                .count();
            let closed = matches!(
                client.input.status,
                ClientStatus::Afgerond
                    | ClientStatus::Ontheffing
                    | ClientStatus::Verhuisd
                    | ClientStatus::Beeindigd
            );
            assert_eq!(closings, usize::from(closed), "{:?}", client.input.status);
        }
        assert_eq!(
            kinds.len(),
            11,
            "every kind but the warning record: {kinds:?}"
        );
    }

    fn case_table() -> &'static str {
        EnforcementCase::TABLE
    }
}
