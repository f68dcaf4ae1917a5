-- Whether the team's server counted the attempt: it counts those made through it; one this desk
-- decided alone while the server could not be reached waits here (0) until the desk reports it,
-- so going offline is no way around the team's lockout. Attempts before this migration were
-- never the server's to count.
ALTER TABLE sign_in_attempts ADD COLUMN reported INTEGER NOT NULL DEFAULT 1;
CREATE INDEX sign_in_attempts_unreported ON sign_in_attempts (id) WHERE reported = 0;
