//! Each table on a fixture whose counts are known by construction: two municipalities, a
//! client outside the reference period, ages on the group boundaries, a leap-day birthday.

use chrono::NaiveDate;

use super::tables::age_on;
use super::*;
use crate::domain::client::{ClientType, Gender};
use crate::domain::hours::Quarters;
use crate::domain::money::{
    CoursePrice, CourseProduct, ForecastYear, Milestone, MilestoneFacts, MoneyTables,
};
use crate::domain::route::Leerroute;
use crate::domain::trajectory::WorkKind;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const REF: (i32, u32, u32) = (2026, 1, 1);

fn client(municipality: &str, client_type: ClientType, obliged: NaiveDate) -> ReportClient {
    ReportClient {
        municipality: municipality.into(),
        client_type: Some(client_type),
        gender: Some(Gender::V),
        birth_date: Some(d(1990, 6, 1)),
        obligation_date: Some(obliged),
        first_pip_deadline: None,
        brp_registration_date: Some(obliged),
        intake_completed: None,
        first_dagtekening: None,
        routes: Vec::new(),
        course: None,
        consultant: None,
        closed: false,
        social_assistance: false,
        work: Vec::new(),
        progress: None,
        signals: Vec::new(),
        name: String::new(),
        milestones: None,
    }
}

fn values(table: &ReportTable) -> Vec<(Vec<String>, Vec<Option<f64>>)> {
    table
        .rows
        .iter()
        .map(|r| (r.labels.clone(), r.values.clone()))
        .collect()
}

fn counts(v: &[u32]) -> Vec<Option<f64>> {
    v.iter().map(|c| Some(f64::from(*c))).collect()
}

#[test]
fn clients_by_type_and_municipality() {
    let reference = d(REF.0, REF.1, REF.2);
    let clients = [
        client("Lisse", ClientType::Statushouder, d(2024, 3, 1)),
        client("Lisse", ClientType::Gezinsmigrant, d(2025, 5, 1)),
        client("Lisse", ClientType::OverigeMigrant, d(2026, 1, 1)),
        client("Hillegom", ClientType::Statushouder, d(2025, 12, 31)),
        // Obliged after the reference date: not counted.
        client("Hillegom", ClientType::Statushouder, d(2026, 1, 2)),
    ];
    let table = clients_by_type(&clients, reference);
    assert_eq!(
        values(&table),
        [
            (vec!["Hillegom".to_owned()], counts(&[1, 0, 0, 1])),
            (vec!["Lisse".to_owned()], counts(&[1, 2, 0, 3])),
            (vec!["Totaal".to_owned()], counts(&[2, 2, 0, 4])),
        ]
    );
    assert!(table.note.contains("01-01-2026"));
}

#[test]
fn ages_on_the_group_boundaries() {
    let reference = d(REF.0, REF.1, REF.2);
    assert_eq!(age_on(d(1996, 1, 1), reference), Some(30));
    assert_eq!(age_on(d(1996, 1, 2), reference), Some(29));
    assert_eq!(
        age_on(d(2000, 2, 29), d(2030, 2, 28)),
        Some(30),
        "a leap day counts on 28 February"
    );
    assert_eq!(age_on(d(2000, 2, 29), d(2030, 2, 27)), Some(29));
    let born = |birth, gender| ReportClient {
        birth_date: Some(birth),
        gender,
        ..client("Lisse", ClientType::Statushouder, d(2024, 6, 1))
    };
    let clients = [
        born(d(1996, 1, 2), Some(Gender::V)), // 29: 18–29
        born(d(1996, 1, 1), Some(Gender::V)), // 30: 30–44
        born(d(1981, 1, 1), Some(Gender::M)), // 45: 45–64
        born(d(1961, 1, 2), Some(Gender::M)), // 64: 45–64
        born(d(1961, 1, 1), None),            // 65: 65+
        born(d(2010, 1, 1), Some(Gender::V)), // 16: younger
    ];
    let table = cohort_age_gender(&clients, &AgeGroups::default(), reference);
    let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "18–29",
            "30–44",
            "45–64",
            "65+",
            "Jonger/onbekend",
            "Totaal"
        ]
    );
    let l = |g: &str| vec!["Lisse".to_owned(), "2024".to_owned(), g.to_owned()];
    assert_eq!(
        values(&table),
        [
            (l("M"), counts(&[0, 0, 2, 0, 0, 2])),
            (l("V"), counts(&[1, 1, 0, 0, 1, 3])),
            (l("X/onbekend"), counts(&[0, 0, 0, 1, 0, 1])),
            (
                vec!["Totaal".into(), String::new(), String::new()],
                counts(&[1, 1, 2, 1, 1, 6])
            ),
        ]
    );
    assert!(table.note.contains("Leeftijd op de peildatum"));
}

#[test]
fn age_groups_from_a_setting() {
    let reference = d(REF.0, REF.1, REF.2);
    let ages = AgeGroups::parse("16, 25,27; 67").unwrap();
    assert_eq!(ages.titles(), ["16–24", "25–26", "27–66", "67+"]);
    assert_eq!(AgeGroups::parse("16,17").unwrap().titles(), ["16", "17+"]);
    let cases = [
        (15, None),
        (16, Some(0)),
        (24, Some(0)),
        (25, Some(1)),
        (66, Some(2)),
        (67, Some(3)),
    ];
    for (age, group) in cases {
        assert_eq!(ages.group(age), group, "{age}");
    }
    for bad in ["", "30, 18", "18, 18", "18, 130", "achttien"] {
        assert!(AgeGroups::parse(bad).is_err(), "{bad:?}");
    }
    let born = |birth| ReportClient {
        birth_date: Some(birth),
        ..client("Lisse", ClientType::Statushouder, d(2024, 6, 1))
    };
    // 16 on the reference date counts in 16–24 here; with the default groups it is "younger".
    let clients = [born(d(2010, 1, 1)), born(d(1959, 1, 1))];
    let table = cohort_age_gender(&clients, &ages, reference);
    assert_eq!(table.rows[0].values, counts(&[1, 0, 0, 1, 0, 2]));
}

#[test]
fn timeliness_counts_the_deadline_day_and_takes_medians() {
    let reference = d(REF.0, REF.1, REF.2);
    let pip = |registered: NaiveDate, intake: i64, pip: i64| ReportClient {
        brp_registration_date: Some(registered),
        first_pip_deadline: Some(registered + chrono::Duration::days(70)),
        intake_completed: Some(registered + chrono::Duration::days(intake)),
        first_dagtekening: Some(registered + chrono::Duration::days(pip)),
        ..client("Lisse", ClientType::Statushouder, registered)
    };
    let clients = [
        pip(d(2025, 1, 1), 20, 70), // on the deadline: in time
        pip(d(2025, 2, 1), 30, 71), // a day late
        pip(d(2025, 3, 1), 40, 60),
        // PIP after the reference date: not counted as a PIP, its intake counts.
        pip(d(2025, 10, 1), 50, 100),
    ];
    let table = timeliness(&clients, reference);
    let lisse = &table.rows[0].values;
    assert_eq!(lisse[0], Some(3.0));
    assert_eq!(lisse[1], Some(2.0));
    assert!((lisse[2].unwrap() - 66.666).abs() < 0.01);
    assert_eq!(lisse[3], Some(35.0), "median of 20, 30, 40, 50");
    assert_eq!(lisse[4], Some(70.0), "median of 60, 70, 71");
    assert_eq!(table.format(2, lisse[2], false), "66,7 %");
    assert_eq!(table.rows.last().unwrap().labels, ["Totaal"]);
}

#[test]
fn small_counts_are_masked_in_exports_when_asked() {
    let table = clients_by_type(
        &[client("Lisse", ClientType::Statushouder, d(2024, 3, 1))],
        d(REF.0, REF.1, REF.2),
    );
    assert_eq!(table.format(0, Some(1.0), true), "<5");
    assert_eq!(table.format(0, Some(1.0), false), "1");
    assert_eq!(table.format(0, Some(0.0), true), "0");
    assert_eq!(table.format(0, Some(5.0), true), "5");
    let money = MoneyTables::default();
    let ages = AgeGroups::default();
    assert!(run("onbekend", &[], &money, &ages, d(2026, 1, 1)).is_none());
    // Every listed report runs, but the SPUK table, which the store makes from the forecast.
    for (name, title) in REPORTS.iter().filter(|(n, _)| *n != "spuk") {
        let table = run(name, &[], &money, &ages, d(2026, 1, 1)).unwrap();
        assert_eq!((table.name.as_str(), table.title.as_str()), (*name, *title));
    }
}

#[test]
fn routes_by_group_and_start_year() {
    use crate::domain::route::Leerroute::{ZRoute, B1};
    let reference = d(REF.0, REF.1, REF.2);
    let with = |client_type, routes: Vec<(crate::domain::route::Leerroute, Option<NaiveDate>)>| {
        ReportClient {
            routes,
            ..client("Lisse", client_type, d(2024, 1, 1))
        }
    };
    let clients = [
        // Two routes: counted in both, each in its own start year.
        with(
            ClientType::Statushouder,
            vec![(B1, Some(d(2024, 3, 1))), (ZRoute, Some(d(2025, 6, 1)))],
        ),
        // Migrated without a dagtekening: start unknown.
        with(ClientType::Statushouder, vec![(B1, None)]),
        // A route decided again on a move counts once.
        with(
            ClientType::Gezinsmigrant,
            vec![(B1, Some(d(2025, 2, 1))), (B1, Some(d(2025, 9, 1)))],
        ),
        // Started after the reference date: left out.
        with(
            ClientType::Gezinsmigrant,
            vec![(ZRoute, Some(d(2026, 1, 2)))],
        ),
    ];
    let table = routes_by_group(&clients, reference);
    let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["2024", "2025", "Start onbekend", "Totaal"]);
    let l = |g: &str, r: &str| vec![g.to_owned(), r.to_owned()];
    assert_eq!(
        values(&table),
        [
            (
                l("Gezins- en overige migrant", "B1-route"),
                counts(&[0, 1, 0, 1])
            ),
            (l("Statushouder", "B1-route"), counts(&[1, 0, 1, 2])),
            (l("Statushouder", "Z-route"), counts(&[0, 1, 0, 1])),
            (l("Totaal", ""), counts(&[1, 2, 1, 4])),
        ]
    );
}

#[test]
fn waiting_time_per_provider() {
    let reference = d(REF.0, REF.1, REF.2);
    let course = |provider: &str, listed, start| ReportClient {
        course: Some((provider.into(), listed, start)),
        ..client("Lisse", ClientType::Statushouder, d(2025, 1, 1))
    };
    let clients = [
        // Waiting 56 days: not long yet; 57 days: long.
        course("Taalhuis", Some(d(2025, 11, 6)), None),
        course("Taalhuis", Some(d(2025, 11, 5)), None),
        // Started after 30 and 50 days: median 40.
        course("Taalhuis", Some(d(2025, 3, 1)), Some(d(2025, 3, 31))),
        course("Leerhuis", Some(d(2025, 4, 1)), Some(d(2025, 5, 21))),
        // Starting after the reference date: still waiting.
        course("Leerhuis", Some(d(2025, 12, 1)), Some(d(2026, 2, 1))),
    ];
    let table = waiting_per_provider(&clients, reference);
    assert_eq!(
        values(&table),
        [
            (
                vec!["Leerhuis".to_owned()],
                vec![Some(1.0), Some(0.0), Some(1.0), Some(50.0)]
            ),
            (
                vec!["Taalhuis".to_owned()],
                vec![Some(2.0), Some(1.0), Some(1.0), Some(30.0)]
            ),
            (
                vec!["Totaal".to_owned()],
                vec![Some(3.0), Some(1.0), Some(2.0), Some(40.0)]
            ),
        ]
    );
}

#[test]
fn work_and_participation_of_statushouders_on_social_assistance() {
    let reference = d(REF.0, REF.1, REF.2);
    let on_assistance = |gender, work: Vec<(WorkKind, NaiveDate)>| ReportClient {
        social_assistance: true,
        gender: Some(gender),
        work,
        ..client("Lisse", ClientType::Statushouder, d(2024, 5, 1))
    };
    let clients = [
        on_assistance(Gender::V, vec![(WorkKind::BetaaldWerk, d(2025, 3, 1))]),
        // Both: counted in both columns.
        on_assistance(
            Gender::V,
            vec![
                (WorkKind::Werkervaringsplek, d(2024, 9, 1)),
                (WorkKind::BetaaldWerk, d(2026, 1, 1)),
            ],
        ),
        // A place that starts after the reference date: neither yet.
        on_assistance(
            Gender::M,
            vec![(WorkKind::Werkervaringsplek, d(2026, 1, 2))],
        ),
        // Not on social assistance, or not a statushouder: not in this table.
        ReportClient {
            work: vec![(WorkKind::BetaaldWerk, d(2025, 1, 1))],
            ..client("Lisse", ClientType::Statushouder, d(2024, 5, 1))
        },
        ReportClient {
            social_assistance: true,
            ..client("Lisse", ClientType::Gezinsmigrant, d(2024, 5, 1))
        },
    ];
    let table = work_participation(&clients, reference);
    let l = |g: &str| vec!["Lisse".to_owned(), "2024".to_owned(), g.to_owned()];
    assert_eq!(
        values(&table),
        [
            (l("M"), counts(&[1, 0, 0, 1])),
            (l("V"), counts(&[2, 2, 1, 0])),
            (
                vec!["Totaal".to_owned(), String::new(), String::new()],
                counts(&[3, 2, 1, 1])
            ),
        ]
    );
}

fn progress(route: Leerroute, taal: i64, behind: bool, complete: bool) -> Option<HoursProgress> {
    Some(HoursProgress {
        route,
        taal: Quarters::hours(taal),
        participatie: Quarters::hours(taal / 2),
        behind,
        complete,
    })
}

#[test]
fn hours_progress_by_route() {
    let reference = d(REF.0, REF.1, REF.2);
    let with = |p: Option<HoursProgress>, closed| ReportClient {
        progress: p,
        closed,
        ..client("Lisse", ClientType::Statushouder, d(2024, 1, 1))
    };
    let clients = [
        with(progress(Leerroute::B1, 100, true, false), false),
        with(progress(Leerroute::B1, 201, false, false), false),
        with(progress(Leerroute::ZRoute, 800, false, true), false),
        // Closed, or no route yet: not a running trajectory.
        with(progress(Leerroute::ZRoute, 10, true, false), true),
        with(None, false),
    ];
    let table = hours_by_route(&clients, reference);
    assert_eq!(
        values(&table),
        [
            (
                vec!["B1-route".to_owned()],
                vec![
                    Some(2.0),
                    Some(150.5),
                    Some(75.0),
                    Some(1.0),
                    Some(50.0),
                    Some(0.0)
                ]
            ),
            (
                vec!["Onderwijsroute".to_owned()],
                vec![Some(0.0), None, None, Some(0.0), None, Some(0.0)]
            ),
            (
                vec!["Z-route".to_owned()],
                vec![
                    Some(1.0),
                    Some(800.0),
                    Some(400.0),
                    Some(0.0),
                    Some(0.0),
                    Some(1.0)
                ]
            ),
            (
                vec!["Totaal".to_owned()],
                vec![
                    Some(3.0),
                    Some(201.0),
                    Some(100.0),
                    Some(1.0),
                    Some(100.0 / 3.0),
                    Some(1.0)
                ]
            ),
        ]
    );
    assert_eq!(table.format(1, Some(150.5), false), "150,50");
}

#[test]
fn signals_by_kind_and_municipality() {
    use crate::domain::signals::{Severity, SignalKind};
    let reference = d(REF.0, REF.1, REF.2);
    let with = |m: &str, signals: Vec<SignalKind>, closed| ReportClient {
        signals: signals
            .into_iter()
            .map(|k| (k, Severity::Warning))
            .collect(),
        closed,
        ..client(m, ClientType::Statushouder, d(2024, 1, 1))
    };
    let clients = [
        with(
            "Lisse",
            vec![SignalKind::IntakeDue, SignalKind::NoContact],
            false,
        ),
        with("Hillegom", vec![SignalKind::IntakeDue], false),
        // A closed dossier's signals do not count (the engine gives none; a stale one neither).
        with("Hillegom", vec![SignalKind::Absence], true),
    ];
    let table = signals_by_type(&clients, reference);
    let titles: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Hillegom", "Lisse", "Totaal"]);
    assert_eq!(table.rows.len(), SignalKind::ALL.len() + 1);
    let row = |label: &str| {
        table
            .rows
            .iter()
            .find(|r| r.labels[0] == label)
            .map(|r| r.values.clone())
            .unwrap()
    };
    assert_eq!(row("Brede intake"), counts(&[1, 1, 2]));
    assert_eq!(row("Geen contact"), counts(&[0, 1, 1]));
    assert_eq!(row("Verzuim"), counts(&[0, 0, 0]));
    assert_eq!(row("Totaal"), counts(&[1, 2, 3]));
}

#[test]
fn team_per_consultant() {
    use crate::domain::signals::{Severity, SignalKind};
    let reference = d(REF.0, REF.1, REF.2);
    let with = |consultant: Option<&str>,
                severities: Vec<Severity>,
                pip: Option<(NaiveDate, NaiveDate)>| {
        ReportClient {
            consultant: consultant.map(str::to_owned),
            signals: severities
                .into_iter()
                .map(|s| (SignalKind::IntakeDue, s))
                .collect(),
            first_dagtekening: pip.map(|(adopted, _)| adopted),
            first_pip_deadline: pip.map(|(_, deadline)| deadline),
            ..client("Lisse", ClientType::Statushouder, d(2025, 1, 1))
        }
    };
    let clients = [
        // Adopted on its deadline: in time.
        with(
            Some("anna"),
            vec![Severity::Overdue, Severity::Info],
            Some((d(2025, 3, 12), d(2025, 3, 12))),
        ),
        // A day late.
        with(
            Some("anna"),
            vec![Severity::Error],
            Some((d(2025, 3, 13), d(2025, 3, 12))),
        ),
        with(None, vec![Severity::Warning], None),
        ReportClient {
            closed: true,
            ..with(Some("bram"), vec![Severity::Overdue], None)
        },
    ];
    let table = team(&clients, reference);
    assert_eq!(
        values(&table),
        [
            (
                vec!["Niet toegewezen".to_owned()],
                vec![Some(1.0), Some(1.0), Some(0.0), Some(0.0), None, Some(0.0)]
            ),
            (
                vec!["anna".to_owned()],
                vec![
                    Some(2.0),
                    Some(3.0),
                    Some(2.0),
                    Some(2.0),
                    Some(50.0),
                    Some(0.0)
                ]
            ),
            (
                vec!["Totaal".to_owned()],
                vec![
                    Some(3.0),
                    Some(4.0),
                    Some(2.0),
                    Some(2.0),
                    Some(50.0),
                    Some(0.0)
                ]
            ),
        ]
    );
}

fn money() -> MoneyTables {
    let milestone = |code: &str, route, permille, description: &str| Milestone {
        code: code.into(),
        route,
        share_permille: permille,
        description: description.into(),
    };
    MoneyTables {
        spuk: Vec::new(),
        prices: vec![CoursePrice {
            provider: None,
            product: CourseProduct::B1Route,
            from_year: 2025,
            cents: 1_000_000,
        }],
        milestones: vec![
            milestone("b1_6_maanden", Leerroute::B1, 125, "6 maanden na de start"),
            milestone(
                "b1_12_maanden",
                Leerroute::B1,
                125,
                "12 maanden na de start",
            ),
            milestone("z_6_maanden", Leerroute::ZRoute, 125, "6 maanden (Z)"),
        ],
    }
}

#[test]
fn milestones_reached_per_provider_and_client() {
    let reference = d(REF.0, REF.1, REF.2);
    let with = |name: &str, provider: &str, route, start| ReportClient {
        name: name.into(),
        course: Some((provider.into(), None, Some(start))),
        milestones: Some((
            route,
            MilestoneFacts {
                course_start: Some(start),
                ..MilestoneFacts::default()
            },
        )),
        ..client("Lisse", ClientType::Statushouder, d(2024, 1, 1))
    };
    let clients = [
        // 6 months reached on 10-07-2025; 12 months on 10-01-2026, after the reference date.
        with("Amal", "Taalhuis", Leerroute::B1, d(2025, 1, 10)),
        // The onderwijsroute invoices the B1 milestones; its product has no price: no amount.
        with(
            "Bilal",
            "Taalhuis",
            Leerroute::Onderwijsroute,
            d(2024, 12, 1),
        ),
        // Reached 12 months exactly on the reference date.
        with("Chen", "Leerhuis", Leerroute::B1, d(2025, 1, 1)),
    ];
    let table = milestones_per_provider(&clients, &money(), reference);
    let rows: Vec<(Vec<&str>, Option<f64>)> = table
        .rows
        .iter()
        .map(|r| (r.labels.iter().map(String::as_str).collect(), r.values[0]))
        .collect();
    assert_eq!(
        rows,
        [
            (
                vec!["Leerhuis", "Chen", "6 maanden na de start", "01-07-2025"],
                Some(1250.0)
            ),
            (
                vec!["Leerhuis", "Chen", "12 maanden na de start", "01-01-2026"],
                Some(1250.0)
            ),
            (vec!["Totaal Leerhuis", "", "", ""], Some(2500.0)),
            (
                vec!["Taalhuis", "Amal", "6 maanden na de start", "10-07-2025"],
                Some(1250.0)
            ),
            (
                vec!["Taalhuis", "Bilal", "6 maanden na de start", "01-06-2025"],
                None
            ),
            (
                vec!["Taalhuis", "Bilal", "12 maanden na de start", "01-12-2025"],
                None
            ),
            (vec!["Totaal Taalhuis", "", "", ""], Some(1250.0)),
            (vec!["Totaal", "", "", ""], Some(3750.0)),
        ]
    );
    assert_eq!(table.format(0, Some(1250.0), true), "€ 1.250,00");
}

#[test]
fn spuk_forecast_as_a_table() {
    let years = [
        ForecastYear {
            year: 2025,
            spuk_cents: 1_000_050,
            committed_cents: 400_000,
            clients: 3,
            courses: 1,
            missing: Vec::new(),
        },
        ForecastYear {
            year: 2026,
            spuk_cents: 0,
            committed_cents: 250_000,
            clients: 0,
            courses: 1,
            missing: vec!["SPUK statushouder jaar 1, cohort 2026".into()],
        },
    ];
    let table = spuk_table(&years, d(2026, 1, 1));
    assert_eq!(
        values(&table),
        [
            (
                vec!["2025".to_owned()],
                vec![
                    Some(10000.5),
                    Some(4000.0),
                    Some(6000.5),
                    Some(3.0),
                    Some(1.0)
                ]
            ),
            (
                vec!["2026".to_owned()],
                vec![Some(0.0), Some(2500.0), Some(-2500.0), Some(0.0), Some(1.0)]
            ),
            (
                vec!["Totaal".to_owned()],
                vec![
                    Some(10000.5),
                    Some(6500.0),
                    Some(3500.5),
                    Some(3.0),
                    Some(2.0)
                ]
            ),
        ]
    );
    assert!(table.note.contains("SPUK statushouder jaar 1, cohort 2026"));
    assert_eq!(table.format(2, Some(-2500.0), false), "€ -2.500,00");
}
