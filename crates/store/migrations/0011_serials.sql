-- Serial numbers of units, each in its lot; unique per product, as GS1 (01)+(21) is.
CREATE TABLE lot_serials (
    sku         TEXT NOT NULL,
    serial      TEXT NOT NULL,
    lot_id      INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    -- The order and customer the unit went to, once shipped (by a lot shipment or a reshipment).
    shipped_order    TEXT,
    shipped_customer TEXT,
    PRIMARY KEY (sku, serial)
) WITHOUT ROWID;
CREATE INDEX lot_serials_lot ON lot_serials (lot_id);
-- A scanned serial without its GTIN still finds its lot.
CREATE INDEX lot_serials_serial ON lot_serials (serial);
