-- An edit of a producer or craft village is logged as entity 'maker', so that instances
-- re-read the reference tables instead of reloading every stock row.
ALTER TABLE change_log DROP CONSTRAINT change_log_entity_check;
ALTER TABLE change_log ADD CONSTRAINT change_log_entity_check
    CHECK (entity IN ('all', 'stock', 'site', 'product', 'maker'));
