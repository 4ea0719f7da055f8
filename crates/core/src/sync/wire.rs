//! The JSON the sync server and its clients exchange (ARCHITECTURE §3): logging in, who a
//! token belongs to, and errors. Shared by `traject-server` and the laptop's sync client.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a server account may do: a consultant syncs their team's cases, a teamleider also
/// redistributes them, a beheerder manages users, teams and devices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerRole {
    Consultant,
    Teamleider,
    Beheerder,
}

/// `POST /v1/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginRequest {
    pub user: String,
    pub password: String,
    /// The laptop's name as the beheerder will see it in `device list`.
    pub device_name: String,
}

/// A new device token: shown once, kept hashed on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginResponse {
    pub token: String,
    pub device_id: Uuid,
    pub session: Session,
}

/// Who a token belongs to (`GET /v1/me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub user: String,
    pub role: ServerRole,
    pub team: Option<String>,
    pub device_id: Uuid,
}

/// Every error response's body. `wipe` tells a revoked device to erase its local data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub wipe: bool,
}
