-- The generation of the signals' sources: a number raised by every change to what the signals
-- are computed from, by any connection (the laptop's own writes, pulled changes, moves, purges,
-- the CLI). The window keeps every client's signals in memory for one generation and day
-- (store/signals/mod.rs), so a commit that changes none of it (the syncer noting a sync that
-- pulled nothing, an acknowledgement, a fine rule) no longer has every client evaluated again.
--
-- A change to any record a client's facts come from drops the client's cached facts (the
-- triggers of migration 13), and that drop raises the generation: one trigger instead of one on
-- every table, and a bulk write (a pull, an import) raises it once per client, not per row. So
-- signals are kept only while every client's facts are cached; the rest comes from `clients`.
CREATE TABLE facts_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO facts_generation (id, n) VALUES (1, 0);
CREATE TRIGGER facts_generation_signal_facts_delete AFTER DELETE ON signal_facts
BEGIN UPDATE facts_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER facts_generation_clients_insert AFTER INSERT ON clients
BEGIN UPDATE facts_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER facts_generation_clients_update AFTER UPDATE ON clients
BEGIN UPDATE facts_generation SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER facts_generation_clients_delete AFTER DELETE ON clients
BEGIN UPDATE facts_generation SET n = n + 1 WHERE id = 1; END;
