-- The PIP and the termijn (domain page §2 steps 5–7): PIP versions (concept → vastgesteld),
-- DUO's extensions and exemptions, pauses of the first PIP's 10-week deadline, generated
-- beschikkingen, and the list of language schools.

CREATE TABLE pip_versions (
    id                           TEXT PRIMARY KEY,
    client_id                    TEXT NOT NULL REFERENCES clients (id),
    number                       INTEGER NOT NULL,
    status                       TEXT NOT NULL CHECK (status IN ('concept', 'vastgesteld')),
    dagtekening                  TEXT,
    kind                         TEXT NOT NULL,
    reason                       TEXT,
    leerroute                    TEXT CHECK (leerroute IN ('b1', 'onderwijsroute', 'z_route')),
    target_level                 TEXT,
    goals                        TEXT,
    provider                     TEXT,
    waiting_list_date            TEXT,
    course_start_date            TEXT,
    map_exemption                TEXT NOT NULL,
    map_exemption_reason         TEXT,
    map_agreement                TEXT,
    pvt_agreement                TEXT,
    participation_hours_per_week INTEGER,
    participation_agreement      TEXT,
    participatiewet              TEXT,
    preconditions                TEXT,
    monitoring                   TEXT,
    late_reason                  TEXT,
    migrated                     INTEGER NOT NULL DEFAULT 0,
    created_by                   TEXT NOT NULL,
    created_at                   TEXT NOT NULL,
    adopted_by                   TEXT,
    UNIQUE (client_id, number),
    -- A concept has no dagtekening; an adopted version has one, unless imported without it.
    CHECK ((status = 'concept' AND dagtekening IS NULL) OR (status = 'vastgesteld' AND (dagtekening IS NOT NULL OR migrated = 1)))
) STRICT;
CREATE INDEX pip_versions_adopted ON pip_versions (client_id, status, dagtekening);

-- An adopted version is a decision: it never changes (a change is a new version).
CREATE TRIGGER pip_versions_adopted_is_final BEFORE UPDATE ON pip_versions
WHEN OLD.status = 'vastgesteld'
BEGIN SELECT RAISE(ABORT, 'a vastgesteld PIP never changes: make a new version'); END;
CREATE TRIGGER pip_versions_no_delete BEFORE DELETE ON pip_versions
BEGIN SELECT RAISE(ABORT, 'PIP versions are never deleted'); END;

CREATE TABLE termijn_extensions (
    id            TEXT PRIMARY KEY,
    client_id     TEXT NOT NULL REFERENCES clients (id),
    decision_date TEXT NOT NULL,
    ground        TEXT NOT NULL,
    new_end       TEXT NOT NULL,
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX termijn_extensions_by_client ON termijn_extensions (client_id, decision_date);

CREATE TABLE termijn_exemptions (
    id            TEXT PRIMARY KEY,
    client_id     TEXT NOT NULL REFERENCES clients (id),
    kind          TEXT NOT NULL CHECK (kind IN ('volledig', 'gedeeltelijk')),
    decision_date TEXT NOT NULL,
    note          TEXT,
    recorded_by   TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX termijn_exemptions_by_client ON termijn_exemptions (client_id, decision_date);

CREATE TABLE pip_pauses (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    from_date   TEXT NOT NULL,
    until_date  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX pip_pauses_by_client ON pip_pauses (client_id, from_date);

CREATE TABLE pip_documents (
    id           TEXT PRIMARY KEY,
    pip_id       TEXT NOT NULL REFERENCES pip_versions (id),
    generated_by TEXT NOT NULL,
    generated_at TEXT NOT NULL,
    pdf          BLOB NOT NULL
) STRICT;
CREATE INDEX pip_documents_by_pip ON pip_documents (pip_id, generated_at);

-- The language schools: those the beheerder adds and every one named in a record (the write
-- path keeps them here, so pick lists read one small table).
CREATE TABLE providers (
    name     TEXT PRIMARY KEY,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
) STRICT;
INSERT INTO providers (name, added_by, added_at)
SELECT DISTINCT provider, 'Traject (schema 5)', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
    SELECT provider FROM hour_entries WHERE provider IS NOT NULL
    UNION SELECT provider FROM progress_reports
    UNION SELECT provider FROM absences WHERE provider IS NOT NULL
);

CREATE TRIGGER termijn_extensions_append_only_u BEFORE UPDATE ON termijn_extensions
BEGIN SELECT RAISE(ABORT, 'termijn_extensions is append-only'); END;
CREATE TRIGGER termijn_extensions_append_only_d BEFORE DELETE ON termijn_extensions
BEGIN SELECT RAISE(ABORT, 'termijn_extensions is append-only'); END;
CREATE TRIGGER termijn_exemptions_append_only_u BEFORE UPDATE ON termijn_exemptions
BEGIN SELECT RAISE(ABORT, 'termijn_exemptions is append-only'); END;
CREATE TRIGGER termijn_exemptions_append_only_d BEFORE DELETE ON termijn_exemptions
BEGIN SELECT RAISE(ABORT, 'termijn_exemptions is append-only'); END;
CREATE TRIGGER pip_pauses_append_only_u BEFORE UPDATE ON pip_pauses
BEGIN SELECT RAISE(ABORT, 'pip_pauses is append-only'); END;
CREATE TRIGGER pip_pauses_append_only_d BEFORE DELETE ON pip_pauses
BEGIN SELECT RAISE(ABORT, 'pip_pauses is append-only'); END;
CREATE TRIGGER pip_documents_append_only_u BEFORE UPDATE ON pip_documents
BEGIN SELECT RAISE(ABORT, 'pip_documents is append-only'); END;
CREATE TRIGGER pip_documents_append_only_d BEFORE DELETE ON pip_documents
BEGIN SELECT RAISE(ABORT, 'pip_documents is append-only'); END;
