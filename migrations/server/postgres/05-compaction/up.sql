-- Compaction; as migrations/server/sqlite/05-compaction.
ALTER TABLE devices ADD COLUMN pulled_to BIGINT NOT NULL DEFAULT 0;

CREATE TABLE compactions (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    watermark  BIGINT NOT NULL,
    superseded BIGINT NOT NULL,
    moved_away BIGINT NOT NULL,
    at         TEXT NOT NULL
);
