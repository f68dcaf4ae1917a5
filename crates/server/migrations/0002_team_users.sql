-- The team's users as its log defines them, kept by the server as it accepts their events, so
-- that every pushed act is checked against its author's roles in server order; and the password
-- hashes desks send beside their credential events, which sign people in on any desk.
CREATE TABLE team_users (
    user_id TEXT PRIMARY KEY,
    -- The username without case: one namespace for the team.
    username_key TEXT NOT NULL UNIQUE,
    -- A JSON array of role names.
    roles TEXT NOT NULL,
    active BIGINT NOT NULL,
    password_hash TEXT
);

-- Who has signed in on a desk: through the server (a session), or on the desk itself before it
-- joined (its users then). The server takes a person's acts only from these desks.
CREATE TABLE desk_users (
    desk_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    since TEXT NOT NULL,
    PRIMARY KEY (desk_id, user_id)
);

-- The sessions the server issued, by the hash of their token.
CREATE TABLE user_sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    desk_id TEXT NOT NULL,
    issued_at TEXT NOT NULL
);

-- The desk's last sequence when it enrolled: its acts up to there were written before it joined.
ALTER TABLE desks ADD COLUMN enrolled_head BIGINT NOT NULL DEFAULT 0;

-- A record a desk numbered before it joined, whose number the team already had, goes by its
-- desk's number (docs/sync.md): the server judges that desk's events through these aliases and
-- tells every desk, while the events keep the text they were written with.
CREATE TABLE number_aliases (
    desk_id TEXT NOT NULL,
    number TEXT NOT NULL,
    alias TEXT NOT NULL UNIQUE,
    -- The event that opened the record under its old number.
    event_id TEXT NOT NULL,
    PRIMARY KEY (desk_id, number)
);

-- An event as the merge reads it where aliases apply: its stream and payload with the numbers renamed.
ALTER TABLE events ADD COLUMN stream_alias TEXT;
ALTER TABLE events ADD COLUMN payload_alias TEXT;
CREATE INDEX events_stream_alias ON events (stream_type, stream_alias);
