-- A reshipment may be the replacement for a return that is exchanged.
ALTER TABLE reshipments ADD COLUMN rma_no TEXT;
CREATE INDEX reshipments_rma ON reshipments (rma_no) WHERE rma_no IS NOT NULL;
