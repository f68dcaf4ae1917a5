-- Reshipments, their links to failures and order lines, and the approval policy.
CREATE TABLE approval_policy (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    policy TEXT NOT NULL                          -- JSON of the domain ApprovalPolicy
);

CREATE TABLE reshipments (
    reshipment_no      TEXT PRIMARY KEY,
    seq_no             INTEGER NOT NULL,
    order_no           TEXT NOT NULL,
    status             TEXT NOT NULL,
    requested_by       TEXT NOT NULL,
    requested_at       TEXT NOT NULL,
    authorized_at      TEXT,
    due_on             TEXT NOT NULL,
    carrier            TEXT NOT NULL,
    service            TEXT NOT NULL,
    tracking_no        TEXT,
    shipped_on         TEXT,
    delivered_on       TEXT,
    shipping_minor     INTEGER NOT NULL,
    goods_minor        INTEGER NOT NULL,
    total_minor        INTEGER NOT NULL,
    currency           TEXT NOT NULL,
    payer              TEXT NOT NULL,
    vendor_code        TEXT,
    chargeback_status  TEXT,                      -- NULL unless the vendor pays
    recovered_minor    INTEGER NOT NULL DEFAULT 0,
    ship_to_name       TEXT NOT NULL,
    reason             TEXT NOT NULL
);
CREATE INDEX reshipments_status ON reshipments (status, due_on);
CREATE INDEX reshipments_order ON reshipments (order_no);

CREATE TABLE reshipment_failures (
    reshipment_no TEXT NOT NULL,
    failure_no    TEXT NOT NULL,
    PRIMARY KEY (reshipment_no, failure_no)
);
CREATE INDEX reshipment_failures_failure ON reshipment_failures (failure_no);

CREATE TABLE reshipment_items (
    reshipment_no TEXT NOT NULL,
    line_no       INTEGER NOT NULL,
    sku           TEXT NOT NULL,
    qty           INTEGER NOT NULL,
    lot_code      TEXT,
    serials       TEXT NOT NULL,                  -- JSON array
    PRIMARY KEY (reshipment_no, line_no)
);
