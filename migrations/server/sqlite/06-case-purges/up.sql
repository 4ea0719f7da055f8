-- A case purged after its retention period: every change of it, its fields, conflicts and
-- moves are gone; this record stays, without personal data (the dossier's id, its team, when,
-- by whom, how many changes were removed), so a later op of the dossier (an edit made offline
-- before the purge reached that laptop) is refused instead of bringing it back.
CREATE TABLE case_purges (
    client_id TEXT PRIMARY KEY,
    team_id   INTEGER NOT NULL REFERENCES teams (id),
    purged_at TEXT NOT NULL,
    purged_by TEXT NOT NULL,
    removed   INTEGER NOT NULL
) STRICT;
