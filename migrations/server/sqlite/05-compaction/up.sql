-- Compaction: how far each device has pulled (what it has seen), and each compaction's
-- watermark. A superseded field change can go once it is old enough; the changes of a case in
-- the feed of a team it moved away from only once every active device has pulled past them
-- (the revoke itself stays: a laptop that starts over still learns to remove the dossier). A
-- device that pulls from below the last watermark must start over from the beginning ("reset
-- required") after sending its own changes.
ALTER TABLE devices ADD COLUMN pulled_to INTEGER NOT NULL DEFAULT 0;

CREATE TABLE compactions (
    id         INTEGER PRIMARY KEY,
    watermark  INTEGER NOT NULL,
    superseded INTEGER NOT NULL,
    moved_away INTEGER NOT NULL,
    at         TEXT NOT NULL
) STRICT;
