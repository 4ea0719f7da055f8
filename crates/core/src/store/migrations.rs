//! Applies `migrations/app/NN-name/up.sql` in order, recorded in `PRAGMA user_version`.

use include_dir::{include_dir, Dir};
use rusqlite::Connection;
use rusqlite_migration::Migrations;

use super::{Result, StoreError};

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/../../migrations/app");

/// The schema version this build writes (the number of migrations).
pub const SCHEMA_VERSION: i64 = 15;

fn migrations() -> Migrations<'static> {
    Migrations::from_directory(&MIGRATIONS_DIR)
        .expect("migrations/app is well-formed (checked by a test)")
}

/// Refuses a database from a newer Traject, then applies what is missing in one transaction.
pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, SCHEMA_VERSION)
}

pub(super) fn migrate_to(conn: &mut Connection, version: i64) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            found,
            known: SCHEMA_VERSION,
        });
    }
    migrations().to_version(conn, usize::try_from(version).unwrap_or(0))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::store::test_support::{amira, identity, today};
    use crate::store::{CaseloadQuery, Store};

    #[test]
    fn migrations_are_valid_and_counted() {
        migrations().validate().unwrap();
        assert_eq!(MIGRATIONS_DIR.dirs().count() as i64, SCHEMA_VERSION);
    }

    #[test]
    fn a_newer_database_is_refused_with_a_clear_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        let err = Store::open(&path).err().expect("must refuse");
        assert!(
            matches!(err, StoreError::TooNew { found, known } if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION)
        );
        assert!(err
            .to_string()
            .contains("nieuwer dan deze versie van Traject"));
    }

    /// A database at schema `version` with the client Yonas Tesfaye (status `status`) and what
    /// `more` inserts, as a laptop of that version left it.
    fn at_schema(dir: &tempfile::TempDir, version: i64, status: &str, more: &str) -> PathBuf {
        let path = dir.path().join(format!("v{version}.db"));
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, version).unwrap();
        conn.execute(
            "INSERT INTO clients (id, given_name, family_name, municipality, status, created_at, updated_at)
             VALUES (?1, 'Yonas', 'Tesfaye', 'Lisse', ?2, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
            [YONAS, status],
        )
        .unwrap();
        conn.execute_batch(more).unwrap();
        let found: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(found, version);
        path
    }

    const YONAS: &str = "0190c1c6-0000-7000-8000-000000000001";

    /// A laptop still on schema 1 (before the search index) keeps its clients and can search
    /// them after the upgrade.
    #[test]
    fn an_older_schema_upgrades_without_loss() {
        let dir = tempfile::tempdir().unwrap();
        let path = at_schema(&dir, 1, "intake", "");
        let mut store = Store::open(&path).unwrap();
        store.save_identity(identity()).unwrap();
        let found = store.caseload(&CaseloadQuery::search("tesf")).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].given_name, "Yonas");
        // and the upgraded schema takes new writes
        store.create_client(amira(), today()).unwrap();
        assert_eq!(store.caseload(&CaseloadQuery::default()).unwrap().len(), 2);
    }

    /// A laptop on schema 4 (hours, no PIP yet) keeps its hours, and the language schools named
    /// in them fill the provider list of schema 5.
    #[test]
    fn schema_4_hours_carry_their_providers_into_the_provider_list() {
        let dir = tempfile::tempdir().unwrap();
        let path = at_schema(
            &dir,
            4,
            "in_traject",
            "INSERT INTO hour_entries (id, client_id, date, quarters, category, source, provider,
                     recorded_by, recorded_at)
             VALUES ('0190c1c6-0000-7000-8000-000000000002', '0190c1c6-0000-7000-8000-000000000001',
                     '2025-03-01', 384, 'taal', 'provider_report', 'Taalhuis Bollenstreek',
                     'Els', '2025-03-02T00:00:00Z');",
        );
        let store = Store::open(&path).unwrap();
        assert_eq!(store.known_providers().unwrap(), ["Taalhuis Bollenstreek"]);
        let id = YONAS.parse().unwrap();
        assert_eq!(store.hour_entries(&id).unwrap().len(), 1);
    }

    /// Yonas's cached signal facts (two bytes: what they hold does not matter here).
    const CACHED_FACTS: &str = "INSERT INTO signal_facts (client_id, version, facts)
         VALUES ('0190c1c6-0000-7000-8000-000000000001', 1, x'0102');";

    /// Schema 14 moves the cached signal facts into a rowid table: the rows are kept, and the
    /// triggers of schema 13 still drop a client's row when the client's records change.
    #[test]
    fn schema_13_signal_facts_are_kept_in_their_new_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = at_schema(&dir, 13, "in_traject", CACHED_FACTS);
        let store = Store::open(&path).unwrap();
        let conn = &store.conn;
        let kept: (String, i64, Vec<u8>) = conn
            .query_row(
                "SELECT client_id, version, facts FROM signal_facts",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(kept, (YONAS.into(), 1, vec![1, 2]));
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'signal_facts'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(!sql.contains("WITHOUT ROWID"), "{sql}");
        conn.execute("DELETE FROM clients", []).unwrap();
        let left: i64 = conn
            .query_row("SELECT count(*) FROM signal_facts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(left, 0);
    }

    /// Schema 15 counts the changes to the signals' sources: a change to a client, and the
    /// first change to a client's records since its facts were cached, raise the generation;
    /// the syncer's own bookkeeping and the cache's own writes do not.
    #[test]
    fn schema_14_gets_a_generation_of_the_signals_sources() {
        let dir = tempfile::tempdir().unwrap();
        let path = at_schema(&dir, 14, "in_traject", CACHED_FACTS);
        let store = Store::open(&path).unwrap();
        let conn = &store.conn;
        let generation = || -> i64 {
            conn.query_row("SELECT n FROM facts_generation", [], |r| r.get(0))
                .unwrap()
        };
        assert_eq!(generation(), 0);
        let absence = |id: &str| {
            conn.execute(
                "INSERT INTO absences (id, client_id, date, activity, excused, source,
                         recorded_by, recorded_at)
                 VALUES (?1, ?2, '2025-03-01', 'taalles', 0, 'consultant', 'Els',
                         '2025-03-02T00:00:00Z')",
                [id, YONAS],
            )
            .unwrap();
        };
        absence("0190c1c6-0000-7000-8000-000000000003");
        assert_eq!(generation(), 1);
        // Its facts were dropped with the first: already to be gathered again.
        absence("0190c1c6-0000-7000-8000-000000000004");
        assert_eq!(generation(), 1);
        conn.execute("UPDATE clients SET status = 'verhuisd'", [])
            .unwrap();
        assert_eq!(generation(), 2);
        conn.execute(
            "INSERT INTO settings (key, value) VALUES ('sync_last', '\"2026-11-30\"')",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO signal_facts (client_id, version, facts) VALUES (?1, 1, x'03')",
            [YONAS],
        )
        .unwrap();
        conn.execute("UPDATE signal_facts SET version = 2", [])
            .unwrap();
        assert_eq!(generation(), 2);
    }
}
