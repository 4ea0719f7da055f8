//! The portfolio: what the hours ledger adds up to against the requirements of the client's
//! route (domain page §4). Requirements and counting rules are tables, not branches, so each
//! rule is one row that a test can name.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::client::ClientType;
use super::hours::{HourCategory, HourEntry, HourSource, Quarters};
use super::route::{current_route, Leerroute, RoutePeriod};

/// What hours count towards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PortfolioTarget {
    /// Course hours (language incl. KNM): the 600-hour afschalen rule, the Z-route's 800.
    Taal,
    /// The Z-route's 800 participation hours.
    Participatie,
    MapTheorie,
    MapPraktijk,
    Pvt,
}

impl PortfolioTarget {
    pub const ALL: [Self; 5] = [
        Self::Taal,
        Self::Participatie,
        Self::MapTheorie,
        Self::MapPraktijk,
        Self::Pvt,
    ];
}

/// Hours a route asks of a client type (`None`: every client type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirement {
    pub route: Leerroute,
    pub client_type: Option<ClientType>,
    pub target: PortfolioTarget,
    pub required: Quarters,
}

const fn req(
    route: Leerroute,
    client_type: Option<ClientType>,
    target: PortfolioTarget,
    hours: i64,
) -> Requirement {
    Requirement {
        route,
        client_type,
        target,
        required: Quarters::hours(hours),
    }
}

/// Requirements per route × client type (domain page §2 steps 7–9). Gezins- and overige
/// migranten in the Z-route owe the 800 course hours but not the 800 participation hours.
pub const REQUIREMENTS: &[Requirement] = {
    use ClientType::Statushouder;
    use Leerroute::{Onderwijsroute, ZRoute, B1};
    use PortfolioTarget::{MapPraktijk, Participatie, Pvt, Taal};
    &[
        req(ZRoute, None, Taal, 800),
        req(ZRoute, Some(Statushouder), Participatie, 800),
        req(B1, None, MapPraktijk, 40),
        req(ZRoute, None, MapPraktijk, 40),
        req(B1, None, Pvt, 12),
        req(Onderwijsroute, None, Pvt, 12),
        req(ZRoute, None, Pvt, 12),
    ]
};

/// One counting rule: hours of `category` count towards `target`, at most the first `cap` of
/// them (in date order) when a cap is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountingRule {
    pub category: HourCategory,
    pub target: PortfolioTarget,
    pub cap: Option<Quarters>,
}

const fn counts(
    category: HourCategory,
    target: PortfolioTarget,
    cap: Option<Quarters>,
) -> CountingRule {
    CountingRule {
        category,
        target,
        cap,
    }
}

/// Domain page §4: werk counts to MAP practice and Z participation; map_praktijk counts to Z
/// participation; the first 40 hours of eigen_plek count to MAP practice, all of it to Z
/// participation.
pub const COUNTING_RULES: &[CountingRule] = {
    use HourCategory as C;
    use PortfolioTarget as T;
    &[
        counts(C::Taal, T::Taal, None),
        counts(C::Participatie, T::Participatie, None),
        counts(C::MapTheorie, T::MapTheorie, None),
        counts(C::MapPraktijk, T::MapPraktijk, None),
        counts(C::MapPraktijk, T::Participatie, None),
        counts(C::Werk, T::MapPraktijk, None),
        counts(C::Werk, T::Participatie, None),
        counts(C::EigenPlek, T::MapPraktijk, Some(Quarters::hours(40))),
        counts(C::EigenPlek, T::Participatie, None),
        counts(C::Pvt, T::Pvt, None),
    ]
};

/// Afschalen to A2 exams needs at least this many course hours (domain page §2 step 7).
pub const AFSCHALEN_COURSE_HOURS: Quarters = Quarters::hours(600);

/// Actual hours below this share of the planned pace count as behind (domain page §3).
pub const BEHIND_PCT: i64 = 85;

/// The straight line the hours should follow: from the course start to the termijn end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PortfolioPlan {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// One entry's share of a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Contribution {
    pub entry_id: Uuid,
    pub date: NaiveDate,
    pub category: HourCategory,
    pub source: HourSource,
    pub provider: Option<String>,
    pub counted: Quarters,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PortfolioLine {
    pub target: PortfolioTarget,
    /// `None` when the route asks nothing of this kind (or the route is not known yet).
    pub required: Option<Quarters>,
    pub done: Quarters,
    /// Where the straight line from the plan's start to its end is today.
    pub planned: Option<Quarters>,
    /// Done is under [`BEHIND_PCT`] % of planned.
    pub behind: bool,
    /// The entries behind `done`, oldest first.
    pub contributions: Vec<Contribution>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Portfolio {
    pub route: Option<Leerroute>,
    pub lines: Vec<PortfolioLine>,
    /// Course hours for the afschalen rule.
    pub afschalen_threshold: Quarters,
    pub afschalen_allowed: bool,
    /// Every requirement of the route is met (false while the route is unknown).
    pub complete: bool,
}

/// Computes the portfolio on `today` from every ledger entry of the client (reversed entries
/// and their reversals cancel out), the requirement table and the route history.
pub fn compute(
    entries: &[HourEntry],
    client_type: Option<ClientType>,
    routes: &[RoutePeriod],
    plan: PortfolioPlan,
    today: NaiveDate,
) -> Portfolio {
    let reversed: HashSet<Uuid> = entries.iter().filter_map(|e| e.reverses).collect();
    let mut active: Vec<&HourEntry> = entries
        .iter()
        .filter(|e| e.reverses.is_none() && !reversed.contains(&e.id) && e.input.date <= today)
        .collect();
    active.sort_by_key(|e| (e.input.date, e.recorded_at, e.id));

    let route = current_route(routes, today).map(|p| p.route);
    let mut lines: Vec<PortfolioLine> = PortfolioTarget::ALL
        .iter()
        .map(|&target| {
            let required = route.and_then(|route| {
                REQUIREMENTS
                    .iter()
                    .find(|r| {
                        r.route == route
                            && r.target == target
                            && r.client_type.is_none_or(|t| Some(t) == client_type)
                    })
                    .map(|r| r.required)
            });
            PortfolioLine {
                target,
                required,
                done: Quarters(0),
                planned: None,
                behind: false,
                contributions: Vec::new(),
            }
        })
        .collect();

    for rule in COUNTING_RULES {
        let line = lines
            .iter_mut()
            .find(|l| l.target == rule.target)
            .expect("every target has a line");
        let mut counted_so_far = 0;
        for entry in active.iter().filter(|e| e.input.category == rule.category) {
            let mut counted = entry.input.quarters.0;
            if let Some(cap) = rule.cap {
                counted = counted.min(cap.0 - counted_so_far).max(0);
            }
            counted_so_far += counted;
            if counted > 0 {
                line.done.0 += counted;
                line.contributions.push(Contribution {
                    entry_id: entry.id,
                    date: entry.input.date,
                    category: entry.input.category,
                    source: entry.input.source,
                    provider: entry.input.provider.clone(),
                    counted: Quarters(counted),
                });
            }
        }
    }

    for line in &mut lines {
        line.contributions.sort_by_key(|c| (c.date, c.entry_id));
        if let Some(required) = line.required {
            line.planned = planned(required, plan, today);
            line.behind = line
                .planned
                .is_some_and(|p| line.done.0 * 100 < p.0 * BEHIND_PCT);
        }
    }
    let course = lines[0].done;
    let complete = route.is_some() && lines.iter().all(|l| l.required.is_none_or(|r| l.done >= r));
    Portfolio {
        route,
        lines,
        afschalen_threshold: AFSCHALEN_COURSE_HOURS,
        afschalen_allowed: course >= AFSCHALEN_COURSE_HOURS,
        complete,
    }
}

/// The straight-line share of `required` on `today`, rounded down to a quarter hour.
fn planned(required: Quarters, plan: PortfolioPlan, today: NaiveDate) -> Option<Quarters> {
    let (start, end) = (plan.start?, plan.end?);
    let span = (end - start).num_days();
    if span <= 0 {
        return None;
    }
    let elapsed = (today - start).num_days().clamp(0, span);
    Some(Quarters(required.0 * elapsed / span))
}

#[cfg(test)]
mod tests;
