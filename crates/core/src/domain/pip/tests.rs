use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2027, 12, 31)
}

fn content(route: Leerroute, level: CefrLevel) -> PipContent {
    PipContent {
        leerroute: Some(route),
        target_level: Some(level),
        goals: Some("Werk in de zorg".into()),
        reason: Some("Voortgang".into()),
        ..PipContent::first()
    }
}

fn adopt(dagtekening: NaiveDate) -> AdoptInput {
    AdoptInput {
        dagtekening,
        late_reason: None,
    }
}

fn rules(result: Result<(), ValidationErrors>) -> Vec<String> {
    result
        .err()
        .map(|e| e.0.into_iter().map(|e| e.rule).collect())
        .unwrap_or_default()
}

/// First PIP dated 2025-03-10: the termijn starts 2025-03-11; 18 months later is 2026-09-11.
fn after_first<'a>(previous: &'a PipContent, hours: i64) -> AdoptionFacts<'a> {
    AdoptionFacts {
        previous: Some(previous),
        first_dagtekening: Some(d(2025, 3, 10)),
        course_hours: Quarters(hours),
        first_pip_deadline: None,
    }
}

#[test]
fn a_route_change_is_allowed_up_to_18_months_after_the_termijn_start() {
    use Leerroute::*;
    let b1 = content(B1, CefrLevel::B1);
    let z = content(ZRoute, CefrLevel::A1);
    let onderwijs = content(Onderwijsroute, CefrLevel::B1);
    let cases = [
        // previous, new, dagtekening, refused?
        (&b1, &z, d(2026, 9, 10), false),
        (&b1, &z, d(2026, 9, 11), false),
        (&b1, &z, d(2026, 9, 12), true),
        (&z, &b1, d(2026, 9, 12), true),
        (&onderwijs, &b1, d(2026, 9, 12), false),
        (&onderwijs, &b1, d(2027, 12, 1), false),
        (&onderwijs, &z, d(2026, 9, 12), true),
        // The same route is no change.
        (&b1, &b1, d(2027, 12, 1), false),
    ];
    for (previous, new, dagtekening, refused) in cases {
        let got = rules(check_adoption(
            new,
            &adopt(dagtekening),
            after_first(previous, 0),
            today(),
        ));
        assert_eq!(
            got.contains(&"route_change_18_months".to_owned()),
            refused,
            "{:?} → {:?} on {dagtekening}: {got:?}",
            previous.leerroute,
            new.leerroute
        );
    }
}

#[test]
fn the_18_months_window_over_a_month_end() {
    // Termijn start 31 August 2025: 18 months later is 28 February 2027 (clamped).
    let b1 = content(Leerroute::B1, CefrLevel::B1);
    let z = content(Leerroute::ZRoute, CefrLevel::A1);
    let facts = AdoptionFacts {
        first_dagtekening: Some(d(2025, 8, 30)),
        ..after_first(&b1, 0)
    };
    for (dagtekening, refused) in [(d(2027, 2, 28), false), (d(2027, 3, 1), true)] {
        let got = rules(check_adoption(&z, &adopt(dagtekening), facts, today()));
        assert_eq!(
            got.contains(&"route_change_18_months".to_owned()),
            refused,
            "{dagtekening}"
        );
    }
}

#[test]
fn afschalen_to_a2_needs_600_course_hours() {
    let b1 = content(Leerroute::B1, CefrLevel::B1);
    let a2 = PipContent {
        kind: VersionKind::Afschalen,
        ..content(Leerroute::B1, CefrLevel::A2)
    };
    for (quarters, refused) in [(0, true), (2399, true), (2400, false), (4000, false)] {
        let got = rules(check_adoption(
            &a2,
            &adopt(d(2027, 1, 5)),
            after_first(&b1, quarters),
            today(),
        ));
        assert_eq!(
            got.contains(&"afschalen_600_hours".to_owned()),
            refused,
            "{quarters}: {got:?}"
        );
    }
    let err =
        check_adoption(&a2, &adopt(d(2027, 1, 5)), after_first(&b1, 2399), today()).unwrap_err();
    assert!(err.0[0].message.contains("599,75"), "{}", err.0[0].message);
}

#[test]
fn the_target_level_must_fit_the_route() {
    use CefrLevel::{A1, A2, B2};
    use Leerroute::{Onderwijsroute, ZRoute};
    let cases = [
        (ZRoute, A1, true),
        (ZRoute, A2, false),
        (Leerroute::B1, CefrLevel::B1, true),
        (Leerroute::B1, B2, true),
        (Leerroute::B1, A1, false),
        (Onderwijsroute, B2, true),
        (Onderwijsroute, A2, false),
    ];
    for (route, level, ok) in cases {
        let facts = AdoptionFacts {
            previous: None,
            first_dagtekening: None,
            course_hours: Quarters::hours(700),
            first_pip_deadline: None,
        };
        let got = rules(check_adoption(
            &content(route, level),
            &adopt(d(2026, 1, 5)),
            facts,
            today(),
        ));
        assert_eq!(
            !got.contains(&"level_fits_route".to_owned()),
            ok,
            "{route:?} {level:?}"
        );
    }
}

#[test]
fn a_late_first_pip_needs_a_reason() {
    let first = content(Leerroute::B1, CefrLevel::B1);
    let deadline = first_pip_deadline(Some(d(2026, 1, 5)), Some(d(2026, 1, 20)), 0);
    assert_eq!(deadline, Some(d(2026, 3, 31)));
    let facts = AdoptionFacts {
        previous: None,
        first_dagtekening: None,
        course_hours: Quarters(0),
        first_pip_deadline: deadline,
    };
    let cases = [
        (d(2026, 3, 31), None, false),
        (d(2026, 4, 1), None, true),
        (d(2026, 4, 1), Some("Wachten op medische informatie"), false),
        (d(2026, 4, 1), Some("  "), true),
    ];
    for (dagtekening, reason, refused) in cases {
        let input = AdoptInput {
            dagtekening,
            late_reason: reason.map(String::from),
        };
        let got = rules(check_adoption(&first, &input, facts, today()));
        assert_eq!(
            got.contains(&"first_pip_after_10_weeks".to_owned()),
            refused,
            "{dagtekening} {reason:?}"
        );
    }
}

#[test]
fn the_deadline_counts_from_the_later_date_plus_pauses() {
    let cases = [
        (Some(d(2026, 1, 5)), None, 0, Some(d(2026, 3, 16))),
        (None, Some(d(2026, 1, 5)), 0, Some(d(2026, 3, 16))),
        (
            Some(d(2026, 2, 1)),
            Some(d(2026, 1, 5)),
            14,
            Some(d(2026, 4, 26)),
        ),
        // Over a leap day: 70 days from 1 Feb 2028 is 11 April.
        (Some(d(2028, 2, 1)), None, 0, Some(d(2028, 4, 11))),
        (None, None, 0, None),
    ];
    for (brp, kennisgeving, pauses, expected) in cases {
        assert_eq!(first_pip_deadline(brp, kennisgeving, pauses), expected);
    }
}

#[test]
fn a_move_keeps_the_route_and_a_new_version_needs_a_reason() {
    let b1 = content(Leerroute::B1, CefrLevel::B1);
    let moved = PipContent {
        kind: VersionKind::Verhuizing,
        reason: None,
        ..content(Leerroute::ZRoute, CefrLevel::A1)
    };
    let got = rules(check_adoption(
        &moved,
        &adopt(d(2025, 6, 1)),
        after_first(&b1, 0),
        today(),
    ));
    assert_eq!(got, ["required_for_new_version", "move_keeps_route"]);
    let same = PipContent {
        kind: VersionKind::Verhuizing,
        ..b1.clone()
    };
    assert!(check_adoption(&same, &adopt(d(2025, 6, 1)), after_first(&b1, 0), today()).is_ok());
}

#[test]
fn adoption_needs_route_level_goals_and_a_date_not_in_the_future() {
    let facts = AdoptionFacts {
        previous: None,
        first_dagtekening: None,
        course_hours: Quarters(0),
        first_pip_deadline: None,
    };
    let got = rules(check_adoption(
        &PipContent::first(),
        &adopt(d(2028, 1, 1)),
        facts,
        today(),
    ));
    assert_eq!(got, ["not_in_future", "required", "required", "required"]);
    let exempt = PipContent {
        map_exemption: MapExemption::Volledig,
        ..content(Leerroute::B1, CefrLevel::B1)
    };
    let got = rules(check_adoption(
        &exempt,
        &adopt(d(2026, 1, 1)),
        facts,
        today(),
    ));
    assert_eq!(got, ["required_with_exemption"]);
}

#[test]
fn draft_rules() {
    let mut draft = PipContent {
        waiting_list_date: Some(d(2026, 5, 1)),
        course_start_date: Some(d(2026, 4, 1)),
        participation_hours_per_week: Some(41),
        ..PipContent::first()
    };
    let got = rules(draft.validate(d(2026, 11, 29)));
    assert_eq!(got, ["after_waiting_list", "max"]);
    draft.course_start_date = Some(d(2026, 6, 1));
    draft.participation_hours_per_week = Some(16);
    assert!(draft.validate(d(2026, 11, 29)).is_ok());
}
