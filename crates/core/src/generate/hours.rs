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
