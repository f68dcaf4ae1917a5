-- Holds: a quarantine is a hold whose stock is also set apart; each hold names the event that
-- placed it, so one hold of several can be lifted (the recall's event for a recall's holds).
ALTER TABLE holds ADD COLUMN quarantine INTEGER NOT NULL DEFAULT 0;
ALTER TABLE holds ADD COLUMN placed_event TEXT;
UPDATE holds SET placed_event = (
    SELECT e.id FROM events e
    WHERE e.occurred_at = holds.placed_at
      AND ((holds.recall_no IS NOT NULL AND e.kind = 'recall_started' AND e.stream_id = holds.recall_no)
        OR (holds.recall_no IS NULL AND e.kind = 'lot_hold_placed' AND upper(trim(e.stream_id)) = holds.lot_code))
    ORDER BY e.seq LIMIT 1
);

-- Every change to a lot's row after it was first written, newest last: the in-memory lot index
-- reads only the lots touched since it last looked. One row per lot (a lot touched again moves
-- to the end: REPLACE numbers the new row before it deletes the old one, so numbers only grow
-- without AUTOINCREMENT's extra write), so the table never outgrows the lots. Written by the
-- projections that change a lot (see `lot_touches.rs`), not by a trigger: a trigger per update
-- cost a tenth of a large lot import. Not a projection: a rebuild touches again.
CREATE TABLE lot_touches (
    touch_id INTEGER PRIMARY KEY,
    lot_id   INTEGER NOT NULL UNIQUE
);
