-- When a failure's disposition was completed and how many units its outcome covered: scrap is
-- a cost of quality on the day the units were scrapped, for the units scrapped.
ALTER TABLE failures ADD COLUMN completed_at TEXT;
ALTER TABLE failures ADD COLUMN outcome_qty INTEGER;
UPDATE failures SET
    completed_at = (SELECT e.occurred_at FROM events e WHERE e.stream_type = 'failure'
        AND (e.stream_id = failures.failure_no OR e.stream_alias = failures.failure_no) AND e.kind = 'failure_disposition_completed'
        ORDER BY e.stream_version DESC LIMIT 1),
    outcome_qty = (SELECT json_extract(e.payload, '$.qty') FROM events e WHERE e.stream_type = 'failure'
        AND (e.stream_id = failures.failure_no OR e.stream_alias = failures.failure_no) AND e.kind = 'failure_disposition_completed'
        ORDER BY e.stream_version DESC LIMIT 1)
WHERE status = 'closed';
CREATE INDEX failures_completed ON failures (completed_at) WHERE completed_at IS NOT NULL;
-- The vendor scorecard counts units shipped in a period from the lots' shipments.
CREATE INDEX lot_shipments_shipped ON lot_shipments (shipped_at);
