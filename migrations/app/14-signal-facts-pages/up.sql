-- The signal facts in a rowid table. A WITHOUT ROWID table keeps each row whole in its b-tree,
-- whose cells hold about 1,000 bytes of a 4 KB page: a client's facts beyond that took an
-- overflow page of their own, mostly empty (10,000 clients: 4,441 pages, 18 MB, for 6.6 MB of
-- facts). A rowid table keeps a row of up to 4 KB on its page, so the first Werkvoorraad after
-- unlocking reads and decrypts half the pages. The rows are kept; the triggers of migration 13
-- name the table and find the new one.
CREATE TEMP TABLE signal_facts_kept AS SELECT client_id, version, facts FROM signal_facts;
DROP TABLE signal_facts;
CREATE TABLE signal_facts (
    client_id TEXT NOT NULL UNIQUE,
    -- The layout of `facts` (store/signals/cache.rs: FACTS_VERSION); another one is gathered again.
    version   INTEGER NOT NULL,
    facts     BLOB NOT NULL
);
INSERT INTO signal_facts (client_id, version, facts)
SELECT client_id, version, facts FROM signal_facts_kept;
DROP TABLE signal_facts_kept;
