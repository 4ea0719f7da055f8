//! The primitive operations of one open transaction, implemented once per backend
//! ([`super::sqlite`], [`super::postgres`]). Everything the server decides (accounts, the sync
//! algorithm) is written once over [`Tx`] in [`super::accounts`] and [`super::sync`]; a backend
//! only stores and finds rows.

use traject_core::sync::wire::{Change, WireConflict};

use super::{Credentials, DeviceRow, Result, TeamRow, UserRow};

/// One transaction of either backend: committed when the work returns `Ok`, rolled back
/// otherwise.
pub(crate) trait Tx: Accounts + Changes {}

impl<T: Accounts + Changes> Tx for T {}

/// A change to one user.
#[derive(Debug, Clone, Copy)]
pub(crate) enum UserUpdate {
    Disabled(bool),
    Role(&'static str),
    Team(Option<i64>),
}

/// A user to add; `role` as [`super::role_code`] writes it.
pub(crate) struct NewUser<'a> {
    pub name: &'a str,
    pub password_hash: &'a str,
    pub role: &'static str,
    pub team_id: Option<i64>,
    pub created_at: &'a str,
}

/// A device to register, with the hash of its token.
pub(crate) struct NewDevice<'a> {
    pub id: &'a str,
    pub user_id: i64,
    pub name: &'a str,
    pub token_hash: &'a str,
    pub created_at: &'a str,
}

/// The device holding a token, and its user.
pub(crate) struct TokenRow {
    pub device_id: String,
    pub revoked: bool,
    pub user: String,
    pub role: String,
    pub disabled: bool,
    pub team: Option<String>,
}

/// Teams, users and devices.
pub(crate) trait Accounts {
    /// False when a team of that name exists.
    fn insert_team(&mut self, name: &str, created_at: &str) -> Result<bool>;
    fn teams(&mut self) -> Result<Vec<TeamRow>>;
    fn team_id(&mut self, name: &str) -> Result<Option<i64>>;
    fn team_name(&mut self, id: i64) -> Result<Option<String>>;
    /// False when a user of that name exists.
    fn insert_user(&mut self, user: &NewUser<'_>) -> Result<bool>;
    fn users(&mut self) -> Result<Vec<UserRow>>;
    /// False when there is no such user.
    fn update_user(&mut self, name: &str, update: UserUpdate) -> Result<bool>;
    fn credentials(&mut self, name: &str) -> Result<Option<Credentials>>;
    fn insert_device(&mut self, device: &NewDevice<'_>) -> Result<()>;
    fn device_by_token(&mut self, token_hash: &str) -> Result<Option<TokenRow>>;
    /// Records a device's contact, unless one was recorded since `since` (most requests
    /// then write nothing).
    fn touch_device(&mut self, device_id: &str, now: &str, since: &str) -> Result<()>;
    fn devices(&mut self) -> Result<Vec<DeviceRow>>;
    /// Keeps the first revocation time; false when there is no such device.
    fn revoke_device(&mut self, device_id: &str, now: &str) -> Result<bool>;
    /// "user (device)" of a device.
    fn who(&mut self, device_id: &str) -> Result<Option<String>>;
}

/// An accepted op as the server keeps it; `value` is JSON text.
#[derive(Clone, Copy)]
pub(crate) struct NewChange<'a> {
    pub op_id: &'a str,
    pub entity: &'a str,
    pub row_id: &'a str,
    pub client_id: Option<&'a str>,
    pub field: &'a str,
    pub value: &'a str,
    pub hlc: &'a str,
    pub team_id: i64,
    pub device_id: &'a str,
    pub received_at: &'a str,
}

/// A field's current value (JSON text), clock and the sequence of the change that set it.
pub(crate) struct StoredField {
    pub value: String,
    pub hlc: String,
    pub seq: i64,
}

/// One side of a conflict: the value (JSON text), its clock and who set it.
pub(crate) struct Side<'a> {
    pub value: &'a str,
    pub hlc: &'a str,
    pub by: &'a str,
}

pub(crate) struct NewConflict<'a> {
    pub entity: &'a str,
    pub row_id: &'a str,
    pub client_id: Option<&'a str>,
    pub field: &'a str,
    pub team_id: i64,
    pub kept: Side<'a>,
    pub lost: Side<'a>,
    pub created_at: &'a str,
}

/// A conflict as the beheerder lists it: with its team.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ConflictRow {
    pub team: String,
    #[serde(flatten)]
    pub conflict: WireConflict,
}

/// What a compaction removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Compaction {
    /// Field changes a later change of the same field in the same feed replaced.
    pub superseded: u64,
    /// Changes of cases in the feed of a team they moved away from (with their revokes).
    pub moved_away: u64,
    /// Laptops that pulled from below this must start over.
    pub watermark: i64,
}

/// A case purged after its retention period, as recorded.
pub(crate) struct CasePurge<'a> {
    pub client_id: &'a str,
    pub team_id: i64,
    pub purged_at: &'a str,
    pub purged_by: &'a str,
}

/// Changes, fields, op results, cases and conflicts.
pub(crate) trait Changes {
    /// Makes this transaction the only one appending changes until it ends, so sequences
    /// become visible in order and a pull by cursor never skips one.
    fn lock_appends(&mut self) -> Result<()>;
    /// The kept result of an op: status code and reason.
    fn op_result(&mut self, op_id: &str) -> Result<Option<(String, Option<String>)>>;
    fn save_op_result(&mut self, op_id: &str, status: &str, reason: Option<&str>) -> Result<()>;
    /// The team a case belongs to.
    fn case_owner(&mut self, client_id: &str) -> Result<Option<i64>>;
    fn insert_case(&mut self, client_id: &str, team_id: i64) -> Result<()>;
    /// Appends a change; its sequence.
    fn record_change(&mut self, change: &NewChange<'_>) -> Result<i64>;
    /// The device that made a change (`None`: compacted away).
    fn change_device(&mut self, seq: i64) -> Result<Option<String>>;
    fn field_state(
        &mut self,
        entity: &str,
        row_id: &str,
        field: &str,
    ) -> Result<Option<StoredField>>;
    fn upsert_field(
        &mut self,
        entity: &str,
        row_id: &str,
        field: &str,
        state: &StoredField,
    ) -> Result<()>;
    fn insert_conflict(&mut self, conflict: &NewConflict<'_>) -> Result<()>;
    /// Open conflicts, of one team or all, oldest first.
    fn open_conflicts(&mut self, team: Option<&str>) -> Result<Vec<ConflictRow>>;
    /// How many conflicts of the team are open, and the highest open id: it changes whenever
    /// the open set does (ids grow, a resolved conflict stays resolved).
    fn open_conflicts_stamp(&mut self, team_id: i64) -> Result<(i64, i64)>;
    /// Whether a conflict of this team is resolved; `None` if the team has no such conflict.
    fn conflict_resolved(&mut self, id: i64, team: &str) -> Result<Option<bool>>;
    fn resolve_conflict(&mut self, id: i64, now: &str, by: &str, choice: &str) -> Result<()>;
    /// Gives a case to another team and records the move.
    fn move_case(&mut self, client_id: &str, from: i64, to: i64, at: &str, by: &str) -> Result<()>;
    /// Whether the case was moved away from `team`.
    fn moved_away(&mut self, client_id: &str, team: i64) -> Result<bool>;
    /// Whether the case was purged after its retention period.
    fn case_purged(&mut self, client_id: &str) -> Result<bool>;
    /// Removes every change of the case from every team's feed, its fields, its conflicts,
    /// its moves and the case itself, and records the purge. The teams whose feeds held it.
    fn purge_case(&mut self, purge: &CasePurge<'_>) -> Result<Vec<i64>>;
    /// Appends, for team `to`, a copy of what the dossier holds now: every field's current
    /// change and every ledger row in team `from`'s feed, in their order; each copy's op id is
    /// the original's with `suffix`. The number of changes copied.
    fn copy_case(
        &mut self,
        client_id: &str,
        from: i64,
        to: i64,
        suffix: &str,
        received_at: &str,
    ) -> Result<u64>;
    /// Remembers that a device has pulled up to `cursor`.
    fn note_pulled(&mut self, device_id: &str, cursor: i64) -> Result<()>;
    /// The highest sequence any compaction removed a moved-away case's change at (0: none).
    fn watermark(&mut self) -> Result<i64>;
    /// Removes what no laptop needs any more (see `migrations/server/*/05-compaction`): changes
    /// received before `cutoff` and, for moved-away cases, also pulled by every device seen
    /// since `cutoff`.
    fn compact(&mut self, cutoff: &str, at: &str) -> Result<Compaction>;
    /// A team's changes after `cursor`, in sequence order, at most `limit`.
    fn changes_after(&mut self, team_id: i64, cursor: i64, limit: i64) -> Result<Vec<Change>>;
}
