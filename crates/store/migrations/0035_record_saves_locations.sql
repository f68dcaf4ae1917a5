-- Stock locations (0030) and the session policy are saved whole like the other records: a save
-- that overwrote another desk's unseen one opens a conflict. The lookup walks this index, whose
-- condition must name every kind of merge::RECORD_SAVE_KINDS, so it is made again with them.
DROP INDEX events_record_saves;
CREATE INDEX events_record_saves ON events (stream_type, stream_id, desk_id, server_seq)
    WHERE status = 'confirmed' AND kind IN ('product_saved', 'vendor_saved', 'customer_saved', 'order_recorded', 'defect_category_saved', 'bom_saved', 'approval_policy_set', 'kpi_targets_set', 'scorecard_settings_set', 'safety_stock_set', 'location_saved', 'session_policy_set');
