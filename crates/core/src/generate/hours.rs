//! Generated hours, provider reports, absences and exams for a client in a trajectory: a
//! language school reports each quarter since the course started, the consultant logs work,
//! placements, a few lessons are missed, late clients sit exams.

use chrono::{Datelike, Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;

use crate::domain::hours::HourEntryInput;
use crate::domain::{
    AbsenceInput, CefrLevel, ClientType, ExamInput, ExamPart, ExamResult, HourCategory, HourSource,
    ProgressReportInput, Quarters, SkillLevels,
};

/// Invented language schools.
pub const PROVIDERS: [&str; 3] = [
    "Taalhuis Bollenstreek",
    "Taalschool De Duinrand",
    "Leerhuis Teylingen",
];

#[derive(Debug, Clone, Default)]
pub struct GeneratedHours {
    pub entries: Vec<HourEntryInput>,
    pub reports: Vec<ProgressReportInput>,
    pub absences: Vec<AbsenceInput>,
    pub exams: Vec<ExamInput>,
}

const OBSTACLES: &[&str] = &[
    "Kinderopvang nog niet geregeld",
    "Concentratieproblemen, mogelijk door slaaptekort",
    "Reistijd naar de school is lang",
    "Mist lessen door afspraken bij instanties",
];

const LEVELS: [CefrLevel; 4] = [CefrLevel::A0, CefrLevel::A1, CefrLevel::A2, CefrLevel::B1];

/// Hours since `course_start` up to `today`, for a client whose course needs `z_route` pace.
pub fn generate(
    rng: &mut StdRng,
    client_type: ClientType,
    course_start: NaiveDate,
    today: NaiveDate,
    z_route: bool,
    finished: bool,
) -> GeneratedHours {
    let mut out = GeneratedHours::default();
    if course_start >= today {
        return out;
    }
    let provider = (*PROVIDERS.choose(rng).unwrap_or(&PROVIDERS[0])).to_owned();
    let stagnates = rng.random_bool(0.12);

    // Quarterly reports: one per full quarter since the course started.
    let mut start = course_start;
    let mut quarter = 0;
    loop {
        let end = start + Duration::days(90);
        if end > today {
            break;
        }
        let stagnating = stagnates && quarter >= 2;
        let step = if stagnating {
            quarter.min(1)
        } else {
            (quarter / 2).min(3)
        };
        let level = LEVELS[step];
        let course = if z_route {
            rng.random_range(40..70)
        } else {
            rng.random_range(70..110)
        };
        let map_practice = if quarter >= 3 && rng.random_bool(0.4) {
            rng.random_range(4..16)
        } else {
            0
        };
        out.reports.push(ProgressReportInput {
            provider: provider.clone(),
            period_start: start,
            period_end: end,
            attendance_pct: Some(rng.random_range(if stagnating { 55 } else { 75 }..=100)),
            levels: SkillLevels {
                lezen: Some(level),
                luisteren: Some(level),
                spreken: Some(LEVELS[step.saturating_sub(usize::from(rng.random_bool(0.3)))]),
                schrijven: Some(LEVELS[step.saturating_sub(usize::from(rng.random_bool(0.5)))]),
                knm: (quarter >= 1).then_some(level),
            },
            obstacles: (stagnating || rng.random_bool(0.15))
                .then(|| (*OBSTACLES.choose(rng).unwrap_or(&OBSTACLES[0])).to_owned()),
            course_hours: Quarters(course * 4 + rng.random_range(0..4)),
            map_theory_hours: Quarters::hours(if quarter == 2 { 8 } else { 0 }),
            map_practice_hours: Quarters::hours(map_practice),
            stagnating,
            text: None,
        });
        start = end + Duration::days(1);
        quarter += 1;
    }

    // The consultant's own entries: about one a week while the client works or has a
    // placement, and the PVT meetings.
    let days = (today - course_start).num_days();
    let weekly = match rng.random_range(0..10) {
        0..=3 => None,
        4..=6 => Some(HourCategory::Participatie),
        7..=8 => Some(HourCategory::Werk),
        _ => Some(HourCategory::EigenPlek),
    };
    if let Some(category) = weekly {
        let from = rng.random_range(30..days.max(31));
        let mut day = course_start + Duration::days(from);
        while day <= today {
            if day.weekday().number_from_monday() <= 5 {
                let source = if rng.random_bool(0.7) {
                    HourSource::Consultant
                } else {
                    HourSource::ClientEvidence
                };
                out.entries.push(HourEntryInput {
                    quarters: Quarters(rng.random_range(8..=24)),
                    source,
                    ..HourEntryInput::new(day, 0, category)
                });
            }
            day += Duration::days(7);
        }
    }
    // PVT meetings are trajectory records that book their own hours (generate::trajectory).

    // A few missed lessons; now and then two unexcused ones close together.
    for _ in 0..rng.random_range(0..4) {
        let day = course_start + Duration::days(rng.random_range(0..days.max(1)));
        let excused = rng.random_bool(0.6);
        out.absences.push(absence(day, excused, &provider));
        if !excused && rng.random_bool(0.3) {
            let next = (day + Duration::days(rng.random_range(3..20))).min(today);
            out.absences.push(absence(next, false, &provider));
        }
    }

    // Finished clients passed their exams (or the eindgesprek); others near the end tried some.
    let exam_day = (course_start + Duration::days(days * 9 / 10)).min(today);
    if z_route && finished {
        out.exams
            .push(exam(ExamPart::Eindgesprek, exam_day, None, true));
    } else if finished || (!z_route && days > 700) {
        let level = if client_type == ClientType::Statushouder && rng.random_bool(0.2) {
            CefrLevel::A2
        } else {
            CefrLevel::B1
        };
        for part in [
            ExamPart::Lezen,
            ExamPart::Luisteren,
            ExamPart::Spreken,
            ExamPart::Schrijven,
            ExamPart::Knm,
        ] {
            let passed = finished || rng.random_bool(0.7);
            out.exams.push(exam(part, exam_day, Some(level), passed));
        }
    }
    out
}

/// Notes a consultant writes with a logged activity.
const LOG_NOTES: &[&str] = &[
    "Vrijwilligerswerk bij de voedselbank",
    "Meegelopen in de kringloopwinkel",
    "Werkervaringsplek in de kantine van de sportclub",
    "Bijeenkomst bij het werkgeversservicepunt",
    "Oefenen met de klantenservice van de gemeente",
];

/// The weekly log of a client in a course: in each week from `from` to `to` without an entry of
/// the consultant's yet, most often one (participation, a MAP practice hour or work), so a
/// client in a trajectory has about fifty entries a year.
pub fn weekly_log(
    rng: &mut StdRng,
    entries: &mut Vec<HourEntryInput>,
    from: NaiveDate,
    to: NaiveDate,
) {
    if from > to {
        return;
    }
    let logged: std::collections::HashSet<_> = entries.iter().map(|e| e.date.iso_week()).collect();
    let mut day = from - Duration::days(i64::from(from.weekday().num_days_from_monday()));
    while day <= to {
        let date = day + Duration::days(rng.random_range(0..5));
        if (from..=to).contains(&date)
            && !logged.contains(&date.iso_week())
            && rng.random_bool(0.85)
        {
            let category = *[
                HourCategory::Participatie,
                HourCategory::Participatie,
                HourCategory::MapPraktijk,
                HourCategory::Werk,
            ]
            .choose(rng)
            .unwrap_or(&HourCategory::Participatie);
            entries.push(HourEntryInput {
                quarters: Quarters(rng.random_range(4..=16)),
                source: if rng.random_bool(0.8) {
                    HourSource::Consultant
                } else {
                    HourSource::ClientEvidence
                },
                note: rng
                    .random_bool(0.3)
                    .then(|| (*LOG_NOTES.choose(rng).unwrap_or(&LOG_NOTES[0])).to_owned()),
                ..HourEntryInput::new(date, 0, category)
            });
        }
        day += Duration::days(7);
    }
    entries.sort_by_key(|e| e.date);
}

fn absence(date: NaiveDate, excused: bool, provider: &str) -> AbsenceInput {
    AbsenceInput {
        date,
        activity: "Taalles".into(),
        excused,
        reason: excused.then(|| "Ziek gemeld".into()),
        source: HourSource::ProviderReport,
        provider: Some(provider.to_owned()),
    }
}

fn exam(part: ExamPart, date: NaiveDate, level: Option<CefrLevel>, passed: bool) -> ExamInput {
    ExamInput {
        part,
        date,
        level,
        result: if passed {
            ExamResult::Behaald
        } else {
            ExamResult::NietBehaald
        },
        note: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_weekly_log_gives_about_fifty_entries_a_year_on_weekdays() {
        // (from, to, entries already there, fewest and most entries afterwards)
        let already = |d: NaiveDate| HourEntryInput::new(d, 2, HourCategory::Werk);
        let cases = [
            (day(2025, 1, 1), day(2024, 12, 1), vec![], 0, 0),
            (day(2025, 1, 1), day(2025, 12, 31), vec![], 40, 53),
            (day(2023, 1, 1), day(2025, 12, 31), vec![], 125, 157),
            // Weeks that have an entry get no second one.
            (
                day(2025, 1, 6),
                day(2025, 1, 26),
                vec![
                    already(day(2025, 1, 7)),
                    already(day(2025, 1, 14)),
                    already(day(2025, 1, 21)),
                ],
                3,
                3,
            ),
        ];
        for (seed, (from, to, existing, fewest, most)) in cases.into_iter().enumerate() {
            let mut rng = StdRng::seed_from_u64(seed as u64);
            let mut entries = existing;
            weekly_log(&mut rng, &mut entries, from, to);
            assert!(
                (fewest..=most).contains(&entries.len()),
                "{from}..{to}: {} entries",
                entries.len()
            );
            for entry in &entries {
                assert!(
                    entry.date >= from.min(to) && entry.date <= to.max(from),
                    "{entry:?}"
                );
                assert!(entry.date.weekday().number_from_monday() <= 5, "{entry:?}");
            }
            let weeks: std::collections::HashSet<_> =
                entries.iter().map(|e| e.date.iso_week()).collect();
            assert_eq!(weeks.len(), entries.len(), "one entry a week");
            assert!(entries.windows(2).all(|w| w[0].date <= w[1].date));
        }
    }
}
