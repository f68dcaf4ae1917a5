-- Lots with their receipt facts, numbered densely (lot_id) for the in-memory genealogy graph; the
-- links between lots and their shipments to customers, each numbered in the order recorded so a
-- graph already loaded only needs what came after.
CREATE TABLE lots_new (
    lot_id       INTEGER PRIMARY KEY,
    lot_code     TEXT NOT NULL UNIQUE,
    sku          TEXT NOT NULL,
    vendor_code  TEXT NOT NULL,
    supplier_lot TEXT,
    qty          INTEGER NOT NULL DEFAULT 0,      -- as received
    unit         TEXT NOT NULL DEFAULT 'pcs',
    mfg_date     TEXT,
    expiry_date  TEXT,
    location     TEXT,
    on_hand      INTEGER NOT NULL DEFAULT 0,      -- the sum of the lot's stock deltas
    status       TEXT NOT NULL DEFAULT 'available',
    received_at  TEXT                             -- NULL for a lot known only from a QC failure
);
INSERT INTO lots_new (lot_code, sku, vendor_code, status) SELECT lot_code, sku, vendor_code, status FROM lots;
DROP TABLE lots;
ALTER TABLE lots_new RENAME TO lots;
CREATE INDEX lots_sku ON lots (sku, expiry_date);
CREATE INDEX lots_vendor ON lots (vendor_code, supplier_lot);

CREATE TABLE lot_links (
    link_id INTEGER PRIMARY KEY,
    from_id INTEGER NOT NULL,
    to_id   INTEGER NOT NULL,
    qty     INTEGER NOT NULL,
    kind    TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX lot_links_from ON lot_links (from_id);
CREATE INDEX lot_links_to ON lot_links (to_id);

CREATE TABLE lot_shipments (
    shipment_id   INTEGER PRIMARY KEY,
    lot_id        INTEGER NOT NULL,
    order_no      TEXT NOT NULL,
    customer_code TEXT NOT NULL,
    qty           INTEGER NOT NULL,
    shipped_at    TEXT NOT NULL
);
CREATE INDEX lot_shipments_lot ON lot_shipments (lot_id);
CREATE INDEX lot_shipments_order ON lot_shipments (order_no);

CREATE INDEX stock_moves_lot ON stock_moves (lot_code, location) WHERE lot_code IS NOT NULL;

CREATE INDEX rma_lines_lot ON rma_lines (lot_code) WHERE lot_code IS NOT NULL;

-- Holds say what placed them (a QC failure or a recall) and who lifted them.
ALTER TABLE holds ADD COLUMN recall_no TEXT;
ALTER TABLE holds ADD COLUMN released_by TEXT;
ALTER TABLE holds ADD COLUMN release_note TEXT;
CREATE INDEX holds_recall ON holds (recall_no) WHERE recall_no IS NOT NULL;

CREATE TABLE recalls (
    recall_no     TEXT PRIMARY KEY,
    seq_no        INTEGER NOT NULL,
    lot_codes     TEXT NOT NULL,                  -- the recalled lots, space-separated
    reason        TEXT NOT NULL,
    lots_in_scope INTEGER NOT NULL,
    held          INTEGER NOT NULL,
    status        TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    started_by    TEXT,
    closed_at     TEXT,
    close_note    TEXT
);

CREATE TABLE recall_customers (
    recall_no     TEXT NOT NULL,
    customer_code TEXT NOT NULL,
    notified_at   TEXT,
    notified_by   TEXT,
    PRIMARY KEY (recall_no, customer_code)
);
