//! The schema on PostgreSQL: `migrations/server/postgres/NN-name/up.sql`, applied in order at
//! open, each recorded in `schema_migrations`. All in one transaction under an advisory lock,
//! so two server instances starting at once do not race: the second waits, then finds the work
//! done.

use include_dir::{include_dir, Dir};
use postgres::Client;

use super::MIGRATE_LOCK;
use crate::db::{now, Result};
use crate::error::{with_causes, ServerError};

static MIGRATIONS: Dir = include_dir!("$CARGO_MANIFEST_DIR/../../migrations/server/postgres");

/// The migrations in order: (name, SQL).
fn steps() -> Result<Vec<(&'static str, &'static str)>> {
    let mut steps = MIGRATIONS
        .dirs()
        .map(|dir| {
            let name = dir.path().to_str().unwrap_or_default();
            dir.get_file(dir.path().join("up.sql"))
                .and_then(|file| file.contents_utf8())
                .map(|sql| (name, sql))
                .ok_or_else(|| ServerError::Migration(format!("{name}: geen up.sql")))
        })
        .collect::<Result<Vec<_>>>()?;
    steps.sort_unstable();
    Ok(steps)
}

pub(super) fn to_latest(client: &mut Client) -> Result<()> {
    let steps = steps()?;
    let failed = |name: &str, e: postgres::Error| {
        ServerError::Migration(format!("{name}: {}", with_causes(&e)))
    };
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    BIGINT PRIMARY KEY,
             name       TEXT NOT NULL,
             applied_at TEXT NOT NULL
         )",
    )?;
    let applied: i64 = tx
        .query_one(
            "SELECT coalesce(max(version), 0)::bigint FROM schema_migrations",
            &[],
        )?
        .try_get(0)?;
    let known = i64::try_from(steps.len()).unwrap_or(i64::MAX);
    if applied > known {
        return Err(ServerError::Migration(format!(
            "de database heeft schemaversie {applied}, deze traject-server kent er {known}; \
             installeer een nieuwere traject-server"
        )));
    }
    for (version, (name, sql)) in (1_i64..)
        .zip(&steps)
        .skip(usize::try_from(applied).unwrap_or(0))
    {
        tx.batch_execute(sql).map_err(|e| failed(name, e))?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            &[&version, name, &now()],
        )?;
        tracing::info!(migration = %name, "schema updated");
    }
    tx.commit()?;
    Ok(())
}
