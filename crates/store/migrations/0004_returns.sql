-- Returns: the versioned policy, RMAs with their lines, and stock moves as deltas.
CREATE TABLE return_policy_versions (
    version INTEGER PRIMARY KEY,
    policy  TEXT NOT NULL,                        -- JSON of the domain ReturnPolicy
    set_at  TEXT NOT NULL
);

CREATE TABLE rmas (
    rma_no               TEXT PRIMARY KEY,
    seq_no               INTEGER NOT NULL,
    customer_code        TEXT NOT NULL,
    order_nos            TEXT NOT NULL,           -- the orders its lines come from, space-separated
    status               TEXT NOT NULL,
    verdict              TEXT NOT NULL,           -- approved / escalated / refused, as judged at opening
    policy_version       INTEGER NOT NULL,
    reason_code          TEXT NOT NULL,
    preferred_outcome    TEXT NOT NULL,
    currency             TEXT NOT NULL,
    value_minor          INTEGER NOT NULL,
    opened_by            TEXT,
    opened_at            TEXT NOT NULL,
    decided_at           TEXT,                    -- approval or rejection, automatic or by an analyst
    decided_by_rules     INTEGER NOT NULL,        -- 1 when no person decided
    received_at          TEXT,
    inspected_at         TEXT,
    settled_at           TEXT,
    tracking_no          TEXT,
    labels_printed       INTEGER NOT NULL DEFAULT 0,
    label_failures       INTEGER NOT NULL DEFAULT 0,
    settlement_kind      TEXT,
    settled_minor        INTEGER,
    restocking_fee_minor INTEGER
);
CREATE INDEX rmas_status ON rmas (status, opened_at);
CREATE INDEX rmas_customer ON rmas (customer_code);

CREATE TABLE rma_lines (
    rma_no           TEXT NOT NULL,
    line_index       INTEGER NOT NULL,
    order_no         TEXT NOT NULL,
    line_no          INTEGER NOT NULL,
    sku              TEXT NOT NULL,
    qty              INTEGER NOT NULL,
    unit_price_minor INTEGER NOT NULL,
    lot_code         TEXT,
    serials          TEXT NOT NULL,               -- JSON array
    qty_received     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (rma_no, line_index)
);
CREATE INDEX rma_lines_order ON rma_lines (order_no, line_no);

-- Stock changes only by deltas; the key is the event that caused a move, so a rebuild gives
-- the same rows.
CREATE TABLE stock_moves (
    event_seq  INTEGER NOT NULL,
    idx        INTEGER NOT NULL,
    sku        TEXT NOT NULL,
    lot_code   TEXT,
    location   TEXT NOT NULL,
    qty_delta  INTEGER NOT NULL,
    cause      TEXT NOT NULL,                     -- e.g. rma_received, rma_restock, rma_write_off
    ref_no     TEXT NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (event_seq, idx)
);
CREATE INDEX stock_moves_sku ON stock_moves (sku, location);
