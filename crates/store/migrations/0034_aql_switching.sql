-- Whether the responsible authority approves AQL reduced inspection (ISO 2859-1 9.3.3, issue
-- 18): one row, filled from `aql_switching_set` events; no row means not approved.
CREATE TABLE aql_switching (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    reduced_allowed INTEGER NOT NULL
);
