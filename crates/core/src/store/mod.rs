//! The laptop's store: one SQLite file (WAL, foreign keys), schema from `migrations/app/`
//! embedded at build time, and one write path that keeps row, outbox and audit log together.

mod absences;
mod audit;
mod clients;
mod conflicts;
mod dossier_export;
mod encryption;
mod exams;
mod hours;
#[cfg(test)]
mod hours_tests;
#[cfg(test)]
mod intake_tests;
mod intakes;
mod ledgers;
mod migrations;
mod money;
mod pip_document;
mod pip_draft;
#[cfg(test)]
mod pip_tests;
mod pips;
mod portfolio;
mod progress_reports;
mod pulled;
mod purge;
mod questionnaires;
mod removal;
mod reports;
mod settings;
mod signals;
mod sync;
pub mod tables;
mod termijn;
#[cfg(test)]
mod tests;
mod timeline;
mod trajectory;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use audit::{AuditAction, AuditEntry, FieldChange};
pub use audit::{AuditCursor, AuditPage, AuditQuery, AuditRow};
pub(crate) use clients::from_code;
pub use clients::{CaseloadQuery, CaseloadSort, Dossier, ImportOutcome};
pub use conflicts::{ConflictChoice, ConflictSide, ConflictView};
pub use dossier_export::{DossierExport, ExportedQuestion, ExportedRecord, ExportedTable};
pub use encryption::{
    connect, database_state, key_file, unlock_delay, DatabaseState, DbKey, KdfParams, FAST_KDF_ENV,
};
pub use intakes::{
    Intake, IntakeSession, IntakeSessionInput, IntakeStatus, IntakeView, RepeatInstances,
    StoredAnswer,
};
pub use migrations::SCHEMA_VERSION;
pub use pip_document::{GeneratedDocument, LetterheadSettings};
pub use pip_draft::draft_from_intake;
pub use pips::PipOverview;
pub use portfolio::PortfolioView;
pub use purge::{DueDossier, PurgeOverview, PurgedDossier};
pub use questionnaires::{QuestionnaireImport, QuestionnaireSummary};
pub use signals::{
    AckInput, NextDeadline, SignalAck, SignalCounts, Werkvoorraad, WerkvoorraadQuery, WorkItem,
};
pub use sync::{SyncLogin, SyncReport};
pub use termijn::{Pause, PauseInput, TermijnView};
pub use timeline::{TimelineEvent, TimelineKind};
pub use trajectory::{
    BegeleidingView, CaseView, ClosingView, OntzorgenView, Stored, TrajectoryView, WorkView,
};

use crate::domain::ValidationErrors;

/// Everything that can go wrong in the store. The UI branches on the variant; the message is
/// Dutch where a person will read it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Validation(#[from] ValidationErrors),
    #[error("cliënt {0} bestaat niet")]
    ClientNotFound(String),
    #[error("intake {0} bestaat niet")]
    IntakeNotFound(String),
    #[error("{0} bestaat niet")]
    NotFound(String),
    #[error("vragenlijst {0} bestaat niet")]
    QuestionnaireNotFound(String),
    #[error("de vragenlijst is ongeldig:\n{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Definition(Vec<crate::questionnaire::DefinitionError>),
    /// The request does not fit the record's state (a completed intake, an existing version).
    #[error("{0}")]
    Conflict(String),
    #[error(
        "de database is nog niet ingericht: stel eerst je naam en organisatie in (traject init)"
    )]
    NotInitialised,
    #[error(
        "deze database heeft schemaversie {found}, nieuwer dan deze versie van Traject kent ({known}); installeer de nieuwste versie"
    )]
    TooNew { found: i64, known: i64 },
    #[error("de database kon niet worden bijgewerkt: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("databasefout: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("ongeldige gegevens in de database: {0}")]
    Corrupt(#[from] serde_json::Error),
    #[error("ongeldige waarde in de database: {0}")]
    BadValue(String),
    #[error("de beschikking kon niet worden opgemaakt: {0}")]
    Document(#[from] crate::document::DocumentError),
    #[error("de export kon niet worden gemaakt: {0}")]
    Export(String),
    #[error("de map van de database kan niet worden aangemaakt: {0}")]
    Io(#[from] std::io::Error),
    #[error("onjuiste wachtwoordzin")]
    WrongPassphrase,
    #[error("{0}")]
    WeakPassphrase(String),
    #[error("{0}")]
    KeyFile(String),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// How long a statement waits for another connection's write (the syncer's) to end.
pub(crate) const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// The page cache of a connection (KiB; SQLite's default is 2 MiB). Every client's signals are
/// computed again (another day, the team's changes pulled) from 8 MB of cached facts, decoded on
/// every core: 120–160 ms with 10,000 clients at 8 MiB, 90–150 ms at 16 MiB, which made the
/// app 8 MB bigger. Before the facts were decoded on every core 8 MiB took 240–270 ms.
const PAGE_CACHE_KIB: i64 = 8 * 1024;

/// The page cache while a bulk write runs ([`Store::in_bulk`]): the indexes of a regional
/// caseload stay in memory, which halves the time of a large import.
const BULK_PAGE_CACHE_KIB: i64 = 32 * 1024;

/// The one concrete store (ARCHITECTURE: no trait on the laptop side).
pub struct Store {
    conn: Connection,
    path: PathBuf,
    device_id: String,
    /// Every client's signals on a day, until their sources change (signals/mod.rs).
    /// (Boxed: the store sits in the session's state, next to small variants.)
    signals_memo: std::cell::RefCell<Option<Box<signals::Memo>>>,
}

impl Store {
    /// Opens (creating when absent) the unencrypted database at `path` and brings its schema
    /// up to date: for tests and tools; people's data is encrypted ([`Store::unlock`]).
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_keyed(path, None)
    }

    /// Opens the database at `path`, encrypted with `key` when given, and brings its schema up
    /// to date.
    fn open_keyed(path: &Path, key: Option<&DbKey>) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut conn = Connection::open(path)?;
        if let Some(key) = key {
            key.apply(&conn)?;
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "cache_size", -PAGE_CACHE_KIB)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Room for every statement the app runs again and again (rusqlite keeps 16): storing
        // a pull alone prepares one per table and set of columns.
        conn.set_prepared_statement_cache_capacity(256);
        migrations::migrate(&mut conn)?;
        let device_id = settings::device_id(&conn)?;
        questionnaires::add_builtin(&conn)?;
        Ok(Self {
            conn,
            path: path.to_owned(),
            device_id,
            signals_memo: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Erases this database: the file with its write-ahead log, shared-memory file and key
    /// file (a device revoked on the sync server). Other connections to it must be closed first.
    pub fn wipe(self) -> Result<()> {
        let path = self.path.clone();
        self.conn.close().map_err(|(_, e)| e)?;
        for suffix in ["", "-wal", "-shm", ".key"] {
            let mut file = path.clone().into_os_string();
            file.push(suffix);
            match std::fs::remove_file(&file) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
        }
        Ok(())
    }

    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    /// Rewrites the database without its free pages (`VACUUM`) and refreshes the planner's
    /// statistics; returns the file's size in bytes before and after. Traject never does this
    /// by itself: later writes reuse free pages, and rewriting a regional database takes a while
    /// and as much free disk again. Worth it once a laptop's first sync has emptied a large
    /// outbox, or after a purge of many dossiers.
    pub fn vacuum(&self) -> Result<(u64, u64)> {
        let size = || -> Result<u64> {
            self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
            Ok(std::fs::metadata(&self.path)?.len())
        };
        let before = size()?;
        self.conn
            .execute_batch("VACUUM; PRAGMA analysis_limit = 400; PRAGMA optimize;")?;
        Ok((before, size()?))
    }

    /// Runs a bulk write (an import, a generated caseload, a sync) with the larger page cache of
    /// [`BULK_PAGE_CACHE_KIB`], and shrinks the cache back afterwards, also when `work` failed.
    pub(crate) fn in_bulk<T, E: From<StoreError>>(
        &mut self,
        work: impl FnOnce(&mut Self) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        self.set_page_cache(BULK_PAGE_CACHE_KIB)?;
        let done = work(self);
        let shrunk = self.set_page_cache(PAGE_CACHE_KIB);
        let value = done?;
        shrunk?;
        Ok(value)
    }

    fn set_page_cache(&self, kib: i64) -> Result<()> {
        Ok(self.conn.pragma_update(None, "cache_size", -kib)?)
    }

    /// Ops waiting for the server (shown in the status bar).
    pub fn pending_ops(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT n FROM outbox_size", [], |r| r.get(0))?;
        Ok(n.unsigned_abs())
    }

    /// Every op waiting for the server, oldest first.
    pub fn outbox(&self) -> Result<Vec<crate::sync::OutboxOp>> {
        let mut stmt = self.conn.prepare(
            "SELECT op_id, entity, row_id, field, value, hlc, base_seq, schema_version FROM outbox ORDER BY hlc",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get::<_, String>(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })?;
        let mut ops = Vec::new();
        for row in rows {
            let (op_id, entity, row_id, field, value, hlc, base_seq, schema_version) = row?;
            ops.push(crate::sync::OutboxOp {
                op_id: parse_id(&op_id)?,
                entity,
                row_id,
                field,
                value: serde_json::from_str(&value)?,
                hlc,
                base_seq,
                schema_version,
            });
        }
        Ok(ops)
    }
}

fn parse_id(text: &str) -> Result<uuid::Uuid> {
    text.parse()
        .map_err(|_| StoreError::BadValue(text.to_owned()))
}

#[cfg(test)]
pub(crate) mod test_support {
    use chrono::NaiveDate;

    use super::Store;
    use crate::domain::{ClientInput, ClientType, Gender, Identity, Role};

    pub fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    /// How many rows of each synced table belong to dossier `client` (tables without any left
    /// out): what removing or purging a dossier must leave at nothing.
    pub fn dossier_rows(store: &Store, client: &str) -> Vec<(&'static str, i64)> {
        use super::tables::{SyncClass, TABLES};
        use crate::sync::rows::{scope, Scope};
        TABLES
            .iter()
            .filter(|(table, class)| *class != SyncClass::LocalOnly && scope(table) != Scope::Team)
            .map(|(table, _)| {
                let condition = match scope(table) {
                    Scope::Client => "id = ?1",
                    Scope::Intake => "intake_id IN (SELECT id FROM intakes WHERE client_id = ?1)",
                    Scope::Pip => "pip_id IN (SELECT id FROM pip_versions WHERE client_id = ?1)",
                    _ => "client_id = ?1",
                };
                let n = store
                    .conn
                    .query_row(
                        &format!("SELECT count(*) FROM \"{table}\" WHERE {condition}"),
                        [client],
                        |r| r.get(0),
                    )
                    .unwrap();
                (*table, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    pub fn identity() -> Identity {
        Identity {
            name: "Sanne de Vries".into(),
            role: Role::Consultant,
            organisation: "ISD Bollenstreek".into(),
            municipalities: ["Hillegom", "Lisse", "Noordwijk", "Teylingen"]
                .map(String::from)
                .to_vec(),
        }
    }

    /// A fresh store in a temporary directory, set up with [`identity`].
    pub fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("traject.db")).unwrap();
        store.save_identity(identity()).unwrap();
        (dir, store)
    }

    pub fn amira() -> ClientInput {
        ClientInput {
            birth_date: NaiveDate::from_ymd_opt(1990, 5, 17),
            gender: Some(Gender::V),
            client_type: Some(ClientType::Statushouder),
            brp_registration_date: NaiveDate::from_ymd_opt(2026, 9, 1),
            bsn: Some("123456782".into()),
            ..ClientInput::new("Amira", "Haddad", "Lisse")
        }
    }
}
