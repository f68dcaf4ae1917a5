-- The KPI table counts and sums each step of the returns process in SQL; these indexes hold
-- the columns each sum reads, so a month of RMAs is read from the index alone.
DROP INDEX rmas_decided;
DROP INDEX rmas_inspected;
DROP INDEX rmas_settled;
CREATE INDEX rmas_decided ON rmas (decided_at, decided_by_rules, status) WHERE decided_at IS NOT NULL;
CREATE INDEX rmas_inspected ON rmas (inspected_at, received_at) WHERE inspected_at IS NOT NULL;
CREATE INDEX rmas_settled ON rmas (settled_at, received_at, currency, settlement_kind) WHERE settled_at IS NOT NULL;
DROP INDEX rma_label_attempts_at;
CREATE INDEX rma_label_attempts_at ON rma_label_attempts (at, ok);
-- Units ordered per vendor look up each SKU's vendor; from this index, not the product rows.
CREATE INDEX products_vendor_of ON products (sku, vendor_code);
