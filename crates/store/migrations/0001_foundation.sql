-- The event log is the source of truth; every other table is a projection that
-- `lotline rebuild` can drop and refill from it.
CREATE TABLE events (
    seq            INTEGER PRIMARY KEY,          -- local append order, used for replay
    id             TEXT    NOT NULL UNIQUE,      -- UUIDv7
    stream_type    TEXT    NOT NULL,
    stream_id      TEXT    NOT NULL,
    stream_version INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    payload        TEXT    NOT NULL,             -- JSON of the domain Event
    actor_id       TEXT,
    device_id      TEXT    NOT NULL,
    occurred_at    TEXT    NOT NULL,             -- RFC 3339 UTC
    hlc            TEXT    NOT NULL,
    server_seq     INTEGER,                      -- NULL until a sync server accepts it
    status         TEXT    NOT NULL DEFAULT 'pending',
    UNIQUE (stream_type, stream_id, stream_version)
);

CREATE TABLE settings (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    company_name     TEXT NOT NULL,
    site_code        TEXT NOT NULL,
    currency         TEXT NOT NULL,
    default_language TEXT NOT NULL
);

CREATE TABLE users (
    user_id       TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT NOT NULL,
    roles         TEXT NOT NULL,                 -- JSON array
    language      TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE vendors (
    code         TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    country      TEXT NOT NULL,
    contact_name TEXT,
    email        TEXT,
    phone        TEXT,
    language     TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE products (
    sku             TEXT PRIMARY KEY,
    gtin            TEXT,
    name            TEXT NOT NULL,
    category        TEXT NOT NULL,
    unit_cost_minor INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    returnable      INTEGER NOT NULL,
    lot_tracked     INTEGER NOT NULL,
    serial_tracked  INTEGER NOT NULL,
    has_expiry      INTEGER NOT NULL,
    vendor_code     TEXT,
    updated_at      TEXT NOT NULL
);
CREATE INDEX products_gtin ON products (gtin) WHERE gtin IS NOT NULL;

CREATE TABLE customers (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    email      TEXT,
    phone      TEXT,
    address    TEXT,
    country    TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE orders (
    order_no      TEXT PRIMARY KEY,
    customer_code TEXT NOT NULL,
    ordered_at    TEXT NOT NULL,
    currency      TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'open'
);
CREATE INDEX orders_customer ON orders (customer_code);

CREATE TABLE order_lines (
    order_no         TEXT NOT NULL,
    line_no          INTEGER NOT NULL,
    sku              TEXT NOT NULL,
    qty              INTEGER NOT NULL,
    unit_price_minor INTEGER NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open',
    PRIMARY KEY (order_no, line_no)
);

CREATE TABLE defect_categories (
    code    TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    name_nl TEXT NOT NULL,
    active  INTEGER NOT NULL
);

CREATE TABLE attachments (
    id           TEXT PRIMARY KEY,               -- sha256 of the content
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL
);

CREATE TABLE failures (
    failure_no      TEXT PRIMARY KEY,
    seq_no          INTEGER NOT NULL,            -- the number part, for the next number
    occurred_at     TEXT NOT NULL,
    sku             TEXT NOT NULL,
    vendor_code     TEXT NOT NULL,
    lot_code        TEXT,
    stage           TEXT NOT NULL,
    qty_inspected   INTEGER NOT NULL,
    qty_failed      INTEGER NOT NULL,
    category_code   TEXT NOT NULL,
    severity        TEXT NOT NULL,
    severity_rank   INTEGER NOT NULL,
    description     TEXT NOT NULL,
    owner_team      TEXT NOT NULL,
    inspector_id    TEXT NOT NULL,
    disposition     TEXT,
    status          TEXT NOT NULL,
    record          TEXT NOT NULL,               -- JSON FailureRecord as last corrected
    disposition_note TEXT,
    outcome         TEXT,
    reinspection_of TEXT
);
CREATE UNIQUE INDEX failures_seq_no ON failures (seq_no);
CREATE INDEX failures_occurred ON failures (occurred_at);
CREATE INDEX failures_vendor ON failures (vendor_code, occurred_at);
CREATE INDEX failures_sku ON failures (sku, occurred_at);
CREATE INDEX failures_status ON failures (status, occurred_at);
CREATE INDEX failures_lot ON failures (lot_code) WHERE lot_code IS NOT NULL;
CREATE INDEX failures_reinspection ON failures (reinspection_of) WHERE reinspection_of IS NOT NULL;

-- Trigram full-text index over what people type into the failures search box.
CREATE VIRTUAL TABLE failures_fts USING fts5 (
    failure_no, sku, vendor_code, lot_code, description, category_code,
    tokenize = 'trigram'
);

CREATE TABLE lots (
    lot_code    TEXT PRIMARY KEY,
    sku         TEXT NOT NULL,
    vendor_code TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'available'
);

CREATE TABLE holds (
    hold_id    INTEGER PRIMARY KEY,
    lot_code   TEXT NOT NULL,
    sku        TEXT NOT NULL,
    reason     TEXT NOT NULL,
    failure_no TEXT,
    placed_at  TEXT NOT NULL,
    placed_by  TEXT,
    released_at TEXT
);
CREATE INDEX holds_lot ON holds (lot_code);

CREATE TABLE checklist_items (
    id                TEXT PRIMARY KEY,
    sku               TEXT NOT NULL,
    text              TEXT NOT NULL,
    source_failure_no TEXT,
    added_by          TEXT,
    added_at          TEXT NOT NULL
);
CREATE INDEX checklist_sku ON checklist_items (sku);
