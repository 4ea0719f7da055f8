-- Search-as-you-type over names and BSN: a trigram index finds any part of a name
-- ("mira" finds Amira), case- and accent-insensitive.

CREATE VIRTUAL TABLE clients_fts USING fts5 (
    given_name, family_name, bsn,
    content = 'clients', content_rowid = 'seq',
    tokenize = 'trigram case_sensitive 0 remove_diacritics 1'
);

INSERT INTO clients_fts (clients_fts) VALUES ('rebuild');

CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
    INSERT INTO clients_fts (rowid, given_name, family_name, bsn)
    VALUES (new.seq, new.given_name, new.family_name, new.bsn);
END;

CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
    INSERT INTO clients_fts (clients_fts, rowid, given_name, family_name, bsn)
    VALUES ('delete', old.seq, old.given_name, old.family_name, old.bsn);
END;

CREATE TRIGGER clients_fts_update AFTER UPDATE OF given_name, family_name, bsn ON clients BEGIN
    INSERT INTO clients_fts (clients_fts, rowid, given_name, family_name, bsn)
    VALUES ('delete', old.seq, old.given_name, old.family_name, old.bsn);
    INSERT INTO clients_fts (rowid, given_name, family_name, bsn)
    VALUES (new.seq, new.given_name, new.family_name, new.bsn);
END;
