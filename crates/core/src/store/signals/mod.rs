//! The Werkvoorraad: every signal of a caseload, most urgent first, minus what was
//! acknowledged or snoozed (until its date passes or its facts change); and the settings of
//! the thresholds.

mod cache;
mod facts;

pub(crate) use facts::ClientRow;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::{code, parse_date, parse_timestamp, timestamp};
use super::{parse_id, settings, Result, Store};
use crate::domain::signals::{self, ClientFacts, Severity, Signal, SignalKind, SignalSettings};
use crate::domain::{FieldError, Portfolio, ValidationErrors};
use crate::sync::outbox::LEDGER_ROW;

const SETTINGS_KEY: &str = "signal_settings";

/// Which signals to show.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct WerkvoorraadQuery {
    /// Only this consultant's clients and the unassigned ones (a consultant's own caseload);
    /// `None`: the whole team.
    pub consultant: Option<String>,
    pub municipality: Option<String>,
    /// Only these kinds; empty: all.
    pub kinds: Vec<SignalKind>,
    /// Also list what was acknowledged or snoozed.
    pub include_acknowledged: bool,
    /// At most this many items of each severity (the most urgent), so a screen gets what it
    /// shows and not a region's thousands; `group_sizes` says how many there are.
    #[serde(default)]
    #[ts(optional)]
    pub per_group: Option<u32>,
}

/// How many items of each severity the query lists, before `per_group` cuts them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct GroupSizes {
    pub error: u32,
    pub overdue: u32,
    pub warning: u32,
    pub info: u32,
}

/// An acknowledgement (no date) or a snooze until a date, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SignalAck {
    pub until: Option<NaiveDate>,
    pub reason: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WorkItem {
    pub client_id: Uuid,
    pub client_name: String,
    pub municipality: String,
    pub consultant: Option<String>,
    pub signal: Signal,
    /// Set when the signal is put aside (shown only with `include_acknowledged`).
    pub ack: Option<SignalAck>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SignalCounts {
    pub error: u32,
    pub overdue: u32,
    pub warning: u32,
    pub info: u32,
    /// Put aside by an acknowledgement or snooze.
    pub acknowledged: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Werkvoorraad {
    pub items: Vec<WorkItem>,
    /// Of the signals that match the query, before `include_acknowledged`.
    pub counts: SignalCounts,
    pub group_sizes: GroupSizes,
    /// The consultants with clients, for the team lead's filter.
    pub consultants: Vec<String>,
}

/// A client's most urgent dated signal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NextDeadline {
    pub client_id: Uuid,
    pub signal: Signal,
}

impl GroupSizes {
    fn of(&mut self, severity: Severity) -> &mut u32 {
        match severity {
            Severity::Error => &mut self.error,
            Severity::Overdue => &mut self.overdue,
            Severity::Warning => &mut self.warning,
            Severity::Info => &mut self.info,
        }
    }
}

/// The day and the generation of the signals' sources (see [`facts_generation`]) the memo was
/// made with.
type MemoKey = (NaiveDate, i64);

/// Each client with its signals.
type TeamSignals = Vec<(ClientRow, Vec<Signal>)>;

pub(crate) struct Memo {
    key: MemoKey,
    settings: SignalSettings,
    clients: Arc<TeamSignals>,
    /// Clients this connection wrote since: their signals are evaluated again on the next ask,
    /// the others' kept.
    stale: HashSet<Uuid>,
}

/// Beyond this many clients written since the signals were evaluated (an import), all are
/// evaluated again: one pass over each table is faster than a few queries per client.
const STALE_AT_MOST: usize = 200;

/// What a committed write of this connection changed, for the signals kept in memory: the
/// generations of the signals' sources before and after it, and the clients whose records it
/// wrote, or `None` when it may have changed any client's facts.
pub(crate) struct Written {
    pub generations: std::ops::Range<i64>,
    pub clients: Option<HashSet<Uuid>>,
}

/// The generation of the signals' sources (migration 15): raised by every change, of any
/// connection, to a client or a record the client's signal facts come from.
pub(super) fn facts_generation(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT n FROM facts_generation WHERE id = 1")?
        .query_row([], |r| r.get(0))?)
}

impl Memo {
    /// Keeps the signals over a write of this connection: a write that changed none of their
    /// sources keeps them all, one that did has only the clients it wrote evaluated again on
    /// the next ask. Any other change since the signals were evaluated (another connection's,
    /// a write that did not go through here) leaves them to the memo key.
    pub(crate) fn after_write(memo: &mut Option<Box<Self>>, written: Written) {
        let Some(kept) = memo.as_mut() else {
            return;
        };
        if kept.key.1 != written.generations.start || written.generations.is_empty() {
            return;
        }
        match written.clients {
            Some(clients) if kept.stale.len() + clients.len() <= STALE_AT_MOST => {
                kept.stale.extend(clients);
                kept.key.1 = written.generations.end;
            }
            _ => *memo = None,
        }
    }
}

/// Acknowledge (no `until`) or snooze a client's signal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AckInput {
    pub kind: SignalKind,
    pub fingerprint: String,
    pub until: Option<NaiveDate>,
    pub reason: String,
}

impl Store {
    pub fn signal_settings(&self) -> Result<SignalSettings> {
        Ok(settings::get(&self.conn, SETTINGS_KEY)?.unwrap_or_default())
    }

    pub fn save_signal_settings(&mut self, new: SignalSettings) -> Result<SignalSettings> {
        new.validate()?;
        settings::put(&self.conn, SETTINGS_KEY, &new)?;
        Ok(new)
    }

    /// The signals of every client of the query, most urgent first.
    pub fn werkvoorraad(
        &self,
        query: &WerkvoorraadQuery,
        today: NaiveDate,
    ) -> Result<Werkvoorraad> {
        self.signals_of(query, None, today)
    }

    /// Every client's signals on `today`: computed once, then kept while the signals' sources
    /// stay as they were (their generation) and the settings too. A commit that changed none of
    /// them (the syncer noting a sync that pulled nothing) keeps them all; a write of this
    /// connection that told which clients it wrote has only those evaluated again; any other
    /// change (a pull, an import, a purge) has every client evaluated again. The Werkvoorraad,
    /// the navigation's counts and the caseload's next deadlines ask one after another, and
    /// again after every save.
    fn team_signals(
        &self,
        settings: &SignalSettings,
        today: NaiveDate,
    ) -> Result<Arc<TeamSignals>> {
        // Read before gathering: a change committed meanwhile is found by the next ask.
        let key = (today, facts_generation(&self.conn)?);
        let kept = self.signals_memo.borrow_mut().take();
        // A client's change raises the generation by dropping its cached facts: signals whose
        // facts were gathered and not cached (while the syncer writes) are not kept.
        let mut cached = true;
        let mut memo = match kept {
            Some(memo) if memo.key == key && memo.settings == *settings => memo,
            _ => {
                let (clients, all_cached) = facts::map_all(&self.conn, |facts| {
                    signals::evaluate(&facts, settings, today)
                })?;
                cached = all_cached;
                Box::new(Memo {
                    clients: Arc::new(clients),
                    key,
                    settings: *settings,
                    stale: HashSet::new(),
                })
            }
        };
        if !memo.stale.is_empty() {
            let clients = Arc::make_mut(&mut memo.clients);
            clients.retain(|(client, _)| !memo.stale.contains(&client.id));
            for id in std::mem::take(&mut memo.stale) {
                // None when the client is gone (purged).
                cached &= facts::for_each(&self.conn, None, Some(&id), |client, facts| {
                    clients.push((client.clone(), signals::evaluate(&facts, settings, today)));
                    Ok(())
                })?;
            }
        }
        let clients = Arc::clone(&memo.clients);
        if cached {
            *self.signals_memo.borrow_mut() = Some(memo);
        }
        Ok(clients)
    }

    fn signals_of(
        &self,
        query: &WerkvoorraadQuery,
        only: Option<&Uuid>,
        today: NaiveDate,
    ) -> Result<Werkvoorraad> {
        let settings = self.signal_settings()?;
        let acks = self.latest_acks()?;
        let mut items = Vec::new();
        let mut counts = SignalCounts::default();
        let mut consultants: Vec<String> = Vec::new();
        let mut visit = |client: &ClientRow, signals: &[Signal]| {
            if let Some(c) = &client.consultant {
                if !consultants.contains(c) {
                    consultants.push(c.clone());
                }
            }
            if query
                .municipality
                .as_ref()
                .is_some_and(|m| *m != client.municipality)
            {
                return;
            }
            for signal in signals.iter().cloned() {
                if !query.kinds.is_empty() && !query.kinds.contains(&signal.kind) {
                    continue;
                }
                let ack = holding_ack(&acks, client.id, &signal, today).cloned();
                match (&ack, signal.severity) {
                    (Some(_), _) => counts.acknowledged += 1,
                    (None, Severity::Error) => counts.error += 1,
                    (None, Severity::Overdue) => counts.overdue += 1,
                    (None, Severity::Warning) => counts.warning += 1,
                    (None, Severity::Info) => counts.info += 1,
                }
                if ack.is_some() && !query.include_acknowledged {
                    continue;
                }
                items.push(WorkItem {
                    client_id: client.id,
                    client_name: client.name.clone(),
                    municipality: client.municipality.clone(),
                    consultant: client.consultant.clone(),
                    signal,
                    ack,
                });
            }
        };
        match only {
            Some(id) => {
                facts::for_each(&self.conn, None, Some(id), |client, facts| {
                    visit(client, &signals::evaluate(&facts, &settings, today));
                    Ok(())
                })?;
            }
            None => {
                // A consultant's caseload: their clients and those nobody is assigned to yet.
                let theirs = |client: &ClientRow| {
                    query
                        .consultant
                        .as_ref()
                        .is_none_or(|mine| client.consultant.as_ref().is_none_or(|c| c == mine))
                };
                for (client, signals) in self.team_signals(&settings, today)?.iter() {
                    if theirs(client) {
                        visit(client, signals);
                    }
                }
            }
        }
        items.sort_by(|a, b| {
            let key = |i: &WorkItem| (i.signal.severity, i.signal.due.is_none(), i.signal.due);
            key(a)
                .cmp(&key(b))
                .then_with(|| a.client_name.cmp(&b.client_name))
                // Not the order the clients are kept in, which a write changes.
                .then_with(|| a.client_id.cmp(&b.client_id))
        });
        consultants.sort();
        let mut group_sizes = GroupSizes::default();
        // Sorted by severity first: each severity's most urgent items come first.
        items.retain(|item| {
            let n = group_sizes.of(item.signal.severity);
            *n += 1;
            query.per_group.is_none_or(|limit| *n <= limit)
        });
        Ok(Werkvoorraad {
            items,
            counts,
            group_sizes,
            consultants,
        })
    }

    /// Every client with its facts, the signals open on `day` (not put away) and the portfolio
    /// on that day, for the reports: computed on every core, in no particular order.
    pub(crate) fn clients_on(&self, day: NaiveDate) -> Result<Vec<ClientOnDay>> {
        let settings = self.signal_settings()?;
        let acks = self.latest_acks()?;
        let (all, _) = facts::map_all(&self.conn, |facts| {
            let (signals, portfolio) = signals::evaluate_with_portfolio(&facts, &settings, day);
            (facts, signals, portfolio)
        })?;
        Ok(all
            .into_iter()
            .map(|(client, (facts, signals, portfolio))| {
                let open = signals
                    .iter()
                    .filter(|s| holding_ack(&acks, client.id, s, day).is_none())
                    .map(|s| (s.kind, s.severity))
                    .collect();
                ClientOnDay {
                    client,
                    facts,
                    open,
                    portfolio,
                }
            })
            .collect())
    }

    /// Brings what is derived from many rows up to date after a bulk write (a generated
    /// caseload, an import, a sync that pulled rows), so the next screen does not pay for it:
    /// every client's signal facts (those whose records changed are gathered again) and the
    /// query planner's statistics (`PRAGMA optimize`, which analyses only tables whose
    /// statistics are missing or stale, at most 400 rows of each index: 1.9 s once on a
    /// 10,000-client database, a fraction of a millisecond when nothing changed).
    pub fn refresh_derived(&self) -> Result<()> {
        facts::gather_uncached(&self.conn)?;
        self.conn
            .execute_batch("PRAGMA analysis_limit = 400; PRAGMA optimize;")?;
        Ok(())
    }

    /// The facts the signals read, of every client (for benchmarks and reports).
    pub fn signal_facts(&self) -> Result<Vec<crate::domain::signals::ClientFacts>> {
        let mut all = Vec::new();
        facts::for_each(&self.conn, None, None, |_, facts| {
            all.push(facts);
            Ok(())
        })?;
        Ok(all)
    }

    /// One client's signals (the dossier's banner), acknowledged ones included and marked.
    pub fn client_signals(&self, client_id: &Uuid, today: NaiveDate) -> Result<Vec<WorkItem>> {
        let query = WerkvoorraadQuery {
            include_acknowledged: true,
            ..WerkvoorraadQuery::default()
        };
        Ok(self.signals_of(&query, Some(client_id), today)?.items)
    }

    /// The next deadline of each client with one: its most urgent dated signal that is not put
    /// aside (the caseload's column).
    pub fn next_deadlines(&self, today: NaiveDate) -> Result<Vec<NextDeadline>> {
        let all = self.werkvoorraad(&WerkvoorraadQuery::default(), today)?;
        let mut seen = std::collections::HashSet::new();
        Ok(all
            .items
            .into_iter()
            .filter(|i| i.signal.due.is_some() && seen.insert(i.client_id))
            .map(|i| NextDeadline {
                client_id: i.client_id,
                signal: i.signal,
            })
            .collect())
    }

    /// Acknowledges or snoozes a client's signal; audited, and synced as a ledger row.
    pub fn acknowledge_signal(
        &mut self,
        client_id: &Uuid,
        input: AckInput,
        today: NaiveDate,
    ) -> Result<()> {
        let reason = input.reason.trim().to_owned();
        let mut errors = ValidationErrors::default();
        if reason.is_empty() {
            errors.push(FieldError::new("reason", "required", "is verplicht"));
        }
        if input.until.is_some_and(|u| u < today) {
            errors.push(FieldError::new(
                "until",
                "not_in_past",
                "ligt in het verleden",
            ));
        }
        errors.into_result()?;
        self.client(client_id)?;
        let mut w = self.begin_write()?;
        let id = Uuid::now_v7().to_string();
        w.tx.execute(
            "INSERT INTO signal_acks (id, client_id, kind, fingerprint, until, reason, acked_by, acked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                id,
                client_id.to_string(),
                code(&input.kind),
                input.fingerprint,
                input.until.map(|u| u.to_string()),
                reason,
                w.actor,
                timestamp(w.now)
            ],
        )?;
        w.outbox("signal_acks", &id, LEDGER_ROW, &Value::Null)?;
        let what = match input.until {
            Some(until) => format!("{} gesnoozed tot en met {until}", code(&input.kind)),
            None => format!("{} afgehandeld", code(&input.kind)),
        };
        w.audit(
            AuditAction::Append,
            "signal_acks",
            &id,
            Some(&client_id.to_string()),
            &[
                FieldChange {
                    field: "signal".into(),
                    old: None,
                    new: Some(what),
                },
                FieldChange {
                    field: "reason".into(),
                    old: None,
                    new: Some(reason),
                },
            ],
        )?;
        w.commit()
    }

    /// The latest acknowledgement per client and kind, with the fingerprint it was given for.
    fn latest_acks(&self) -> Result<Acks> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT client_id, kind, fingerprint, until, reason, acked_by, acked_at
             FROM signal_acks ORDER BY acked_at, id",
        )?;
        let mut rows = stmt.query([])?;
        let mut acks = HashMap::new();
        while let Some(r) = rows.next()? {
            let kind: SignalKind = super::clients::from_code(&r.get::<_, String>(1)?)?;
            let until: Option<String> = r.get(3)?;
            acks.insert(
                (parse_id(&r.get::<_, String>(0)?)?, kind),
                (
                    r.get::<_, String>(2)?,
                    SignalAck {
                        until: until.as_deref().map(parse_date).transpose()?,
                        reason: r.get(4)?,
                        by: r.get(5)?,
                        at: parse_timestamp(&r.get::<_, String>(6)?)?,
                    },
                ),
            );
        }
        Ok(acks)
    }
}

/// A client's open signals: kind and severity.
pub(crate) type OpenSignals = Vec<(SignalKind, Severity)>;

/// A client as the reports see it on a day (see [`Store::clients_on`]).
pub(crate) struct ClientOnDay {
    pub client: ClientRow,
    pub facts: ClientFacts,
    /// The signals open on the day: not acknowledged or snoozed.
    pub open: OpenSignals,
    /// The portfolio on the day; `None` before a PIP.
    pub portfolio: Option<Portfolio>,
}

/// Each client's latest acknowledgement per kind, with the fingerprint it was given for.
type Acks = HashMap<(Uuid, SignalKind), (String, SignalAck)>;

/// The acknowledgement that puts `signal` away on `today`: given for the same facts and not
/// run out.
fn holding_ack<'a>(
    acks: &'a Acks,
    client: Uuid,
    signal: &Signal,
    today: NaiveDate,
) -> Option<&'a SignalAck> {
    acks.get(&(client, signal.kind))
        .filter(|(fingerprint, ack)| {
            *fingerprint == signal.fingerprint && ack.until.is_none_or(|u| u >= today)
        })
        .map(|(_, ack)| ack)
}

#[cfg(test)]
mod tests;
