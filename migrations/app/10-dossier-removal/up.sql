-- A dossier can leave this laptop whole: when it is moved to another team (the server's revoke)
-- and, later, when its retention period ends. The append-only guards stay, except while a
-- removal holds its permit: a row in `removal_permit`, written and deleted inside the removal's
-- own transaction, so no other write ever sees it.
CREATE TABLE removal_permit (
    client_id TEXT PRIMARY KEY
) STRICT;

-- What left this laptop and why (never synced).
CREATE TABLE dossier_removals (
    client_id  TEXT PRIMARY KEY,
    reason     TEXT NOT NULL,
    removed_at TEXT NOT NULL
) STRICT;

DROP TRIGGER contact_attempts_append_only_d;
CREATE TRIGGER contact_attempts_append_only_d BEFORE DELETE ON contact_attempts
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'contact_attempts is append-only'); END;

DROP TRIGGER notes_append_only_d;
CREATE TRIGGER notes_append_only_d BEFORE DELETE ON notes
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'notes is append-only'); END;

DROP TRIGGER audit_log_append_only_d;
CREATE TRIGGER audit_log_append_only_d BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

DROP TRIGGER intake_sessions_append_only_d;
CREATE TRIGGER intake_sessions_append_only_d BEFORE DELETE ON intake_sessions
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'intake_sessions is append-only'); END;

DROP TRIGGER hour_entries_append_only_d;
CREATE TRIGGER hour_entries_append_only_d BEFORE DELETE ON hour_entries
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'hour_entries is append-only: add a reversing entry'); END;

DROP TRIGGER progress_reports_append_only_d;
CREATE TRIGGER progress_reports_append_only_d BEFORE DELETE ON progress_reports
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'progress_reports is append-only'); END;

DROP TRIGGER exams_append_only_d;
CREATE TRIGGER exams_append_only_d BEFORE DELETE ON exams
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'exams is append-only: a resit is a new entry'); END;

DROP TRIGGER pip_versions_no_delete;
CREATE TRIGGER pip_versions_no_delete BEFORE DELETE ON pip_versions
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'PIP versions are never deleted'); END;

DROP TRIGGER termijn_extensions_append_only_d;
CREATE TRIGGER termijn_extensions_append_only_d BEFORE DELETE ON termijn_extensions
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'termijn_extensions is append-only'); END;

DROP TRIGGER termijn_exemptions_append_only_d;
CREATE TRIGGER termijn_exemptions_append_only_d BEFORE DELETE ON termijn_exemptions
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'termijn_exemptions is append-only'); END;

DROP TRIGGER pip_pauses_append_only_d;
CREATE TRIGGER pip_pauses_append_only_d BEFORE DELETE ON pip_pauses
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'pip_pauses is append-only'); END;

DROP TRIGGER pip_documents_append_only_d;
CREATE TRIGGER pip_documents_append_only_d BEFORE DELETE ON pip_documents
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'pip_documents is append-only'); END;

DROP TRIGGER pvt_meetings_append_only_d;
CREATE TRIGGER pvt_meetings_append_only_d BEFORE DELETE ON pvt_meetings
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'pvt_meetings is append-only: its hours are corrected in the hours ledger'); END;

DROP TRIGGER map_themes_append_only_d;
CREATE TRIGGER map_themes_append_only_d BEFORE DELETE ON map_themes
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'map_themes is append-only: a theme is done once'); END;

DROP TRIGGER enforcement_warnings_append_only_d;
CREATE TRIGGER enforcement_warnings_append_only_d BEFORE DELETE ON enforcement_warnings
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'enforcement_warnings is append-only: a warning given stays given'); END;

DROP TRIGGER signal_acks_append_only_d;
CREATE TRIGGER signal_acks_append_only_d BEFORE DELETE ON signal_acks
WHEN NOT EXISTS (SELECT 1 FROM removal_permit)
BEGIN SELECT RAISE(ABORT, 'signal_acks is append-only: a new acknowledgement replaces the last'); END;
