-- The synced data; the same tables as migrations/server/sqlite/02-sync. Every accepted op is a
-- change with a server sequence (pull order); a field's current value and clock are in
-- `fields`; an op's result is kept so a re-sent batch gets the same answer; a conflict keeps
-- both values for review; a case (dossier) belongs to a team. JSON values are TEXT, as on
-- SQLite. `changes.seq` comes from an identity sequence, whose values can commit out of order:
-- pushes serialise their appends with an advisory lock (crates/server/src/db/postgres/sync.rs).
CREATE TABLE cases (
    client_id TEXT PRIMARY KEY,
    team_id   BIGINT NOT NULL REFERENCES teams (id)
);

CREATE TABLE changes (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    op_id       TEXT NOT NULL UNIQUE,
    entity      TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    client_id   TEXT,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,   -- JSON
    hlc         TEXT NOT NULL,
    team_id     BIGINT NOT NULL REFERENCES teams (id),
    device_id   TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX changes_by_team ON changes (team_id, seq);

CREATE TABLE fields (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field  TEXT NOT NULL,
    value  TEXT NOT NULL,        -- JSON
    hlc    TEXT NOT NULL,
    seq    BIGINT NOT NULL,
    PRIMARY KEY (entity, row_id, field)
);

CREATE TABLE op_results (
    op_id  TEXT PRIMARY KEY,
    status TEXT NOT NULL CHECK (status IN ('applied', 'superseded', 'conflict', 'rejected')),
    reason TEXT
);

CREATE TABLE conflicts (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity       TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    client_id    TEXT,
    field        TEXT NOT NULL,
    team_id      BIGINT NOT NULL REFERENCES teams (id),
    -- The value that stands after the merge, and the one that lost, each with its clock.
    kept_value   TEXT NOT NULL,
    kept_hlc     TEXT NOT NULL,
    lost_value   TEXT NOT NULL,
    lost_hlc     TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    resolved_at  TEXT
);
