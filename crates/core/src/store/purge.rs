//! The retention purge (domain page §2 step 13 and §7): a dossier is kept for the retention
//! period after the obligation ends (its afsluiting), then removed whole. A dry run lists the
//! dossiers whose period has ended; purging removes every row of each (under the removal
//! permit, [`remove_dossier`]), overwrites what was deleted, and sends one purge op per dossier
//! through the outbox, so the server and every other laptop of the team purge it too — also
//! when the purge was done offline. What stays is a record without personal data: an audit
//! entry naming the dossier's id, who purged it, when, the end of its retention and how many
//! rows went.
//!
//! Only a teamleider purges: it destroys the team's records for good. With a sync login the
//! server's role counts (the server refuses anyone else's purge), without one this laptop's.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::removal::remove_dossier;
use super::{Result, Store, StoreError};
use crate::domain::trajectory::{retention, Retention};
use crate::domain::Role;
use crate::sync::wire::{ServerRole, CASE_PURGED};

/// Why a purged dossier left this laptop (`dossier_removals`).
pub(super) const PURGE_REASON: &str = "bewaartermijn verstreken";

/// The field of a purge op: its value is the day of the purge.
const PURGE_FIELD: &str = "purged_on";

/// A dossier whose retention period has ended, as the dry run lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DueDossier {
    pub id: Uuid,
    pub name: String,
    /// The BSN masked (only its last three digits), when one is recorded.
    pub bsn: Option<String>,
    pub municipality: String,
    /// The day the obligation ended (the afsluiting's date).
    pub obligation_end: NaiveDate,
    /// The last day the dossier was to be kept.
    pub retention_end: NaiveDate,
}

/// What the Bewaartermijn screen shows: the dossiers due, and whether this user may purge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PurgeOverview {
    pub retention_years: u32,
    pub due: Vec<DueDossier>,
    /// Why this user may not purge (a consultant); absent when they may.
    pub refusal: Option<String>,
}

/// A purged dossier: its id and how many rows of its records were removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PurgedDossier {
    pub id: Uuid,
    pub rows: u32,
}

fn dutch(day: NaiveDate) -> String {
    day.format("%d-%m-%Y").to_string()
}

impl Store {
    /// The dossiers whose retention period ended before `today`, the longest overdue first.
    pub fn retention_due(&self, today: NaiveDate) -> Result<Vec<DueDossier>> {
        let years = self.retention_years()?;
        let ends: Vec<(String, String)> = self
            .conn
            .prepare("SELECT client_id, date FROM closings")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut due = Vec::new();
        for (id, date) in ends {
            let obligation_end = parse_day(&date)?;
            let Retention::Ended { ended } = retention(Some(obligation_end), years, today) else {
                continue;
            };
            let client = self.client(&super::parse_id(&id)?)?;
            due.push(DueDossier {
                id: client.id,
                name: client.full_name(),
                bsn: client.masked_bsn(),
                municipality: client.input.municipality,
                obligation_end,
                retention_end: ended,
            });
        }
        due.sort_by(|a, b| (a.retention_end, &a.name).cmp(&(b.retention_end, &b.name)));
        Ok(due)
    }

    /// The dossiers due on `today`, the retention setting, and whether this user may purge.
    pub fn purge_overview(&self, today: NaiveDate) -> Result<PurgeOverview> {
        Ok(PurgeOverview {
            retention_years: self.retention_years()?,
            due: self.retention_due(today)?,
            refusal: self.purge_refusal()?,
        })
    }

    /// Why this user may not purge dossiers; `None` when they may (a teamleider).
    pub fn purge_refusal(&self) -> Result<Option<String>> {
        const ONLY: &str = "Alleen een teamleider verwijdert dossiers na de bewaartermijn";
        if let Some(login) = self.sync_login()? {
            let role = match login.role {
                ServerRole::Teamleider => return Ok(None),
                ServerRole::Consultant => "inburgeringsconsulent",
                ServerRole::Beheerder => "functioneel beheerder",
            };
            return Ok(Some(format!(
                "{ONLY}; u bent bij de synchronisatieserver aangemeld als {role}."
            )));
        }
        let identity = self.identity()?.ok_or(StoreError::NotInitialised)?;
        Ok((identity.role != Role::Teamleider).then(|| {
            format!("{ONLY}; uw rol is inburgeringsconsulent (Instellingen → Uw gegevens).")
        }))
    }

    /// Purges the dossiers `ids` whose retention period ended before `today`: every row of
    /// each leaves this laptop in one transaction, and the purge goes to the server with the
    /// next sync. All or nothing: a dossier that is not due (or not found) refuses the lot,
    /// naming it. Signed by this laptop's user, who must be a teamleider.
    pub fn purge(&mut self, ids: &[Uuid], today: NaiveDate) -> Result<Vec<PurgedDossier>> {
        if let Some(refusal) = self.purge_refusal()? {
            return Err(StoreError::Conflict(refusal));
        }
        let years = self.retention_years()?;
        let mut due: Vec<(Uuid, NaiveDate)> = Vec::new();
        let mut refused = Vec::new();
        for id in ids {
            if due.iter().any(|(d, _)| d == id) {
                continue;
            }
            let client = self.client(id)?;
            let end: Option<String> = self
                .conn
                .query_row(
                    "SELECT date FROM closings WHERE client_id = ?1",
                    [id.to_string()],
                    |r| r.get(0),
                )
                .map(Some)
                .or_else(|e| match e {
                    rusqlite::Error::QueryReturnedNoRows => Ok(None),
                    e => Err(e),
                })?;
            let end = end.as_deref().map(parse_day).transpose()?;
            match retention(end, years, today) {
                Retention::Ended { ended } => due.push((*id, ended)),
                Retention::Running { until } => refused.push(format!(
                    "{}: de bewaartermijn loopt tot en met {}; het dossier kan vanaf {} worden verwijderd",
                    client.full_name(),
                    dutch(until),
                    dutch(until + Days::new(1)),
                )),
                Retention::NotStarted => refused.push(format!(
                    "{}: de inburgeringsplicht is niet afgesloten (geen afsluiting vastgelegd), dus de bewaartermijn is nog niet begonnen",
                    client.full_name(),
                )),
            }
        }
        if !refused.is_empty() {
            return Err(StoreError::Conflict(refused.join("\n")));
        }
        if due.is_empty() {
            return Ok(Vec::new());
        }
        // What is deleted is overwritten, not left in free pages of the file.
        let secure: i64 = self
            .conn
            .pragma_query_value(None, "secure_delete", |r| r.get(0))?;
        self.conn.pragma_update(None, "secure_delete", 1)?;
        let purged = self.purge_due(&due, today);
        self.conn.pragma_update(None, "secure_delete", secure)?;
        let purged = purged?;
        checkpoint(&self.conn)?;
        Ok(purged)
    }

    /// Removes the dossiers `due` (each with the end of its retention) in one transaction,
    /// with a purge op and an audit entry each.
    fn purge_due(
        &mut self,
        due: &[(Uuid, NaiveDate)],
        today: NaiveDate,
    ) -> Result<Vec<PurgedDossier>> {
        let mut w = self.begin_write()?;
        let mut purged = Vec::with_capacity(due.len());
        for (id, ended) in due {
            let row_id = id.to_string();
            let rows = remove_dossier(&w.tx, &row_id, PURGE_REASON)?;
            let rows = u32::try_from(rows).unwrap_or(u32::MAX);
            w.outbox(
                CASE_PURGED,
                &row_id,
                PURGE_FIELD,
                &Value::from(today.to_string()),
            )?;
            // The team's record of the purge: no dossier of its own any more, no personal data.
            w.audit(
                AuditAction::Purge,
                "clients",
                &row_id,
                None,
                &[
                    FieldChange {
                        field: "retention_end".into(),
                        old: None,
                        new: Some(dutch(*ended)),
                    },
                    FieldChange {
                        field: "purged_rows".into(),
                        old: None,
                        new: Some(rows.to_string()),
                    },
                ],
            )?;
            purged.push(PurgedDossier { id: *id, rows });
        }
        forget_removed_names(&w.tx)?;
        w.commit()?;
        Ok(purged)
    }
}

/// Removes the dossiers of `ids` that are still here: those the team purged, as a pull brings
/// their [`CASE_PURGED`] changes (this laptop's own purges come back too). How many went.
pub(super) fn remove_purged(tx: &rusqlite::Transaction<'_>, ids: &[String]) -> Result<u32> {
    if ids.is_empty() {
        return Ok(0);
    }
    let secure: i64 = tx.pragma_query_value(None, "secure_delete", |r| r.get(0))?;
    tx.pragma_update(None, "secure_delete", 1)?;
    let removed = (|| {
        let mut removed = 0;
        for id in ids {
            let here: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM clients WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if here {
                remove_dossier(tx, id, PURGE_REASON)?;
                removed += 1;
            }
        }
        if removed > 0 {
            forget_removed_names(tx)?;
        }
        Ok(removed)
    })();
    tx.pragma_update(None, "secure_delete", secure)?;
    removed
}

/// Rewrites the search index, which keeps removed names until its segments are merged.
pub(super) fn forget_removed_names(conn: &rusqlite::Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO clients_fts (clients_fts) VALUES ('optimize')",
        [],
    )?;
    Ok(())
}

/// Moves the write-ahead log into the database file and empties it, so the overwritten pages
/// replace the old ones there and no earlier copy stays in the log.
pub(super) fn checkpoint(conn: &rusqlite::Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

fn parse_day(text: &str) -> Result<NaiveDate> {
    text.parse()
        .map_err(|_| StoreError::BadValue(format!("datum '{text}' van een afsluiting")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::trajectory::{Closing, ClosingReason};
    use crate::domain::TrajectoryInput;
    use crate::generate::{into_store, GenerateOptions};
    use crate::store::test_support::{amira, dossier_rows, identity, store, today};
    use crate::store::CaseloadQuery;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A store whose user is a teamleider.
    fn teamleider_store() -> (tempfile::TempDir, Store) {
        let (dir, mut store) = store();
        store
            .save_identity(crate::domain::Identity {
                role: Role::Teamleider,
                ..identity()
            })
            .unwrap();
        (dir, store)
    }

    fn close(store: &mut Store, client: &Uuid, on: NaiveDate) {
        store
            .add_trajectory_record(
                client,
                TrajectoryInput::Closing(Closing {
                    reason: ClosingReason::Diploma,
                    date: on,
                    note: None,
                }),
                today(),
            )
            .unwrap();
    }

    #[test]
    fn a_purged_dossier_leaves_no_row_and_a_record_without_personal_data() {
        let (_dir, mut store) = teamleider_store();
        into_store(
            &mut store,
            &GenerateOptions {
                clients: 16,
                seed: 3,
                today: today(),
                municipalities: vec!["Lisse".into(), "Hillegom".into()],
                consultants: vec!["Els de Vries".into()],
                years: 3,
            },
        )
        .unwrap();
        // Far enough ahead that every closed dossier's retention has ended.
        let later = day(2040, 1, 1);
        let due = store.retention_due(later).unwrap();
        let closed: i64 = store
            .conn
            .query_row("SELECT count(*) FROM closings", [], |r| r.get(0))
            .unwrap();
        assert!(closed > 0, "the generated caseload has closed dossiers");
        assert_eq!(due.len() as i64, closed);
        assert!(store.retention_due(today()).unwrap().is_empty());
        // The dossier furthest along goes.
        let gone = due
            .iter()
            .max_by_key(|d| dossier_rows(&store, &d.id.to_string()).len())
            .unwrap()
            .clone();
        let client = store.client(&gone.id).unwrap();
        assert_eq!(gone.name, client.full_name());
        assert_eq!(gone.bsn, client.masked_bsn());
        assert_eq!(
            gone.retention_end,
            crate::domain::trajectory::retention_end(gone.obligation_end, 5)
        );
        let id = gone.id.to_string();
        let before = dossier_rows(&store, &id);
        assert!(before.len() > 5, "a dossier of many kinds: {before:?}");
        let others: Vec<_> = store
            .caseload(&CaseloadQuery::default())
            .unwrap()
            .into_iter()
            .filter(|c| c.id != gone.id)
            .map(|c| (c.id, dossier_rows(&store, &c.id.to_string())))
            .collect();

        let purged = store.purge(&[gone.id, gone.id], later).unwrap();

        let counted: i64 = before.iter().map(|(_, n)| n).sum();
        assert_eq!(
            purged,
            vec![PurgedDossier {
                id: gone.id,
                rows: counted as u32
            }]
        );
        assert_eq!(dossier_rows(&store, &id), vec![]);
        assert!(matches!(
            store.client(&gone.id),
            Err(StoreError::ClientNotFound(_))
        ));
        for (other, rows) in &others {
            assert_eq!(
                &dossier_rows(&store, &other.to_string()),
                rows,
                "{other} stays"
            );
        }
        let found = store
            .caseload(&CaseloadQuery::search(&client.input.family_name))
            .unwrap();
        assert!(found.iter().all(|c| c.id != gone.id));
        assert_eq!(store.retention_due(later).unwrap().len() as i64, closed - 1);

        // One op tells the server; nothing else of the dossier waits to be sent.
        let ops = store.outbox().unwrap();
        let purge_ops: Vec<_> = ops.iter().filter(|o| o.entity == CASE_PURGED).collect();
        assert_eq!(purge_ops.len(), 1);
        assert_eq!(purge_ops[0].row_id, id);
        assert_eq!(purge_ops[0].value, Value::from("2040-01-01"));
        for op in &ops {
            if op.entity != CASE_PURGED {
                assert_ne!(
                    super::super::sync::client_of(&store.conn, &op.entity, &op.row_id)
                        .unwrap()
                        .as_deref(),
                    Some(id.as_str()),
                    "{op:?}"
                );
            }
        }

        // The record: the id, who, when, the retention end and the count — no name, no BSN.
        let (row, client_id): (Vec<String>, Option<String>) = store
            .conn
            .query_row(
                "SELECT id, at, hlc, actor, device_id, action, entity, row_id, changes, client_id
                 FROM audit_log WHERE action = 'purge'",
                [],
                |r| {
                    Ok((
                        (0..9).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?,
                        r.get(9)?,
                    ))
                },
            )
            .unwrap();
        let (actor, action, entity, changes) = (&row[3], &row[5], &row[6], &row[8]);
        assert_eq!(
            (
                actor.as_str(),
                action.as_str(),
                entity.as_str(),
                row[7].as_str()
            ),
            ("Sanne de Vries", "purge", "clients", id.as_str())
        );
        assert_eq!(client_id, None, "the team's record, not the dossier's");
        let changes: Vec<FieldChange> = serde_json::from_str(changes).unwrap();
        assert_eq!(
            changes.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                format!(
                    "Einde bewaartermijn: {}",
                    gone.retention_end.format("%d-%m-%Y")
                ),
                format!("Verwijderde regels: {counted}"),
            ]
        );
        let row = row.join("|");
        let bsn = client.input.bsn.clone().unwrap();
        // The masked form, not its three digits alone: those turn up in ids and timestamps.
        let masked = format!("******{}", &bsn[6..]);
        for personal in [
            client.input.given_name.as_str(),
            client.input.family_name.as_str(),
            bsn.as_str(),
            masked.as_str(),
        ] {
            assert!(!row.contains(personal), "{personal} in {row}");
        }
        let reason: String = store
            .conn
            .query_row(
                "SELECT reason FROM dossier_removals WHERE client_id = ?1",
                [&id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(reason, PURGE_REASON);
        for guarded in [
            "DELETE FROM notes",
            "DELETE FROM audit_log",
            "UPDATE audit_log SET actor = 'x'",
        ] {
            assert!(
                store.conn.execute(guarded, []).is_err(),
                "the append-only guards stay: {guarded}"
            );
        }
    }

    #[test]
    fn a_dossier_not_yet_due_is_refused_naming_the_client_and_the_date() {
        let (_dir, mut store) = teamleider_store();
        let amira = store.create_client(amira(), today()).unwrap().id;
        let bilal = store
            .create_client(
                crate::domain::ClientInput {
                    given_name: "Bilal".into(),
                    family_name: "Yousef".into(),
                    bsn: None,
                    ..crate::store::test_support::amira()
                },
                today(),
            )
            .unwrap()
            .id;
        let old = store
            .create_client(
                crate::domain::ClientInput {
                    given_name: "Karim".into(),
                    family_name: "Bakr".into(),
                    municipality: "Hillegom".into(),
                    bsn: None,
                    ..crate::store::test_support::amira()
                },
                today(),
            )
            .unwrap()
            .id;
        close(&mut store, &amira, day(2026, 11, 20));
        close(&mut store, &old, day(2021, 3, 1));
        assert_eq!(
            store.retention_due(today()).unwrap(),
            vec![DueDossier {
                id: old,
                name: "Karim Bakr".into(),
                bsn: None,
                municipality: "Hillegom".into(),
                obligation_end: day(2021, 3, 1),
                retention_end: day(2026, 3, 1),
            }]
        );

        let refused = store.purge(&[old, amira, bilal], today()).unwrap_err();
        assert_eq!(
            refused.to_string(),
            "Amira Haddad: de bewaartermijn loopt tot en met 20-11-2031; het dossier kan vanaf 21-11-2031 worden verwijderd\n\
             Bilal Yousef: de inburgeringsplicht is niet afgesloten (geen afsluiting vastgelegd), dus de bewaartermijn is nog niet begonnen"
        );
        assert_eq!(
            store.caseload(&CaseloadQuery::default()).unwrap().len(),
            3,
            "all or nothing"
        );
        // On its last day a dossier is still kept; the day after it may go.
        assert!(store.purge(&[amira], day(2031, 11, 20)).is_err());
        let unknown = Uuid::now_v7();
        assert!(matches!(
            store.purge(&[unknown], today()),
            Err(StoreError::ClientNotFound(_))
        ));
        assert_eq!(store.purge(&[], today()).unwrap(), vec![]);
        assert_eq!(store.purge(&[old], today()).unwrap().len(), 1);
        assert_eq!(store.purge(&[amira], day(2031, 11, 21)).unwrap().len(), 1);
        assert_eq!(store.caseload(&CaseloadQuery::default()).unwrap().len(), 1);
    }

    #[test]
    fn only_a_teamleider_purges() {
        let (_dir, mut store) = store();
        let old = store.create_client(amira(), today()).unwrap().id;
        close(&mut store, &old, day(2021, 3, 1));
        let overview = store.purge_overview(today()).unwrap();
        assert_eq!(overview.due.len(), 1, "a consultant sees the list");
        assert_eq!(overview.retention_years, 5);
        let refusal = overview.refusal.expect("a consultant may not purge");
        assert!(refusal.starts_with("Alleen een teamleider"), "{refusal}");
        assert_eq!(
            store.purge(&[old], today()).unwrap_err().to_string(),
            refusal
        );
        assert_eq!(store.caseload(&CaseloadQuery::default()).unwrap().len(), 1);
        store
            .save_identity(crate::domain::Identity {
                role: Role::Teamleider,
                ..identity()
            })
            .unwrap();
        assert_eq!(store.purge_refusal().unwrap(), None);
    }

    #[test]
    fn a_purge_from_the_team_removes_the_dossiers_still_here() {
        let (_dir, mut store) = store();
        let amira = store
            .create_client(amira(), today())
            .unwrap()
            .id
            .to_string();
        let ids = [amira.clone(), Uuid::now_v7().to_string()];
        let tx = store.conn.transaction().unwrap();
        assert_eq!(remove_purged(&tx, &ids).unwrap(), 1);
        assert_eq!(remove_purged(&tx, &ids).unwrap(), 0, "gone already");
        tx.commit().unwrap();
        assert_eq!(dossier_rows(&store, &amira), vec![]);
        let secure: i64 = store
            .conn
            .pragma_query_value(None, "secure_delete", |r| r.get(0))
            .unwrap();
        assert_eq!(
            secure, 0,
            "overwriting deleted content is switched off again"
        );
    }
}
