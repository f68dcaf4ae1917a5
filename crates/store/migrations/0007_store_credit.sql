-- Store credit issued on approval, ahead of the goods; the RMA settles once they are inspected.
ALTER TABLE rmas ADD COLUMN credit_issued_minor INTEGER;
ALTER TABLE rmas ADD COLUMN credit_issued_at TEXT;
