//! The leerroute and a client's route history (domain page §2 step 7).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Leerroute {
    B1,
    Onderwijsroute,
    ZRoute,
}

impl Leerroute {
    pub const ALL: [Self; 3] = [Self::B1, Self::Onderwijsroute, Self::ZRoute];

    pub fn title(self) -> &'static str {
        match self {
            Self::B1 => "B1-route",
            Self::Onderwijsroute => "Onderwijsroute",
            Self::ZRoute => "Z-route",
        }
    }
}

/// One period of the route history: the route that applies from `from` (unknown for routes
/// migrated from an older system) until the next period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RoutePeriod {
    pub route: Leerroute,
    pub from: Option<NaiveDate>,
}

/// The route on `today`: the last period that has started (a period without a start date
/// counts as started). `history` is in the order the routes were decided.
pub fn current_route(history: &[RoutePeriod], today: NaiveDate) -> Option<RoutePeriod> {
    history
        .iter()
        .rev()
        .find(|p| p.from.is_none_or(|from| from <= today))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn current_route_is_the_last_started_period() {
        let b1 = RoutePeriod {
            route: Leerroute::B1,
            from: Some(d(2024, 3, 1)),
        };
        let z = RoutePeriod {
            route: Leerroute::ZRoute,
            from: Some(d(2025, 6, 1)),
        };
        let unknown = RoutePeriod {
            route: Leerroute::Onderwijsroute,
            from: None,
        };
        let cases = [
            (vec![], d(2026, 1, 1), None),
            (vec![b1], d(2024, 2, 29), None),
            (vec![b1], d(2024, 3, 1), Some(Leerroute::B1)),
            (vec![b1, z], d(2025, 5, 31), Some(Leerroute::B1)),
            (vec![b1, z], d(2025, 6, 1), Some(Leerroute::ZRoute)),
            (
                vec![unknown],
                d(2022, 1, 1),
                Some(Leerroute::Onderwijsroute),
            ),
            (
                vec![unknown, b1],
                d(2024, 1, 1),
                Some(Leerroute::Onderwijsroute),
            ),
        ];
        for (history, today, route) in cases {
            assert_eq!(
                current_route(&history, today).map(|p| p.route),
                route,
                "{history:?} on {today}"
            );
        }
    }
}
