-- The change feed between app instances. Every write bumps catalogue_version in its own
-- transaction; that UPDATE holds the row's lock until commit, so versions are handed out in
-- commit order and serve as the log's sequence numbers (an identity column would not: a later
-- transaction can commit first). One row per thing a write touched; a bulk replacement logs
-- one row with entity 'all'. Instances read the log past the version their snapshot reflects.
CREATE TABLE change_log (
    seq        BIGINT NOT NULL,
    entity     TEXT NOT NULL CHECK (entity IN ('all', 'stock', 'site', 'product')),
    site_id    BIGINT NOT NULL DEFAULT 0,
    product_id BIGINT NOT NULL DEFAULT 0,
    changed_at BIGINT NOT NULL
);
CREATE INDEX change_log_seq ON change_log (seq);

-- Log rows up to this sequence number have been pruned: an instance whose snapshot is older
-- cannot catch up from the log and reloads the whole catalogue instead.
ALTER TABLE catalogue_version ADD COLUMN pruned_through BIGINT NOT NULL DEFAULT 0;
