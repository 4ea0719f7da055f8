//! This laptop's link to a sync server: where, as whom, and the device token (kept in the local
//! database, never synced).

use serde::{Deserialize, Serialize};

use super::{settings, Result, Store};
use crate::sync::client::{server_url, SyncClient, SyncError};
use crate::sync::wire::ServerRole;

const KEY: &str = "sync_login";

/// The login of this laptop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncLogin {
    pub server: String,
    pub user: String,
    pub role: ServerRole,
    pub team: Option<String>,
    pub device_id: uuid::Uuid,
    pub token: String,
}

impl Store {
    pub fn sync_login(&self) -> Result<Option<SyncLogin>> {
        settings::get(&self.conn, KEY)
    }

    /// Logs in on `server` (https, or http to this computer unless `allow_http`) and keeps the
    /// device token. The password is not kept.
    pub fn log_in(
        &mut self,
        server: &str,
        user: &str,
        password: &str,
        device_name: &str,
        allow_http: bool,
    ) -> std::result::Result<SyncLogin, SyncError> {
        let url = server_url(server, allow_http)?;
        let response = SyncClient::new(url.clone())?.login(user, password, device_name)?;
        let login = SyncLogin {
            server: url.to_string(),
            user: response.session.user,
            role: response.session.role,
            team: response.session.team,
            device_id: response.device_id,
            token: response.token,
        };
        settings::put(&self.conn, KEY, &login).map_err(|e| {
            SyncError::Protocol(format!("de aanmelding kon niet worden bewaard: {e}"))
        })?;
        Ok(login)
    }

    /// Forgets the login (the server keeps the device until the beheerder revokes it).
    pub fn log_out(&mut self) -> Result<bool> {
        Ok(self
            .conn
            .execute("DELETE FROM settings WHERE key = ?1", [KEY])?
            > 0)
    }
}
