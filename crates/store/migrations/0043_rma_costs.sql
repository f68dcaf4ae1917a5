-- What handling a return actually cost, as recorded (issue 18): the cost per return counts these
-- instead of the return policy's standard handling cost and label postage, where they exist.
CREATE TABLE rma_costs (
    event_id     TEXT PRIMARY KEY,
    rma_no       TEXT NOT NULL,
    amount_minor INTEGER NOT NULL,
    currency     TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX rma_costs_rma ON rma_costs (rma_no);
