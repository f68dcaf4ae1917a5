-- A person's resolution of a merge conflict (the `conflict_resolved` event), projected onto its
-- row like the rest of it: every desk and a rebuild hold the same. Open conflicts have none.
ALTER TABLE merge_conflicts ADD COLUMN resolved_at TEXT;
ALTER TABLE merge_conflicts ADD COLUMN resolved_by TEXT;   -- the user's id
ALTER TABLE merge_conflicts ADD COLUMN resolution  TEXT;   -- write_off_difference | recount_later | ...
ALTER TABLE merge_conflicts ADD COLUMN note        TEXT;
-- How often it opened again: an event that breaks the rule anew after it was resolved reopens
-- it, and each opening is resolved once (its `conflict_resolved` names the opening).
ALTER TABLE merge_conflicts ADD COLUMN opening     INTEGER NOT NULL DEFAULT 0;
CREATE INDEX merge_conflicts_open ON merge_conflicts (resolved_at, opened_at);

-- A refusal read and set aside by a person at this desk. Refusals are this desk's own note of
-- the server's answer, so their dismissal stays here too and never travels in the team's log.
ALTER TABLE refused_acts ADD COLUMN dismissed_at TEXT;
ALTER TABLE refused_acts ADD COLUMN dismissed_by TEXT;     -- the user's id
