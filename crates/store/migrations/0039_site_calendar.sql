-- The site's time zone and holidays (issue 18), saved whole by an administrator as a
-- `site_calendar_set` event. A database from before has no zone: the app reads the computer's
-- until an administrator confirms one, so `time_zone` stays '' until then.
ALTER TABLE settings ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';
ALTER TABLE settings ADD COLUMN holidays TEXT NOT NULL DEFAULT '[]';
-- The calendar is saved whole like the other settings: a save that overwrote another desk's
-- unseen one opens a conflict. The lookup walks this index, whose condition must name every
-- kind of merge::RECORD_SAVE_KINDS, so it is made again with the new kind.
DROP INDEX events_record_saves;
CREATE INDEX events_record_saves ON events (stream_type, stream_id, desk_id, server_seq)
    WHERE status = 'confirmed' AND kind IN ('product_saved', 'vendor_saved', 'customer_saved', 'order_recorded', 'defect_category_saved', 'bom_saved', 'approval_policy_set', 'kpi_targets_set', 'scorecard_settings_set', 'safety_stock_set', 'location_saved', 'session_policy_set', 'site_calendar_set');
-- Lots that passed inspection with no failure, and resumptions of inspection after
-- discontinuation (ISO 2859-1 9.4): the switching rules fold them with the failures'
-- inspections, in time order (then the log's), per vendor and product.
CREATE TABLE lot_inspections (
    inspection_id TEXT PRIMARY KEY,
    sku TEXT NOT NULL,
    vendor_code TEXT NOT NULL,
    lot_code TEXT,
    occurred_at TEXT NOT NULL,
    log_seq INTEGER NOT NULL,
    inspection TEXT NOT NULL
);
CREATE INDEX lot_inspections_pair ON lot_inspections (sku, vendor_code, occurred_at);
CREATE TABLE aql_resumptions (
    event_id TEXT PRIMARY KEY,
    sku TEXT NOT NULL,
    vendor_code TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    log_seq INTEGER NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX aql_resumptions_pair ON aql_resumptions (sku, vendor_code, occurred_at);
