-- Each desk's checkpoint key (`id:hex`, docs/audit-log.md), sent with its first push after
-- enrolment or after it made a new one: the server verifies the desk's checkpoint of every push
-- with it before storing the events.
ALTER TABLE desks ADD COLUMN checkpoint_key TEXT;
