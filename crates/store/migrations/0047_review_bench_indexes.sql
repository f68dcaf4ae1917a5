-- Indexes the bench's profiles asked for (issue 24).
-- The KPI table's money paid back is found by settlement or by store credit issued: without an
-- index on the credit's time, the OR of the two ranges read every RMA, twice per table.
CREATE INDEX rmas_credit_issued ON rmas (credit_issued_at) WHERE credit_issued_at IS NOT NULL;
-- Safety stock counts the units coming back per watched SKU: without it, every RMA line per SKU.
CREATE INDEX rma_lines_sku ON rma_lines (sku);
-- The review's failure counts leave re-inspections out, and `reinspection_of` was not in the
-- review's covering index: both passes over a period's failures read every row from the table.
-- The same index with that column last covers them again.
DROP INDEX failures_review;
CREATE INDEX failures_review ON failures (occurred_at, category_code, vendor_code, sku, qty_failed, qty_inspected,
    severity_rank, lot_code, disposition, reinspection_of);
