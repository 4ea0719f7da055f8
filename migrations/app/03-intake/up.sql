-- The Brede intake: questionnaire versions, intakes pinned to a version, their sessions, and
-- each answer as its own record (so sync merges answer by answer).

CREATE TABLE questionnaires (
    id          TEXT NOT NULL,
    version     INTEGER NOT NULL,
    title       TEXT NOT NULL,
    definition  TEXT NOT NULL,          -- JSON of the validated definition
    imported_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
) STRICT;

CREATE TABLE intakes (
    id                    TEXT PRIMARY KEY,
    client_id             TEXT NOT NULL REFERENCES clients (id),
    questionnaire_id      TEXT NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    status                TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
    started_at            TEXT NOT NULL,
    completed_at          TEXT,
    FOREIGN KEY (questionnaire_id, questionnaire_version) REFERENCES questionnaires (id, version)
) STRICT;
CREATE INDEX intakes_by_client ON intakes (client_id, started_at);

-- instance 0: a question outside repeat groups; 1, 2, …: an entry of a repeat group. The row
-- with question_id = a repeat group's id holds the list of its entry numbers.
CREATE TABLE intake_answers (
    intake_id   TEXT NOT NULL REFERENCES intakes (id),
    question_id TEXT NOT NULL,
    instance    INTEGER NOT NULL,
    value       TEXT NOT NULL,          -- JSON; null when the answer was cleared
    answered_by TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    -- Its sync row id is "intake id/question id/instance".
    PRIMARY KEY (intake_id, question_id, instance)
) STRICT;

CREATE TABLE intake_sessions (
    id                   TEXT PRIMARY KEY,
    intake_id            TEXT NOT NULL REFERENCES intakes (id),
    date                 TEXT NOT NULL,
    interpreter          TEXT,
    interpreter_language TEXT,
    duration_minutes     INTEGER,
    note                 TEXT,
    recorded_by          TEXT NOT NULL,
    recorded_at          TEXT NOT NULL
) STRICT;
CREATE INDEX intake_sessions_by_intake ON intake_sessions (intake_id, date);

CREATE TRIGGER intake_sessions_append_only_u BEFORE UPDATE ON intake_sessions
BEGIN SELECT RAISE(ABORT, 'intake_sessions is append-only'); END;
CREATE TRIGGER intake_sessions_append_only_d BEFORE DELETE ON intake_sessions
BEGIN SELECT RAISE(ABORT, 'intake_sessions is append-only'); END;
CREATE TRIGGER questionnaires_immutable BEFORE UPDATE ON questionnaires
BEGIN SELECT RAISE(ABORT, 'a questionnaire version never changes: import a new version'); END;
