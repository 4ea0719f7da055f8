use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::*;
use crate::domain::hours::HourEntryInput;
use HourCategory as C;
use PortfolioTarget as T;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 11, 29)
}

/// Builds a ledger in the order given; `-n` reverses the n-th entry (1-based).
struct Ledger(Vec<HourEntry>);

impl Ledger {
    fn new() -> Self {
        Self(Vec::new())
    }

    fn add(mut self, date: NaiveDate, category: HourCategory, quarters: i64) -> Self {
        let n = self.0.len() as i64;
        self.0.push(HourEntry {
            id: Uuid::now_v7(),
            client_id: Uuid::nil(),
            input: HourEntryInput {
                quarters: Quarters(quarters),
                ..HourEntryInput::new(date, 0, category)
            },
            reverses: None,
            reason: None,
            report_id: None,
            recorded_by: "test".into(),
            recorded_at: DateTime::<Utc>::from_timestamp(1_700_000_000 + n, 0).unwrap(),
        });
        self
    }

    fn hours(self, date: NaiveDate, category: HourCategory, hours: i64) -> Self {
        self.add(date, category, hours * 4)
    }

    fn reverse(mut self, n: usize) -> Self {
        let original = self.0[n - 1].clone();
        let mut reversal = original.clone();
        reversal.id = Uuid::now_v7();
        reversal.input.quarters = Quarters(-original.input.quarters.0);
        reversal.reverses = Some(original.id);
        reversal.reason = Some("fout".into());
        self.0.push(reversal);
        self
    }
}

fn z_route() -> Vec<RoutePeriod> {
    vec![RoutePeriod {
        route: Leerroute::ZRoute,
        from: Some(d(2025, 1, 1)),
    }]
}

fn done(p: &Portfolio, target: PortfolioTarget) -> i64 {
    p.lines.iter().find(|l| l.target == target).unwrap().done.0
}

fn required(p: &Portfolio, target: PortfolioTarget) -> Option<i64> {
    p.lines
        .iter()
        .find(|l| l.target == target)
        .unwrap()
        .required
        .map(|q| q.0)
}

fn z_statushouder(ledger: &Ledger) -> Portfolio {
    compute(
        &ledger.0,
        Some(ClientType::Statushouder),
        &z_route(),
        PortfolioPlan::default(),
        today(),
    )
}

#[test]
fn each_category_counts_where_the_rules_say() {
    // category, hours → (taal, participatie, map_theorie, map_praktijk, pvt) in hours
    let cases = [
        (C::Taal, 10, [10, 0, 0, 0, 0]),
        (C::Participatie, 10, [0, 10, 0, 0, 0]),
        (C::MapTheorie, 10, [0, 0, 10, 0, 0]),
        (C::MapPraktijk, 10, [0, 10, 0, 10, 0]),
        (C::Werk, 10, [0, 10, 0, 10, 0]),
        (C::EigenPlek, 10, [0, 10, 0, 10, 0]),
        (C::EigenPlek, 50, [0, 50, 0, 40, 0]),
        (C::Pvt, 10, [0, 0, 0, 0, 10]),
    ];
    for (category, hours, expected) in cases {
        let p = z_statushouder(&Ledger::new().hours(d(2026, 3, 2), category, hours));
        let got = T::ALL.map(|t| done(&p, t) / 4);
        assert_eq!(got, expected, "{category:?} {hours} h");
    }
}

#[test]
fn eigen_plek_crossing_forty_hours_in_one_entry() {
    let ledger =
        Ledger::new()
            .hours(d(2026, 1, 5), C::EigenPlek, 36)
            .hours(d(2026, 2, 5), C::EigenPlek, 8);
    let p = z_statushouder(&ledger);
    assert_eq!(done(&p, T::MapPraktijk), 160);
    assert_eq!(done(&p, T::Participatie), 44 * 4);
    let map = p.lines.iter().find(|l| l.target == T::MapPraktijk).unwrap();
    let counted: Vec<i64> = map.contributions.iter().map(|c| c.counted.0).collect();
    assert_eq!(counted, [144, 16], "36 h, then 4 of the 8 h");
}

#[test]
fn reversing_the_entry_that_crossed_forty_frees_the_cap_for_later_hours() {
    let ledger = Ledger::new()
        .hours(d(2026, 1, 5), C::EigenPlek, 36)
        .hours(d(2026, 2, 5), C::EigenPlek, 8)
        .reverse(2)
        .hours(d(2026, 3, 5), C::EigenPlek, 10);
    let p = z_statushouder(&ledger);
    assert_eq!(done(&p, T::MapPraktijk), 160, "36 h + 4 of the 10 h");
    assert_eq!(done(&p, T::Participatie), 46 * 4);
    let map = p.lines.iter().find(|l| l.target == T::MapPraktijk).unwrap();
    assert_eq!(map.contributions.len(), 2);
    assert_eq!(map.contributions[1].date, d(2026, 3, 5));
    assert_eq!(map.contributions[1].counted, Quarters(16));
}

#[test]
fn the_cap_follows_the_date_not_the_order_of_entry() {
    // The later-entered entry is dated first, so it takes the first 40 hours.
    let ledger =
        Ledger::new()
            .hours(d(2026, 6, 1), C::EigenPlek, 30)
            .hours(d(2026, 1, 1), C::EigenPlek, 30);
    let p = z_statushouder(&ledger);
    let map = p.lines.iter().find(|l| l.target == T::MapPraktijk).unwrap();
    let got: Vec<(NaiveDate, i64)> = map
        .contributions
        .iter()
        .map(|c| (c.date, c.counted.0))
        .collect();
    assert_eq!(got, [(d(2026, 1, 1), 120), (d(2026, 6, 1), 40)]);
}

#[test]
fn overlapping_sources_of_map_practice_and_participation_add_up() {
    let ledger = Ledger::new()
        .hours(d(2026, 1, 5), C::Werk, 30)
        .hours(d(2026, 2, 5), C::EigenPlek, 50)
        .hours(d(2026, 3, 5), C::MapPraktijk, 5)
        .hours(d(2026, 3, 6), C::Participatie, 7)
        .add(d(2026, 3, 7), C::Werk, 3);
    let p = z_statushouder(&ledger);
    assert_eq!(done(&p, T::MapPraktijk), (30 + 40 + 5) * 4 + 3);
    assert_eq!(done(&p, T::Participatie), (30 + 50 + 5 + 7) * 4 + 3);
    assert_eq!(done(&p, T::Taal), 0);
}

#[test]
fn a_reversal_cancels_its_original_only() {
    let ledger = Ledger::new()
        .hours(d(2026, 1, 5), C::Taal, 12)
        .hours(d(2026, 1, 6), C::Taal, 12)
        .reverse(1);
    let p = z_statushouder(&ledger);
    assert_eq!(done(&p, T::Taal), 48);
    let taal = &p.lines[0];
    assert_eq!(taal.contributions.len(), 1);
    assert_eq!(taal.contributions[0].entry_id, ledger.0[1].id);
}

#[test]
fn requirements_per_route_and_client_type() {
    use ClientType::*;
    use Leerroute::*;
    // route, type → required hours for (taal, participatie, map_theorie, map_praktijk, pvt)
    type Case = (Option<Leerroute>, Option<ClientType>, [Option<i64>; 5]);
    let cases: [Case; 9] = [
        (
            Some(ZRoute),
            Some(Statushouder),
            [Some(800), Some(800), None, Some(40), Some(12)],
        ),
        (
            Some(ZRoute),
            Some(Gezinsmigrant),
            [Some(800), None, None, Some(40), Some(12)],
        ),
        (
            Some(ZRoute),
            Some(OverigeMigrant),
            [Some(800), None, None, Some(40), Some(12)],
        ),
        (
            Some(ZRoute),
            None,
            [Some(800), None, None, Some(40), Some(12)],
        ),
        (
            Some(B1),
            Some(Statushouder),
            [None, None, None, Some(40), Some(12)],
        ),
        (
            Some(B1),
            Some(Gezinsmigrant),
            [None, None, None, Some(40), Some(12)],
        ),
        (
            Some(Onderwijsroute),
            Some(Statushouder),
            [None, None, None, None, Some(12)],
        ),
        (
            Some(Onderwijsroute),
            None,
            [None, None, None, None, Some(12)],
        ),
        (None, Some(Statushouder), [None; 5]),
    ];
    for (route, client_type, expected) in cases {
        let routes: Vec<RoutePeriod> = route
            .map(|route| RoutePeriod { route, from: None })
            .into_iter()
            .collect();
        let p = compute(&[], client_type, &routes, PortfolioPlan::default(), today());
        let got = T::ALL.map(|t| required(&p, t).map(|q| q / 4));
        assert_eq!(got, expected, "{route:?} {client_type:?}");
        assert_eq!(p.route, route);
    }
}

#[test]
fn the_route_that_counts_is_the_current_one() {
    let routes = [
        RoutePeriod {
            route: Leerroute::B1,
            from: Some(d(2024, 1, 1)),
        },
        RoutePeriod {
            route: Leerroute::ZRoute,
            from: Some(d(2025, 6, 1)),
        },
    ];
    let client = Some(ClientType::Statushouder);
    let before = compute(
        &[],
        client,
        &routes,
        PortfolioPlan::default(),
        d(2025, 5, 31),
    );
    let after = compute(
        &[],
        client,
        &routes,
        PortfolioPlan::default(),
        d(2025, 6, 1),
    );
    assert_eq!(required(&before, T::Participatie), None);
    assert_eq!(required(&after, T::Participatie), Some(3200));
}

#[test]
fn afschalen_needs_six_hundred_course_hours() {
    let routes = [RoutePeriod {
        route: Leerroute::B1,
        from: None,
    }];
    for (quarters, allowed) in [(2399, false), (2400, true), (2401, true)] {
        let ledger = Ledger::new().add(d(2026, 1, 5), C::Taal, quarters);
        let p = compute(&ledger.0, None, &routes, PortfolioPlan::default(), today());
        assert_eq!(p.afschalen_allowed, allowed, "{quarters} quarters");
    }
}

#[test]
fn planned_pace_is_a_straight_line_from_course_start_to_termijn_end() {
    let plan = PortfolioPlan {
        start: Some(d(2025, 1, 1)),
        end: Some(d(2027, 1, 1)),
    };
    // 730 days; 800 h = 3200 quarters.
    let cases = [
        (d(2024, 12, 31), 0),
        (d(2025, 1, 1), 0),
        (d(2026, 1, 1), 3200 * 365 / 730),
        (d(2027, 1, 1), 3200),
        (d(2027, 6, 1), 3200),
    ];
    let routes = [RoutePeriod {
        route: Leerroute::ZRoute,
        from: None,
    }];
    for (day, expected) in cases {
        let p = compute(&[], None, &routes, plan, day);
        assert_eq!(p.lines[0].planned, Some(Quarters(expected)), "{day}");
    }
    let none = compute(&[], None, &z_route(), PortfolioPlan::default(), today());
    assert_eq!(none.lines[0].planned, None);
}

#[test]
fn behind_means_under_85_percent_of_the_planned_pace() {
    let plan = PortfolioPlan {
        start: Some(d(2025, 1, 1)),
        end: Some(d(2027, 1, 1)),
    };
    let day = d(2026, 1, 1); // planned 1600 quarters (400 h)
    for (quarters, behind) in [(1359, true), (1360, false), (1600, false)] {
        let ledger = Ledger::new().add(d(2025, 6, 1), C::Taal, quarters);
        let p = compute(&ledger.0, None, &z_route(), plan, day);
        assert_eq!(p.lines[0].behind, behind, "{quarters}");
    }
}

#[test]
fn complete_when_every_requirement_of_the_route_is_met() {
    let full = Ledger::new()
        .hours(d(2026, 1, 5), C::Taal, 800)
        .hours(d(2026, 1, 5), C::Werk, 800)
        .hours(d(2026, 1, 5), C::Pvt, 12);
    assert!(z_statushouder(&full).complete);
    let short = Ledger::new()
        .hours(d(2026, 1, 5), C::Taal, 800)
        .hours(d(2026, 1, 5), C::Werk, 800)
        .add(d(2026, 1, 5), C::Pvt, 47);
    assert!(!z_statushouder(&short).complete);
    let no_route = compute(&full.0, None, &[], PortfolioPlan::default(), today());
    assert!(!no_route.complete);
}
