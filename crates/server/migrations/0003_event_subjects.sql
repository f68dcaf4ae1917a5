-- The subjects an accepted event names beyond its own stream (lotline_domain::merge::subjects_of):
-- the order an RMA takes units back from, the failures and the return a reshipment replaces. The
-- merge judge finds through them what other desks already took of a counter's ceiling.
CREATE TABLE event_subjects (
    subject TEXT NOT NULL,
    server_seq BIGINT NOT NULL,
    PRIMARY KEY (subject, server_seq)
);
