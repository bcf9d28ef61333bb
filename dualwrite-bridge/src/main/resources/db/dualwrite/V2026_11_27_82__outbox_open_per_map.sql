-- The console's per-map figures while a map has a large backlog (e.g. an initial sync of 1,000,000 records) are
-- read from small index ranges instead of every waiting row: the oldest undelivered event of a map (the map is
-- CATCHING_UP when it is older than a few seconds) and its backlog count come from the first index; the last error
-- of a map from the second, which holds only failing events.
CREATE INDEX dualwrite_outbox_open_per_map ON dualwrite_outbox (table_map, id) WHERE status IN ('PENDING', 'INFLIGHT');
CREATE INDEX dualwrite_outbox_failing ON dualwrite_outbox (table_map, id)
    WHERE last_error IS NOT NULL AND status <> 'DELIVERED';
