-- This desk's care of its own data folder (crates/store/src/upkeep.rs), outside the replicated
-- log: how many automatic backups it keeps, the newest Lotline that opened the database (so an
-- older one that is refused can name it), and whether a restored desk of a team must pull its
-- own events back from the server before it writes again.
CREATE TABLE desk_upkeep (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    backups_kept INTEGER NOT NULL DEFAULT 14,
    opened_by_version TEXT NOT NULL DEFAULT '',
    pull_first INTEGER NOT NULL DEFAULT 0
);
INSERT INTO desk_upkeep (id) VALUES (1);
