-- The team's desks by id, as the server names them on each pull: the conflicts inbox says "on
-- desk AMS1B" instead of an id. Bookkeeping of this desk, not part of the log.
CREATE TABLE team_desks (
    desk_id TEXT PRIMARY KEY,
    desk_code TEXT NOT NULL
);
