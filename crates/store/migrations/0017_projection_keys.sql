-- Projection rows keyed by the event that wrote them (its UUIDv7 id, the same on every desk), not
-- by the local arrival number `events.seq`, which differs between desks once events are merged:
-- every desk and a rebuild in the canonical order must hold the same rows.

CREATE TABLE stock_moves_new (
    event_id   TEXT NOT NULL,
    idx        INTEGER NOT NULL,
    sku        TEXT NOT NULL,
    lot_code   TEXT,
    location   TEXT NOT NULL,
    qty_delta  INTEGER NOT NULL,
    cause      TEXT NOT NULL,
    ref_no     TEXT NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (event_id, idx)
);
INSERT INTO stock_moves_new (event_id, idx, sku, lot_code, location, qty_delta, cause, ref_no, at)
    SELECT e.id, m.idx, m.sku, m.lot_code, m.location, m.qty_delta, m.cause, m.ref_no, m.at
    FROM stock_moves m JOIN events e ON e.seq = m.event_seq;
DROP TABLE stock_moves;
ALTER TABLE stock_moves_new RENAME TO stock_moves;
CREATE INDEX stock_moves_sku ON stock_moves (sku, location);
CREATE INDEX stock_moves_lot ON stock_moves (lot_code, location) WHERE lot_code IS NOT NULL;
CREATE INDEX stock_moves_returns_at ON stock_moves (at) WHERE location = 'RETURNS';

CREATE TABLE rma_label_attempts_new (
    event_id TEXT PRIMARY KEY,
    rma_no   TEXT NOT NULL,
    at       TEXT NOT NULL,
    ok       INTEGER NOT NULL
);
INSERT INTO rma_label_attempts_new (event_id, rma_no, at, ok)
    SELECT e.id, a.rma_no, a.at, a.ok FROM rma_label_attempts a JOIN events e ON e.seq = a.event_seq;
DROP TABLE rma_label_attempts;
ALTER TABLE rma_label_attempts_new RENAME TO rma_label_attempts;
CREATE INDEX rma_label_attempts_at ON rma_label_attempts (at, ok);
CREATE INDEX rma_label_attempts_rma ON rma_label_attempts (rma_no, ok);

CREATE TABLE chargeback_recoveries_new (
    event_id      TEXT PRIMARY KEY,
    reshipment_no TEXT NOT NULL,
    vendor_code   TEXT,
    currency      TEXT NOT NULL,
    delta_minor   INTEGER NOT NULL,
    at            TEXT NOT NULL
);
INSERT INTO chargeback_recoveries_new (event_id, reshipment_no, vendor_code, currency, delta_minor, at)
    SELECT e.id, c.reshipment_no, c.vendor_code, c.currency, c.delta_minor, c.at
    FROM chargeback_recoveries c JOIN events e ON e.seq = c.event_seq;
DROP TABLE chargeback_recoveries;
ALTER TABLE chargeback_recoveries_new RENAME TO chargeback_recoveries;
CREATE INDEX chargeback_recoveries_at ON chargeback_recoveries (at);

CREATE TABLE vendor_reviews_new (
    event_id    TEXT PRIMARY KEY,
    vendor_code TEXT NOT NULL,
    at          TEXT NOT NULL,
    note        TEXT NOT NULL,
    actor_id    TEXT
);
INSERT INTO vendor_reviews_new (event_id, vendor_code, at, note, actor_id)
    SELECT e.id, r.vendor_code, r.at, r.note, r.actor_id FROM vendor_reviews r JOIN events e ON e.seq = r.event_seq;
DROP TABLE vendor_reviews;
ALTER TABLE vendor_reviews_new RENAME TO vendor_reviews;
CREATE INDEX vendor_reviews_vendor ON vendor_reviews (vendor_code, at);

CREATE TABLE rework_costs_new (
    event_id   TEXT PRIMARY KEY,
    failure_no TEXT NOT NULL,
    at         TEXT NOT NULL,
    cost_minor INTEGER NOT NULL
);
INSERT INTO rework_costs_new (event_id, failure_no, at, cost_minor)
    SELECT e.id, c.failure_no, c.at, c.cost_minor FROM rework_costs c JOIN events e ON e.seq = c.event_seq;
DROP TABLE rework_costs;
ALTER TABLE rework_costs_new RENAME TO rework_costs;
CREATE INDEX rework_costs_at ON rework_costs (at);

-- Holds are named by the event that placed them (with the lot: a recall places one per lot), not
-- by a local number, which two desks would hand out differently.
CREATE TABLE holds_new (
    placed_event TEXT,
    lot_code     TEXT NOT NULL,
    sku          TEXT NOT NULL,
    reason       TEXT NOT NULL,
    failure_no   TEXT,
    placed_at    TEXT NOT NULL,
    placed_by    TEXT,
    released_at  TEXT,
    recall_no    TEXT,
    released_by  TEXT,
    release_note TEXT,
    quarantine   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (placed_event, lot_code)
);
INSERT INTO holds_new (placed_event, lot_code, sku, reason, failure_no, placed_at, placed_by, released_at, recall_no,
                       released_by, release_note, quarantine)
    SELECT placed_event, lot_code, sku, reason, failure_no, placed_at, placed_by, released_at, recall_no,
           released_by, release_note, quarantine
    FROM holds ORDER BY hold_id;
DROP TABLE holds;
ALTER TABLE holds_new RENAME TO holds;
CREATE INDEX holds_lot ON holds (lot_code);
CREATE INDEX holds_recall ON holds (recall_no) WHERE recall_no IS NOT NULL;

-- Of two ratings of a vendor on one day, the one with the greatest event id stands (UUIDv7: the
-- later), whichever arrived first.
ALTER TABLE vendor_ratings ADD COLUMN event_id TEXT;
WITH rated AS (
    SELECT stream_id AS vendor_code, json_extract(payload, '$.day') AS day, json_extract(payload, '$.rating') AS rating,
           json_extract(payload, '$.period_from') AS period_from, json_extract(payload, '$.period_to') AS period_to, id,
           ROW_NUMBER() OVER (PARTITION BY stream_id, json_extract(payload, '$.day') ORDER BY id DESC) AS n
    FROM events WHERE stream_type = 'vendor_rating' AND kind = 'vendor_rated'
)
UPDATE vendor_ratings SET rating = rated.rating, period_from = rated.period_from, period_to = rated.period_to, event_id = rated.id
FROM rated WHERE rated.n = 1 AND rated.vendor_code = vendor_ratings.vendor_code AND rated.day = vendor_ratings.day;

-- A lot's status follows its holds in force and its stock, whatever came first (see
-- `project_recalls.rs`): a received lot whose stock all left is shipped or consumed (as the last
-- outflow says) even when a hold came first; stock we hold under a hold in force shows the hold.
UPDATE lots SET status = COALESCE((
        SELECT CASE m.cause WHEN 'lot_consumed' THEN 'consumed' ELSE 'shipped' END
        FROM stock_moves m JOIN events e ON e.id = m.event_id
        WHERE m.lot_code = lots.lot_code AND m.qty_delta < 0
          AND m.cause IN ('lot_shipped', 'lot_consumed', 'reshipment_shipped')
        ORDER BY e.seq DESC, m.idx DESC LIMIT 1), status)
WHERE received_at IS NOT NULL AND on_hand <= 0
  AND (status IN ('on_hold', 'quarantined', 'recalled')
       OR (status = 'consumed' AND EXISTS (SELECT 1 FROM holds h WHERE h.lot_code = lots.lot_code)));
UPDATE lots SET status = CASE
        WHEN EXISTS (SELECT 1 FROM holds h WHERE h.lot_code = lots.lot_code AND h.released_at IS NULL AND h.recall_no IS NOT NULL) THEN 'recalled'
        WHEN EXISTS (SELECT 1 FROM holds h WHERE h.lot_code = lots.lot_code AND h.released_at IS NULL AND h.quarantine = 1) THEN 'quarantined'
        ELSE 'on_hold' END
WHERE (on_hand > 0 OR received_at IS NULL)
  AND EXISTS (SELECT 1 FROM holds h WHERE h.lot_code = lots.lot_code AND h.released_at IS NULL);
