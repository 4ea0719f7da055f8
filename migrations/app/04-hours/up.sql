-- Hours and portfolio (domain page §4): the hours ledger, absences, the language schools'
-- progress reports and exam results.

CREATE TABLE progress_reports (
    id                 TEXT PRIMARY KEY,
    client_id          TEXT NOT NULL REFERENCES clients (id),
    provider           TEXT NOT NULL,
    period_start       TEXT NOT NULL,
    period_end         TEXT NOT NULL,
    attendance_pct     INTEGER CHECK (attendance_pct BETWEEN 0 AND 100),
    lezen              TEXT,
    luisteren          TEXT,
    spreken            TEXT,
    schrijven          TEXT,
    knm                TEXT,
    obstacles          TEXT,
    course_quarters    INTEGER NOT NULL DEFAULT 0,
    map_theory_quarters   INTEGER NOT NULL DEFAULT 0,
    map_practice_quarters INTEGER NOT NULL DEFAULT 0,
    stagnating         INTEGER NOT NULL DEFAULT 0,
    text               TEXT,
    recorded_by        TEXT NOT NULL,
    recorded_at        TEXT NOT NULL,
    -- A provider reports a period once per participant: imports are idempotent on this.
    UNIQUE (client_id, provider, period_start, period_end)
) STRICT;

-- Quarter hours; a reversing entry has the negated hours of the entry it `reverses`, and a
-- reason. An entry is reversed at most once.
CREATE TABLE hour_entries (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    date        TEXT NOT NULL,
    quarters    INTEGER NOT NULL CHECK (quarters <> 0),
    category    TEXT NOT NULL CHECK (category IN
                  ('taal', 'participatie', 'map_theorie', 'map_praktijk', 'werk', 'eigen_plek', 'pvt')),
    source      TEXT NOT NULL CHECK (source IN ('provider_report', 'consultant', 'client_evidence')),
    provider    TEXT,
    note        TEXT,
    reverses    TEXT UNIQUE REFERENCES hour_entries (id),
    reason      TEXT,
    report_id   TEXT REFERENCES progress_reports (id),
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    CHECK ((reverses IS NULL) = (reason IS NULL)),
    CHECK ((reverses IS NULL) = (quarters > 0))
) STRICT;
CREATE INDEX hour_entries_by_client ON hour_entries (client_id, date);

CREATE TABLE absences (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    date        TEXT NOT NULL,
    activity    TEXT NOT NULL,
    excused     INTEGER NOT NULL,
    reason      TEXT,
    source      TEXT NOT NULL,
    provider    TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX absences_by_client ON absences (client_id, date);

CREATE TABLE exams (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    part        TEXT NOT NULL,
    date        TEXT NOT NULL,
    level       TEXT,
    result      TEXT NOT NULL,
    note        TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX exams_by_client ON exams (client_id, date);

CREATE TRIGGER hour_entries_append_only_u BEFORE UPDATE ON hour_entries
BEGIN SELECT RAISE(ABORT, 'hour_entries is append-only: add a reversing entry'); END;
CREATE TRIGGER hour_entries_append_only_d BEFORE DELETE ON hour_entries
BEGIN SELECT RAISE(ABORT, 'hour_entries is append-only: add a reversing entry'); END;
CREATE TRIGGER progress_reports_append_only_u BEFORE UPDATE ON progress_reports
BEGIN SELECT RAISE(ABORT, 'progress_reports is append-only'); END;
CREATE TRIGGER progress_reports_append_only_d BEFORE DELETE ON progress_reports
BEGIN SELECT RAISE(ABORT, 'progress_reports is append-only'); END;
CREATE TRIGGER exams_append_only_u BEFORE UPDATE ON exams
BEGIN SELECT RAISE(ABORT, 'exams is append-only: a resit is a new entry'); END;
CREATE TRIGGER exams_append_only_d BEFORE DELETE ON exams
BEGIN SELECT RAISE(ABORT, 'exams is append-only: a resit is a new entry'); END;
