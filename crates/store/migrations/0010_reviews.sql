-- Reviews: the settings an admin edits, each vendor's rating history, per-SKU safety stock, and
-- the few facts about returns and chargebacks the review needs that the other tables overwrite
-- or never kept (an RMA's intake grade, when it was cancelled, each label attempt, each recovery).

CREATE TABLE kpi_targets (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    targets TEXT NOT NULL                         -- JSON of the domain KpiTargets
);

CREATE TABLE scorecard_settings (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    settings TEXT NOT NULL                        -- JSON of the domain ScorecardSettings
);

-- One rating per vendor and day (the first recorded that day stands), so the trend line has one
-- point a day however often the scorecards are opened.
CREATE TABLE vendor_ratings (
    vendor_code TEXT NOT NULL,
    day         TEXT NOT NULL,                    -- YYYY-MM-DD, UTC
    rating      INTEGER NOT NULL,
    period_from TEXT NOT NULL,
    period_to   TEXT NOT NULL,
    PRIMARY KEY (vendor_code, day)
);

CREATE TABLE safety_stock (
    sku     TEXT PRIMARY KEY,
    min_qty INTEGER NOT NULL
);

CREATE TABLE rma_review_facts (
    rma_no       TEXT PRIMARY KEY,
    grade        TEXT,                            -- intake condition grade A-D
    damaged      INTEGER NOT NULL DEFAULT 0,      -- grade C/D or packaging not intact
    restock_only INTEGER,                         -- every disposition was restock (NULL: not inspected)
    cancelled_at TEXT
);

CREATE TABLE rma_label_attempts (
    event_seq INTEGER PRIMARY KEY,
    rma_no    TEXT NOT NULL,
    at        TEXT NOT NULL,
    ok        INTEGER NOT NULL
);
CREATE INDEX rma_label_attempts_at ON rma_label_attempts (at);

-- The chargeback event carries the running total recovered; the review books the change, when
-- it was recorded, so a period sums what came in during it.
CREATE TABLE chargeback_recoveries (
    event_seq     INTEGER PRIMARY KEY,
    reshipment_no TEXT NOT NULL,
    vendor_code   TEXT,
    currency      TEXT NOT NULL,
    delta_minor   INTEGER NOT NULL,
    at            TEXT NOT NULL
);
CREATE INDEX chargeback_recoveries_at ON chargeback_recoveries (at);

-- Net stock change per day, so "units on hand at the start of a day" is a sum over days, not
-- moves. Summed once per append from the moves it wrote (project::apply): a trigger per move cost
-- a fifth of a large lot import.
CREATE TABLE stock_days (
    day   TEXT PRIMARY KEY,
    delta INTEGER NOT NULL
);

-- Databases from before this version: the same rows a rebuild would write.
INSERT INTO stock_days (day, delta) SELECT substr(at, 1, 10), SUM(qty_delta) FROM stock_moves GROUP BY 1;
INSERT INTO rma_review_facts (rma_no, grade, damaged)
    SELECT stream_id, json_extract(payload, '$.intake.grade'),
           json_extract(payload, '$.intake.grade') IN ('C', 'D') OR json_extract(payload, '$.intake.packaging_intact') = 0
    FROM events WHERE kind = 'rma_received' ORDER BY seq
    ON CONFLICT (rma_no) DO UPDATE SET grade = excluded.grade, damaged = excluded.damaged;
INSERT INTO rma_review_facts (rma_no, restock_only)
    SELECT stream_id, NOT EXISTS (SELECT 1 FROM json_each(payload, '$.dispositions') d
                                  WHERE json_extract(d.value, '$.disposition') <> 'restock')
    FROM events WHERE kind = 'rma_inspected' ORDER BY seq
    ON CONFLICT (rma_no) DO UPDATE SET restock_only = excluded.restock_only;
INSERT INTO rma_review_facts (rma_no, cancelled_at)
    SELECT stream_id, occurred_at FROM events WHERE kind = 'rma_cancelled' ORDER BY seq
    ON CONFLICT (rma_no) DO UPDATE SET cancelled_at = excluded.cancelled_at;
INSERT INTO rma_label_attempts (event_seq, rma_no, at, ok)
    SELECT seq, stream_id, occurred_at, kind = 'rma_label_printed' FROM events
    WHERE kind IN ('rma_label_printed', 'rma_label_failed');
INSERT INTO chargeback_recoveries (event_seq, reshipment_no, vendor_code, currency, delta_minor, at)
    SELECT seq, reshipment_no, vendor_code, currency, delta, occurred_at FROM (
        SELECT e.seq, r.reshipment_no, r.vendor_code, r.currency, e.occurred_at,
               json_extract(e.payload, '$.recovered_minor')
               - COALESCE(LAG(json_extract(e.payload, '$.recovered_minor'))
                          OVER (PARTITION BY e.stream_id ORDER BY e.seq), 0) AS delta
        FROM events e JOIN reshipments r ON r.reshipment_no = e.stream_id
        WHERE e.kind = 'chargeback_updated')
    WHERE delta <> 0;

-- The review and KPI queries read by time; each range below has its own index.
CREATE INDEX failures_review ON failures (occurred_at, category_code, vendor_code, sku, qty_failed, qty_inspected, severity_rank, lot_code, disposition);
CREATE INDEX orders_ordered ON orders (ordered_at);
CREATE INDEX rmas_opened ON rmas (opened_at);
CREATE INDEX rmas_decided ON rmas (decided_at, opened_at) WHERE decided_at IS NOT NULL;
CREATE INDEX rmas_received ON rmas (received_at, opened_at) WHERE received_at IS NOT NULL;
CREATE INDEX rmas_inspected ON rmas (inspected_at, opened_at) WHERE inspected_at IS NOT NULL;
CREATE INDEX rmas_settled ON rmas (settled_at, opened_at) WHERE settled_at IS NOT NULL;
CREATE INDEX reshipments_due ON reshipments (due_on);
CREATE INDEX reshipments_shipped ON reshipments (shipped_on) WHERE shipped_on IS NOT NULL;
CREATE INDEX reshipments_authorized ON reshipments (authorized_at) WHERE authorized_at IS NOT NULL;
CREATE INDEX reshipments_requested ON reshipments (requested_at);
CREATE INDEX lots_received ON lots (received_at) WHERE received_at IS NOT NULL;
CREATE INDEX checklist_added ON checklist_items (added_at);
-- Only the returns area's moves: a lot import writes millions of moves elsewhere, and an index
-- entry for each cost it a tenth of its speed.
CREATE INDEX stock_moves_returns_at ON stock_moves (at) WHERE location = 'RETURNS';
