//! Teams, users and devices on PostgreSQL.

use super::PgTx;
use crate::db::tx::{Accounts, NewDevice, NewUser, TokenRow, UserUpdate};
use crate::db::{device_id, role_from, Credentials, DeviceRow, Result, TeamRow, UserRow};

impl Accounts for PgTx<'_> {
    fn insert_team(&mut self, name: &str, created_at: &str) -> Result<bool> {
        let added = self.0.execute(
            "INSERT INTO teams (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            &[&name, &created_at],
        )?;
        Ok(added > 0)
    }

    fn teams(&mut self) -> Result<Vec<TeamRow>> {
        self.0
            .query(
                "SELECT t.name, (SELECT count(*) FROM users u WHERE u.team_id = t.id)
                 FROM teams t ORDER BY t.name",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(TeamRow {
                    name: r.try_get(0)?,
                    members: u32::try_from(r.try_get::<_, i64>(1)?).unwrap_or(u32::MAX),
                })
            })
            .collect()
    }

    fn team_id(&mut self, name: &str) -> Result<Option<i64>> {
        self.0
            .query_opt("SELECT id FROM teams WHERE name = $1", &[&name])?
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(Into::into)
    }

    fn team_name(&mut self, id: i64) -> Result<Option<String>> {
        self.0
            .query_opt("SELECT name FROM teams WHERE id = $1", &[&id])?
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(Into::into)
    }

    fn insert_user(&mut self, user: &NewUser<'_>) -> Result<bool> {
        let added = self.0.execute(
            "INSERT INTO users (name, password_hash, role, team_id, created_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING",
            &[
                &user.name,
                &user.password_hash,
                &user.role,
                &user.team_id,
                &user.created_at,
            ],
        )?;
        Ok(added > 0)
    }

    fn users(&mut self) -> Result<Vec<UserRow>> {
        self.0
            .query(
                "SELECT u.name, u.role, t.name, u.disabled FROM users u
                 LEFT JOIN teams t ON t.id = u.team_id ORDER BY u.name",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(UserRow {
                    name: r.try_get(0)?,
                    role: role_from(r.try_get(1)?)?,
                    team: r.try_get(2)?,
                    disabled: r.try_get(3)?,
                })
            })
            .collect()
    }

    fn update_user(&mut self, name: &str, update: UserUpdate) -> Result<bool> {
        let changed = match update {
            UserUpdate::Disabled(disabled) => self.0.execute(
                "UPDATE users SET disabled = $1 WHERE name = $2",
                &[&disabled, &name],
            )?,
            UserUpdate::Role(role) => self.0.execute(
                "UPDATE users SET role = $1 WHERE name = $2",
                &[&role, &name],
            )?,
            UserUpdate::Team(team_id) => self.0.execute(
                "UPDATE users SET team_id = $1 WHERE name = $2",
                &[&team_id, &name],
            )?,
        };
        Ok(changed > 0)
    }

    fn credentials(&mut self, name: &str) -> Result<Option<Credentials>> {
        self.0
            .query_opt(
                "SELECT id, password_hash, disabled FROM users WHERE name = $1",
                &[&name],
            )?
            .map(|r| {
                Ok(Credentials {
                    user_id: r.try_get(0)?,
                    password_hash: r.try_get(1)?,
                    disabled: r.try_get(2)?,
                })
            })
            .transpose()
    }

    fn insert_device(&mut self, device: &NewDevice<'_>) -> Result<()> {
        self.0.execute(
            "INSERT INTO devices (id, user_id, name, token_hash, created_at)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &device.id,
                &device.user_id,
                &device.name,
                &device.token_hash,
                &device.created_at,
            ],
        )?;
        Ok(())
    }

    fn device_by_token(&mut self, token_hash: &str) -> Result<Option<TokenRow>> {
        self.0
            .query_opt(
                "SELECT d.id, d.revoked_at IS NOT NULL, u.name, u.role, u.disabled, t.name
                 FROM devices d JOIN users u ON u.id = d.user_id
                 LEFT JOIN teams t ON t.id = u.team_id WHERE d.token_hash = $1",
                &[&token_hash],
            )?
            .map(|r| {
                Ok(TokenRow {
                    device_id: r.try_get(0)?,
                    revoked: r.try_get(1)?,
                    user: r.try_get(2)?,
                    role: r.try_get(3)?,
                    disabled: r.try_get(4)?,
                    team: r.try_get(5)?,
                })
            })
            .transpose()
    }

    fn touch_device(&mut self, device_id: &str, now: &str, since: &str) -> Result<()> {
        self.0.execute(
            "UPDATE devices SET last_seen = $1
             WHERE id = $2 AND (last_seen IS NULL OR last_seen < $3)",
            &[&now, &device_id, &since],
        )?;
        Ok(())
    }

    fn devices(&mut self) -> Result<Vec<DeviceRow>> {
        self.0
            .query(
                "SELECT d.id, u.name, d.name, d.created_at, d.last_seen, d.revoked_at
                 FROM devices d JOIN users u ON u.id = d.user_id ORDER BY u.name, d.created_at",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(DeviceRow {
                    id: device_id(r.try_get(0)?)?,
                    user: r.try_get(1)?,
                    name: r.try_get(2)?,
                    created_at: r.try_get(3)?,
                    last_seen: r.try_get(4)?,
                    revoked_at: r.try_get(5)?,
                })
            })
            .collect()
    }

    fn revoke_device(&mut self, device_id: &str, now: &str) -> Result<bool> {
        let changed = self.0.execute(
            "UPDATE devices SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2",
            &[&now, &device_id],
        )?;
        Ok(changed > 0)
    }

    fn who(&mut self, device_id: &str) -> Result<Option<String>> {
        self.0
            .query_opt(
                "SELECT u.name || ' (' || d.name || ')' FROM devices d
                 JOIN users u ON u.id = d.user_id WHERE d.id = $1",
                &[&device_id],
            )?
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(Into::into)
    }
}
