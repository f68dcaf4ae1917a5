-- Every sign-in through the team's desks, and the ones a desk decided offline and reported when
-- it was back: five wrong passwords in a row for a name lock it for 15 minutes on every desk
-- (lotline_domain::users::locked_until), so going offline or to another desk is no way around
-- the lockout. Ordered by time: reported attempts arrive late but count where they happened.
CREATE TABLE sign_in_attempts (
    username_key TEXT NOT NULL,
    at TEXT NOT NULL,
    ok BIGINT NOT NULL,
    desk_id TEXT NOT NULL,
    -- Decided on the desk while it could not reach the server.
    reported BIGINT NOT NULL
);
CREATE INDEX sign_in_attempts_name ON sign_in_attempts (username_key, at);
