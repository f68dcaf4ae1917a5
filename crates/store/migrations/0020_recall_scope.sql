-- A recall's scope as the merged genealogy has it: the recalled lots and everything made from
-- them. A link or shipment another desk made (before the recall reached it, or offline after)
-- widens the scope when it is merged in: the lot joins, in-stock lots are held, and the
-- conflict `recall_scope_grew` names what the merge added (`added_event`).
CREATE TABLE recall_lots (
    recall_no   TEXT NOT NULL,
    lot_code    TEXT NOT NULL,
    -- The event that brought the lot into scope after the recall was made; NULL for the scope
    -- the recalling desk saw.
    added_event TEXT,
    PRIMARY KEY (recall_no, lot_code)
);
CREATE INDEX recall_lots_lot ON recall_lots (lot_code);

-- Recalls made before this version: their scope from the genealogy as it stands.
INSERT INTO recall_lots (recall_no, lot_code)
WITH RECURSIVE scope (recall_no, lot_id) AS (
    SELECT r.recall_no, l.lot_id
    FROM recalls r
    JOIN json_each('["' || replace(r.lot_codes, ' ', '","') || '"]') AS root
    JOIN lots l ON l.lot_code = root.value
    UNION
    SELECT s.recall_no, k.to_id FROM lot_links k JOIN scope s ON k.from_id = s.lot_id
)
SELECT DISTINCT s.recall_no, l.lot_code FROM scope s JOIN lots l ON l.lot_id = s.lot_id;
