-- What merging desks' logs broke that a person must resolve: physical facts are always
-- accepted (they happened), so a rule they break together opens a conflict here. A projection:
-- every desk derives the same rows from the log in the canonical order.
CREATE TABLE merge_conflicts (
    conflict_key TEXT PRIMARY KEY,   -- kind and subject, e.g. stock_below_zero/L-1
    kind         TEXT NOT NULL,      -- stock_below_zero | shipped_while_held | serial_recorded_twice | lot_received_twice
    subject      TEXT NOT NULL,      -- the lot code, or SKU/serial
    event_ids    TEXT NOT NULL,      -- JSON array: the events involved, in the canonical order
    opened_at    TEXT NOT NULL
);
CREATE INDEX merge_conflicts_kind ON merge_conflicts (kind, opened_at);
