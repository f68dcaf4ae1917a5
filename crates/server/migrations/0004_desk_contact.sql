-- What an administrator sees of each desk (`lotline server desks`): when it last reached the
-- server with its token, and the Lotline version it said it runs. Recorded at most once a minute
-- per desk, so a busy desk does not turn every pull into a write.
ALTER TABLE desks ADD COLUMN last_contact_at TEXT;
ALTER TABLE desks ADD COLUMN lotline_version TEXT;

-- The token Prometheus scrapes `/v1/metrics` with, by its hash; issuing a new one replaces it.
CREATE TABLE metrics_tokens (
    token_hash TEXT PRIMARY KEY,
    issued_at TEXT NOT NULL
);
