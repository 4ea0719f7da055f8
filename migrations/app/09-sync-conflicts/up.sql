-- The team's open conflicts as fetched from the sync server on every sync, and the choices made
-- on this laptop until the server has them. Never synced as such: the chosen value travels as an
-- ordinary edit, the choice through the server's conflict endpoint.
CREATE TABLE sync_conflicts (
    id          INTEGER PRIMARY KEY,   -- the server's number
    entity      TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    client_id   TEXT,
    field       TEXT NOT NULL,
    kept_value  TEXT NOT NULL,         -- JSON
    kept_hlc    TEXT NOT NULL,
    kept_by     TEXT NOT NULL,
    lost_value  TEXT NOT NULL,         -- JSON
    lost_hlc    TEXT NOT NULL,
    lost_by     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    -- Set when resolved here; the row goes once the server has the choice.
    choice      TEXT CHECK (choice IN ('kept', 'lost')),
    resolved_at TEXT,
    resolved_by TEXT
) STRICT;
