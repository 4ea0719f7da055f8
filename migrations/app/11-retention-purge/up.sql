-- The audit log takes the actions added since schema 1: a BSN shown on purpose ('reveal'), a
-- dossier exported for its client ('export') and a dossier purged after its retention period
-- ('purge', an entry of the team without personal data: the dossier's id, who, when, the end
-- of its retention and how many rows went). SQLite cannot change a CHECK constraint in place,
-- so the table is rebuilt with its rows, index and guards; the delete guard still lets a
-- dossier's removal through while it holds its permit (10-dossier-removal).
CREATE TABLE audit_log_new (
    id        TEXT PRIMARY KEY,     -- UUIDv7
    at        TEXT NOT NULL,        -- wall clock, UTC
    hlc       TEXT NOT NULL,
    actor     TEXT NOT NULL,
    device_id TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'read', 'append', 'reveal', 'export', 'purge')),
    entity    TEXT NOT NULL,
    row_id    TEXT NOT NULL,
    client_id TEXT,
    changes   TEXT NOT NULL DEFAULT '[]'   -- JSON: [{field, old, new}]
) STRICT;
INSERT INTO audit_log_new (id, at, hlc, actor, device_id, action, entity, row_id, client_id, changes)
SELECT id, at, hlc, actor, device_id, action, entity, row_id, client_id, changes FROM audit_log ORDER BY rowid;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_by_client ON audit_log (client_id, at);

CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_d BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
