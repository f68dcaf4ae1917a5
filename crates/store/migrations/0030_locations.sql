-- The stock locations an administrator keeps (issue 20): a location typed freely used to become
-- a new one silently. Filled from `location_saved` events; locations stock already sits in from
-- before the list existed stay usable (the app reads those from stock_moves and lots).
CREATE TABLE locations (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
