//! The server's database on PostgreSQL (a region's server; several instances may share it),
//! through the synchronous `postgres` crate with a small r2d2 pool: handlers already run
//! database work on blocking threads. The connection is plain TCP without TLS (`NoTls`): the
//! database is expected on loopback or a private network. `migrations/server/postgres/NN-name/up.sql`,
//! applied at open.

mod accounts;
mod migrate;
mod sync;

use std::time::Duration;

use postgres::config::Host;
use postgres::{Config, NoTls};
use r2d2_postgres::r2d2::Pool;
use r2d2_postgres::PostgresConnectionManager;

use super::{Result, Tx};
use crate::error::{with_causes, ServerError};

/// Connections per server process: requests beyond wait for one to come free.
const POOL_SIZE: u32 = 8;

/// Keys of the server's transaction-level advisory locks (one key space per database).
const MIGRATE_LOCK: i64 = i64::from_be_bytes(*b"traj-mig");
const APPEND_LOCK: i64 = i64::from_be_bytes(*b"traj-app");

pub struct Postgres {
    pool: Pool<PostgresConnectionManager<NoTls>>,
}

/// An open PostgreSQL transaction.
struct PgTx<'a>(postgres::Transaction<'a>);

/// Where the database is, for messages (never the password).
fn describe(config: &Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .map(|host| match host {
            Host::Tcp(name) => name.clone(),
            Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    let ports: Vec<String> = config.get_ports().iter().map(u16::to_string).collect();
    format!(
        "{}:{}/{}",
        hosts.join(","),
        if ports.is_empty() {
            "5432".to_owned()
        } else {
            ports.join(",")
        },
        config.get_dbname().unwrap_or_default()
    )
}

impl Postgres {
    /// Connects, brings the schema up to date, and keeps a pool of connections.
    pub fn open(url: &str) -> Result<Self> {
        let mut config: Config = url
            .parse()
            .map_err(|e| ServerError::BadRequest(format!("geen geldige PostgreSQL-URL: {e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        let mut client = config
            .connect(NoTls)
            .map_err(|e| ServerError::Unreachable {
                target: describe(&config),
                reason: with_causes(&e),
            })?;
        migrate::to_latest(&mut client)?;
        let pool = Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(0))
            .connection_timeout(Duration::from_secs(10))
            .build_unchecked(PostgresConnectionManager::new(config, NoTls));
        Ok(Self { pool })
    }

    pub(super) fn tx<T>(&self, work: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        let mut client = self.pool.get()?;
        let mut tx = PgTx(client.transaction()?);
        let value = work(&mut tx)?;
        tx.0.commit()?;
        Ok(value)
    }
}
