-- Every sign-in on this desk, successful or not: five wrong passwords in a row lock that name for
-- 15 minutes, counted in the database so the desktop and the CLI count alike. Desk-local: never
-- in the event log, never cleared by a rebuild.
CREATE TABLE sign_in_attempts (
    id           INTEGER PRIMARY KEY,
    username_key TEXT NOT NULL,
    user_id      TEXT,
    at           TEXT NOT NULL,
    ok           INTEGER NOT NULL
);
CREATE INDEX sign_in_attempts_name ON sign_in_attempts (username_key, id);
