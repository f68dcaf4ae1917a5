-- Per-serial inspection and per-unit returns (issue 22).
-- A hold may stop only some serials of a lot (the units a per-serial inspection failed): the lot
-- itself still ships; NULL holds the whole lot, as every hold before.
ALTER TABLE holds ADD COLUMN serials TEXT;
-- The reaction to a failed inspection, per product (JSON; NULL follows the category) and per
-- product category; the reaction applied is kept with each failure, and whether it asks for the
-- quality lead to be told (what a notifications inbox reads).
ALTER TABLE products ADD COLUMN failure_reaction TEXT;
CREATE TABLE category_reactions (
    category   TEXT PRIMARY KEY,
    reaction   TEXT NOT NULL,
    set_at     TEXT NOT NULL
);
ALTER TABLE failures ADD COLUMN reaction TEXT;
-- The failed serials a disposition line covers (JSON array; NULL for lines naming none).
ALTER TABLE failure_disposition_lines ADD COLUMN serials TEXT;
ALTER TABLE failures ADD COLUMN notify_quality INTEGER NOT NULL DEFAULT 0;
CREATE INDEX failures_notify_quality ON failures (occurred_at) WHERE notify_quality = 1;
-- Returned units kept apart from stock sold as new: 'awaiting_refurbishment' (in the
-- refurbishment queue) and 'b_stock' (refurbished or open-box, sellable as such). Stock moves
-- stay deltas; a lot's on_hand sums only its sellable ones.
ALTER TABLE stock_moves ADD COLUMN stock_status TEXT NOT NULL DEFAULT 'sellable';
CREATE INDEX stock_moves_b_stock ON stock_moves (sku, lot_code) WHERE stock_status <> 'sellable';
-- The refurbishment queue: units of each RMA line waiting for their outcome.
CREATE TABLE refurbishment_queue (
    rma_no     TEXT NOT NULL,
    line_index INTEGER NOT NULL,
    sku        TEXT NOT NULL,
    lot_code   TEXT,
    location   TEXT NOT NULL,
    qty        INTEGER NOT NULL,
    serials    TEXT NOT NULL DEFAULT '[]',
    queued_at  TEXT NOT NULL,
    PRIMARY KEY (rma_no, line_index, location)
);
-- A product category's reaction is saved whole like the other records: the index over saves
-- must name every kind of merge::RECORD_SAVE_KINDS, so it is made again with it.
DROP INDEX events_record_saves;
CREATE INDEX events_record_saves ON events (stream_type, stream_id, desk_id, server_seq)
    WHERE status = 'confirmed' AND kind IN ('product_saved', 'vendor_saved', 'customer_saved', 'order_recorded', 'defect_category_saved', 'bom_saved', 'approval_policy_set', 'kpi_targets_set', 'scorecard_settings_set', 'safety_stock_set', 'location_saved', 'session_policy_set', 'site_calendar_set', 'category_reaction_set');
