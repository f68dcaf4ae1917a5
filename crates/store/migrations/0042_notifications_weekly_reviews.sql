-- Notifications and weekly reviews (issue 22).
-- Each person's choice of notification kinds, projected from `notification_preferences_set`;
-- a person with no row gets every kind.
CREATE TABLE notification_preferences (
    user_id TEXT PRIMARY KEY,
    muted   TEXT NOT NULL DEFAULT '[]',
    system  INTEGER NOT NULL DEFAULT 1
);
-- What this desk already told a person: shown by the operating system (announced) and read in the
-- inbox. Notifications are derived from the records, not logged; only these marks are kept, on
-- the desk, and are no projection (a rebuild leaves them as they are).
CREATE TABLE notification_marks (
    user_id         TEXT NOT NULL,
    notification_id TEXT NOT NULL,
    announced_at    TEXT,
    read_at         TEXT,
    PRIMARY KEY (user_id, notification_id)
) WITHOUT ROWID;
-- The weekly review as the PDF the app made on the site's calendar, one per ISO week; kept on the
-- desk (every desk can make it from the same log) and handed to the team's server to mail once.
CREATE TABLE weekly_reviews (
    week            TEXT PRIMARY KEY,
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    made_at         TEXT NOT NULL,
    language        TEXT NOT NULL,
    pdf             BLOB NOT NULL,
    sent_to_team_at TEXT
);
