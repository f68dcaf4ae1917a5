-- The confirmed saves of master records, settings and policies by stream and desk: a save that
-- overwrote another desk's unseen save is found among the other desks' saves of its stream
-- alone, not by reading the stream's whole history (a team's first sync checks every save it
-- brings). The kinds are merge::RECORD_SAVE_KINDS; the lookup names the same list.
CREATE INDEX events_record_saves ON events (stream_type, stream_id, desk_id, server_seq)
    WHERE status = 'confirmed' AND kind IN ('product_saved', 'vendor_saved', 'customer_saved', 'order_recorded', 'defect_category_saved', 'bom_saved', 'approval_policy_set', 'kpi_targets_set', 'scorecard_settings_set', 'safety_stock_set');
