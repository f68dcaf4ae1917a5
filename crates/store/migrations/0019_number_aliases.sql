-- A record numbered before its desk joined a team, whose number the team already had, goes by
-- its desk's number (docs/sync.md). The team's server decides; each desk keeps the aliases it
-- was told (never cleared by a rebuild, like the server's sequence) and reads that desk's events
-- through them: `stream_alias` and `payload_alias` hold an event's stream and payload with the
-- numbers renamed, while `stream_id` and `payload` keep what was written and chained.
CREATE TABLE number_aliases (
    desk_id TEXT NOT NULL,
    number  TEXT NOT NULL,
    alias   TEXT NOT NULL,
    PRIMARY KEY (desk_id, number)
);
CREATE INDEX number_aliases_alias ON number_aliases (alias);

ALTER TABLE events ADD COLUMN stream_alias TEXT;
ALTER TABLE events ADD COLUMN payload_alias TEXT;
CREATE INDEX events_stream_alias ON events (stream_type, stream_alias) WHERE stream_alias IS NOT NULL;
