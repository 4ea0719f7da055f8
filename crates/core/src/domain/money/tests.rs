//! The forecast and the invoice check on tables whose figures are the domain page's, with
//! clients whose amounts are known by construction.

use chrono::NaiveDate;

use super::*;
use crate::domain::client::ClientType;
use crate::domain::exam::{ExamPart, ExamResult};
use crate::domain::hours::{HourCategory, Quarters};
use crate::domain::level::CefrLevel;
use crate::domain::route::Leerroute;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn tables() -> MoneyTables {
    let rate = |year, kind, cents| SpukRate { year, kind, cents };
    use SpukKind::*;
    MoneyTables {
        spuk: vec![
            rate(2023, StatushouderJaar1, 837_803),
            rate(2023, StatushouderJaar2, 424_217),
            rate(2023, StatushouderJaar3, 106_054),
            rate(2024, StatushouderJaar1, 887_051),
            rate(2024, StatushouderJaar2, 449_154),
            rate(2024, StatushouderJaar3, 112_289),
            rate(2024, GezinsOverigeMigrant, 67_266),
        ],
        prices: vec![
            CoursePrice {
                provider: Some("Danner & Danner".into()),
                product: CourseProduct::ZRoute,
                from_year: 2022,
                cents: 905_000,
            },
            CoursePrice {
                provider: Some("Danner & Danner".into()),
                product: CourseProduct::ZRoute,
                from_year: 2024,
                cents: 960_205,
            },
            CoursePrice {
                provider: None,
                product: CourseProduct::OnderwijsrouteMbo,
                from_year: 2024,
                cents: 1_676_380,
            },
        ],
        milestones: vec![
            Milestone {
                code: "z_6_maanden".into(),
                route: Leerroute::ZRoute,
                share_permille: 125,
                description: "6 maanden na de start".into(),
            },
            Milestone {
                code: "z_1200_uur".into(),
                route: Leerroute::ZRoute,
                share_permille: 250,
                description: "1.200 uur".into(),
            },
            Milestone {
                code: "b1_a2_aangetoond".into(),
                route: Leerroute::B1,
                share_permille: 250,
                description: "A2 aangetoond".into(),
            },
        ],
    }
}

#[test]
fn spuk_over_three_years_and_course_costs_in_the_start_year() {
    let clients = [
        ForecastClient {
            client_type: ClientType::Statushouder,
            cohort_year: 2023,
            course: Some((
                Some("Danner & Danner".into()),
                CourseProduct::ZRoute,
                d(2024, 2, 1),
            )),
        },
        // A gezinsmigrant buys their own course: no cost to the municipality.
        ForecastClient {
            client_type: ClientType::Gezinsmigrant,
            cohort_year: 2024,
            course: Some((
                Some("Danner & Danner".into()),
                CourseProduct::ZRoute,
                d(2024, 3, 1),
            )),
        },
        // Outside the period: brings its year-3 amount in 2026 only.
        ForecastClient {
            client_type: ClientType::Statushouder,
            cohort_year: 2024,
            course: None,
        },
    ];
    let years = forecast(&clients, &tables(), 2023, 2026);
    let cents: Vec<(i32, i64, i64)> = years
        .iter()
        .map(|y| (y.year, y.spuk_cents, y.committed_cents))
        .collect();
    assert_eq!(
        cents,
        [
            (2023, 837_803, 0),
            // 4,242.17 + 672.66 + 8,870.51; the Z-route at its 2024 price, 9,602.05.
            (2024, 424_217 + 67_266 + 887_051, 960_205),
            (2025, 106_054 + 449_154, 0),
            (2026, 112_289, 0),
        ]
    );
    assert_eq!(years[1].clients, 3);
    assert_eq!(years[1].courses, 1);
    // No 2025 rates in this table: the forecast says so instead of pretending.
    let later = forecast(
        &[ForecastClient {
            client_type: ClientType::OverigeMigrant,
            cohort_year: 2025,
            course: None,
        }],
        &tables(),
        2025,
        2025,
    );
    assert_eq!(later[0].spuk_cents, 0);
    assert_eq!(
        later[0].missing,
        ["SPUK gezins-/overige migrant, cohort 2025"]
    );
}

#[test]
fn prices_in_force_and_shares_to_the_cent() {
    let t = tables();
    assert_eq!(
        t.price(Some("Danner & Danner"), CourseProduct::ZRoute, 2023),
        Some(905_000)
    );
    assert_eq!(
        t.price(Some("Danner & Danner"), CourseProduct::ZRoute, 2025),
        Some(960_205)
    );
    assert_eq!(
        t.price(Some("Danner & Danner"), CourseProduct::ZRoute, 2021),
        None
    );
    assert_eq!(
        t.price(Some("Taalhuis"), CourseProduct::OnderwijsrouteMbo, 2024),
        Some(1_676_380),
        "a price for any provider"
    );
    // 12.5 % of 9,602.05 = 1,200.25625 → 1,200.26; 25 % of 9,050.00 = 2,262.50.
    assert_eq!(share(960_205, 125), 120_026);
    assert_eq!(share(905_000, 250), 226_250);
}

fn z_client(start: NaiveDate) -> MilestoneFacts {
    MilestoneFacts {
        course_start: Some(start),
        hours: vec![
            (d(2024, 6, 1), HourCategory::Taal, Quarters::hours(600)),
            (
                d(2024, 9, 1),
                HourCategory::Participatie,
                Quarters::hours(300),
            ),
            (d(2024, 12, 2), HourCategory::Werk, Quarters::hours(300)),
        ],
        reports: vec![(d(2024, 9, 30), Some(CefrLevel::A1))],
        exams: vec![(
            ExamPart::Lezen,
            Some(CefrLevel::A1),
            ExamResult::Behaald,
            d(2025, 1, 10),
        )],
        afschalen: None,
    }
}

#[test]
fn milestones_are_read_from_the_record() {
    let f = z_client(d(2024, 2, 29));
    // Six months after 29 February is 29 August; twelve months, 28 February.
    assert_eq!(reached("z_6_maanden", &f), Some(d(2024, 8, 29)));
    assert_eq!(reached("z_12_maanden", &f), Some(d(2025, 2, 28)));
    // 600 language hours in June, the 600th participation hour (paid work counts) in December.
    assert_eq!(reached("z_1200_uur", &f), Some(d(2024, 12, 2)));
    assert_eq!(reached("z_a1_examen", &f), Some(d(2025, 1, 10)));
    assert_eq!(reached("z_alle_onderdelen", &f), None);
    let mut b1 = f.clone();
    b1.reports.push((d(2025, 3, 31), Some(CefrLevel::A2)));
    assert_eq!(reached("b1_a2_aangetoond", &b1), Some(d(2025, 3, 31)));
    assert_eq!(reached("b1_a2_examens", &b1), None);
    for part in [
        ExamPart::Lezen,
        ExamPart::Luisteren,
        ExamPart::Spreken,
        ExamPart::Schrijven,
        ExamPart::Knm,
    ] {
        b1.exams.push((
            part,
            Some(CefrLevel::A2),
            ExamResult::Behaald,
            d(2025, 6, 1),
        ));
    }
    b1.exams.push((
        ExamPart::Knm,
        Some(CefrLevel::B1),
        ExamResult::NietBehaald,
        d(2025, 7, 1),
    ));
    assert_eq!(reached("b1_a2_examens", &b1), Some(d(2025, 6, 1)));
    assert_eq!(
        reached("b1_eindniveau", &b1),
        None,
        "a failed B1 part is not B1"
    );
    b1.afschalen = Some(d(2025, 8, 1));
    assert_eq!(reached("b1_eindniveau", &b1), Some(d(2025, 8, 1)));
    assert_eq!(reached("nonsense", &b1), None);
}

fn line(n: u64, client: &str, milestone: &str, cents: i64, date: NaiveDate) -> InvoiceLine {
    InvoiceLine {
        line: n,
        client: client.into(),
        provider: "Danner & Danner".into(),
        milestone: milestone.into(),
        cents,
        date,
        known: client != "X-9",
        facts: (client != "X-9").then(|| (Leerroute::ZRoute, z_client(d(2024, 2, 29)))),
    }
}

#[test]
fn the_invoice_check_flags_each_problem() {
    // The 2024 Z-route price is 9,602.05: 12.5 % is 1,200.26 and 25 % is 2,400.51.
    let lines = [
        line(2, "G-1", "z_6_maanden", 120_026, d(2024, 9, 1)),
        line(3, "G-1", "z_1200_uur", 240_051, d(2024, 11, 1)),
        line(4, "G-1", "z_6_maanden", 120_026, d(2024, 9, 2)),
        line(5, "G-2", "z_6_maanden", 125_000, d(2024, 9, 1)),
        line(6, "G-3", "b1_a2_aangetoond", 240_051, d(2025, 4, 1)),
        line(7, "X-9", "z_6_maanden", 120_026, d(2024, 9, 1)),
    ];
    let findings = check_invoice(&lines, &tables());
    let problems: Vec<(u64, Vec<InvoiceProblem>)> = findings
        .iter()
        .map(|f| (f.line, f.problems.clone()))
        .collect();
    use InvoiceProblem::*;
    assert_eq!(
        problems,
        [
            (2, vec![]),
            (
                3,
                vec![ReachedLater {
                    reached: d(2024, 12, 2)
                }]
            ),
            (4, vec![Duplicate { first_line: 2 }]),
            (
                5,
                vec![AmountMismatch {
                    expected_cents: 120_026
                }]
            ),
            (6, vec![OtherRoute, NotReached]),
            (7, vec![UnknownClient]),
        ]
    );
    assert_eq!(findings[0].message, "in orde");
    assert_eq!(
        findings[1].message,
        "gefactureerd op 01-11-2024, maar pas bereikt op 02-12-2024"
    );
    assert_eq!(
        findings[3].message,
        "bedrag € 1.250,00 wijkt af van € 1.200,26 volgens de prijstabel"
    );
}

#[test]
fn a_table_row_needs_a_year_in_range_and_a_positive_amount() {
    let rules = |r: Result<(), crate::domain::ValidationErrors>| -> Vec<(String, String)> {
        r.err()
            .map(|e| e.0.into_iter().map(|f| (f.field, f.rule)).collect())
            .unwrap_or_default()
    };
    let rate = |year, cents| SpukRate {
        year,
        kind: SpukKind::StatushouderJaar1,
        cents,
    };
    assert!(rules(rate(2026, 1).validate()).is_empty());
    assert!(rules(rate(2021, 940_000).validate()).is_empty());
    assert_eq!(
        rules(rate(2020, 0).validate()),
        [
            ("year".to_owned(), "year_range".to_owned()),
            ("cents".to_owned(), "positive".to_owned())
        ]
    );
    let price = |provider: Option<&str>, from_year, cents| CoursePrice {
        provider: provider.map(str::to_owned),
        product: CourseProduct::ZRoute,
        from_year,
        cents,
    };
    assert!(rules(price(None, 2026, 1_080_000).validate()).is_empty());
    assert_eq!(
        rules(price(Some("  "), 2101, -5).validate()),
        [
            ("from_year".to_owned(), "year_range".to_owned()),
            ("cents".to_owned(), "positive".to_owned()),
            ("provider".to_owned(), "not_blank".to_owned())
        ]
    );
}
