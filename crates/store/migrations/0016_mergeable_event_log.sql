-- The event log, ready to merge with other desks' logs (docs/sync.md):
--   * desk_id (was device_id) and a gapless per-desk sequence;
--   * act_id: the events of one business act, accepted or refused whole;
--   * schema_version of the payload, so older payloads are upcast when read;
--   * a hybrid logical clock (wall ms, counter, desk) instead of milliseconds plus an id;
--   * seen: how much of the team's log the desk had pulled when it wrote the event, so a merge
--     tells acts made in ignorance of each other (a shipment and a hold) from informed ones;
--   * local_only for events that never leave the desk (credentials: password resets; a user's
--     creation of schema version 1 carries a hash too, and is pushed with it taken out);
--   * prev_hash/hash: the desk's SHA-256 chain, filled for existing events by the first open
--     after this upgrade (SQLite has no SHA-256), see `chain_backfill` below;
--   * (stream, version) is no longer unique: versions of pending events are local and are
--     renumbered when the server's order arrives.
CREATE TABLE events_v2 (
    seq            INTEGER PRIMARY KEY,          -- local arrival order; not the canonical order
    id             TEXT    NOT NULL UNIQUE,      -- UUIDv7, unique across the team
    desk_id        TEXT    NOT NULL,
    desk_seq       INTEGER NOT NULL,
    act_id         TEXT    NOT NULL,
    stream_type    TEXT    NOT NULL,
    stream_id      TEXT    NOT NULL,
    stream_version INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL DEFAULT 1,
    payload        TEXT    NOT NULL,             -- JSON of the domain Event ('null' in a stub)
    -- Only in a stub of another desk's event whose payload stayed on that desk (local_only):
    -- what its chain hash covers. Otherwise it is the SHA-256 of `payload`.
    payload_hash   TEXT,
    actor_id       TEXT,
    occurred_at    TEXT    NOT NULL,             -- RFC 3339 UTC
    hlc            TEXT    NOT NULL,
    seen           INTEGER NOT NULL DEFAULT 0,   -- the server sequence the desk had pulled when it wrote it
    local_only     INTEGER NOT NULL DEFAULT 0,
    server_seq     INTEGER UNIQUE,               -- NULL until the sync server accepts it
    status         TEXT    NOT NULL DEFAULT 'pending', -- pending | confirmed | rejected
    prev_hash      TEXT,
    hash           TEXT,
    UNIQUE (desk_id, desk_seq)
);

-- Acts were one append each: the events of one desk, actor and instant belong together.
-- The counter of the clock orders events within one millisecond as they were appended.
INSERT INTO events_v2 (seq, id, desk_id, desk_seq, act_id, stream_type, stream_id, stream_version, kind,
                       schema_version, payload, actor_id, occurred_at, hlc, local_only, server_seq, status)
SELECT seq, id, device_id,
       ROW_NUMBER() OVER (PARTITION BY device_id ORDER BY seq),
       FIRST_VALUE(id) OVER (PARTITION BY device_id, COALESCE(actor_id, ''), occurred_at ORDER BY seq),
       stream_type, stream_id, stream_version, kind, 1, payload, actor_id, occurred_at,
       substr(hlc, 1, 15) || '-' ||
           printf('%05d', ROW_NUMBER() OVER (PARTITION BY device_id, substr(hlc, 1, 15) ORDER BY seq) - 1) ||
           '-' || device_id,
       kind = 'user_password_reset', server_seq, 'pending'
FROM events;

DROP TABLE events;
ALTER TABLE events_v2 RENAME TO events;

CREATE INDEX events_stream ON events (stream_type, stream_id, stream_version);
CREATE INDEX events_pending ON events (seq) WHERE server_seq IS NULL;

-- What this desk keeps for itself and never rebuilds from the log: the last clock it has seen,
-- and upgrade steps still to do.
CREATE TABLE local_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO local_state (key, value)
SELECT 'chain_backfill', 'pending' WHERE EXISTS (SELECT 1 FROM events);
INSERT INTO local_state (key, value)
SELECT 'last_hlc', hlc FROM events ORDER BY hlc DESC LIMIT 1;

-- Human numbers are counted per prefix (`QF-AMS1`, and once enrolled `QF-AMS1A`): desks of one
-- team each issue their own, so the number part alone is no longer unique.
DROP INDEX failures_seq_no;
CREATE INDEX failures_seq_no ON failures (seq_no);
CREATE TABLE issued_numbers (
    prefix TEXT PRIMARY KEY,                     -- e.g. QF-AMS1A: the number without its count
    last   INTEGER NOT NULL
);
INSERT INTO issued_numbers (prefix, last)
SELECT substr(no, 1, length(rtrim(no, '0123456789')) - 1), MAX(seq_no)
FROM (SELECT failure_no AS no, seq_no FROM failures
      UNION ALL SELECT reshipment_no, seq_no FROM reshipments
      UNION ALL SELECT rma_no, seq_no FROM rmas
      UNION ALL SELECT recall_no, seq_no FROM recalls)
GROUP BY 1;

-- Password hashes are this desk's own: they leave the users table, which every desk of a team
-- holds alike, for a table of their own that is never compared or sent.
CREATE TABLE credentials (
    user_id       TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL
);
INSERT INTO credentials (user_id, password_hash) SELECT user_id, password_hash FROM users;
ALTER TABLE users DROP COLUMN password_hash;
