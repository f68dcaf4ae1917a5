-- The day a supplier promised a lot (its purchase order's due date): on-time delivery.
ALTER TABLE lots ADD COLUMN promised_on TEXT;
-- What completed rework cost: a cost of quality, booked when the rework was done.
CREATE TABLE rework_costs (
    event_seq  INTEGER PRIMARY KEY,
    failure_no TEXT NOT NULL,
    at         TEXT NOT NULL,
    cost_minor INTEGER NOT NULL
);
CREATE INDEX rework_costs_at ON rework_costs (at);
