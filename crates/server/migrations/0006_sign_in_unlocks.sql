-- An administrator lifting a lock: kept among the attempts, as the success it stands for, so the
-- domain's rule (five wrong in a row) reads the name as open again; `unlocked_by` names who did
-- it, and such rows are no one's sign-in.
ALTER TABLE sign_in_attempts ADD COLUMN unlocked_by TEXT;
