//! The audit log: who did what to which record, and who read which dossier (domain page §7).
//! Append-only (enforced by triggers); it syncs as a ledger. The team lead or privacy officer
//! reads it through [`Store::audit`]: filtered, newest first, a page at a time.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rusqlite::params_from_iter;
use rusqlite::types::Value as SqlValue;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::clients::timestamp;
use super::{parse_id, Result, Store};
use crate::domain::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Create,
    Update,
    Read,
    Append,
    /// The full BSN was shown on purpose (domain page §7: masked unless asked for).
    Reveal,
    /// The whole dossier was exported for the client (right of access).
    Export,
    /// The dossier was purged after its retention period (the entry keeps no personal data).
    Purge,
}

impl AuditAction {
    pub const ALL: [Self; 7] = [
        Self::Create,
        Self::Update,
        Self::Read,
        Self::Append,
        Self::Reveal,
        Self::Export,
        Self::Purge,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Create => "create",
            Self::Update => "update",
            Self::Read => "read",
            Self::Append => "append",
            Self::Reveal => "reveal",
            Self::Export => "export",
            Self::Purge => "purge",
        }
    }

    /// Whether the entry records a change of the client's records, not a look at them.
    pub fn writes_records(self) -> bool {
        !matches!(self, Self::Read | Self::Reveal | Self::Export)
    }

    /// The Dutch word for what happened, as the Auditlog screen shows it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Create => "Aangemaakt",
            Self::Update => "Gewijzigd",
            Self::Read => "Ingezien",
            Self::Append => "Toegevoegd",
            Self::Reveal => "BSN bekeken",
            Self::Export => "Dossier geëxporteerd (inzage)",
            Self::Purge => "Dossier verwijderd (bewaartermijn)",
        }
    }

    fn from_code(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|a| a.code() == code)
            .unwrap_or(Self::Read)
    }
}

/// One changed field, old → new, as display text (a BSN is masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl std::fmt::Display for FieldChange {
    /// "Telefoon: 0612345678 → 0687654321", "Weergave: dossier", in Dutch labels.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let label = crate::domain::glossary::field_label(&self.field);
        let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".to_owned());
        match (&self.old, &self.new) {
            (Some(_), _) => write!(f, "{label}: {} → {}", shown(&self.old), shown(&self.new)),
            (None, Some(new)) => write!(f, "{label}: {new}"),
            (None, None) => f.write_str(label),
        }
    }
}

/// Which part of the audit log to read (the Auditlog screen, a dossier's Audit tab,
/// `traject audit`). Every filter is optional; entries come newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct AuditQuery {
    /// One dossier; all dossiers and the team's own data when absent.
    pub client_id: Option<Uuid>,
    /// Who did it, as signed in the entry.
    pub actor: Option<String>,
    pub action: Option<AuditAction>,
    /// The first day, in this laptop's calendar.
    pub from: Option<NaiveDate>,
    /// The last day (included).
    pub until: Option<NaiveDate>,
    /// Continue after this entry: the `next` of the page before ("Meer laden").
    pub after: Option<AuditCursor>,
    /// Entries per page: [`AuditQuery::DEFAULT_LIMIT`] when 0, at most [`AuditQuery::MAX_LIMIT`].
    pub limit: u32,
}

impl AuditQuery {
    pub const DEFAULT_LIMIT: u32 = 100;
    pub const MAX_LIMIT: u32 = 1000;

    fn page_size(&self) -> u32 {
        match self.limit {
            0 => Self::DEFAULT_LIMIT,
            n => n.min(Self::MAX_LIMIT),
        }
    }

    /// A period that ends before it begins is refused, naming the field.
    fn validate(&self) -> std::result::Result<(), ValidationErrors> {
        match (self.from, self.until) {
            (Some(from), Some(until)) if until < from => {
                let mut errors = ValidationErrors::default();
                errors.push(FieldError::new(
                    "until",
                    "after_from",
                    format!("ligt vóór de begindatum ({})", from.format("%d-%m-%Y")),
                ));
                Err(errors)
            }
            _ => Ok(()),
        }
    }
}

/// Where a page of the audit log ended: the last entry's time and id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditCursor {
    pub at: DateTime<Utc>,
    pub id: Uuid,
}

/// One entry with the dossier it concerns (none for the team's own data, such as a fine rule).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditRow {
    pub entry: AuditEntry,
    pub client_id: Option<Uuid>,
    /// "Given Family", as the client is named now.
    pub client_name: Option<String>,
}

/// A page of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditPage {
    pub entries: Vec<AuditRow>,
    /// Where the next page starts; none when this page holds the last entries.
    pub next: Option<AuditCursor>,
}

/// The UTC instants that bound the days `from`..=`until` in time zone `zone`, as stored in
/// `audit_log.at`: the start of `from` and the start of the day after `until`.
pub fn period_bounds<Tz: TimeZone>(
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    zone: &Tz,
) -> (Option<String>, Option<String>) {
    let start_of = |day: NaiveDate| {
        let midnight = day.and_time(chrono::NaiveTime::MIN);
        let at = zone
            .from_local_datetime(&midnight)
            .earliest()
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc));
        timestamp(at)
    };
    (
        from.map(start_of),
        until.and_then(|d| d.succ_opt()).map(start_of),
    )
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: AuditAction,
    pub entity: String,
    pub row_id: String,
    pub changes: Vec<FieldChange>,
}

impl Store {
    /// A page of the audit log matching `query`, newest first; the days of the period are
    /// this laptop's. An unknown client is an error that names it; so is a period that ends
    /// before it begins.
    pub fn audit(&self, query: &AuditQuery) -> Result<AuditPage> {
        self.audit_in(query, &chrono::Local)
    }

    fn audit_in<Tz: TimeZone>(&self, query: &AuditQuery, zone: &Tz) -> Result<AuditPage> {
        query.validate()?;
        if let Some(id) = &query.client_id {
            self.client(id)?;
        }
        let mut conditions: Vec<&str> = Vec::new();
        let mut values: Vec<SqlValue> = Vec::new();
        if let Some(id) = &query.client_id {
            conditions.push("a.client_id = ?");
            values.push(SqlValue::Text(id.to_string()));
        }
        if let Some(actor) = &query.actor {
            conditions.push("a.actor = ?");
            values.push(SqlValue::Text(actor.clone()));
        }
        if let Some(action) = query.action {
            conditions.push("a.action = ?");
            values.push(SqlValue::Text(action.code().to_owned()));
        }
        let (from, before) = period_bounds(query.from, query.until, zone);
        if let Some(from) = from {
            conditions.push("a.at >= ?");
            values.push(SqlValue::Text(from));
        }
        if let Some(before) = before {
            conditions.push("a.at < ?");
            values.push(SqlValue::Text(before));
        }
        if let Some(after) = &query.after {
            conditions.push("(a.at, a.id) < (?, ?)");
            values.push(SqlValue::Text(timestamp(after.at)));
            values.push(SqlValue::Text(after.id.to_string()));
        }
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let size = query.page_size();
        // One more than a page tells whether another page follows.
        values.push(SqlValue::Integer(i64::from(size) + 1));
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT a.id, a.at, a.actor, a.action, a.entity, a.row_id, a.changes, a.client_id,
                    c.given_name || ' ' || c.family_name
             FROM audit_log a LEFT JOIN clients c ON c.id = a.client_id
             {where_clause}
             ORDER BY a.at DESC, a.id DESC LIMIT ?"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), |r| {
            Ok((
                (
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                ),
                r.get::<_, Option<String>>(7)?,
                r.get::<_, Option<String>>(8)?,
            ))
        })?;
        let mut entries = Vec::new();
        for row in rows {
            let (entry, client_id, client_name) = row?;
            entries.push(AuditRow {
                entry: entry_from(entry)?,
                client_id: client_id.as_deref().map(parse_id).transpose()?,
                client_name,
            });
        }
        let next = if entries.len() > size as usize {
            entries.truncate(size as usize);
            entries.last().map(|row| AuditCursor {
                at: row.entry.at,
                id: row.entry.id,
            })
        } else {
            None
        };
        Ok(AuditPage { entries, next })
    }

    /// Everyone who signed an entry of the audit log, alphabetically (the Gebruiker filter).
    pub fn audit_actors(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT DISTINCT actor FROM audit_log ORDER BY actor COLLATE NOCASE")?;
        let actors = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(actors)
    }

    /// Everything that happened to one client's dossier, newest first.
    pub fn audit_trail(&self, client_id: &Uuid) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, actor, action, entity, row_id, changes FROM audit_log
             WHERE client_id = ?1 ORDER BY hlc DESC",
        )?;
        let rows = stmt.query_map([client_id.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        rows.map(|row| entry_from(row?)).collect()
    }
}

type EntryColumns = (String, String, String, String, String, String, String);

/// An entry from its columns: id, at, actor, action, entity, row id, changes.
fn entry_from(
    (id, at, actor, action, entity, row_id, changes): EntryColumns,
) -> Result<AuditEntry> {
    Ok(AuditEntry {
        id: parse_id(&id)?,
        at: super::clients::parse_timestamp(&at)?,
        actor,
        action: AuditAction::from_code(&action),
        entity,
        row_id,
        changes: serde_json::from_str(&changes)?,
    })
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;
    use crate::domain::{ClientInput, FineRule};
    use crate::store::test_support::{amira, store, today};
    use crate::store::StoreError;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Writes an entry as it could have come from any laptop: `at` in UTC, RFC 3339.
    fn entry(store: &Store, at: &str, actor: &str, action: &str, client: Option<&Uuid>) -> Uuid {
        let id = Uuid::now_v7();
        store
            .conn
            .execute(
                "INSERT INTO audit_log (id, at, hlc, actor, device_id, action, entity, row_id, client_id)
                 VALUES (?1, ?2, ?2, ?3, 'test', ?4, 'clients', coalesce(?5, 'team'), ?5)",
                rusqlite::params![
                    id.to_string(),
                    at,
                    actor,
                    action,
                    client.map(Uuid::to_string)
                ],
            )
            .unwrap();
        id
    }

    fn ids(page: &AuditPage) -> Vec<Uuid> {
        page.entries.iter().map(|r| r.entry.id).collect()
    }

    #[test]
    fn period_bounds_are_the_local_days_in_utc() {
        let amsterdam_winter = FixedOffset::east_opt(3600).unwrap();
        let amsterdam_summer = FixedOffset::east_opt(7200).unwrap();
        let cases = [
            (
                "one winter day",
                Some(day(2026, 1, 5)),
                Some(day(2026, 1, 5)),
                amsterdam_winter,
                Some("2026-01-04T23:00:00.000Z"),
                Some("2026-01-05T23:00:00.000Z"),
            ),
            (
                "a summer month",
                Some(day(2026, 7, 1)),
                Some(day(2026, 7, 31)),
                amsterdam_summer,
                Some("2026-06-30T22:00:00.000Z"),
                Some("2026-07-31T22:00:00.000Z"),
            ),
            (
                "only a start",
                Some(day(2026, 3, 1)),
                None,
                amsterdam_winter,
                Some("2026-02-28T23:00:00.000Z"),
                None,
            ),
            (
                "up to new year's eve",
                None,
                Some(day(2026, 12, 31)),
                amsterdam_winter,
                None,
                Some("2026-12-31T23:00:00.000Z"),
            ),
            ("no period", None, None, amsterdam_winter, None, None),
        ];
        for (name, from, until, zone, start, end) in cases {
            let (s, e) = period_bounds(from, until, &zone);
            assert_eq!((s.as_deref(), e.as_deref()), (start, end), "{name}");
        }
    }

    #[test]
    fn filters_pick_by_dossier_user_action_and_period() {
        let (_dir, mut store) = store();
        let amira = store.create_client(amira(), today()).unwrap();
        let yonas = store
            .create_client(
                ClientInput {
                    given_name: "Yonas".into(),
                    family_name: "Tesfaye".into(),
                    ..crate::store::test_support::amira()
                },
                today(),
            )
            .unwrap();
        // Old entries from two colleagues, in Amsterdam winter time (UTC+1).
        let e1 = entry(
            &store,
            "2025-01-10T08:00:00.000Z",
            "Petra Jansen",
            "read",
            Some(&amira.id),
        );
        let e2 = entry(
            &store,
            "2025-01-10T23:30:00.000Z",
            "Petra Jansen",
            "update",
            Some(&yonas.id),
        );
        let e3 = entry(
            &store,
            "2025-01-11T09:00:00.000Z",
            "Jan Bakker",
            "reveal",
            Some(&amira.id),
        );
        let e4 = entry(
            &store,
            "2025-02-01T12:00:00.000Z",
            "Jan Bakker",
            "read",
            None,
        );
        let winter = FixedOffset::east_opt(3600).unwrap();
        let old = Some(day(2025, 12, 31));
        let cases: [(&str, AuditQuery, Vec<Uuid>); 7] = [
            (
                "everything old, newest first",
                AuditQuery {
                    until: old,
                    ..AuditQuery::default()
                },
                vec![e4, e3, e2, e1],
            ),
            (
                "one user",
                AuditQuery {
                    actor: Some("Petra Jansen".into()),
                    ..AuditQuery::default()
                },
                vec![e2, e1],
            ),
            (
                "one action",
                AuditQuery {
                    action: Some(AuditAction::Reveal),
                    ..AuditQuery::default()
                },
                vec![e3],
            ),
            (
                "one dossier and one user",
                AuditQuery {
                    client_id: Some(amira.id),
                    actor: Some("Jan Bakker".into()),
                    ..AuditQuery::default()
                },
                vec![e3],
            ),
            (
                // 23:30 UTC on the 10th is already the 11th in Amsterdam.
                "one local day",
                AuditQuery {
                    from: Some(day(2025, 1, 11)),
                    until: Some(day(2025, 1, 11)),
                    ..AuditQuery::default()
                },
                vec![e3, e2],
            ),
            (
                "from a day on",
                AuditQuery {
                    from: Some(day(2025, 1, 11)),
                    until: old,
                    ..AuditQuery::default()
                },
                vec![e4, e3, e2],
            ),
            (
                "nothing matches",
                AuditQuery {
                    actor: Some("Petra Jansen".into()),
                    action: Some(AuditAction::Export),
                    ..AuditQuery::default()
                },
                vec![],
            ),
        ];
        for (name, query, expected) in cases {
            let page = store.audit_in(&query, &winter).unwrap();
            assert_eq!(ids(&page), expected, "{name}");
            assert_eq!(page.next, None, "{name}");
        }
        // The dossier's own entries: the creation (this laptop, now) and two old ones.
        let page = store
            .audit(&AuditQuery {
                client_id: Some(amira.id),
                ..AuditQuery::default()
            })
            .unwrap();
        let actions: Vec<AuditAction> = page.entries.iter().map(|r| r.entry.action).collect();
        assert_eq!(
            actions,
            [AuditAction::Create, AuditAction::Reveal, AuditAction::Read]
        );
    }

    #[test]
    fn global_entries_name_their_dossier_and_team_entries_none() {
        let (_dir, mut store) = store();
        let amira = store.create_client(amira(), today()).unwrap();
        store
            .save_fine_rule(FineRule {
                code: "art. 3".into(),
                description: "Niet verschijnen".into(),
                trigger: None,
                max_cents: 25_000,
            })
            .unwrap();
        let page = store.audit(&AuditQuery::default()).unwrap();
        let named: Vec<(Option<Uuid>, Option<&str>, &str)> = page
            .entries
            .iter()
            .map(|r| {
                (
                    r.client_id,
                    r.client_name.as_deref(),
                    r.entry.entity.as_str(),
                )
            })
            .collect();
        assert_eq!(
            named,
            [
                (None, None, "fine_rules"),
                (Some(amira.id), Some("Amira Haddad"), "clients")
            ]
        );
    }

    #[test]
    fn pages_follow_each_other_without_gaps_or_repeats() {
        let (_dir, store) = store();
        // 250 entries, several within the same millisecond (one transaction writes a few).
        let mut written: Vec<Uuid> = (0..250)
            .map(|i| {
                let at = format!("2025-03-{:02}T10:00:00.{:03}Z", 1 + i / 10, (i / 3) % 1000);
                entry(&store, &at, "Petra Jansen", "read", None)
            })
            .collect();
        written.reverse();
        let mut query = AuditQuery::default();
        let mut seen = Vec::new();
        let mut sizes = Vec::new();
        loop {
            let page = store.audit(&query).unwrap();
            sizes.push(page.entries.len());
            seen.extend(ids(&page));
            match page.next {
                Some(next) => query.after = Some(next),
                None => break,
            }
        }
        assert_eq!(sizes, [100, 100, 50]);
        assert_eq!(seen, written);
        let small = store
            .audit(&AuditQuery {
                limit: 7,
                ..AuditQuery::default()
            })
            .unwrap();
        assert_eq!(small.entries.len(), 7);
        assert!(small.next.is_some());
    }

    #[test]
    fn page_size_has_a_default_and_a_ceiling() {
        let cases = [(0, 100), (1, 1), (250, 250), (1000, 1000), (50_000, 1000)];
        for (limit, size) in cases {
            let query = AuditQuery {
                limit,
                ..AuditQuery::default()
            };
            assert_eq!(query.page_size(), size, "limit {limit}");
        }
    }

    #[test]
    fn a_bad_query_is_refused_in_dutch() {
        let (_dir, store) = store();
        let backwards = AuditQuery {
            from: Some(day(2025, 3, 10)),
            until: Some(day(2025, 3, 9)),
            ..AuditQuery::default()
        };
        let error = store.audit(&backwards).unwrap_err();
        assert!(matches!(error, StoreError::Validation(_)));
        assert_eq!(
            error.to_string(),
            "Tot en met: ligt vóór de begindatum (10-03-2025)"
        );
        let unknown = Uuid::nil();
        let error = store
            .audit(&AuditQuery {
                client_id: Some(unknown),
                ..AuditQuery::default()
            })
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "cliënt 00000000-0000-0000-0000-000000000000 bestaat niet"
        );
    }

    #[test]
    fn actors_are_listed_once_alphabetically() {
        let (_dir, mut store) = store();
        store.create_client(amira(), today()).unwrap();
        entry(
            &store,
            "2025-01-10T08:00:00.000Z",
            "petra Jansen",
            "read",
            None,
        );
        entry(
            &store,
            "2025-01-11T08:00:00.000Z",
            "Jan Bakker",
            "read",
            None,
        );
        entry(
            &store,
            "2025-01-12T08:00:00.000Z",
            "Jan Bakker",
            "update",
            None,
        );
        assert_eq!(
            store.audit_actors().unwrap(),
            ["Jan Bakker", "petra Jansen", "Sanne de Vries"]
        );
    }

    #[test]
    fn a_change_reads_in_dutch() {
        let change = |field: &str, old: Option<&str>, new: Option<&str>| FieldChange {
            field: field.into(),
            old: old.map(String::from),
            new: new.map(String::from),
        };
        let cases = [
            (
                change("phone", Some("0612"), Some("0687")),
                "Telefoon: 0612 → 0687",
            ),
            (change("email", Some("a@b.nl"), None), "E-mail: a@b.nl → —"),
            (change("view", None, Some("dossier")), "Weergave: dossier"),
            (
                change("Welke talen spreekt u?", None, None),
                "Welke talen spreekt u?",
            ),
        ];
        for (change, text) in cases {
            assert_eq!(change.to_string(), text);
        }
    }

    /// The table's CHECK knows every action the code writes.
    #[test]
    fn every_action_can_be_stored() {
        let (_dir, store) = store();
        for action in AuditAction::ALL {
            entry(
                &store,
                "2025-01-10T08:00:00.000Z",
                "Els",
                action.code(),
                None,
            );
        }
        let page = store.audit(&AuditQuery::default()).unwrap();
        assert_eq!(page.entries.len(), AuditAction::ALL.len());
    }

    #[test]
    fn every_action_round_trips_through_its_code() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::from_code(action.code()), action);
        }
    }
}
