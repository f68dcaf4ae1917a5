-- Reviews of flagged vendors: each lifts a receipt block (see `receipts_blocked_since`).
CREATE TABLE vendor_reviews (
    event_seq   INTEGER PRIMARY KEY,
    vendor_code TEXT NOT NULL,
    at          TEXT NOT NULL,
    note        TEXT NOT NULL,
    actor_id    TEXT
);
CREATE INDEX vendor_reviews_vendor ON vendor_reviews (vendor_code, at);
-- Cost per return counts the prepaid labels printed for each RMA settled.
CREATE INDEX rma_label_attempts_rma ON rma_label_attempts (rma_no, ok);
