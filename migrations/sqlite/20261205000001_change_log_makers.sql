-- An edit of a producer or craft village is logged as entity 'maker', so that instances
-- re-read the reference tables instead of reloading every stock row. SQLite cannot change a
-- CHECK constraint in place: the table is rebuilt.
CREATE TABLE change_log_new (
    seq        BIGINT NOT NULL,
    entity     TEXT NOT NULL CHECK (entity IN ('all', 'stock', 'site', 'product', 'maker')),
    site_id    BIGINT NOT NULL DEFAULT 0,
    product_id BIGINT NOT NULL DEFAULT 0,
    changed_at BIGINT NOT NULL
);
INSERT INTO change_log_new (seq, entity, site_id, product_id, changed_at)
    SELECT seq, entity, site_id, product_id, changed_at FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
CREATE INDEX change_log_seq ON change_log (seq);
