-- A case moved to another team: the new team received a snapshot of the dossier, the old one a
-- revoke; an edit the old team's laptops made offline afterwards goes to the new team's
-- conflict review instead of being refused.
CREATE TABLE case_moves (
    id        INTEGER PRIMARY KEY,
    client_id TEXT NOT NULL,
    from_team INTEGER NOT NULL REFERENCES teams (id),
    to_team   INTEGER NOT NULL REFERENCES teams (id),
    moved_at  TEXT NOT NULL,
    moved_by  TEXT NOT NULL
) STRICT;
CREATE INDEX case_moves_by_client ON case_moves (client_id, from_team);
CREATE INDEX changes_by_client ON changes (client_id, seq);
