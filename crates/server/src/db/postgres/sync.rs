//! Changes, fields, op results, cases and conflicts on PostgreSQL.

use traject_core::sync::wire::{Change, WireConflict};

use super::{PgTx, APPEND_LOCK};
use crate::db::tx::{
    CasePurge, Changes, Compaction, ConflictRow, NewChange, NewConflict, StoredField,
};
use crate::db::{json, Result};

impl Changes for PgTx<'_> {
    /// PostgreSQL hands out `changes.seq` when a row is inserted, not when its transaction
    /// commits: two pushes at once could commit seq 8 before seq 7, and a puller that read up
    /// to 8 in between would never see 7. So every push takes this transaction-level advisory
    /// lock before it writes: pushes append one after another (across every server instance on
    /// this database), each commits (and becomes visible) before the next takes the lock, and
    /// sequences become visible in order. The lock is released at commit or rollback.
    fn lock_appends(&mut self) -> Result<()> {
        self.0
            .execute("SELECT pg_advisory_xact_lock($1)", &[&APPEND_LOCK])?;
        Ok(())
    }

    fn op_result(&mut self, op_id: &str) -> Result<Option<(String, Option<String>)>> {
        self.0
            .query_opt(
                "SELECT status, reason FROM op_results WHERE op_id = $1",
                &[&op_id],
            )?
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .transpose()
    }

    fn save_op_result(&mut self, op_id: &str, status: &str, reason: Option<&str>) -> Result<()> {
        self.0.execute(
            "INSERT INTO op_results (op_id, status, reason) VALUES ($1, $2, $3)",
            &[&op_id, &status, &reason],
        )?;
        Ok(())
    }

    fn case_owner(&mut self, client_id: &str) -> Result<Option<i64>> {
        self.0
            .query_opt(
                "SELECT team_id FROM cases WHERE client_id = $1",
                &[&client_id],
            )?
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(Into::into)
    }

    fn move_case(&mut self, client_id: &str, from: i64, to: i64, at: &str, by: &str) -> Result<()> {
        self.0.execute(
            "UPDATE cases SET team_id = $1 WHERE client_id = $2",
            &[&to, &client_id],
        )?;
        self.0.execute(
            "INSERT INTO case_moves (client_id, from_team, to_team, moved_at, moved_by)
             VALUES ($1, $2, $3, $4, $5)",
            &[&client_id, &from, &to, &at, &by],
        )?;
        Ok(())
    }

    fn moved_away(&mut self, client_id: &str, team: i64) -> Result<bool> {
        Ok(self
            .0
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM case_moves WHERE client_id = $1 AND from_team = $2)",
                &[&client_id, &team],
            )?
            .try_get(0)?)
    }

    fn case_purged(&mut self, client_id: &str) -> Result<bool> {
        Ok(self
            .0
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM case_purges WHERE client_id = $1)",
                &[&client_id],
            )?
            .try_get(0)?)
    }

    fn purge_case(&mut self, p: &CasePurge<'_>) -> Result<Vec<i64>> {
        let teams = self
            .0
            .query(
                "SELECT DISTINCT team_id FROM changes WHERE client_id = $1",
                &[&p.client_id],
            )?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<std::result::Result<Vec<i64>, _>>()?;
        self.0.execute(
            "DELETE FROM fields f USING changes c
             WHERE c.client_id = $1 AND c.entity = f.entity AND c.row_id = f.row_id",
            &[&p.client_id],
        )?;
        let removed = self
            .0
            .execute("DELETE FROM changes WHERE client_id = $1", &[&p.client_id])?;
        for table in ["conflicts", "case_moves", "cases"] {
            self.0.execute(
                &format!("DELETE FROM {table} WHERE client_id = $1"),
                &[&p.client_id],
            )?;
        }
        self.0.execute(
            "INSERT INTO case_purges (client_id, team_id, purged_at, purged_by, removed)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &p.client_id,
                &p.team_id,
                &p.purged_at,
                &p.purged_by,
                &(removed as i64),
            ],
        )?;
        Ok(teams)
    }

    fn copy_case(
        &mut self,
        client_id: &str,
        from: i64,
        to: i64,
        suffix: &str,
        received_at: &str,
    ) -> Result<u64> {
        Ok(self.0.execute(
            "INSERT INTO changes (op_id, entity, row_id, client_id, field, value, hlc, team_id,
                                  device_id, received_at)
             SELECT c.op_id || $1, c.entity, c.row_id, c.client_id, c.field, c.value, c.hlc, $2,
                    c.device_id, $3
             FROM changes c
             WHERE c.client_id = $4
               AND ((c.field = '_row' AND c.team_id = $5)
                    OR EXISTS (SELECT 1 FROM fields f WHERE f.entity = c.entity
                               AND f.row_id = c.row_id AND f.field = c.field AND f.seq = c.seq))
             ORDER BY c.seq",
            &[&suffix, &to, &received_at, &client_id, &from],
        )?)
    }

    fn insert_case(&mut self, client_id: &str, team_id: i64) -> Result<()> {
        self.0.execute(
            "INSERT INTO cases (client_id, team_id) VALUES ($1, $2)",
            &[&client_id, &team_id],
        )?;
        Ok(())
    }

    fn record_change(&mut self, c: &NewChange<'_>) -> Result<i64> {
        Ok(self
            .0
            .query_one(
                "INSERT INTO changes (op_id, entity, row_id, client_id, field, value, hlc,
                                      team_id, device_id, received_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq",
                &[
                    &c.op_id,
                    &c.entity,
                    &c.row_id,
                    &c.client_id,
                    &c.field,
                    &c.value,
                    &c.hlc,
                    &c.team_id,
                    &c.device_id,
                    &c.received_at,
                ],
            )?
            .try_get(0)?)
    }

    fn change_device(&mut self, seq: i64) -> Result<Option<String>> {
        self.0
            .query_opt("SELECT device_id FROM changes WHERE seq = $1", &[&seq])?
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(Into::into)
    }

    fn note_pulled(&mut self, device_id: &str, cursor: i64) -> Result<()> {
        self.0.execute(
            "UPDATE devices SET pulled_to = $1 WHERE id = $2 AND pulled_to < $1",
            &[&cursor, &device_id],
        )?;
        Ok(())
    }

    fn watermark(&mut self) -> Result<i64> {
        Ok(self
            .0
            .query_one(
                "SELECT COALESCE(MAX(watermark), 0)::BIGINT FROM compactions",
                &[],
            )?
            .try_get(0)?)
    }

    fn compact(&mut self, cutoff: &str, at: &str) -> Result<Compaction> {
        let safe: i64 = self
            .0
            .query_one(
                "SELECT COALESCE(MIN(pulled_to), (SELECT COALESCE(MAX(seq), 0) FROM changes))
             FROM devices WHERE revoked_at IS NULL AND last_seen >= $1",
                &[&cutoff],
            )?
            .try_get(0)?;
        let watermark: i64 = self
            .0
            .query_one(
                "SELECT COALESCE(MAX(c.seq), 0)::BIGINT FROM changes AS c
                 WHERE c.seq <= $1 AND c.received_at < $2 AND c.client_id IS NOT NULL AND c.entity <> '$case_moved'
               AND EXISTS (SELECT 1 FROM case_moves m JOIN cases k ON k.client_id = m.client_id
                           WHERE m.client_id = c.client_id AND m.from_team = c.team_id
                             AND k.team_id <> c.team_id)",
                &[&safe, &cutoff],
            )?
            .try_get(0)?;
        let moved_away = self.0.execute(
            "DELETE FROM changes AS c
             WHERE c.seq <= $1 AND c.received_at < $2 AND c.client_id IS NOT NULL AND c.entity <> '$case_moved'
               AND EXISTS (SELECT 1 FROM case_moves m JOIN cases k ON k.client_id = m.client_id
                           WHERE m.client_id = c.client_id AND m.from_team = c.team_id
                             AND k.team_id <> c.team_id)",
            &[&safe, &cutoff],
        )?;
        let superseded = self.0.execute(
            "DELETE FROM changes AS c
             WHERE c.field <> '_row' AND c.received_at < $1
               AND EXISTS (SELECT 1 FROM changes n WHERE n.team_id = c.team_id
                           AND n.entity = c.entity AND n.row_id = c.row_id
                           AND n.field = c.field AND n.seq > c.seq)",
            &[&cutoff],
        )?;
        let watermark = watermark.max(self.watermark()?);
        self.0.execute(
            "INSERT INTO compactions (watermark, superseded, moved_away, at)
             VALUES ($1, $2, $3, $4)",
            &[&watermark, &(superseded as i64), &(moved_away as i64), &at],
        )?;
        Ok(Compaction {
            superseded,
            moved_away,
            watermark,
        })
    }

    fn field_state(
        &mut self,
        entity: &str,
        row_id: &str,
        field: &str,
    ) -> Result<Option<StoredField>> {
        self.0
            .query_opt(
                "SELECT value, hlc, seq FROM fields
                 WHERE entity = $1 AND row_id = $2 AND field = $3",
                &[&entity, &row_id, &field],
            )?
            .map(|r| {
                Ok(StoredField {
                    value: r.try_get(0)?,
                    hlc: r.try_get(1)?,
                    seq: r.try_get(2)?,
                })
            })
            .transpose()
    }

    fn upsert_field(
        &mut self,
        entity: &str,
        row_id: &str,
        field: &str,
        state: &StoredField,
    ) -> Result<()> {
        self.0.execute(
            "INSERT INTO fields (entity, row_id, field, value, hlc, seq)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (entity, row_id, field)
             DO UPDATE SET value = excluded.value, hlc = excluded.hlc, seq = excluded.seq",
            &[
                &entity,
                &row_id,
                &field,
                &state.value,
                &state.hlc,
                &state.seq,
            ],
        )?;
        Ok(())
    }

    fn insert_conflict(&mut self, c: &NewConflict<'_>) -> Result<()> {
        self.0.execute(
            "INSERT INTO conflicts (entity, row_id, client_id, field, team_id, kept_value,
                                    kept_hlc, kept_by, lost_value, lost_hlc, lost_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            &[
                &c.entity,
                &c.row_id,
                &c.client_id,
                &c.field,
                &c.team_id,
                &c.kept.value,
                &c.kept.hlc,
                &c.kept.by,
                &c.lost.value,
                &c.lost.hlc,
                &c.lost.by,
                &c.created_at,
            ],
        )?;
        Ok(())
    }

    fn open_conflicts(&mut self, team: Option<&str>) -> Result<Vec<ConflictRow>> {
        self.0
            .query(
                "SELECT c.id, c.entity, c.row_id, c.client_id, c.field, t.name, c.kept_value,
                        c.kept_hlc, c.kept_by, c.lost_value, c.lost_hlc, c.lost_by, c.created_at
                 FROM conflicts c JOIN teams t ON t.id = c.team_id
                 WHERE c.resolved_at IS NULL AND ($1::text IS NULL OR t.name = $1)
                 ORDER BY c.id",
                &[&team],
            )?
            .iter()
            .map(|r| {
                Ok(ConflictRow {
                    team: r.try_get(5)?,
                    conflict: WireConflict {
                        id: r.try_get(0)?,
                        entity: r.try_get(1)?,
                        row_id: r.try_get(2)?,
                        client_id: r.try_get(3)?,
                        field: r.try_get(4)?,
                        kept_value: json(r.try_get(6)?)?,
                        kept_hlc: r.try_get(7)?,
                        kept_by: r.try_get(8)?,
                        lost_value: json(r.try_get(9)?)?,
                        lost_hlc: r.try_get(10)?,
                        lost_by: r.try_get(11)?,
                        created_at: r.try_get(12)?,
                    },
                })
            })
            .collect()
    }

    fn open_conflicts_stamp(&mut self, team_id: i64) -> Result<(i64, i64)> {
        let row = self.0.query_one(
            "SELECT count(*)::BIGINT, COALESCE(MAX(id), 0)::BIGINT FROM conflicts
             WHERE team_id = $1 AND resolved_at IS NULL",
            &[&team_id],
        )?;
        Ok((row.try_get(0)?, row.try_get(1)?))
    }

    fn conflict_resolved(&mut self, id: i64, team: &str) -> Result<Option<bool>> {
        self.0
            .query_opt(
                "SELECT c.resolved_at IS NOT NULL FROM conflicts c
                 JOIN teams t ON t.id = c.team_id WHERE c.id = $1 AND t.name = $2",
                &[&id, &team],
            )?
            .map(|r| r.try_get(0))
            .transpose()
            .map_err(Into::into)
    }

    fn resolve_conflict(&mut self, id: i64, now: &str, by: &str, choice: &str) -> Result<()> {
        self.0.execute(
            "UPDATE conflicts SET resolved_at = $1, resolved_by = $2, choice = $3 WHERE id = $4",
            &[&now, &by, &choice, &id],
        )?;
        Ok(())
    }

    fn changes_after(&mut self, team_id: i64, cursor: i64, limit: i64) -> Result<Vec<Change>> {
        self.0
            .query(
                "SELECT seq, entity, row_id, client_id, field, value, hlc FROM changes
                 WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                &[&team_id, &cursor, &limit],
            )?
            .iter()
            .map(|r| {
                Ok(Change {
                    seq: r.try_get(0)?,
                    entity: r.try_get(1)?,
                    row_id: r.try_get(2)?,
                    client_id: r.try_get(3)?,
                    field: r.try_get(4)?,
                    value: json(r.try_get(5)?)?,
                    hlc: r.try_get(6)?,
                })
            })
            .collect()
    }
}
