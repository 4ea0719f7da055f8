//! The facts of the reports, gathered once for all of them: the signal facts of the caseload
//! (one query per table), one query for what only the reports read, and the work periods and
//! exams in bulk.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::clients::{from_code, parse_date};
use super::signals::ClientOnDay;
use super::{settings, Result, Store};
use crate::domain::exam::{ExamPart, ExamResult};
use crate::domain::level::CefrLevel;
use crate::domain::money::MilestoneFacts;
use crate::domain::pip::{first_pip_deadline, VersionKind};
use crate::domain::reports::{self, AgeGroups, HoursProgress, ReportClient, ReportTable};
use crate::domain::signals::ClientFacts;
use crate::domain::trajectory::WorkKind;

/// What the report query reads besides the signal facts.
struct Extra {
    gender: Option<String>,
    obligation_date: Option<NaiveDate>,
    course: Option<(String, Option<NaiveDate>, Option<NaiveDate>)>,
    intake_completed: Option<NaiveDate>,
}

/// Whether exports show counts of 1–4 as "<5" (a setting of this laptop).
const MASK_KEY: &str = "report_mask_small_counts";
const AGE_GROUPS_KEY: &str = "report_age_groups";

impl Store {
    pub fn mask_small_counts(&self) -> Result<bool> {
        Ok(settings::get(&self.conn, MASK_KEY)?.unwrap_or(false))
    }

    pub fn set_mask_small_counts(&mut self, mask: bool) -> Result<()> {
        settings::put(&self.conn, MASK_KEY, &mask)
    }

    /// The age groups of the cohort table (a setting of this laptop; the by default).
    pub fn report_age_groups(&self) -> Result<AgeGroups> {
        Ok(settings::get(&self.conn, AGE_GROUPS_KEY)?.unwrap_or_default())
    }

    pub fn set_report_age_groups(&mut self, groups: &AgeGroups) -> Result<()> {
        groups.validate()?;
        settings::put(&self.conn, AGE_GROUPS_KEY, groups)
    }

    /// Report `name` for the reference date, over the clients of `municipality` or all.
    pub fn report(
        &self,
        name: &str,
        reference: NaiveDate,
        municipality: Option<&str>,
    ) -> Result<Option<ReportTable>> {
        Ok(self
            .reports(&[name], reference, municipality)?
            .pop()
            .flatten())
    }

    /// Several reports over one gathering of the facts (`None` for an unknown name).
    pub fn reports(
        &self,
        names: &[&str],
        reference: NaiveDate,
        municipality: Option<&str>,
    ) -> Result<Vec<Option<ReportTable>>> {
        let clients = if names.iter().any(|n| *n != "spuk") {
            self.report_clients(municipality, reference)?
        } else {
            Vec::new()
        };
        let money = self.money_tables()?;
        let ages = self.report_age_groups()?;
        names
            .iter()
            .map(|name| {
                if *name == "spuk" {
                    let year = reference.year();
                    let years = self.spuk_forecast(year - 2, year + 2, municipality)?;
                    return Ok(Some(reports::spuk_table(&years, reference)));
                }
                Ok(reports::run(name, &clients, &money, &ages, reference))
            })
            .collect()
    }

    fn report_clients(
        &self,
        municipality: Option<&str>,
        reference: NaiveDate,
    ) -> Result<Vec<ReportClient>> {
        let mut extra = self.report_extras()?;
        let mut work = self.work_starts()?;
        let mut exams = self.exam_attempts()?;
        let mut clients = Vec::new();
        for ClientOnDay {
            client: row,
            facts,
            open: signals,
            portfolio,
        } in self.clients_on(reference)?
        {
            if municipality.is_some_and(|m| m != row.municipality) {
                continue;
            }
            let id = row.id.to_string();
            let Some(x) = extra.remove(&id) else {
                continue;
            };
            let first_dagtekening = facts.pips.iter().find_map(|p| p.dagtekening);
            let progress = portfolio.as_ref().and_then(HoursProgress::of);
            let milestones = milestone_facts(&facts, exams.remove(&id).unwrap_or_default());
            clients.push(ReportClient {
                municipality: row.municipality,
                client_type: facts.client_type,
                gender: x.gender.as_deref().map(from_code).transpose()?,
                birth_date: facts.birth_date,
                obligation_date: x
                    .obligation_date
                    .or(facts.kennisgeving_date)
                    .or(facts.brp_registration_date),
                first_pip_deadline: first_pip_deadline(
                    facts.brp_registration_date,
                    facts.kennisgeving_date,
                    facts.pause_days,
                ),
                brp_registration_date: facts.brp_registration_date,
                intake_completed: x.intake_completed,
                first_dagtekening,
                routes: facts
                    .pips
                    .iter()
                    .filter_map(|p| Some((p.leerroute?, p.dagtekening.and_then(|d| d.succ_opt()))))
                    .collect(),
                course: x.course,
                consultant: row.consultant,
                closed: facts.closed,
                social_assistance: facts.social_assistance,
                work: work.remove(&id).unwrap_or_default(),
                progress,
                signals,
                name: row.name,
                milestones,
            });
        }
        Ok(clients)
    }

    fn report_extras(&self) -> Result<HashMap<String, Extra>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.gender, c.obligation_date,
                    (SELECT min(substr(i.completed_at, 1, 10)) FROM intakes i
                     WHERE i.client_id = c.id AND i.status = 'completed'),
                    (SELECT p.provider || char(31) || coalesce(p.waiting_list_date, '')
                            || char(31) || coalesce(p.course_start_date, '')
                     FROM pip_versions p WHERE p.client_id = c.id AND p.status = 'vastgesteld'
                       AND p.provider IS NOT NULL ORDER BY p.number LIMIT 1)
             FROM clients c",
        )?;
        let mut rows = stmt.query([])?;
        let date = |v: Option<String>| v.as_deref().map(parse_date).transpose();
        let mut extras = HashMap::new();
        while let Some(r) = rows.next()? {
            extras.insert(
                r.get(0)?,
                Extra {
                    gender: r.get(1)?,
                    obligation_date: date(r.get(2)?)?,
                    intake_completed: date(r.get(3)?)?,
                    course: course(r.get(4)?),
                },
            );
        }
        Ok(extras)
    }

    fn work_starts(&self) -> Result<HashMap<String, Vec<(WorkKind, NaiveDate)>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT client_id, kind, start FROM work_periods")?;
        let mut rows = stmt.query([])?;
        let mut work: HashMap<String, Vec<_>> = HashMap::new();
        while let Some(r) = rows.next()? {
            work.entry(r.get(0)?).or_default().push((
                from_code(&r.get::<_, String>(1)?)?,
                parse_date(&r.get::<_, String>(2)?)?,
            ));
        }
        Ok(work)
    }

    fn exam_attempts(&self) -> Result<HashMap<String, Vec<ExamAttempt>>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT client_id, part, level, result, date FROM exams")?;
        let mut rows = stmt.query([])?;
        let mut exams: HashMap<String, Vec<_>> = HashMap::new();
        while let Some(r) = rows.next()? {
            exams.entry(r.get(0)?).or_default().push((
                from_code(&r.get::<_, String>(1)?)?,
                r.get::<_, Option<String>>(2)?
                    .as_deref()
                    .map(from_code)
                    .transpose()?,
                from_code(&r.get::<_, String>(3)?)?,
                parse_date(&r.get::<_, String>(4)?)?,
            ));
        }
        Ok(exams)
    }
}

type ExamAttempt = (ExamPart, Option<CefrLevel>, ExamResult, NaiveDate);

/// The invoice milestones' facts from the signal facts; `None` without an adopted route.
fn milestone_facts(
    facts: &ClientFacts,
    exams: Vec<ExamAttempt>,
) -> Option<(crate::domain::route::Leerroute, MilestoneFacts)> {
    let route = facts.pips.iter().rev().find_map(|p| p.leerroute)?;
    Some((
        route,
        MilestoneFacts {
            course_start: facts.pips.iter().find_map(|p| p.course_start_date),
            hours: facts
                .hours
                .iter()
                .map(|e| (e.input.date, e.input.category, e.input.quarters))
                .collect(),
            reports: facts
                .reports
                .iter()
                .map(|r| (r.period_end, r.highest))
                .collect(),
            exams,
            afschalen: facts
                .pips
                .iter()
                .filter(|p| p.kind == VersionKind::Afschalen)
                .find_map(|p| p.dagtekening),
        },
    ))
}

/// "provider␟waiting list␟start" as the query joins them.
fn course(joined: Option<String>) -> Option<(String, Option<NaiveDate>, Option<NaiveDate>)> {
    let joined = joined?;
    let mut parts = joined.split('\u{1f}');
    let provider = parts.next()?.to_owned();
    let mut day = || parts.next().and_then(|d| d.parse().ok());
    let listed = day();
    let start = day();
    Some((provider, listed, start))
}
