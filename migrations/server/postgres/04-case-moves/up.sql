-- A case moved to another team; as migrations/server/sqlite/04-case-moves.
CREATE TABLE case_moves (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id TEXT NOT NULL,
    from_team BIGINT NOT NULL REFERENCES teams (id),
    to_team   BIGINT NOT NULL REFERENCES teams (id),
    moved_at  TEXT NOT NULL,
    moved_by  TEXT NOT NULL
);
CREATE INDEX case_moves_by_client ON case_moves (client_id, from_team);
CREATE INDEX changes_by_client ON changes (client_id, seq);
