-- Teams, users and their devices; the same tables as migrations/server/sqlite/01-auth. A device
-- holds one token, stored as its SHA-256 (the token itself is 256 random bits, shown once at
-- login). Revoking a device keeps its row: its next contact learns that it must wipe.
-- Timestamps are TEXT (RFC 3339, UTC) as on SQLite, so both backends answer alike.
CREATE TABLE teams (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('consultant', 'teamleider', 'beheerder')),
    team_id       BIGINT REFERENCES teams (id),
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    TEXT NOT NULL
);

CREATE TABLE devices (
    id         TEXT PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    name       TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    last_seen  TEXT,
    revoked_at TEXT
);
CREATE INDEX devices_by_user ON devices (user_id);
