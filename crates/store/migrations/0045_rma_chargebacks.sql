-- Chargebacks of returned units the refurbishment queue sent back to their vendor (issue 22):
-- charged at the units' cost, one claim per outcome, numbered per RMA, settled as a failure's
-- chargebacks are (open, recovered, written off). Like failure_chargebacks, a row is its claim's
-- whole history: the cost booked when recorded, the recovery when settled.
CREATE TABLE rma_chargebacks (
    rma_no          TEXT NOT NULL,
    claim_no        INTEGER NOT NULL,
    line_index      INTEGER NOT NULL,
    qty             INTEGER NOT NULL,
    serials         TEXT NOT NULL DEFAULT '[]',
    vendor_code     TEXT NOT NULL,
    amount_minor    INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    status          TEXT NOT NULL,
    recovered_minor INTEGER NOT NULL DEFAULT 0,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    settled_at      TEXT,
    settled_by      TEXT,
    settle_note     TEXT,
    PRIMARY KEY (rma_no, claim_no)
);
CREATE INDEX rma_chargebacks_recorded ON rma_chargebacks (recorded_at);
CREATE INDEX rma_chargebacks_settled ON rma_chargebacks (settled_at);
