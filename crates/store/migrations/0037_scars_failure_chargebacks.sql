-- SCARs as records, and chargebacks on QC failures (issue 22).
--
-- A SCAR's row keeps each step's text with who recorded it and when (the event's actor and
-- time), so the list, the detail page and the PDF read one row. `seq_no` is the number's count,
-- which lists sort by.
CREATE TABLE scars (
    scar_no        TEXT PRIMARY KEY,
    seq_no         INTEGER NOT NULL,
    vendor_code    TEXT NOT NULL,
    failure_no     TEXT,
    status         TEXT NOT NULL,
    team           TEXT NOT NULL,
    problem        TEXT NOT NULL,
    opened_at      TEXT NOT NULL,
    opened_by      TEXT NOT NULL,
    sent_at        TEXT,
    sent_by        TEXT,
    sent_note      TEXT,
    due_on         TEXT,
    containment    TEXT,
    containment_at TEXT,
    containment_by TEXT,
    root_cause     TEXT,
    actions        TEXT,
    preventive     TEXT,
    root_cause_at  TEXT,
    root_cause_by  TEXT,
    verification   TEXT,
    verified_at    TEXT,
    verified_by    TEXT,
    closure        TEXT,
    closed_at      TEXT,
    closed_by      TEXT
);
CREATE INDEX scars_vendor ON scars (vendor_code, status);
CREATE INDEX scars_due ON scars (status, due_on);
CREATE INDEX scars_failure ON scars (failure_no);

-- One claim per failure and source (re-inspection, return to vendor). Recovered and written off
-- are final, so the claim's row is its whole history: the cost is booked when recorded, the
-- recovery when settled (queries::review::cost_rows).
CREATE TABLE failure_chargebacks (
    failure_no      TEXT NOT NULL,
    source          TEXT NOT NULL,
    vendor_code     TEXT NOT NULL,
    amount_minor    INTEGER NOT NULL,
    currency        TEXT NOT NULL,
    status          TEXT NOT NULL,
    recovered_minor INTEGER NOT NULL DEFAULT 0,
    note            TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    recorded_by     TEXT NOT NULL,
    settled_at      TEXT,
    settled_by      TEXT,
    settle_note     TEXT,
    PRIMARY KEY (failure_no, source)
);
CREATE INDEX failure_chargebacks_recorded ON failure_chargebacks (recorded_at);
CREATE INDEX failure_chargebacks_settled ON failure_chargebacks (settled_at);
