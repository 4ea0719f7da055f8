-- A case purged after its retention period; as migrations/server/sqlite/06-case-purges.
CREATE TABLE case_purges (
    client_id TEXT PRIMARY KEY,
    team_id   BIGINT NOT NULL REFERENCES teams (id),
    purged_at TEXT NOT NULL,
    purged_by TEXT NOT NULL,
    removed   BIGINT NOT NULL
);
