-- A desk's pending events in its own order, without a walk past every event the server has
-- already confirmed: the push reads them a page at a time, and the pages were slower the more
-- of the log was confirmed (quadratic over a large first push).
CREATE INDEX events_pending_desk ON events (desk_id, desk_seq) WHERE server_seq IS NULL;
