//! Gathers the signal facts of many clients at once: one query per table over the whole
//! caseload, so the Werkvoorraad of a region costs a few dozen statements, not one per client.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use rusqlite::{Connection, Row};
use uuid::Uuid;

use super::super::clients::{from_code, parse_date};
use super::super::{parse_id, Result, StoreError};
use crate::domain::hours::{HourEntry, HourEntryInput, HourSource, Quarters};
use crate::domain::level::CefrLevel;
use crate::domain::signals::{AdoptedPip, ClientFacts, ReportFact};
use crate::domain::termijn::add_years;
use crate::domain::trajectory::{ontzorgen_regular_end, BEGELEIDING_YEARS};

/// Who a client is, as the Werkvoorraad lists them.
#[derive(Debug, Clone)]
pub(crate) struct ClientRow {
    pub id: Uuid,
    pub name: String,
    pub municipality: String,
    pub consultant: Option<String>,
}

pub(crate) struct Caseload {
    pub clients: Vec<(ClientRow, ClientFacts)>,
    index: HashMap<String, usize>,
    /// Only this client (a dossier), else every client of the caseload.
    only: Option<String>,
}

impl Caseload {
    /// Runs `sql` (its first column the client id; `{c}` where the client condition goes) and
    /// hands each row of a known client to `f`.
    fn each(
        &mut self,
        conn: &Connection,
        sql: &str,
        mut f: impl FnMut(&mut ClientFacts, &Row<'_>) -> Result<()>,
    ) -> Result<()> {
        let condition = if self.only.is_some() {
            "client_id = ?1"
        } else {
            "?1 IS NULL"
        };
        let mut stmt = conn.prepare_cached(&sql.replace("{c}", condition))?;
        let mut rows = stmt.query([&self.only])?;
        while let Some(row) = rows.next()? {
            let client_id = text(row, 0)?;
            if let Some(i) = self.index.get(client_id).copied() {
                f(&mut self.clients[i].1, row)?;
            }
        }
        Ok(())
    }
}

/// Column `i` as text, borrowed from the row (no copy per row of a large table).
fn text<'r>(row: &'r Row<'_>, i: usize) -> Result<&'r str> {
    row.get_ref(i)?
        .as_str()
        .map_err(|e| StoreError::BadValue(e.to_string()))
}

fn opt_text<'r>(row: &'r Row<'_>, i: usize) -> Result<Option<&'r str>> {
    row.get_ref(i)?
        .as_str_or_null()
        .map_err(|e| StoreError::BadValue(e.to_string()))
}

fn code<T: serde::de::DeserializeOwned>(row: &Row<'_>, i: usize) -> Result<T> {
    from_code(text(row, i)?)
}

fn date(row: &Row<'_>, i: usize) -> Result<NaiveDate> {
    parse_date(text(row, i)?)
}

fn opt_date(row: &Row<'_>, i: usize) -> Result<Option<NaiveDate>> {
    opt_text(row, i)?.map(parse_date).transpose()
}

fn opt_code<T: serde::de::DeserializeOwned>(row: &Row<'_>, i: usize) -> Result<Option<T>> {
    opt_text(row, i)?.map(from_code).transpose()
}

/// The clients of a caseload: of `consultant` when given, and those nobody is assigned to yet;
/// or only the client `only`. Columns 0–9 as [`client_row`] reads them; 10 and 11 the cached
/// facts' version and facts.
const CLIENTS_SQL: &str = "SELECT c.id, c.given_name, c.family_name, c.municipality, c.consultant,
        c.client_type, c.status, c.birth_date, c.brp_registration_date, c.kennisgeving_date,
        s.version, s.facts
 FROM clients c LEFT JOIN signal_facts s ON s.client_id = c.id
 WHERE (?1 IS NULL OR c.consultant = ?1 OR c.consultant IS NULL) AND (?2 IS NULL OR c.id = ?2)";

/// Who the client is, and the facts that come from the client's own columns.
fn client_row(row: &Row<'_>) -> Result<(ClientRow, ClientFacts)> {
    let (given, family): (&str, &str) = (text(row, 1)?, text(row, 2)?);
    let mut facts = ClientFacts::new(opt_code(row, 5)?, opt_date(row, 8)?);
    facts.status = code(row, 6)?;
    facts.birth_date = opt_date(row, 7)?;
    facts.kennisgeving_date = opt_date(row, 9)?;
    Ok((
        ClientRow {
            id: parse_id(text(row, 0)?)?,
            name: format!("{given} {family}"),
            municipality: row.get(3)?,
            consultant: row.get(4)?,
        },
        facts,
    ))
}

/// Gathers the facts of every client of the caseload (see [`CLIENTS_SQL`]) from their records,
/// without the cache (the tests compare the two).
#[cfg(test)]
pub(crate) fn load(
    conn: &Connection,
    consultant: Option<&str>,
    only: Option<&Uuid>,
) -> Result<Caseload> {
    let mut caseload = Caseload::of(
        only.map(Uuid::to_string),
        clients(conn, consultant, only, |_, _| Ok(false))?,
    );
    gather(conn, &mut caseload)?;
    for (_, facts) in &mut caseload.clients {
        finish(facts);
    }
    Ok(caseload)
}

/// Hands every client of the caseload with its facts to `f`: from the cache where it holds
/// them, else gathered from the client's records (and cached for the next time). Says whether
/// every client's facts are cached now (not when gathered while another connection writes).
pub(crate) fn for_each(
    conn: &Connection,
    consultant: Option<&str>,
    only: Option<&Uuid>,
    mut f: impl FnMut(&ClientRow, ClientFacts) -> Result<()>,
) -> Result<bool> {
    let missing = clients(conn, consultant, only, |client, cached| {
        let Some(facts) = cached else {
            return Ok(false);
        };
        f(client, facts)?;
        Ok(true)
    })?;
    let (gathered, kept) = gather_missing(conn, missing)?;
    for (client, facts) in gathered {
        f(&client, facts)?;
    }
    Ok(kept)
}

/// A client as read, with its cached facts' layout version and encoding.
type Encoded = (ClientRow, ClientFacts, Option<i64>, Vec<u8>);

/// Clients handed to one worker at a time.
const BATCH: usize = 128;

/// Every client of the whole caseload with `f` applied to its facts, as [`for_each`] gives them
/// but on every core: this thread reads the rows while workers decode the cached facts (most
/// of the work) and apply `f`; the clients without usable cached facts are gathered here
/// afterwards. In no particular order; with whether every client's facts are cached now.
pub(crate) fn map_all<T: Send>(
    conn: &Connection,
    f: impl Fn(ClientFacts) -> T + Sync,
) -> Result<(Vec<(ClientRow, T)>, bool)> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from);
    let f = &f;
    let (mut done, missing) = std::thread::scope(|scope| -> Result<_> {
        let (senders, workers): (Vec<_>, Vec<_>) = (0..workers)
            .map(|_| {
                let (send, batches) = std::sync::mpsc::sync_channel::<Vec<Encoded>>(4);
                let worker = scope.spawn(move || {
                    let mut done = Vec::new();
                    let mut missing = Vec::new();
                    for (client, own, version, blob) in batches.into_iter().flatten() {
                        match from_cache(version, Some(&blob), &own) {
                            Some(facts) => done.push((client, f(facts))),
                            None => missing.push((client, own)),
                        }
                    }
                    (done, missing)
                });
                (send, worker)
            })
            .unzip();
        let mut missing = Vec::new();
        let mut batch = Vec::with_capacity(BATCH);
        let mut sent = 0;
        let read = rows(conn, None, None, |client, own, version, blob| {
            match blob {
                Some(blob) => batch.push((client, own, version, blob.to_vec())),
                None => missing.push((client, own)),
            }
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                // A worker hangs up only by panicking, which joining it passes on.
                let _ = senders[sent % senders.len()].send(full);
                sent += 1;
            }
            Ok(())
        });
        let _ = senders[sent % senders.len()].send(batch);
        drop(senders);
        let mut done = Vec::new();
        for worker in workers {
            let (d, m) = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            done.extend(d);
            missing.extend(m);
        }
        read?;
        Ok((done, missing))
    })?;
    let (gathered, kept) = gather_missing(conn, missing)?;
    for (client, facts) in gathered {
        done.push((client, f(facts)));
    }
    Ok((done, kept))
}

/// Gathers (and keeps) the facts of the clients the cache holds none of this layout for, without
/// decoding the others'.
pub(crate) fn gather_uncached(conn: &Connection) -> Result<()> {
    let mut missing = Vec::new();
    rows(conn, None, None, |client, own, version, blob| {
        if blob.is_none() || version != Some(super::cache::FACTS_VERSION) {
            missing.push((client, own));
        }
        Ok(())
    })?;
    gather_missing(conn, missing).map(drop)
}

/// Gathers the facts of clients the cache held none for from their records, and keeps them
/// unless another connection is writing (then says so).
fn gather_missing(
    conn: &Connection,
    missing: Vec<(ClientRow, ClientFacts)>,
) -> Result<(Vec<(ClientRow, ClientFacts)>, bool)> {
    if missing.is_empty() {
        return Ok((Vec::new(), true));
    }
    let (caseloads, kept) = super::cache::gathering(conn, |conn, keep| {
        // One client at a time reads each table through its client index; many at once read
        // each table whole.
        let mut caseloads = if missing.len() <= GATHER_ONE_BY_ONE {
            missing
                .into_iter()
                .map(|one| Caseload::of(Some(one.0.id.to_string()), vec![one]))
                .collect()
        } else {
            vec![Caseload::of(None, missing)]
        };
        for caseload in &mut caseloads {
            gather(conn, caseload)?;
            if keep {
                super::cache::save(conn, &caseload.clients)?;
            }
        }
        Ok((caseloads, keep))
    })?;
    let gathered = caseloads
        .into_iter()
        .flat_map(|c| c.clients)
        .map(|(client, mut facts)| {
            finish(&mut facts);
            (client, facts)
        })
        .collect();
    Ok((gathered, kept))
}

/// Up to this many clients without cached facts are gathered one by one.
const GATHER_ONE_BY_ONE: usize = 500;

/// Reads the caseload's clients (see [`CLIENTS_SQL`]): each with the facts of its own columns,
/// and its cached facts' layout version and encoding if it has them.
fn rows(
    conn: &Connection,
    consultant: Option<&str>,
    only: Option<&Uuid>,
    mut each: impl FnMut(ClientRow, ClientFacts, Option<i64>, Option<&[u8]>) -> Result<()>,
) -> Result<()> {
    let only = only.map(Uuid::to_string);
    let mut stmt = conn.prepare_cached(CLIENTS_SQL)?;
    let mut rows = stmt.query([consultant, only.as_deref()])?;
    while let Some(row) = rows.next()? {
        let (client, own) = client_row(row)?;
        let blob = row.get_ref(11)?.as_blob_or_null().ok().flatten();
        each(client, own, row.get(10)?, blob)?;
    }
    Ok(())
}

/// A client's facts from its cached row, with its own columns as they are now: `None` when
/// the row is of another layout or does not decode.
fn from_cache(version: Option<i64>, blob: Option<&[u8]>, own: &ClientFacts) -> Option<ClientFacts> {
    let mut facts = with_own_columns(super::cache::decode(version, blob)?, own);
    finish(&mut facts);
    Some(facts)
}

/// Reads the caseload's clients; hands each with its cached facts (see [`from_cache`]) to
/// `cached`, and returns those it had no facts for or that `cached` declined.
fn clients(
    conn: &Connection,
    consultant: Option<&str>,
    only: Option<&Uuid>,
    mut cached: impl FnMut(&ClientRow, Option<ClientFacts>) -> Result<bool>,
) -> Result<Vec<(ClientRow, ClientFacts)>> {
    let mut missing = Vec::new();
    rows(conn, consultant, only, |client, own, version, blob| {
        if !cached(&client, from_cache(version, blob, &own))? {
            missing.push((client, own));
        }
        Ok(())
    })?;
    Ok(missing)
}

/// Cached facts with the client's own columns as they are now.
fn with_own_columns(cached: ClientFacts, own: &ClientFacts) -> ClientFacts {
    ClientFacts {
        client_type: own.client_type,
        status: own.status,
        birth_date: own.birth_date,
        brp_registration_date: own.brp_registration_date,
        kennisgeving_date: own.kennisgeving_date,
        ..cached
    }
}

impl Caseload {
    fn of(only: Option<String>, clients: Vec<(ClientRow, ClientFacts)>) -> Self {
        let index = clients
            .iter()
            .enumerate()
            .map(|(i, (client, _))| (client.id.to_string(), i))
            .collect();
        Self {
            clients,
            index,
            only,
        }
    }
}

/// Adds to each client's facts what their records say (the cached part of the facts).
fn gather(conn: &Connection, c: &mut Caseload) -> Result<()> {
    c.each(
        conn,
        "SELECT client_id, SUM(CAST(julianday(until_date) - julianday(from_date) AS INTEGER) + 1)
         FROM pip_pauses WHERE {c} GROUP BY client_id",
        |f, r| {
            f.pause_days = r.get(1)?;
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id FROM intakes WHERE status = 'completed' AND {c}",
        |f, _| {
            f.intake_completed = true;
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT i.client_id FROM intake_answers a JOIN intakes i ON i.id = a.intake_id
         WHERE a.question_id = 'inkomen' AND a.value = '\"bijstand\"' AND {c}",
        |f, _| {
            f.social_assistance = true;
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, dagtekening, kind, leerroute, map_exemption, waiting_list_date,
                course_start_date
         FROM pip_versions WHERE status = 'vastgesteld' AND {c} ORDER BY client_id, number",
        |f, r| {
            f.pips.push(AdoptedPip {
                dagtekening: opt_date(r, 1)?,
                kind: code(r, 2)?,
                leerroute: opt_code(r, 3)?,
                map_exemption: code(r, 4)?,
                waiting_list_date: opt_date(r, 5)?,
                course_start_date: opt_date(r, 6)?,
            });
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, new_end FROM termijn_extensions WHERE {c} ORDER BY client_id, decision_date",
        |f, r| {
            f.latest_extension_end = Some(date(r, 1)?);
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, kind FROM termijn_exemptions WHERE {c} ORDER BY client_id, decision_date",
        |f, r| {
            f.exemption = Some(code(r, 1)?);
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, id, date, quarters, category, reverses FROM hour_entries WHERE {c}",
        |f, r| {
            f.hours.push(HourEntry {
                id: parse_id(text(r, 1)?)?,
                client_id: Uuid::nil(),
                input: HourEntryInput {
                    date: date(r, 2)?,
                    quarters: Quarters(r.get(3)?),
                    category: code(r, 4)?,
                    source: HourSource::Consultant,
                    provider: None,
                    note: None,
                },
                reverses: opt_text(r, 5)?.map(parse_id).transpose()?,
                reason: None,
                report_id: None,
                recorded_by: String::new(),
                recorded_at: DateTime::UNIX_EPOCH,
            });
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, period_end, stagnating, lezen, luisteren, spreken, schrijven, knm
         FROM progress_reports WHERE {c}",
        |f, r| {
            let mut highest: Option<CefrLevel> = None;
            for i in 3..8 {
                if let Some(level) = opt_text(r, i)?.and_then(CefrLevel::parse) {
                    highest = highest.max(Some(level));
                }
            }
            f.reports.push(ReportFact {
                period_end: date(r, 1)?,
                stagnating: r.get(2)?,
                highest,
            });
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, part FROM exams WHERE result = 'behaald' AND {c}",
        |f, r| {
            f.passed_exams.push(code(r, 1)?);
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, date, excused FROM absences WHERE {c}",
        |f, r| {
            f.absences.push((date(r, 1)?, r.get(2)?));
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, date, outcome FROM contact_attempts WHERE {c}",
        |f, r| {
            f.contacts.push((date(r, 1)?, code(r, 2)?));
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, date FROM progress_conversations WHERE {c}",
        |f, r| {
            f.conversations.push(date(r, 1)?);
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, signed_on FROM pvt_statements WHERE {c}",
        |f, r| {
            f.pvt_signed = Some(date(r, 1)?);
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id FROM map_closings WHERE result = 'voltooid' AND {c}",
        |f, _| {
            f.map_completed = true;
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, start, months, extended_until FROM ontzorgen WHERE {c}",
        |f, r| {
            let end = match opt_date(r, 3)? {
                Some(end) => end,
                None => ontzorgen_regular_end(date(r, 1)?, r.get(2)?),
            };
            f.ontzorgen_ends.push(end);
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id, start, \"end\" FROM begeleidingen WHERE {c}",
        |f, r| {
            let end = match opt_date(r, 2)? {
                Some(end) => end,
                None => add_years(date(r, 1)?, BEGELEIDING_YEARS),
            };
            f.begeleiding_ends.push(end);
            Ok(())
        },
    )?;
    c.each(
        conn,
        "SELECT client_id FROM referrals
         WHERE target IN ('participatiewet_consulent', 'werkbedrijf') AND {c}",
        |f, _| {
            f.referred_to_work = true;
            Ok(())
        },
    )?;
    c.each(conn, "SELECT client_id FROM closings WHERE {c}", |f, _| {
        f.closed = true;
        Ok(())
    })
}

/// What follows from the client's own columns and the gathered facts together.
fn finish(facts: &mut ClientFacts) {
    // Closed by status too (a case closed before closings were recorded).
    use crate::domain::ClientStatus as S;
    if matches!(
        facts.status,
        S::Afgerond | S::Ontheffing | S::Verhuisd | S::Beeindigd
    ) {
        facts.closed = true;
    }
    // A client in financieel ontzorgen is on social assistance.
    if !facts.ontzorgen_ends.is_empty() {
        facts.social_assistance = true;
    }
}
