-- One schema for SQLite and PostgreSQL: only TEXT and BIGINT, no backend-specific types, so the
-- same statements run on both. Times are RFC 3339 UTC text with milliseconds (sorts as time).

-- The one row that holds the team and the last server sequence given. Every writer updates this
-- row first, so writers queue on its lock and server_seq commits in sequence order.
CREATE TABLE server_state (
    id BIGINT PRIMARY KEY,
    team_id TEXT NOT NULL,
    last_server_seq BIGINT NOT NULL
);

CREATE TABLE desks (
    desk_id TEXT PRIMARY KEY,
    desk_code TEXT NOT NULL UNIQUE,
    site_code TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT,
    next_seq BIGINT NOT NULL,
    head_hash TEXT NOT NULL
);

CREATE TABLE enroll_codes (
    code_hash TEXT PRIMARY KEY,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    desk_id TEXT
);

CREATE TABLE events (
    server_seq BIGINT PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    desk_id TEXT NOT NULL,
    desk_seq BIGINT NOT NULL,
    act_id TEXT NOT NULL,
    stream_type TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    schema_version BIGINT NOT NULL,
    payload TEXT,
    payload_hash TEXT NOT NULL,
    actor_id TEXT,
    occurred_at TEXT NOT NULL,
    hlc TEXT NOT NULL,
    seen BIGINT NOT NULL,
    local_only BIGINT NOT NULL,
    -- The payload had a credential taken out; payload_hash is of the desk's stored payload.
    redacted BIGINT NOT NULL,
    -- An event of a refused act: kept in the sequence as a stub so every desk's chain stays whole.
    rejected BIGINT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (desk_id, desk_seq)
);

-- The merge rules judge an act against its streams' history.
CREATE INDEX events_stream ON events (stream_type, stream_id, server_seq);

-- Events of refused acts: kept so a re-push answers the same and the desk's chain and sequence
-- stay gapless through them.
CREATE TABLE rejected_events (
    id TEXT PRIMARY KEY,
    desk_id TEXT NOT NULL,
    desk_seq BIGINT NOT NULL,
    act_id TEXT NOT NULL,
    hash TEXT NOT NULL,
    reason_key TEXT NOT NULL,
    params TEXT NOT NULL,
    message TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (desk_id, desk_seq)
);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    stored_at TEXT NOT NULL
);
