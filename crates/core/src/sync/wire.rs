//! The JSON the sync server and its clients exchange (ARCHITECTURE §3): logging in, who a
//! token belongs to, and errors. Shared by `traject-server` and the laptop's sync client.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// What a server account may do: a consultant syncs their team's cases, a teamleider also
/// redistributes them, a beheerder manages users, teams and devices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
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

/// One outbox op as it travels: a field of a mutable record, or a whole ledger row (field
/// [`super::outbox::LEDGER_ROW`], value the row as JSON). `client_id` names the dossier the
/// row belongs to (`None` for the team's own tables, such as the price table): the server
/// scopes by it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireOp {
    pub op_id: Uuid,
    pub entity: String,
    pub row_id: String,
    pub client_id: Option<String>,
    pub field: String,
    pub value: serde_json::Value,
    pub hlc: String,
    /// The server sequence the device had pulled up to when the edit was made.
    pub base_seq: i64,
}

/// `POST /v1/sync/push`: a batch, applied in one server transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PushRequest {
    pub schema_version: i64,
    pub ops: Vec<WireOp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpStatus {
    /// The op's value is the field's value now (or the ledger row is stored).
    Applied,
    /// A later value stays; the op saw it, so nothing is lost.
    Superseded,
    /// The op did not see the current value and differs: both are kept for review.
    Conflict,
    /// Not accepted (scope, schema, validation); the reason says why. Other ops go on.
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpResult {
    pub op_id: Uuid,
    pub status: OpStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// One result per op, in the request's order. Re-sending a batch gives the same results.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushResponse {
    pub results: Vec<OpResult>,
}

/// A change the server accepted, as a pull returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub seq: i64,
    pub entity: String,
    pub row_id: String,
    pub client_id: Option<String>,
    pub field: String,
    pub value: serde_json::Value,
    pub hlc: String,
}

/// `POST /v1/cases/{client_id}/move`: give a dossier to another team (its teamleider or a
/// beheerder).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveRequest {
    pub team: String,
}

/// What a move did: the teams, and how many changes the new team received as its snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveResponse {
    pub from: String,
    pub to: String,
    pub copied: u64,
}

/// The entity of a change that tells the old team's laptops a dossier moved away: `row_id` is
/// the client, `value` the new team's name. Its laptops remove the dossier; the new team
/// receives a snapshot of the whole dossier as ordinary changes.
pub const CASE_MOVED: &str = "$case_moved";

/// The entity of a purge after the retention period (domain page §7), both ways: a laptop's op
/// asks the server to purge the dossier `row_id` (value: the day, as the laptop saw it), and the
/// change the server then appends tells every laptop of the team to remove it. Neither carries
/// personal data. The server keeps no other change of the dossier and refuses later ones.
pub const CASE_PURGED: &str = "$case_purged";

/// `GET /v1/sync/pull?cursor=N&limit=M`: the changes after `cursor` within the user's scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PullResponse {
    pub changes: Vec<Change>,
    pub next_cursor: i64,
    pub has_more: bool,
    /// On the last page: a stamp of the team's open conflicts that changes whenever they do,
    /// so a laptop fetches the list only then (absent from servers before it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts: Option<String>,
}

/// A conflict of the team, as `GET /v1/conflicts` lists it (oldest first): both values with
/// their clocks and who set them ("user (device)").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireConflict {
    pub id: i64,
    pub entity: String,
    pub row_id: String,
    pub client_id: Option<String>,
    pub field: String,
    pub kept_value: serde_json::Value,
    pub kept_hlc: String,
    pub kept_by: String,
    pub lost_value: serde_json::Value,
    pub lost_hlc: String,
    pub lost_by: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConflictList {
    pub conflicts: Vec<WireConflict>,
}

/// Which value of a conflict stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictChoice {
    Kept,
    Lost,
}

/// `POST /v1/conflicts/{id}/resolve`. Choosing the lost value is also an edit of the field,
/// pushed before this like any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolveRequest {
    pub choice: ConflictChoice,
}

/// The header that carries the client's schema version on every sync request.
pub const SCHEMA_HEADER: &str = "x-traject-schema";
