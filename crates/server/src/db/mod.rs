//! The server's database: SQLite (a team's server, a file) or PostgreSQL (a region's, a
//! `postgres://` URL). What the server does with it is written once, over the primitive
//! operations of a transaction ([`tx::Tx`]): accounts in [`accounts`], push and pull in
//! [`sync`]. Each backend has its own migrations (`migrations/server/<backend>/NN-name/up.sql`),
//! applied at open.

mod accounts;
mod moves;
mod postgres;
mod purges;
mod sqlite;
mod sync;
mod tx;

use chrono::Utc;
use serde::Serialize;
use serde_json::Value;
use traject_core::sync::wire::{ServerRole, Session};
use uuid::Uuid;

use crate::config::DbLocation;
use crate::error::ServerError;

use tx::Tx;

pub(crate) type Result<T> = std::result::Result<T, ServerError>;

pub enum Db {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamRow {
    pub name: String,
    pub members: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserRow {
    pub name: String,
    pub role: ServerRole,
    pub team: Option<String>,
    pub disabled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeviceRow {
    pub id: Uuid,
    pub user: String,
    pub name: String,
    pub created_at: String,
    pub last_seen: Option<String>,
    pub revoked_at: Option<String>,
}

/// What a presented token turns out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenState {
    Active(Session),
    Revoked,
    Disabled,
    Unknown,
}

/// A user's stored credentials.
pub struct Credentials {
    pub user_id: i64,
    pub password_hash: String,
    pub disabled: bool,
}

impl Db {
    /// Opens (creating, for SQLite) the database and brings its schema up to date.
    pub fn open(location: &DbLocation) -> Result<Self> {
        Ok(match location {
            DbLocation::Sqlite(path) => Self::Sqlite(sqlite::Sqlite::open(path)?),
            DbLocation::Postgres(url) => Self::Postgres(postgres::Postgres::open(url)?),
        })
    }

    /// Runs `work` in one transaction: committed when it returns `Ok`, rolled back otherwise.
    fn tx<T>(&self, work: impl FnOnce(&mut dyn Tx) -> Result<T>) -> Result<T> {
        match self {
            Self::Sqlite(db) => db.tx(work),
            Self::Postgres(db) => db.tx(work),
        }
    }
}

pub(crate) fn now() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// A role as the database and the admin commands write it.
pub(crate) fn role_code(role: ServerRole) -> &'static str {
    match role {
        ServerRole::Consultant => "consultant",
        ServerRole::Teamleider => "teamleider",
        ServerRole::Beheerder => "beheerder",
    }
}

pub(crate) fn role_from(code: &str) -> Result<ServerRole> {
    match code {
        "consultant" => Ok(ServerRole::Consultant),
        "teamleider" => Ok(ServerRole::Teamleider),
        "beheerder" => Ok(ServerRole::Beheerder),
        other => Err(ServerError::Internal(format!("onbekende rol {other}"))),
    }
}

/// A device id as stored.
pub(crate) fn device_id(text: &str) -> Result<Uuid> {
    text.parse()
        .map_err(|e| ServerError::Internal(format!("apparaat-id {text}: {e}")))
}

/// A stored JSON value.
pub(crate) fn json(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| ServerError::Internal(format!("opgeslagen waarde: {e}")))
}
