-- Events delivered (ours, acknowledged by the peer) and applied (the peer's, applied here) per map and minute:
-- the console reads its rates from these few rows instead of counting a million outbox or inbox rows while
-- a large initial sync or backlog is on its way. Rows older than 7 days are deleted by the relay's sweep.
CREATE TABLE dualwrite_map_minute (
    table_map text        NOT NULL,
    kind      text        NOT NULL,      -- DELIVERED, APPLIED
    minute    timestamptz NOT NULL,
    events    bigint      NOT NULL,
    PRIMARY KEY (table_map, kind, minute)
);
