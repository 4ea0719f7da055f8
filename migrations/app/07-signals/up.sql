-- Acknowledged and snoozed signals (the Werkvoorraad). The latest row of a client and signal kind
-- holds while the signal's facts (its fingerprint) stay the same and `until` has not passed.
CREATE TABLE signal_acks (
    id          TEXT PRIMARY KEY,
    client_id   TEXT NOT NULL REFERENCES clients (id),
    kind        TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    -- Snoozed until this day (the signal returns the day after); NULL: acknowledged.
    until       TEXT,
    reason      TEXT NOT NULL,
    acked_by    TEXT NOT NULL,
    acked_at    TEXT NOT NULL
) STRICT;
CREATE INDEX signal_acks_by_client ON signal_acks (client_id, kind, acked_at);

CREATE TRIGGER signal_acks_append_only_u BEFORE UPDATE ON signal_acks
BEGIN SELECT RAISE(ABORT, 'signal_acks is append-only: a new acknowledgement replaces the last'); END;
CREATE TRIGGER signal_acks_append_only_d BEFORE DELETE ON signal_acks
BEGIN SELECT RAISE(ABORT, 'signal_acks is append-only: a new acknowledgement replaces the last'); END;


-- The signals read one answer of every intake: the main income (social assistance or not).
CREATE INDEX intake_answers_income ON intake_answers (intake_id, value) WHERE question_id = 'inkomen';
