-- Staff accounts, who may touch which site, sign-in throttling and the audit trail.

CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    password_hash  TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'clerk')),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- Grows on every password change; sessions carry it, so a change signs out old sessions.
    session_epoch  INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
);

CREATE TABLE account_sites (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    site_id    INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, site_id)
);
CREATE INDEX account_sites_site ON account_sites (site_id);

-- Failed sign-ins per subject ('account:NAME' or 'address:IP') within the current window;
-- in the database so every instance counts the same failures.
CREATE TABLE login_failures (
    subject       TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    first_failed  INTEGER NOT NULL,
    last_failed   INTEGER NOT NULL
);

-- Append-only: who changed what, when, from what to what.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    site_id     INTEGER,
    product_id  INTEGER,
    subject     TEXT NOT NULL,
    before      TEXT NOT NULL DEFAULT '',
    after       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_site ON audit_log (site_id, at);

-- Shoppers' reports of wrong information. No identity is kept: the address used for the rate
-- limit lives in report_limits only for its window.
CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    site_id      INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- 0 when the report is about the site, not one product.
    product_id   INTEGER NOT NULL DEFAULT 0,
    kind         TEXT NOT NULL CHECK (kind IN ('not_in_stock', 'wrong_price', 'wrong_hours', 'wrong_address', 'closed')),
    note         TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    -- Empty while open; 'counted' (a clerk counted the product), 'corrected' or 'wrong'.
    resolution   TEXT NOT NULL DEFAULT '',
    resolved_at  INTEGER NOT NULL DEFAULT 0,
    resolved_by  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reports_site_open ON reports (site_id, resolution);

CREATE TABLE report_limits (
    address       TEXT PRIMARY KEY,
    reports       INTEGER NOT NULL,
    window_start  INTEGER NOT NULL
);

-- Set when enough open "not in stock" reports stand against a row: shoppers see it as
-- unconfirmed until a clerk counts it.
ALTER TABLE stock ADD COLUMN disputed INTEGER NOT NULL DEFAULT 0;

-- What staff edit on a site beyond the catalogue import: a Zalo number and a temporary
-- closure (reopening date as YYYY-MM-DD, empty when open as usual).
ALTER TABLE sites ADD COLUMN zalo TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN closed_until TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN closure_note TEXT NOT NULL DEFAULT '';

-- Products: the barcode on the pack (for scanning at the shelf), and deactivation (never
-- deletion: a deactivated product leaves the public pages, its history stays).
ALTER TABLE products ADD COLUMN barcode TEXT NOT NULL DEFAULT '';
ALTER TABLE products ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

-- Product photos, stored in the database so every instance serves them: one JPEG per width.
-- photo_version grows with each upload and is part of the photos' URLs, so they can be cached
-- forever; 0 means no photo. photo_aspect is the height per 1000 of width (for the layout).
CREATE TABLE product_photos (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    bytes      BLOB NOT NULL,
    PRIMARY KEY (product_id, width)
);
ALTER TABLE products ADD COLUMN photo_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE products ADD COLUMN photo_aspect INTEGER NOT NULL DEFAULT 0;

-- The count before the row's last change, set by the same UPDATE (every SET expression sees
-- the old row), so a stock-take learns what it replaced for the audit log without a read.
ALTER TABLE stock ADD COLUMN previous_quantity INTEGER NOT NULL DEFAULT 0;
