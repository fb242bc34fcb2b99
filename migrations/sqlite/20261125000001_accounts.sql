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
