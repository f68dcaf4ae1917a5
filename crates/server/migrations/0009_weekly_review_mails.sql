-- The weekly reviews the server mailed through the team's SMTP relay: one per ISO week, whichever
-- desk hands it in first (every desk makes its own from the same log).
CREATE TABLE weekly_review_mails (
    week        TEXT PRIMARY KEY,
    desk_id     TEXT NOT NULL,
    received_at TEXT NOT NULL,
    mailed_at   TEXT,
    recipients  BIGINT NOT NULL DEFAULT 0
);
