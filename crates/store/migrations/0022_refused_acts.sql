-- Acts of this desk that the team's server refused, and why, for the people at this desk to
-- read. The refused events stay in the log (status 'rejected', not projected); this is the
-- desk's own note of the server's answer, which no rebuild empties and no sync sends.
CREATE TABLE refused_acts (
    act_id      TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,               -- the act's first event kind: what was done
    number      TEXT,                        -- the record's human number, when it has one
    actor_id    TEXT,                        -- who did the act
    reason_key  TEXT NOT NULL,               -- an i18n key (error.rma.not_cancellable)
    params      TEXT NOT NULL DEFAULT '{}',  -- the reason's parameters, a JSON object of strings
    message     TEXT NOT NULL,               -- the server's own words, for logs and support
    occurred_at TEXT NOT NULL,               -- when the act was made on this desk
    refused_at  TEXT NOT NULL                -- when the refusal reached this desk
);
CREATE INDEX refused_acts_when ON refused_acts (refused_at);
