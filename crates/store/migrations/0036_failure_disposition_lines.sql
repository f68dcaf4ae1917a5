-- A failure's failed quantity divided over disposition lines, each with its owner, due date and
-- completion; a scrap line says how and by whom the units were destroyed. A failure with the
-- old single disposition has one line, 'whole', covering its whole quantity: written here for
-- the failures already projected, and by the projector from the old events from now on.
CREATE TABLE failure_disposition_lines (
    failure_no     TEXT NOT NULL,
    line_id        TEXT NOT NULL,                 -- UUIDv7, or 'whole' for the old single disposition
    position       INTEGER NOT NULL,              -- order of adding within the failure
    disposition    TEXT NOT NULL,
    qty            INTEGER NOT NULL,
    note           TEXT,
    owner_id       TEXT,
    due_on         TEXT,
    status         TEXT NOT NULL,                 -- open, awaiting_approval, completed, withdrawn
    outcome        TEXT,
    qty_completed  INTEGER,
    completed_at   TEXT,
    completed_by   TEXT,
    scrap_method   TEXT,
    scrap_method_other TEXT,
    destroyed_by   TEXT,
    witness_id     TEXT,
    added_at       TEXT,
    added_by       TEXT,
    added_event    TEXT,                          -- the line_added event (none for 'whole')
    whole          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (failure_no, line_id)
);
CREATE INDEX failure_lines_completed ON failure_disposition_lines (completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX failure_lines_owner ON failure_disposition_lines (owner_id, status);
-- The whole line of each failure already projected, as the projector writes it from the old events:
-- who chose the disposition last and when, and who closed it and when.
INSERT INTO failure_disposition_lines (failure_no, line_id, position, disposition, qty, note, status, outcome,
        qty_completed, completed_at, completed_by, added_at, added_by, whole)
    SELECT f.failure_no, 'whole', 0, f.disposition, f.qty_failed, f.disposition_note,
        CASE WHEN f.status = 'closed' THEN 'completed' WHEN f.status = 'awaiting_approval' THEN 'awaiting_approval' ELSE 'open' END,
        CASE WHEN f.status = 'closed' THEN f.outcome END,
        CASE WHEN f.status = 'closed' THEN f.outcome_qty END,
        CASE WHEN f.status = 'closed' THEN (SELECT e.occurred_at FROM events e WHERE e.stream_type = 'failure'
            AND (e.stream_id = f.failure_no OR e.stream_alias = f.failure_no) AND e.status <> 'rejected'
            AND e.kind IN ('failure_disposition_completed', 'failure_deviation_approved', 'failure_reinspected')
            ORDER BY e.stream_version DESC LIMIT 1) END,
        CASE WHEN f.status = 'closed' THEN (SELECT e.actor_id FROM events e WHERE e.stream_type = 'failure'
            AND (e.stream_id = f.failure_no OR e.stream_alias = f.failure_no) AND e.status <> 'rejected'
            AND e.kind IN ('failure_disposition_completed', 'failure_deviation_approved', 'failure_reinspected')
            ORDER BY e.stream_version DESC LIMIT 1) END,
        (SELECT e.occurred_at FROM events e WHERE e.stream_type = 'failure'
            AND (e.stream_id = f.failure_no OR e.stream_alias = f.failure_no) AND e.status <> 'rejected'
            AND e.kind IN ('failure_logged', 'failure_disposition_set') ORDER BY e.stream_version DESC LIMIT 1),
        (SELECT e.actor_id FROM events e WHERE e.stream_type = 'failure'
            AND (e.stream_id = f.failure_no OR e.stream_alias = f.failure_no) AND e.status <> 'rejected'
            AND e.kind IN ('failure_logged', 'failure_disposition_set') ORDER BY e.stream_version DESC LIMIT 1),
        1
    FROM failures f WHERE f.disposition IS NOT NULL;
