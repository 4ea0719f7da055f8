//! Teams, users and devices: the beheerder's commands and the login's queries, over [`Tx`].

use traject_core::sync::wire::{ServerRole, Session};
use uuid::Uuid;

use super::tx::{NewDevice, NewUser, UserUpdate};
use super::{
    device_id, now, role_code, role_from, Credentials, Db, DeviceRow, Result, TeamRow, TokenState,
    Tx, UserRow,
};
use crate::error::ServerError;

/// The id of a named team; `None` for no team.
fn team_id(tx: &mut dyn Tx, team: Option<&str>) -> Result<Option<i64>> {
    let Some(team) = team else {
        return Ok(None);
    };
    tx.team_id(team)?
        .map(Some)
        .ok_or_else(|| ServerError::NotFound(format!("team {team}")))
}

impl Db {
    pub fn add_team(&self, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ServerError::BadRequest(
                "een team heeft een naam nodig".into(),
            ));
        }
        if !self.tx(|tx| tx.insert_team(name, &now()))? {
            return Err(ServerError::Conflict(format!("team {name} bestaat al")));
        }
        Ok(())
    }

    pub fn teams(&self) -> Result<Vec<TeamRow>> {
        self.tx(|tx| tx.teams())
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
        let added = self.tx(|tx| {
            let team_id = team_id(tx, team)?;
            tx.insert_user(&NewUser {
                name,
                password_hash,
                role: role_code(role),
                team_id,
                created_at: &now(),
            })
        })?;
        if !added {
            return Err(ServerError::Conflict(format!(
                "gebruiker {name} bestaat al"
            )));
        }
        Ok(())
    }

    pub fn users(&self) -> Result<Vec<UserRow>> {
        self.tx(|tx| tx.users())
    }

    fn update_user(&self, name: &str, update: UserUpdate) -> Result<()> {
        if !self.tx(|tx| tx.update_user(name, update))? {
            return Err(ServerError::NotFound(format!("gebruiker {name}")));
        }
        Ok(())
    }

    pub fn set_disabled(&self, name: &str, disabled: bool) -> Result<()> {
        self.update_user(name, UserUpdate::Disabled(disabled))
    }

    pub fn set_role(&self, name: &str, role: ServerRole) -> Result<()> {
        self.update_user(name, UserUpdate::Role(role_code(role)))
    }

    pub fn set_team(&self, name: &str, team: Option<&str>) -> Result<()> {
        let found = self.tx(|tx| {
            let team_id = team_id(tx, team)?;
            tx.update_user(name, UserUpdate::Team(team_id))
        })?;
        if !found {
            return Err(ServerError::NotFound(format!("gebruiker {name}")));
        }
        Ok(())
    }

    pub fn credentials(&self, name: &str) -> Result<Option<Credentials>> {
        self.tx(|tx| tx.credentials(name))
    }

    /// Registers a device of a user with the hash of its new token.
    pub fn add_device(&self, user_id: i64, name: &str, token_hash: &str) -> Result<Uuid> {
        let id = Uuid::now_v7();
        self.tx(|tx| {
            tx.insert_device(&NewDevice {
                id: &id.to_string(),
                user_id,
                name: name.trim(),
                token_hash,
                created_at: &now(),
            })
        })?;
        Ok(id)
    }

    /// Who holds the token with this hash; an active device's last contact is recorded.
    pub fn token_state(&self, token_hash: &str) -> Result<TokenState> {
        self.tx(|tx| {
            let Some(row) = tx.device_by_token(token_hash)? else {
                return Ok(TokenState::Unknown);
            };
            if row.revoked {
                return Ok(TokenState::Revoked);
            }
            if row.disabled {
                return Ok(TokenState::Disabled);
            }
            // Last contact to the minute: most requests then write nothing (a write is a
            // flush to disk).
            let minute_ago = (chrono::Utc::now() - chrono::Duration::minutes(1))
                .format("%Y-%m-%dT%H:%M:%S%.3fZ")
                .to_string();
            tx.touch_device(&row.device_id, &now(), &minute_ago)?;
            Ok(TokenState::Active(Session {
                user: row.user,
                role: role_from(&row.role)?,
                team: row.team,
                device_id: device_id(&row.device_id)?,
            }))
        })
    }

    pub fn devices(&self) -> Result<Vec<DeviceRow>> {
        self.tx(|tx| tx.devices())
    }

    pub fn revoke_device(&self, id: Uuid) -> Result<()> {
        if !self.tx(|tx| tx.revoke_device(&id.to_string(), &now()))? {
            return Err(ServerError::NotFound(format!("apparaat {id}")));
        }
        Ok(())
    }
}
