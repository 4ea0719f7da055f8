//! Teams, users and devices on SQLite.

use rusqlite::{params, OptionalExtension};

use super::SqliteTx;
use crate::db::tx::{Accounts, NewDevice, NewUser, TokenRow, UserUpdate};
use crate::db::{device_id, role_from, Credentials, DeviceRow, Result, TeamRow, UserRow};

impl Accounts for SqliteTx<'_> {
    fn insert_team(&mut self, name: &str, created_at: &str) -> Result<bool> {
        let added = self.execute(
            "INSERT INTO teams (name, created_at) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING",
            params![name, created_at],
        )?;
        Ok(added > 0)
    }

    fn teams(&mut self) -> Result<Vec<TeamRow>> {
        let mut stmt = self.0.prepare(
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

    fn team_id(&mut self, name: &str) -> Result<Option<i64>> {
        Ok(self
            .query_row("SELECT id FROM teams WHERE name = ?1", [name], |r| r.get(0))
            .optional()?)
    }

    fn team_name(&mut self, id: i64) -> Result<Option<String>> {
        Ok(self
            .query_row("SELECT name FROM teams WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    fn insert_user(&mut self, user: &NewUser<'_>) -> Result<bool> {
        let added = self.execute(
            "INSERT INTO users (name, password_hash, role, team_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO NOTHING",
            params![
                user.name,
                user.password_hash,
                user.role,
                user.team_id,
                user.created_at
            ],
        )?;
        Ok(added > 0)
    }

    fn users(&mut self) -> Result<Vec<UserRow>> {
        let mut stmt = self.0.prepare(
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

    fn update_user(&mut self, name: &str, update: UserUpdate) -> Result<bool> {
        let changed = match update {
            UserUpdate::Disabled(disabled) => self.execute(
                "UPDATE users SET disabled = ?1 WHERE name = ?2",
                params![disabled, name],
            )?,
            UserUpdate::Role(role) => self.execute(
                "UPDATE users SET role = ?1 WHERE name = ?2",
                params![role, name],
            )?,
            UserUpdate::Team(team_id) => self.execute(
                "UPDATE users SET team_id = ?1 WHERE name = ?2",
                params![team_id, name],
            )?,
        };
        Ok(changed > 0)
    }

    fn credentials(&mut self, name: &str) -> Result<Option<Credentials>> {
        Ok(self
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

    fn insert_device(&mut self, device: &NewDevice<'_>) -> Result<()> {
        self.execute(
            "INSERT INTO devices (id, user_id, name, token_hash, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                device.id,
                device.user_id,
                device.name,
                device.token_hash,
                device.created_at
            ],
        )?;
        Ok(())
    }

    fn device_by_token(&mut self, token_hash: &str) -> Result<Option<TokenRow>> {
        Ok(self
            .query_row(
                "SELECT d.id, d.revoked_at IS NOT NULL, u.name, u.role, u.disabled, t.name
                 FROM devices d JOIN users u ON u.id = d.user_id
                 LEFT JOIN teams t ON t.id = u.team_id WHERE d.token_hash = ?1",
                [token_hash],
                |r| {
                    Ok(TokenRow {
                        device_id: r.get(0)?,
                        revoked: r.get(1)?,
                        user: r.get(2)?,
                        role: r.get(3)?,
                        disabled: r.get(4)?,
                        team: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    fn touch_device(&mut self, device_id: &str, now: &str, since: &str) -> Result<()> {
        self.execute(
            "UPDATE devices SET last_seen = ?1
             WHERE id = ?2 AND (last_seen IS NULL OR last_seen < ?3)",
            params![now, device_id, since],
        )?;
        Ok(())
    }

    fn devices(&mut self) -> Result<Vec<DeviceRow>> {
        let mut stmt = self.0.prepare(
            "SELECT d.id, u.name, d.name, d.created_at, d.last_seen, d.revoked_at
             FROM devices d JOIN users u ON u.id = d.user_id ORDER BY u.name, d.created_at",
        )?;
        let mut rows = stmt.query([])?;
        let mut devices = Vec::new();
        while let Some(r) = rows.next()? {
            devices.push(DeviceRow {
                id: device_id(&r.get::<_, String>(0)?)?,
                user: r.get(1)?,
                name: r.get(2)?,
                created_at: r.get(3)?,
                last_seen: r.get(4)?,
                revoked_at: r.get(5)?,
            });
        }
        Ok(devices)
    }

    fn revoke_device(&mut self, device_id: &str, now: &str) -> Result<bool> {
        let changed = self.execute(
            "UPDATE devices SET revoked_at = coalesce(revoked_at, ?1) WHERE id = ?2",
            params![now, device_id],
        )?;
        Ok(changed > 0)
    }

    fn who(&mut self, device_id: &str) -> Result<Option<String>> {
        Ok(self
            .query_row(
                "SELECT u.name || ' (' || d.name || ')' FROM devices d
                 JOIN users u ON u.id = d.user_id WHERE d.id = ?1",
                [device_id],
                |r| r.get(0),
            )
            .optional()?)
    }
}
