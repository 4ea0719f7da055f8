//! When a client reached each invoice milestone, read from the record: the course start, hours,
//! reports, exams and PIP versions. Each rule returns the day it was reached, or `None`.

use chrono::{Months, NaiveDate};

use crate::domain::exam::{ExamPart, ExamResult};
use crate::domain::hours::{HourCategory, Quarters};
use crate::domain::level::CefrLevel;

/// What the milestone rules read of one client.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MilestoneFacts {
    pub course_start: Option<NaiveDate>,
    /// Ledger entries (date, category, quarters), reversals included as negative hours.
    pub hours: Vec<(NaiveDate, HourCategory, Quarters)>,
    /// Progress reports: the end of the period and the highest level of any skill.
    pub reports: Vec<(NaiveDate, Option<CefrLevel>)>,
    /// Exam attempts: part, level, result, date.
    pub exams: Vec<(ExamPart, Option<CefrLevel>, ExamResult, NaiveDate)>,
    /// The day an afschalen version (A2 as the highest achievable) was adopted.
    pub afschalen: Option<NaiveDate>,
}

const PARTS: [ExamPart; 5] = [
    ExamPart::Lezen,
    ExamPart::Luisteren,
    ExamPart::Spreken,
    ExamPart::Schrijven,
    ExamPart::Knm,
];

/// The day the milestone `code` was reached; `None` when not (yet), or for an unknown code.
pub fn reached(code: &str, f: &MilestoneFacts) -> Option<NaiveDate> {
    match code {
        "z_6_maanden" | "b1_6_maanden" => months_after(f.course_start?, 6),
        "z_12_maanden" | "b1_12_maanden" => months_after(f.course_start?, 12),
        "z_1200_uur" => hours_reached(f),
        "z_a1_examen" => first_passed(f, CefrLevel::A1),
        "z_alle_onderdelen" => all_parts(f, CefrLevel::A0),
        "b1_a2_aangetoond" => {
            let report = f
                .reports
                .iter()
                .filter(|(_, l)| l.is_some_and(|l| l >= CefrLevel::A2))
                .map(|(d, _)| *d)
                .min();
            [report, first_passed(f, CefrLevel::A2)]
                .into_iter()
                .flatten()
                .min()
        }
        "b1_a2_examens" => all_parts(f, CefrLevel::A2),
        "b1_eindniveau" => {
            let b1 = all_parts(f, CefrLevel::B1);
            let a2_highest = f
                .afschalen
                .zip(all_parts(f, CefrLevel::A2))
                .map(|(a, b)| a.max(b));
            [b1, a2_highest].into_iter().flatten().min()
        }
        _ => None,
    }
}

fn months_after(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(months))
}

/// The first day on which 600 language and 600 participation hours were both logged.
fn hours_reached(f: &MilestoneFacts) -> Option<NaiveDate> {
    let mut entries = f.hours.clone();
    entries.sort_by_key(|(d, _, _)| *d);
    let (mut taal, mut participatie) = (0i64, 0i64);
    let target = Quarters::hours(600).0;
    let mut i = 0;
    while i < entries.len() {
        let day = entries[i].0;
        while i < entries.len() && entries[i].0 == day {
            match entries[i].1 {
                HourCategory::Taal => taal += entries[i].2 .0,
                HourCategory::Participatie
                | HourCategory::MapPraktijk
                | HourCategory::Werk
                | HourCategory::EigenPlek => participatie += entries[i].2 .0,
                _ => {}
            }
            i += 1;
        }
        if taal >= target && participatie >= target {
            return Some(day);
        }
    }
    None
}

/// The first passed exam part (not the eindgesprek) at `level` or above.
fn first_passed(f: &MilestoneFacts, level: CefrLevel) -> Option<NaiveDate> {
    f.exams
        .iter()
        .filter(|(part, l, result, _)| {
            *part != ExamPart::Eindgesprek
                && *result == ExamResult::Behaald
                && l.is_some_and(|l| l >= level)
        })
        .map(|(_, _, _, d)| *d)
        .min()
}

/// The day the last of the five parts was passed at `level` or above.
fn all_parts(f: &MilestoneFacts, level: CefrLevel) -> Option<NaiveDate> {
    PARTS
        .iter()
        .map(|part| {
            f.exams
                .iter()
                .filter(|(p, l, result, _)| {
                    p == part && *result == ExamResult::Behaald && l.is_some_and(|l| l >= level)
                })
                .map(|(_, _, _, d)| *d)
                .min()
        })
        .collect::<Option<Vec<_>>>()?
        .into_iter()
        .max()
}
