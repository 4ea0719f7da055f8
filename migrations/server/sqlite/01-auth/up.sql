-- Teams, users and their devices. A device holds one token, stored as its SHA-256 (the token
-- itself is 256 random bits, shown once at login). Revoking a device keeps its row: its next
-- contact learns that it must wipe.
CREATE TABLE teams (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('consultant', 'teamleider', 'beheerder')),
    team_id       INTEGER REFERENCES teams (id),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE devices (
    id         TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_seen  TEXT,
    revoked_at TEXT
) STRICT;
CREATE INDEX devices_by_user ON devices (user_id);
