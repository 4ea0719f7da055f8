//! A dossier leaving this laptop whole: every row of every synced table that belongs to the
//! client, its unsent changes and its conflicts, in one transaction under a removal permit (the
//! append-only guards let deletes through only while it is held). Used when the server moves a
//! dossier to another team, and by the retention purge ([`super::purge`]).

use rusqlite::{params, Connection, Transaction};

use super::tables::{SyncClass, TABLES};
use super::Result;
use crate::sync::rows::{scope, Scope};

/// Removes client `client_id` and everything of its dossier; records why. How many rows of
/// the dossier's records went.
pub(super) fn remove_dossier(tx: &Transaction<'_>, client_id: &str, reason: &str) -> Result<u64> {
    // The dossier's records refer to each other; checked once all are gone, at commit.
    tx.pragma_update(None, "defer_foreign_keys", "ON")?;
    tx.execute(
        "INSERT OR IGNORE INTO removal_permit (client_id) VALUES (?1)",
        [client_id],
    )?;
    forget_unsent(tx, client_id)?;
    // Records of the dossier's intakes and PIP versions first, then its own rows, the client last.
    let mut order: Vec<(&str, Scope)> = TABLES
        .iter()
        .filter(|(_, class)| *class != SyncClass::LocalOnly)
        .map(|(table, _)| (*table, scope(table)))
        .filter(|(_, scope)| *scope != Scope::Team)
        .collect();
    order.sort_by_key(|(_, scope)| match scope {
        Scope::Intake | Scope::Pip => 0,
        Scope::Column => 1,
        Scope::Client | Scope::Team => 2,
    });
    let mut removed = 0;
    for (table, scope) in order {
        let condition = match scope {
            Scope::Client => "id = ?1",
            Scope::Column => "client_id = ?1",
            Scope::Intake => "intake_id IN (SELECT id FROM intakes WHERE client_id = ?1)",
            Scope::Pip => "pip_id IN (SELECT id FROM pip_versions WHERE client_id = ?1)",
            Scope::Team => continue,
        };
        removed += tx.execute(
            &format!("DELETE FROM \"{table}\" WHERE {condition}"),
            [client_id],
        )? as u64;
    }
    tx.execute(
        "DELETE FROM sync_conflicts WHERE client_id = ?1",
        [client_id],
    )?;
    tx.execute(
        "INSERT INTO dossier_removals (client_id, reason, removed_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (client_id) DO UPDATE SET reason = excluded.reason, removed_at = excluded.removed_at",
        params![client_id, reason, super::clients::timestamp(chrono::Utc::now())],
    )?;
    tx.execute(
        "DELETE FROM removal_permit WHERE client_id = ?1",
        [client_id],
    )?;
    Ok(removed)
}

/// Drops the outbox ops of the dossier's rows: they can no longer be sent.
fn forget_unsent(tx: &Connection, client_id: &str) -> Result<()> {
    let ops: Vec<(String, String, String)> = tx
        .prepare("SELECT op_id, entity, row_id FROM outbox")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (op_id, entity, row_id) in ops {
        if super::sync::client_of(tx, &entity, &row_id)?.as_deref() == Some(client_id) {
            tx.execute("DELETE FROM outbox WHERE op_id = ?1", [op_id])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{into_store, GenerateOptions};
    use crate::store::test_support::{dossier_rows, store, today};
    use crate::store::Store;

    #[test]
    fn a_removed_dossier_leaves_no_row_and_the_guards_stay() {
        let (_dir, mut store) = store();
        into_store(
            &mut store,
            &GenerateOptions {
                clients: 4,
                seed: 3,
                today: today(),
                municipalities: vec!["Lisse".into(), "Hillegom".into()],
                consultants: vec!["Els de Vries".into()],
                years: 3,
            },
        )
        .unwrap();
        let ids: Vec<String> = store
            .conn
            .prepare("SELECT id FROM clients ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        // The dossier furthest along goes (hours, PIP, trajectory records); another stays.
        let gone = ids
            .iter()
            .max_by_key(|id| dossier_rows(&store, id).len())
            .unwrap();
        let kept = ids.iter().find(|id| *id != gone).unwrap();
        let before = dossier_rows(&store, gone);
        assert!(
            before.len() > 8,
            "a generated dossier has records of many kinds: {before:?}"
        );
        let kept_before = dossier_rows(&store, kept);
        let outbox = |store: &Store| -> i64 {
            store
                .conn
                .query_row("SELECT count(*) FROM outbox", [], |r| r.get(0))
                .unwrap()
        };
        let ops_before = outbox(&store);

        let tx = store.conn.transaction().unwrap();
        let removed = remove_dossier(&tx, gone, "overgedragen aan Zuid").unwrap();
        tx.commit().unwrap();
        assert_eq!(
            removed,
            before.iter().map(|(_, n)| *n as u64).sum::<u64>(),
            "every row counted"
        );

        assert_eq!(dossier_rows(&store, gone), vec![]);
        assert_eq!(
            dossier_rows(&store, kept),
            kept_before,
            "the other dossiers stay"
        );
        let ops_after = outbox(&store);
        assert!(
            ops_after < ops_before && ops_after > 0,
            "{ops_before} → {ops_after}"
        );
        let mut stmt = store
            .conn
            .prepare("SELECT entity, row_id FROM outbox")
            .unwrap();
        let ops: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for (entity, row_id) in ops {
            assert_ne!(
                super::super::sync::client_of(&store.conn, &entity, &row_id)
                    .unwrap()
                    .as_deref(),
                Some(gone.as_str())
            );
        }
        drop(stmt);
        let reason: String = store
            .conn
            .query_row(
                "SELECT reason FROM dossier_removals WHERE client_id = ?1",
                [gone],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(reason, "overgedragen aan Zuid");
        assert!(
            store.conn.execute("DELETE FROM notes", []).is_err(),
            "notes stay append-only"
        );
        assert!(store.conn.execute("DELETE FROM hour_entries", []).is_err());
        let permits: i64 = store
            .conn
            .query_row("SELECT count(*) FROM removal_permit", [], |r| r.get(0))
            .unwrap();
        assert_eq!(permits, 0);
    }
}
