-- The OCOP catalogue. Types are the portable subset sqlx::Any reads on both backends:
-- INTEGER (i64), REAL (f64), TEXT. Booleans are 0/1 integers, dates ISO 'YYYY-MM-DD' text,
-- instants Unix seconds. The PostgreSQL file declares the same columns.

-- The 30 district-level units abolished on 1 July 2025; people still shop by them.
CREATE TABLE districts (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_ascii  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('urban', 'rural', 'town')),
    gso_code    TEXT NOT NULL UNIQUE,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL
);

-- The 126 wards and communes in force since 1 July 2025, each tied to the old district it
-- mostly came from.
CREATE TABLE wards (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_ascii  TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('ward', 'commune')),
    district_id INTEGER NOT NULL REFERENCES districts (id),
    lat         REAL NOT NULL,
    lon         REAL NOT NULL
);

CREATE TABLE craft_villages (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    name_ascii  TEXT NOT NULL,
    craft_vi    TEXT NOT NULL,
    craft_en    TEXT NOT NULL,
    ward_id     INTEGER REFERENCES wards (id),
    district_id INTEGER NOT NULL REFERENCES districts (id),
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE producers (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    ward_id     INTEGER REFERENCES wards (id),
    district_id INTEGER NOT NULL REFERENCES districts (id),
    village_id  INTEGER REFERENCES craft_villages (id)
);

-- The certificate's expiry is not stored: it is always 36 months from certified_on.
CREATE TABLE products (
    id                  INTEGER PRIMARY KEY,
    slug                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    producer_id         INTEGER NOT NULL REFERENCES producers (id),
    category            TEXT NOT NULL CHECK (category IN ('food', 'beverages', 'herbal', 'fabrics_garments', 'handicrafts', 'rural_tourism')),
    stars               INTEGER NOT NULL CHECK (stars BETWEEN 3 AND 5),
    five_star_potential INTEGER NOT NULL DEFAULT 0 CHECK (five_star_potential IN (0, 1)),
    certified_on        TEXT NOT NULL,
    description         TEXT NOT NULL,
    unit                TEXT NOT NULL,
    price_vnd           INTEGER CHECK (price_vnd >= 0)
);
CREATE INDEX products_producer ON products (producer_id);

-- Showrooms and innovation & design centres.
CREATE TABLE sites (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind IN ('showroom', 'design_centre')),
    name          TEXT NOT NULL,
    address       TEXT NOT NULL,
    ward_id       INTEGER NOT NULL REFERENCES wards (id),
    district_id   INTEGER NOT NULL REFERENCES districts (id),
    lat           REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon           REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    phone         TEXT,
    operator      TEXT,
    opening_hours TEXT NOT NULL,
    description   TEXT NOT NULL,
    stars         INTEGER CHECK (stars BETWEEN 3 AND 5),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- One row per (site, product). `version` grows on every change so that a stale edit can be
-- refused instead of overwriting a newer count.
CREATE TABLE stock (
    site_id    INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    quantity   INTEGER NOT NULL CHECK (quantity >= 0),
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (site_id, product_id)
);
CREATE INDEX stock_product ON stock (product_id);

-- Facts about the data set as a whole, e.g. data_source = 'demo' while sample data is loaded.
CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Bumped by every write to the catalogue; an app instance whose read model is older reloads.
CREATE TABLE catalogue_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO catalogue_version (id, version) VALUES (1, 1);
