-- The sales channel orders were sold through and RMAs came back from (issue 18): the code of
-- `SalesChannel` (marketplace, web_shop, retail, b2b); NULL for those recorded before channels
-- were kept, shown as "unspecified" and never guessed.
ALTER TABLE orders ADD COLUMN channel TEXT;
ALTER TABLE rmas ADD COLUMN channel TEXT;
CREATE INDEX rmas_channel ON rmas (channel);
