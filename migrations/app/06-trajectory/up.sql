-- The rest of the trajectory (domain page §2 steps 2, 3, 8–13). Column names are the record
-- types' field names (crates/core/src/domain/trajectory); `updated_*` only on mutable records.

CREATE TABLE progress_conversations (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    date TEXT NOT NULL,
    attendees TEXT,
    interpreter TEXT,
    notes TEXT,
    agreements TEXT,
    next_date TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    updated_by  TEXT,
    updated_at  TEXT
) STRICT;
CREATE INDEX progress_conversations_by_client ON progress_conversations (client_id);

CREATE TABLE pvt_meetings (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    date TEXT NOT NULL,
    quarters INTEGER NOT NULL CHECK (quarters > 0),
    topic TEXT,
    note TEXT,
    -- The hours-ledger entry written with the meeting.
    hour_entry_id TEXT NOT NULL REFERENCES hour_entries (id),
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX pvt_meetings_by_client ON pvt_meetings (client_id);

CREATE TABLE pvt_statements (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    signed_on TEXT NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    updated_by  TEXT,
    updated_at  TEXT,
    UNIQUE (client_id)
) STRICT;
CREATE INDEX pvt_statements_by_client ON pvt_statements (client_id);

CREATE TABLE map_themes (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    theme TEXT NOT NULL,
    date TEXT NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (client_id, theme)
) STRICT;
CREATE INDEX map_themes_by_client ON map_themes (client_id);

CREATE TABLE map_closings (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    date TEXT NOT NULL,
    result TEXT NOT NULL,
    reason TEXT,
    culpable INTEGER,
    note TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    updated_by  TEXT,
    updated_at  TEXT
) STRICT;
CREATE INDEX map_closings_by_client ON map_closings (client_id);

CREATE TABLE enforcement_cases (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    trigger TEXT NOT NULL,
    opened_on TEXT NOT NULL,
    investigation TEXT,
    decision TEXT,
    decided_on TEXT,
    culpability TEXT,
    fine_rule TEXT,
    fine_cents INTEGER,
    note TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    updated_by  TEXT,
    updated_at  TEXT
) STRICT;
CREATE INDEX enforcement_cases_by_client ON enforcement_cases (client_id);

CREATE TABLE enforcement_warnings (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    case_id TEXT NOT NULL REFERENCES enforcement_cases (id),
    date TEXT NOT NULL,
    letter_sent INTEGER NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX enforcement_warnings_by_client ON enforcement_warnings (client_id);

CREATE TABLE ontzorgen (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    start TEXT NOT NULL,
    months INTEGER NOT NULL,
    extended_until TEXT,
    huur_from TEXT,
    zorgverzekering_from TEXT,
    energie_from TEXT,
    water_from TEXT,
    rent_collected_by_corporation INTEGER NOT NULL,
    budget_coach TEXT,
    note TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    updated_by  TEXT,
    updated_at  TEXT
) STRICT;
CREATE INDEX ontzorgen_by_client ON ontzorgen (client_id);

CREATE TABLE begeleidingen (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    organisation TEXT NOT NULL,
    contact_person TEXT,
    start TEXT NOT NULL,
    "end" TEXT,
    walk_in_until TEXT,
    note TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    updated_by  TEXT,
    updated_at  TEXT
) STRICT;
CREATE INDEX begeleidingen_by_client ON begeleidingen (client_id);

CREATE TABLE referrals (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    target TEXT NOT NULL,
    target_other TEXT,
    date TEXT NOT NULL,
    reason TEXT NOT NULL,
    outcome TEXT,
    outcome_date TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    updated_by  TEXT,
    updated_at  TEXT
) STRICT;
CREATE INDEX referrals_by_client ON referrals (client_id);

CREATE TABLE work_periods (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    kind TEXT NOT NULL,
    employer TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT,
    quarters_per_week INTEGER NOT NULL,
    note TEXT,
    -- The last day whose hours are in the hours ledger (kept by the app, never by hand).
    booked_until TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    updated_by  TEXT,
    updated_at  TEXT
) STRICT;
CREATE INDEX work_periods_by_client ON work_periods (client_id);

CREATE TABLE closings (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    reason TEXT NOT NULL,
    date TEXT NOT NULL,
    note TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    updated_by  TEXT,
    updated_at  TEXT,
    UNIQUE (client_id)
) STRICT;
CREATE INDEX closings_by_client ON closings (client_id);

-- The local regulation's fines (a data table the beheerder keeps, synced to the team).
CREATE TABLE fine_rules (
    code        TEXT PRIMARY KEY,
    description TEXT NOT NULL,
    trigger     TEXT,
    max_cents   INTEGER NOT NULL CHECK (max_cents > 0),
    added_by    TEXT NOT NULL,
    added_at    TEXT NOT NULL
) STRICT;

CREATE TRIGGER pvt_meetings_append_only_u BEFORE UPDATE ON pvt_meetings
BEGIN SELECT RAISE(ABORT, 'pvt_meetings is append-only: its hours are corrected in the hours ledger'); END;
CREATE TRIGGER pvt_meetings_append_only_d BEFORE DELETE ON pvt_meetings
BEGIN SELECT RAISE(ABORT, 'pvt_meetings is append-only: its hours are corrected in the hours ledger'); END;
CREATE TRIGGER map_themes_append_only_u BEFORE UPDATE ON map_themes
BEGIN SELECT RAISE(ABORT, 'map_themes is append-only: a theme is done once'); END;
CREATE TRIGGER map_themes_append_only_d BEFORE DELETE ON map_themes
BEGIN SELECT RAISE(ABORT, 'map_themes is append-only: a theme is done once'); END;
CREATE TRIGGER enforcement_warnings_append_only_u BEFORE UPDATE ON enforcement_warnings
BEGIN SELECT RAISE(ABORT, 'enforcement_warnings is append-only: a warning given stays given'); END;
CREATE TRIGGER enforcement_warnings_append_only_d BEFORE DELETE ON enforcement_warnings
BEGIN SELECT RAISE(ABORT, 'enforcement_warnings is append-only: a warning given stays given'); END;
