-- A user whose password an administrator reset chooses a new one at their next sign-in, on any
-- desk: the server keeps what the newest credential it accepted says (a reset sets it, the
-- person's own new password clears it) and tells the desk in its sign-in answer.
ALTER TABLE team_users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0;
