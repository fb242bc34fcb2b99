-- Producers and craft villages are deactivated, never deleted: a deactivated one leaves the public
-- pages but keeps its history (audit log, products, certificates).
ALTER TABLE producers ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE craft_villages ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
