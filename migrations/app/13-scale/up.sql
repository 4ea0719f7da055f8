-- Scale (10,000 clients on one laptop).
--
-- The number of ops waiting for the server, kept by triggers: the status bar asks for it after
-- every save, and counting a regional caseload's outbox took a second.
CREATE TABLE outbox_size (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO outbox_size (id, n) SELECT 1, count(*) FROM outbox;
CREATE TRIGGER outbox_size_insert AFTER INSERT ON outbox
BEGIN UPDATE outbox_size SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER outbox_size_delete AFTER DELETE ON outbox
BEGIN UPDATE outbox_size SET n = n - 1 WHERE id = 1; END;

-- The facts the signals read, per client, gathered once from the client's records
-- (store/signals/cache.rs): the Werkvoorraad of a region reads these instead of every hour
-- entry of every client. A change to any record the facts come from drops the client's row
-- (these triggers fire for the laptop's own writes, pulled changes, moves and purges alike);
-- the next Werkvoorraad gathers that client again. The client's own columns (type, status,
-- dates) are always read from `clients`.
CREATE TABLE signal_facts (
    client_id TEXT PRIMARY KEY,
    -- The layout of `facts` (store/signals/cache.rs: FACTS_VERSION); another one is gathered again.
    version   INTEGER NOT NULL,
    facts     BLOB NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER signal_facts_clients_delete AFTER DELETE ON clients
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.id; END;
CREATE TRIGGER signal_facts_pip_pauses_insert AFTER INSERT ON pip_pauses
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_pip_pauses_update AFTER UPDATE ON pip_pauses
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_pip_pauses_delete AFTER DELETE ON pip_pauses
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_intakes_insert AFTER INSERT ON intakes
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_intakes_update AFTER UPDATE ON intakes
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_intakes_delete AFTER DELETE ON intakes
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_pip_versions_insert AFTER INSERT ON pip_versions
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_pip_versions_update AFTER UPDATE ON pip_versions
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_pip_versions_delete AFTER DELETE ON pip_versions
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_termijn_extensions_insert AFTER INSERT ON termijn_extensions
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_termijn_extensions_update AFTER UPDATE ON termijn_extensions
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_termijn_extensions_delete AFTER DELETE ON termijn_extensions
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_termijn_exemptions_insert AFTER INSERT ON termijn_exemptions
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_termijn_exemptions_update AFTER UPDATE ON termijn_exemptions
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_termijn_exemptions_delete AFTER DELETE ON termijn_exemptions
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_hour_entries_insert AFTER INSERT ON hour_entries
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_hour_entries_update AFTER UPDATE ON hour_entries
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_hour_entries_delete AFTER DELETE ON hour_entries
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_progress_reports_insert AFTER INSERT ON progress_reports
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_progress_reports_update AFTER UPDATE ON progress_reports
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_progress_reports_delete AFTER DELETE ON progress_reports
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_exams_insert AFTER INSERT ON exams
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_exams_update AFTER UPDATE ON exams
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_exams_delete AFTER DELETE ON exams
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_absences_insert AFTER INSERT ON absences
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_absences_update AFTER UPDATE ON absences
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_absences_delete AFTER DELETE ON absences
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_contact_attempts_insert AFTER INSERT ON contact_attempts
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_contact_attempts_update AFTER UPDATE ON contact_attempts
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_contact_attempts_delete AFTER DELETE ON contact_attempts
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_progress_conversations_insert AFTER INSERT ON progress_conversations
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_progress_conversations_update AFTER UPDATE ON progress_conversations
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_progress_conversations_delete AFTER DELETE ON progress_conversations
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_pvt_statements_insert AFTER INSERT ON pvt_statements
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_pvt_statements_update AFTER UPDATE ON pvt_statements
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_pvt_statements_delete AFTER DELETE ON pvt_statements
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_map_closings_insert AFTER INSERT ON map_closings
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_map_closings_update AFTER UPDATE ON map_closings
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_map_closings_delete AFTER DELETE ON map_closings
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_ontzorgen_insert AFTER INSERT ON ontzorgen
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_ontzorgen_update AFTER UPDATE ON ontzorgen
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_ontzorgen_delete AFTER DELETE ON ontzorgen
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_begeleidingen_insert AFTER INSERT ON begeleidingen
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_begeleidingen_update AFTER UPDATE ON begeleidingen
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_begeleidingen_delete AFTER DELETE ON begeleidingen
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_referrals_insert AFTER INSERT ON referrals
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_referrals_update AFTER UPDATE ON referrals
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_referrals_delete AFTER DELETE ON referrals
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
CREATE TRIGGER signal_facts_closings_insert AFTER INSERT ON closings
BEGIN DELETE FROM signal_facts WHERE client_id = NEW.client_id; END;
CREATE TRIGGER signal_facts_closings_update AFTER UPDATE ON closings
BEGIN DELETE FROM signal_facts WHERE client_id IN (OLD.client_id, NEW.client_id); END;
CREATE TRIGGER signal_facts_closings_delete AFTER DELETE ON closings
BEGIN DELETE FROM signal_facts WHERE client_id = OLD.client_id; END;
-- Answers belong to an intake, the intake to the client.
CREATE TRIGGER signal_facts_intake_answers_insert AFTER INSERT ON intake_answers
BEGIN DELETE FROM signal_facts WHERE client_id = (SELECT client_id FROM intakes WHERE id = NEW.intake_id); END;
CREATE TRIGGER signal_facts_intake_answers_update AFTER UPDATE ON intake_answers
BEGIN DELETE FROM signal_facts WHERE client_id IN
    (SELECT client_id FROM intakes WHERE id IN (OLD.intake_id, NEW.intake_id)); END;
CREATE TRIGGER signal_facts_intake_answers_delete AFTER DELETE ON intake_answers
BEGIN DELETE FROM signal_facts WHERE client_id = (SELECT client_id FROM intakes WHERE id = OLD.intake_id); END;
