//! The facts of the aggregate reports, gathered with one query over the caseload.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::clients::{from_code, parse_date};
use super::{Result, Store};
use crate::domain::pip::first_pip_deadline;
use crate::domain::reports::{self, ReportClient, ReportTable, RouteStarts};

impl Store {
    /// Report `name` for the reference date, over the clients of `municipality` or all.
    pub fn report(
        &self,
        name: &str,
        reference: NaiveDate,
        municipality: Option<&str>,
    ) -> Result<Option<ReportTable>> {
        let clients = self.report_clients(municipality)?;
        Ok(reports::run(name, &clients, reference))
    }

    fn report_clients(&self, municipality: Option<&str>) -> Result<Vec<ReportClient>> {
        let mut pauses: HashMap<String, i64> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT client_id, SUM(CAST(julianday(until_date) - julianday(from_date) AS INTEGER) + 1)
             FROM pip_pauses GROUP BY client_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            pauses.insert(r.get(0)?, r.get(1)?);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.id, c.municipality, c.client_type, c.gender, c.birth_date, c.obligation_date,
                    c.brp_registration_date, c.kennisgeving_date,
                    (SELECT min(substr(i.completed_at, 1, 10)) FROM intakes i
                     WHERE i.client_id = c.id AND i.status = 'completed'),
                    (SELECT min(p.dagtekening) FROM pip_versions p
                     WHERE p.client_id = c.id AND p.status = 'vastgesteld'),
                    (SELECT p.provider || char(31) || coalesce(p.waiting_list_date, '')
                            || char(31) || coalesce(p.course_start_date, '')
                     FROM pip_versions p WHERE p.client_id = c.id AND p.status = 'vastgesteld'
                       AND p.provider IS NOT NULL ORDER BY p.number LIMIT 1)
             FROM clients c WHERE ?1 IS NULL OR c.municipality = ?1",
        )?;
        let mut rows = stmt.query([municipality])?;
        let date = |v: Option<String>| v.as_deref().map(parse_date).transpose();
        let mut routes = self.adopted_routes()?;
        let mut clients = Vec::new();
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let brp = date(r.get(6)?)?;
            let kennisgeving = date(r.get(7)?)?;
            clients.push(ReportClient {
                municipality: r.get(1)?,
                client_type: r
                    .get::<_, Option<String>>(2)?
                    .as_deref()
                    .map(from_code)
                    .transpose()?,
                gender: r
                    .get::<_, Option<String>>(3)?
                    .as_deref()
                    .map(from_code)
                    .transpose()?,
                birth_date: date(r.get(4)?)?,
                obligation_date: date(r.get(5)?)?.or(kennisgeving).or(brp),
                first_pip_deadline: first_pip_deadline(
                    brp,
                    kennisgeving,
                    pauses.get(&id).copied().unwrap_or(0),
                ),
                brp_registration_date: brp,
                intake_completed: date(r.get(8)?)?,
                first_dagtekening: date(r.get(9)?)?,
                routes: routes.remove(&id).unwrap_or_default(),
                course: course(r.get(10)?),
            });
        }
        Ok(clients)
    }

    /// Each client's routes of the adopted PIP versions, from the day after the dagtekening.
    fn adopted_routes(&self) -> Result<HashMap<String, RouteStarts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT client_id, leerroute, dagtekening FROM pip_versions
             WHERE status = 'vastgesteld' AND leerroute IS NOT NULL ORDER BY client_id, number",
        )?;
        let mut rows = stmt.query([])?;
        let mut routes: HashMap<String, RouteStarts> = HashMap::new();
        while let Some(r) = rows.next()? {
            let from = r
                .get::<_, Option<String>>(2)?
                .as_deref()
                .map(parse_date)
                .transpose()?
                .and_then(|d| d.succ_opt());
            routes
                .entry(r.get(0)?)
                .or_default()
                .push((from_code(&r.get::<_, String>(1)?)?, from));
        }
        Ok(routes)
    }
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
