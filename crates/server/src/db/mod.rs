//! The server's database on SQLite (a team's server): teams, users and devices here, the
//! synced data in [`sync`]. `migrations/server/sqlite/NN-name/up.sql`, applied at open.

mod sync;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use chrono::Utc;
use include_dir::{include_dir, Dir};
use rusqlite::{params, Connection, OptionalExtension};
use rusqlite_migration::Migrations;
use serde::Serialize;
use traject_core::sync::wire::{ServerRole, Session};
use uuid::Uuid;

use crate::error::ServerError;

static MIGRATIONS: Dir = include_dir!("$CARGO_MANIFEST_DIR/../../migrations/server/sqlite");

pub(crate) type Result<T> = std::result::Result<T, ServerError>;

pub struct Db {
    conn: Mutex<Connection>,
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

fn role_from(code: &str) -> Result<ServerRole> {
    match code {
        "consultant" => Ok(ServerRole::Consultant),
        "teamleider" => Ok(ServerRole::Teamleider),
        "beheerder" => Ok(ServerRole::Beheerder),
        other => Err(ServerError::Internal(format!("onbekende rol {other}"))),
    }
}

impl Db {
    /// Opens (creating) the database file and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Migrations::from_directory(&MIGRATIONS)
            .map_err(ServerError::Migration)?
            .to_latest(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    pub(crate) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn add_team(&self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ServerError::BadRequest(
                "een team heeft een naam nodig".into(),
            ));
        }
        let added = self.conn().execute(
            "INSERT INTO teams (name, created_at) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
            params![name, now()],
        )?;
        if added == 0 {
            return Err(ServerError::Conflict(format!("team {name} bestaat al")));
        }
        Ok(())
    }

    pub fn teams(&self) -> Result<Vec<TeamRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT t.name, (SELECT count(*) FROM users u WHERE u.team_id = t.id)
             FROM teams t ORDER BY t.name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(TeamRow {
                name: r.get(0)?,
                members: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn team_id(conn: &Connection, team: Option<&str>) -> Result<Option<i64>> {
        let Some(team) = team else {
            return Ok(None);
        };
        conn.query_row("SELECT id FROM teams WHERE name = ?1", [team], |r| r.get(0))
            .optional()?
            .map(Some)
            .ok_or_else(|| ServerError::NotFound(format!("team {team}")))
    }

    pub fn add_user(
        &self,
        name: &str,
        password_hash: &str,
        role: ServerRole,
        team: Option<&str>,
    ) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ServerError::BadRequest(
                "een gebruiker heeft een naam nodig".into(),
            ));
        }
        let conn = self.conn();
        let team_id = Self::team_id(&conn, team)?;
        let added = conn.execute(
            "INSERT INTO users (name, password_hash, role, team_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO NOTHING",
            params![name, password_hash, role_code(role), team_id, now()],
        )?;
        if added == 0 {
            return Err(ServerError::Conflict(format!(
                "gebruiker {name} bestaat al"
            )));
        }
        Ok(())
    }

    pub fn users(&self) -> Result<Vec<UserRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT u.name, u.role, t.name, u.disabled FROM users u
             LEFT JOIN teams t ON t.id = u.team_id ORDER BY u.name",
        )?;
        let mut rows = stmt.query([])?;
        let mut users = Vec::new();
        while let Some(r) = rows.next()? {
            users.push(UserRow {
                name: r.get(0)?,
                role: role_from(&r.get::<_, String>(1)?)?,
                team: r.get(2)?,
                disabled: r.get(3)?,
            });
        }
        Ok(users)
    }

    fn update_user(&self, name: &str, sql: &str, value: &dyn rusqlite::ToSql) -> Result<()> {
        let changed = self.conn().execute(sql, params![value, name])?;
        if changed == 0 {
            return Err(ServerError::NotFound(format!("gebruiker {name}")));
        }
        Ok(())
    }

    pub fn set_disabled(&self, name: &str, disabled: bool) -> Result<()> {
        self.update_user(
            name,
            "UPDATE users SET disabled = ?1 WHERE name = ?2",
            &disabled,
        )
    }

    pub fn set_role(&self, name: &str, role: ServerRole) -> Result<()> {
        self.update_user(
            name,
            "UPDATE users SET role = ?1 WHERE name = ?2",
            &role_code(role),
        )
    }

    pub fn set_team(&self, name: &str, team: Option<&str>) -> Result<()> {
        let team_id = Self::team_id(&self.conn(), team)?;
        self.update_user(
            name,
            "UPDATE users SET team_id = ?1 WHERE name = ?2",
            &team_id,
        )
    }

    pub fn credentials(&self, name: &str) -> Result<Option<Credentials>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id, password_hash, disabled FROM users WHERE name = ?1",
                [name],
                |r| {
                    Ok(Credentials {
                        user_id: r.get(0)?,
                        password_hash: r.get(1)?,
                        disabled: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Registers a device of a user with the hash of its new token.
    pub fn add_device(&self, user_id: i64, name: &str, token_hash: &str) -> Result<Uuid> {
        let id = Uuid::now_v7();
        self.conn().execute(
            "INSERT INTO devices (id, user_id, name, token_hash, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id.to_string(), user_id, name.trim(), token_hash, now()],
        )?;
        Ok(id)
    }

    /// Who holds the token with this hash; an active device's last contact is recorded.
    pub fn token_state(&self, token_hash: &str) -> Result<TokenState> {
        let conn = self.conn();
        let row = conn
            .query_row(
                "SELECT d.id, d.revoked_at IS NOT NULL, u.name, u.role, u.disabled, t.name
                 FROM devices d JOIN users u ON u.id = d.user_id
                 LEFT JOIN teams t ON t.id = u.team_id WHERE d.token_hash = ?1",
                [token_hash],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, bool>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, bool>(4)?,
                        r.get::<_, Option<String>>(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((device, revoked, user, role, disabled, team)) = row else {
            return Ok(TokenState::Unknown);
        };
        if revoked {
            return Ok(TokenState::Revoked);
        }
        if disabled {
            return Ok(TokenState::Disabled);
        }
        conn.execute(
            "UPDATE devices SET last_seen = ?1 WHERE id = ?2",
            params![now(), device],
        )?;
        Ok(TokenState::Active(Session {
            user,
            role: role_from(&role)?,
            team,
            device_id: device
                .parse()
                .map_err(|e| ServerError::Internal(format!("apparaat-id {device}: {e}")))?,
        }))
    }

    pub fn devices(&self) -> Result<Vec<DeviceRow>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT d.id, u.name, d.name, d.created_at, d.last_seen, d.revoked_at
             FROM devices d JOIN users u ON u.id = d.user_id ORDER BY u.name, d.created_at",
        )?;
        let mut rows = stmt.query([])?;
        let mut devices = Vec::new();
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            devices.push(DeviceRow {
                id: id
                    .parse()
                    .map_err(|e| ServerError::Internal(format!("apparaat-id {id}: {e}")))?,
                user: r.get(1)?,
                name: r.get(2)?,
                created_at: r.get(3)?,
                last_seen: r.get(4)?,
                revoked_at: r.get(5)?,
            });
        }
        Ok(devices)
    }

    pub fn revoke_device(&self, id: Uuid) -> Result<()> {
        let changed = self.conn().execute(
            "UPDATE devices SET revoked_at = coalesce(revoked_at, ?1) WHERE id = ?2",
            params![now(), id.to_string()],
        )?;
        if changed == 0 {
            return Err(ServerError::NotFound(format!("apparaat {id}")));
        }
        Ok(())
    }
}
