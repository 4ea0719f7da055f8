//! A case moving to another team (the teamleider redistributes, or the beheerder): the new team
//! receives a snapshot of the whole dossier as ordinary changes in its feed, the old team a
//! revoke ([`CASE_MOVED`]) on which its laptops remove the dossier; an edit an old laptop made
//! offline after the move goes to the new team's conflict review (a new ledger row, a fact
//! about the client, joins the new team's feed).

use traject_core::sync::hlc::Hlc;
use traject_core::sync::wire::{MoveResponse, ServerRole, Session, CASE_MOVED};

use super::sync::holder_of;
use super::tx::{NewChange, NewConflict, Side};
use super::{now, Db, Result, Tx};

use crate::error::ServerError;

impl Db {
    /// Moves case `client_id` to team `to`: a teamleider of the team that has it, or a
    /// beheerder.
    pub fn move_case(&self, session: &Session, client_id: &str, to: &str) -> Result<MoveResponse> {
        self.tx(|tx| {
            tx.lock_appends()?;
            let from = tx
                .case_owner(client_id)?
                .ok_or_else(|| ServerError::NotFound(format!("dossier {client_id}")))?;
            let from_name = tx.team_name(from)?.unwrap_or_default();
            let allowed = match session.role {
                ServerRole::Beheerder => true,
                ServerRole::Teamleider => session.team.as_deref() == Some(from_name.as_str()),
                ServerRole::Consultant => false,
            };
            if !allowed {
                return Err(ServerError::Forbidden(
                    "alleen de teamleider van het team van dit dossier of de functioneel beheerder verplaatst een dossier".into(),
                ));
            }
            let to_id = tx
                .team_id(to)?
                .ok_or_else(|| ServerError::NotFound(format!("team {to}")))?;
            if to_id == from {
                return Err(ServerError::BadRequest(format!(
                    "het dossier hoort al bij team {to}"
                )));
            }
            let at = now();
            // Names this move's ops: two moves of a case within one millisecond (a teamleider's,
            // then a beheerder's moving it back) have the same `at`.
            let move_id = uuid::Uuid::now_v7();
            let device = session.device_id.to_string();
            let by = tx.who(&device)?.unwrap_or(device.clone());
            tx.move_case(client_id, from, to_id, &at, &by)?;
            let suffix = format!(":naar-{to_id}:{move_id}");
            let copied = tx.copy_case(client_id, from, to_id, &suffix, &at)?;
            let hlc = Hlc {
                wall_ms: chrono::Utc::now().timestamp_millis(),
                counter: 0,
                device: "server".into(),
            }
            .to_string();
            tx.record_change(&NewChange {
                op_id: &format!("{CASE_MOVED}:{client_id}:{move_id}"),
                entity: CASE_MOVED,
                row_id: client_id,
                client_id: Some(client_id),
                field: "team",
                value: &serde_json::Value::from(to).to_string(),
                hlc: &hlc,
                team_id: from,
                device_id: &device,
                received_at: &at,
            })?;
            Ok(MoveResponse {
                from: from_name,
                to: to.to_owned(),
                copied,
            })
        })
    }
}

/// An op of a laptop of a team the case moved away from: a ledger row joins the new team's
/// feed; a field edit becomes a conflict for the new team to review (the current value stands).
pub(super) fn late_edit(
    tx: &mut dyn Tx,
    change: &NewChange<'_>,
    owner: i64,
    ledger: bool,
) -> Result<traject_core::sync::wire::OpStatus> {
    use traject_core::sync::wire::OpStatus;
    if ledger {
        tx.record_change(&NewChange {
            team_id: owner,
            ..*change
        })?;
        return Ok(OpStatus::Applied);
    }
    let current = tx.field_state(change.entity, change.row_id, change.field)?;
    let holder = match &current {
        Some(stored) => holder_of(tx, stored.seq)?,
        None => String::new(),
    };
    let editor = tx
        .who(change.device_id)?
        .unwrap_or_else(|| change.device_id.to_owned());
    let (kept_value, kept_hlc) = current
        .as_ref()
        .map_or(("null", ""), |s| (s.value.as_str(), s.hlc.as_str()));
    tx.insert_conflict(&NewConflict {
        entity: change.entity,
        row_id: change.row_id,
        client_id: change.client_id,
        field: change.field,
        team_id: owner,
        kept: Side {
            value: kept_value,
            hlc: kept_hlc,
            by: &holder,
        },
        lost: Side {
            value: change.value,
            hlc: change.hlc,
            by: &editor,
        },
        created_at: &now(),
    })?;
    Ok(OpStatus::Conflict)
}
