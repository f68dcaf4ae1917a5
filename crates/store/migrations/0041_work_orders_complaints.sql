-- Work orders, their blocks, customer complaints, and a maximum beside the safety-stock minimum
-- (issue 22, production and traceability).
--
-- A work order's row keeps the run's own step (planned, in progress, completed); whether it is
-- blocked is read from its blocks not yet decided, so a block merged from another desk needs no
-- second status to keep in step. `seq_no` is the number's count, which lists sort by.
CREATE TABLE work_orders (
    work_order_no   TEXT PRIMARY KEY,
    seq_no          INTEGER NOT NULL,
    sku             TEXT NOT NULL,
    output_lot_code TEXT NOT NULL,
    planned_qty     INTEGER NOT NULL,
    unit            TEXT NOT NULL,
    location        TEXT NOT NULL,
    due_on          TEXT,
    note            TEXT NOT NULL,
    status          TEXT NOT NULL,
    output_qty      INTEGER,
    planned_at      TEXT NOT NULL,
    planned_by      TEXT,
    started_at      TEXT,
    started_by      TEXT,
    completed_at    TEXT,
    completed_by    TEXT
);
CREATE INDEX work_orders_output ON work_orders (output_lot_code);
CREATE INDEX work_orders_status ON work_orders (status, seq_no);

-- What a work order planned to take of each component lot, and what it consumed when it completed.
CREATE TABLE work_order_components (
    work_order_no TEXT NOT NULL,
    lot_code      TEXT NOT NULL,
    planned_qty   INTEGER NOT NULL DEFAULT 0,
    consumed_qty  INTEGER,
    PRIMARY KEY (work_order_no, lot_code)
);
CREATE INDEX work_order_components_lot ON work_order_components (lot_code);

-- Each failure that blocked a work order, and the quality lead's decision once made.
CREATE TABLE work_order_blocks (
    work_order_no TEXT NOT NULL,
    failure_no    TEXT NOT NULL,
    blocked_at    TEXT NOT NULL,
    blocked_by    TEXT,
    decision      TEXT,
    decision_note TEXT,
    decided_at    TEXT,
    decided_by    TEXT,
    PRIMARY KEY (work_order_no, failure_no)
);
CREATE INDEX work_order_blocks_failure ON work_order_blocks (failure_no);
CREATE INDEX work_order_blocks_open ON work_order_blocks (work_order_no) WHERE decision IS NULL;

CREATE TABLE complaints (
    complaint_no       TEXT PRIMARY KEY,
    seq_no             INTEGER NOT NULL,
    received_on        TEXT NOT NULL,
    customer_code      TEXT,
    order_no           TEXT,
    lot_code           TEXT,
    work_order_no      TEXT,
    sku                TEXT,
    vendor_code        TEXT,
    qty_affected       INTEGER NOT NULL,
    description        TEXT NOT NULL,
    severity           TEXT NOT NULL,
    status             TEXT NOT NULL,
    outcome            TEXT,
    opened_at          TEXT NOT NULL,
    opened_by          TEXT,
    investigating_at   TEXT,
    investigating_by   TEXT,
    investigation_note TEXT,
    closed_at          TEXT,
    closed_by          TEXT,
    closing_note       TEXT
);
CREATE INDEX complaints_vendor ON complaints (vendor_code, opened_at);
CREATE INDEX complaints_customer ON complaints (customer_code);
CREATE INDEX complaints_order ON complaints (order_no);
CREATE INDEX complaints_lot ON complaints (lot_code);
CREATE INDEX complaints_work_order ON complaints (work_order_no);
CREATE INDEX complaints_status ON complaints (status, seq_no);

-- The level a reorder fills up to; NULL orders back to the minimum.
ALTER TABLE safety_stock ADD COLUMN max_qty INTEGER;
