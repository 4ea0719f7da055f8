-- The foundation: clients, their two ledgers, the audit log, the outbox and local state.
-- Every table is classified for sync in crates/core/src/store/tables.rs.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL            -- JSON
) STRICT;

CREATE TABLE hlc_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    wall_ms INTEGER NOT NULL,
    counter INTEGER NOT NULL
) STRICT;

CREATE TABLE clients (
    seq                   INTEGER PRIMARY KEY,   -- stable local rowid for the search index
    id                    TEXT NOT NULL UNIQUE,  -- UUIDv7, made on the device
    external_id           TEXT UNIQUE,
    given_name            TEXT NOT NULL,
    family_name           TEXT NOT NULL,
    birth_date            TEXT,
    gender                TEXT CHECK (gender IN ('M', 'V', 'X')),
    country_of_origin     TEXT,
    mother_tongue         TEXT,
    other_languages       TEXT NOT NULL DEFAULT '[]',   -- JSON array
    interpreter_needed    INTEGER NOT NULL DEFAULT 0,
    interpreter_language  TEXT,
    client_type           TEXT,
    statushouder_subtype  TEXT,
    municipality          TEXT NOT NULL,
    brp_registration_date TEXT,
    kennisgeving_date     TEXT,
    obligation_date       TEXT,
    housing_date          TEXT,
    bsn                   TEXT,
    phone                 TEXT,
    email                 TEXT,
    address               TEXT,
    consultant            TEXT,
    status                TEXT NOT NULL,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
) STRICT;

CREATE INDEX clients_by_name ON clients (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX clients_by_bsn ON clients (bsn);

CREATE TABLE contact_attempts (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    date        TEXT NOT NULL,
    channel     TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    note        TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX contact_attempts_by_client ON contact_attempts (client_id, date);

CREATE TABLE notes (
    id         TEXT PRIMARY KEY,
    client_id  TEXT NOT NULL REFERENCES clients (id),
    text       TEXT NOT NULL,
    author     TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX notes_by_client ON notes (client_id, created_at);

CREATE TABLE audit_log (
    id        TEXT PRIMARY KEY,     -- UUIDv7
    at        TEXT NOT NULL,        -- wall clock, UTC
    hlc       TEXT NOT NULL,
    actor     TEXT NOT NULL,
    device_id TEXT NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('create', 'update', 'read', 'append')),
    entity    TEXT NOT NULL,
    row_id    TEXT NOT NULL,
    client_id TEXT,
    changes   TEXT NOT NULL DEFAULT '[]'   -- JSON: [{field, old, new}]
) STRICT;
CREATE INDEX audit_log_by_client ON audit_log (client_id, at);

-- One op per changed field of a mutable record, one per ledger entry; removed only once the
-- server acknowledged it.
CREATE TABLE outbox (
    op_id          TEXT PRIMARY KEY,   -- UUIDv7
    entity         TEXT NOT NULL,
    row_id         TEXT NOT NULL,
    field          TEXT NOT NULL,
    value          TEXT NOT NULL,      -- JSON
    hlc            TEXT NOT NULL,
    base_seq       INTEGER NOT NULL,   -- the server sequence the edit was made on (0: never synced)
    schema_version INTEGER NOT NULL
) STRICT;

-- Ledgers are append-only: corrections are new entries, never edits.
CREATE TRIGGER contact_attempts_append_only_u BEFORE UPDATE ON contact_attempts
BEGIN SELECT RAISE(ABORT, 'contact_attempts is append-only'); END;
CREATE TRIGGER contact_attempts_append_only_d BEFORE DELETE ON contact_attempts
BEGIN SELECT RAISE(ABORT, 'contact_attempts is append-only'); END;
CREATE TRIGGER notes_append_only_u BEFORE UPDATE ON notes
BEGIN SELECT RAISE(ABORT, 'notes is append-only'); END;
CREATE TRIGGER notes_append_only_d BEFORE DELETE ON notes
BEGIN SELECT RAISE(ABORT, 'notes is append-only'); END;
CREATE TRIGGER audit_log_append_only_u BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_append_only_d BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
