-- The idle time after which a session asks for the password again (issue 19), set by an
-- administrator as a `session_policy_set` event; a database from before it locks after 15 minutes.
ALTER TABLE settings ADD COLUMN idle_lock_minutes INTEGER NOT NULL DEFAULT 15;
