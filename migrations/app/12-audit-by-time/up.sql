-- The Auditlog screen lists the whole log newest first, a page at a time ("Meer laden"
-- continues after the last entry shown): without this index every page sorted the whole table
-- (0.4 s for 268,000 entries; 0.1 ms with it).
CREATE INDEX audit_log_by_time ON audit_log (at, id);
