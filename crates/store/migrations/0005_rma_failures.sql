-- QC failures found at returns intake, linked to the RMA the goods came back with.
CREATE TABLE rma_failures (
    failure_no TEXT PRIMARY KEY NOT NULL,
    rma_no TEXT NOT NULL
);
CREATE INDEX rma_failures_rma ON rma_failures (rma_no);
