-- FTS5 merges its index segments during inserts by default, and now and then one insert pays for
-- a large merge. Interactive writes instead do a small, bounded amount of merge work each
-- (see project.rs), so no single write stalls.
INSERT INTO failures_fts (failures_fts, rank) VALUES ('automerge', 0);
