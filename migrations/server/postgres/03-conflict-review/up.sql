-- Conflicts are reviewed on the laptops: who set each value ("user (device)"), and who chose
-- which value stands.
ALTER TABLE conflicts ADD COLUMN kept_by TEXT NOT NULL DEFAULT '';
ALTER TABLE conflicts ADD COLUMN lost_by TEXT NOT NULL DEFAULT '';
ALTER TABLE conflicts ADD COLUMN resolved_by TEXT;
ALTER TABLE conflicts ADD COLUMN choice TEXT CHECK (choice IN ('kept', 'lost'));
CREATE INDEX conflicts_open_by_team ON conflicts (team_id) WHERE resolved_at IS NULL;
